/**
 * The base of the host side: what an architecture is ({@link io.bessim.driver.Architecture}), the
 * platform profile ({@link io.bessim.driver.Platform}) and the interface the traffic model plugs
 * into the driver with ({@link io.bessim.driver.NetStack}). It depends on no other package of the
 * host side: the kernel model is in {@code kernel}, the MMC/SDIO host in {@code mmc}, the driver's
 * routines in {@code bes2600}, the assembled tablet with its derived topology in {@code host}, and
 * the race analyses of the routines' shared-memory accesses in {@code race}. Depends on chip-model
 * and sim-core only.
 */
package io.bessim.driver;
