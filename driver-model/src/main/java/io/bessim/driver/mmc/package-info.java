/**
 * The MMC core and the dw_mmc host controller as the driver meets them: synchronous SDIO requests
 * ({@code mmc_wait_for_req}: the caller sleeps until the completion interrupt, the controller's BH
 * work and the wake-up), and the in-band SDIO interrupt path (dw_mmc masks the SDIO interrupt,
 * {@code sdio_irq_work} on system_wq claims the host, calls the driver's handler, then
 * {@code ack_sdio_irq} unmasks it). Sources: timing-facts.md section 2, driver-topology.md 3.7.
 */
package io.bessim.driver.mmc;
