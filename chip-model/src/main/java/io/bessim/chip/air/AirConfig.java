package io.bessim.chip.air;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import io.bessim.sim.Time;

/**
 * Parameters of the 802.11n link the BES2600 receives and sends on.
 *
 * <p>Defaults are timing-facts.md's "Suggested default parameters": MCS7 short GI (72.2 Mbit/s),
 * 16 A-MPDU subframes, EDCA best effort (AIFSN 3, CWmin 15), 2.4 GHz SIFS and short slot, and the
 * BlockAck sent at the 24 Mbit/s legacy basic rate.
 *
 * @param mcs HT MCS index, 0..7 (one spatial stream)
 * @param shortGi whether data symbols use the 400 ns guard interval (3.6 us symbols)
 * @param ampduMaxSubframes firmware limit on MPDUs per A-MPDU; also capped at the BA window 64
 * @param maxPpduPs longest PPDU allowed, 5.484 ms (L-SIG length 4095 B at 6 Mbit/s)
 * @param sifsPs SIFS, 10 us at 2.4 GHz
 * @param slotPs slot time, 9 us (short slot)
 * @param aifsn EDCA AIFSN, 3 for best effort
 * @param cwMin EDCA minimum contention window, 2^k - 1 (15 for best effort)
 * @param basicRateMbps legacy OFDM rate of the ACK and BlockAck, one of 6, 9, ..., 54 Mbit/s
 */
public record AirConfig(
    int mcs,
    boolean shortGi,
    int ampduMaxSubframes,
    long maxPpduPs,
    long sifsPs,
    long slotPs,
    int aifsn,
    int cwMin,
    double basicRateMbps) {

  /** Validates ranges; the legacy rate must be a real 802.11a/g OFDM rate. */
  public AirConfig {
    checkArgument(mcs >= 0 && mcs <= 7, "mcs must be in 0..7: %s", mcs);
    checkArgument(ampduMaxSubframes >= 1, "ampduMaxSubframes must be >= 1: %s", ampduMaxSubframes);
    checkArgument(maxPpduPs > 0, "maxPpduPs must be > 0: %s", maxPpduPs);
    checkArgument(sifsPs > 0, "sifsPs must be > 0: %s", sifsPs);
    checkArgument(slotPs > 0, "slotPs must be > 0: %s", slotPs);
    checkArgument(aifsn >= 1, "aifsn must be >= 1: %s", aifsn);
    checkArgument(
        cwMin >= 1 && IntMath.isPowerOfTwo(cwMin + 1), "cwMin must be 2^k - 1: %s", cwMin);
    checkArgument(
        Airtime.isLegacyOfdmRate(basicRateMbps),
        "basicRateMbps must be a legacy OFDM rate (6, 9, 12, 18, 24, 36, 48, 54): %s",
        basicRateMbps);
  }

  /** Returns MCS7 SGI, 16 subframes, 5.484 ms, SIFS 10 us, slot 9 us, AIFSN 3, CWmin 15, 24. */
  public static AirConfig defaults() {
    return new AirConfig(7, true, 16, 5_484 * Time.US, 10 * Time.US, 9 * Time.US, 3, 15, 24.0);
  }

  /** Returns a copy with another MCS and guard interval. */
  public AirConfig withRate(int newMcs, boolean newShortGi) {
    return new AirConfig(
        newMcs, newShortGi, ampduMaxSubframes, maxPpduPs, sifsPs, slotPs, aifsn, cwMin,
        basicRateMbps);
  }

  /** Returns a copy with another firmware A-MPDU subframe limit. */
  public AirConfig withAmpduMaxSubframes(int newAmpduMaxSubframes) {
    return new AirConfig(
        mcs, shortGi, newAmpduMaxSubframes, maxPpduPs, sifsPs, slotPs, aifsn, cwMin,
        basicRateMbps);
  }
}
