/**
 * One tablet assembled from a platform profile and an architecture ({@link
 * io.bessim.driver.host.Host}): kernel, SDIO host, chip and air link, with the bes2600 driver built
 * for the architecture; and the architecture's topology derived from the routines that driver
 * built ({@link io.bessim.driver.host.Topology}).
 */
package io.bessim.driver.host;
