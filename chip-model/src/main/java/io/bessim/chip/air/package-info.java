/**
 * 802.11n air side of the BES2600 (2.4 GHz, 20 MHz, one spatial stream): PHY rates, PPDU
 * airtime, A-MPDU sizing and the duration of one EDCA transmit opportunity.
 *
 * <p>Constants and formulas follow {@code docs/sources/timing-facts.md} §4, which takes
 * them from Linux ath9k ({@code drivers/net/wireless/ath/ath9k/xmit.c}) and IEEE 802.11. All
 * durations are whole microseconds before conversion, so results are exact picosecond counts.
 */
package io.bessim.chip.air;
