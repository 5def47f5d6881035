/**
 * The host side of bessim: the architecture presets ({@link io.bessim.driver.Architecture}), the
 * platform profile ({@link io.bessim.driver.Platform}), the assembled tablet
 * ({@link io.bessim.driver.Host}) and the topology an architecture's choices imply. The kernel
 * model is in {@code kernel}, the MMC/SDIO host in {@code mmc}, the driver's routines in
 * {@code bes2600}, the race analyses of their shared-memory accesses in {@code race}. Depends on
 * chip-model and sim-core only.
 */
package io.bessim.driver;
