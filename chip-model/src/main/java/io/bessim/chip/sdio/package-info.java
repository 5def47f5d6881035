/**
 * SD/SDIO bus timing: how many bus clock cycles a CMD52 or CMD53 occupies, and what that costs in
 * picoseconds at a given clock.
 *
 * <p>The cycle formulas follow {@code docs/sources/timing-facts.md} §1.2 and §1.5
 * (SDIO Simplified Spec v2.00 §5.3, SanDisk SD product manual §4.11, Samsung MMC timing tables).
 * Everything is counted in whole bus cycles first and converted to picoseconds once per transfer,
 * so that a non-integer-ps clock (150 MHz is 6,666.67 ps) does not accumulate rounding error.
 */
package io.bessim.chip.sdio;
