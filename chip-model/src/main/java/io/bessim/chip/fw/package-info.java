/**
 * The BES2600 firmware as the host sees it: input buffers for host-to-chip messages
 * ({@code numInpChBufs}), an RX buffer pool for frames from the air, per-frame processing, the
 * messages waiting for the host (data indications and TX confirms), the interrupt line, and the
 * wedge that follows a host write into a buffer the chip does not have. Knows nothing of threads:
 * the host calls it at the simulated time of each SDIO transfer.
 */
package io.bessim.chip.fw;
