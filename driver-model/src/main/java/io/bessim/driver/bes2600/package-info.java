/**
 * The bes2600 driver's routines, named after the C functions they model (bh.c, bes2600_sdio.c,
 * wsm.c, txrx.c of the vendor driver; driver-topology.md section 3). C names are kept here, and
 * only here, so that a reviewer who knows {@code wsm_release_tx_buffer} recognises it.
 */
package io.bessim.driver.bes2600;
