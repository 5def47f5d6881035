package io.bessim.chip.air;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.bessim.sim.Time;

/**
 * Airtime of 802.11n HT-mixed PPDUs, legacy control responses and one EDCA TXOP.
 *
 * <p>HT-mixed, one spatial stream, 20 MHz (timing-facts.md §4.1, [ath9k] {@code xmit.c}):
 *
 * <pre>
 * T = 36 us preamble + symbols + 6 us signal extension
 * symbols = ceil((22 + 8 L) / Ndbps) data symbols of 4 us, or with short GI
 *           SYMBOL_TIME_HALFGI(n) = (n * 18 + 4) / 5 us (integer division, ath9k)
 * </pre>
 *
 * <p>ath9k's short-GI rounding is {@code ceil(n * 3.6 us)}. IEEE 802.11 TXTIME for short GI instead
 * rounds the data field up to a whole 4 us legacy symbol (so the L-SIG spoof is exact); that can
 * add up to 3 us per PPDU. We follow ath9k, as the reference table does.
 *
 * <p>Not modelled: the 65,535-byte A-MPDU length limit, because with one stream at 20 MHz the
 * 5.484 ms PPDU limit binds first (72.2 Mbit/s for 5.44 ms is under 50 kB).
 */
public final class Airtime {
  /** HT-mixed preamble, 1 SS: L-STF 8 + L-LTF 8 + L-SIG 4 + HT-SIG 8 + HT-STF 4 + HT-LTF 4. */
  static final long HT_PREAMBLE_US = 36;

  /** Legacy OFDM preamble + SIGNAL ([ath9k] OFDM_PREAMBLE_TIME). */
  static final long LEGACY_PREAMBLE_US = 20;

  /** 2.4 GHz OFDM signal extension ([ath9k]-derived HT_SIGNAL_EXT). */
  static final long SIGNAL_EXTENSION_US = 6;

  /** SERVICE 16 + tail 6 bits ([ath9k] OFDM_PLCP_BITS). */
  static final int PLCP_BITS = 22;

  /** Legacy OFDM and long-GI HT symbol time. */
  static final long SYMBOL_US = 4;

  /** ACK frame length including FCS ([ath9k] ACK_LEN). */
  public static final int ACK_BYTES = 14;

  /** Compressed BlockAck length including FCS ([ath9k] BA_LEN). */
  public static final int BLOCK_ACK_BYTES = 32;

  /** A-MPDU delimiter preceding every subframe (IEEE 802.11n). */
  public static final int AMPDU_DELIMITER_BYTES = 4;

  /** BlockAck window: at most 64 MPDUs outstanding per TID. */
  public static final int BLOCK_ACK_WINDOW = 64;

  /** Data bits per OFDM symbol, 20 MHz, one stream, MCS0..7 ([ath9k] bits_per_symbol). */
  private static final int[] DATA_BITS_PER_SYMBOL = {26, 52, 78, 104, 156, 208, 234, 260};

  /** The eight 802.11a/g OFDM rates, Mbit/s. */
  private static final int[] LEGACY_OFDM_RATES = {6, 9, 12, 18, 24, 36, 48, 54};

  private final AirConfig config;
  /** Asked once per TXOP: worked out once (the check and the boxing of its rate allocate). */
  private final long ackPs;
  private final long blockAckPs;

  /** Creates the airtime calculator for one link configuration. */
  public Airtime(AirConfig config) {
    this.config = checkNotNull(config);
    this.ackPs = legacyPpduPs(ACK_BYTES, config.basicRateMbps());
    this.blockAckPs = legacyPpduPs(BLOCK_ACK_BYTES, config.basicRateMbps());
  }

  /** Returns the link configuration. */
  public AirConfig config() {
    return config;
  }

  /** Returns Ndbps for {@code mcs} at 20 MHz, one spatial stream. */
  public static int dataBitsPerSymbol(int mcs) {
    checkArgument(mcs >= 0 && mcs < DATA_BITS_PER_SYMBOL.length, "mcs must be in 0..7: %s", mcs);
    return DATA_BITS_PER_SYMBOL[mcs];
  }

  /** Returns the PHY data rate: Ndbps per 4 us (long GI) or 3.6 us (short GI) symbol. */
  public double phyRateBitsPerSecond() {
    double symbolSeconds = config.shortGi() ? 3.6e-6 : 4.0e-6;
    return dataBitsPerSymbol(config.mcs()) / symbolSeconds;
  }

  /** Returns the airtime of an HT-mixed PPDU carrying {@code psduBytes}, signal ext. included. */
  public long htPpduPs(int psduBytes) {
    checkArgument(psduBytes >= 1, "psduBytes must be >= 1: %s", psduBytes);
    long symbols = ceilDiv(PLCP_BITS + 8L * psduBytes, dataBitsPerSymbol(config.mcs()));
    // ath9k SYMBOL_TIME_HALFGI: whole microseconds, ceil(n * 3.6).
    long dataUs = config.shortGi() ? (symbols * 18 + 4) / 5 : symbols * SYMBOL_US;
    return (HT_PREAMBLE_US + dataUs + SIGNAL_EXTENSION_US) * Time.US;
  }

  /** Returns the bytes one MPDU takes in an A-MPDU: 4-byte delimiter, padded to a multiple of 4. */
  public static int ampduSubframeBytes(int mpduBytes) {
    checkArgument(mpduBytes >= 1, "mpduBytes must be >= 1: %s", mpduBytes);
    return (AMPDU_DELIMITER_BYTES + mpduBytes + 3) & ~3;
  }

  /**
   * Returns how many {@code mpduBytes} MPDUs fit in one A-MPDU.
   *
   * <p>The limit is the smallest of the firmware's {@code ampduMaxSubframes}, the BlockAck window
   * of 64, and the count whose PPDU (every subframe padded, signal extension included) still fits
   * in {@code maxPpduPs}. Never less than 1: a lone MPDU is sent even if it is longer.
   */
  public int maxSubframes(int mpduBytes) {
    int cap = Math.min(config.ampduMaxSubframes(), BLOCK_ACK_WINDOW);
    int subframe = ampduSubframeBytes(mpduBytes);
    int n = 1;
    while (n < cap && htPpduPs((n + 1) * subframe) <= config.maxPpduPs()) {
      n++;
    }
    return n;
  }

  /**
   * Returns the airtime of a legacy OFDM PPDU, such as an ACK or BlockAck.
   *
   * <p>{@code 20 us + ceil((22 + 8 bytes) / (4 rate)) * 4 us + 6 us signal extension}; a rate in
   * Mbit/s carries {@code 4 * rate} bits per 4 us symbol.
   */
  public static long legacyPpduPs(int bytes, double rateMbps) {
    checkArgument(bytes >= 1, "bytes must be >= 1: %s", bytes);
    checkArgument(isLegacyOfdmRate(rateMbps), "not a legacy OFDM rate: %s", rateMbps);
    long bitsPerSymbol = Math.round(rateMbps * SYMBOL_US);
    long symbols = ceilDiv(PLCP_BITS + 8L * bytes, bitsPerSymbol);
    return (LEGACY_PREAMBLE_US + symbols * SYMBOL_US + SIGNAL_EXTENSION_US) * Time.US;
  }

  /** Returns the ACK airtime at the configured basic rate (34 us at 24 Mbit/s). */
  public long ackPs() {
    return ackPs;
  }

  /** Returns the compressed BlockAck airtime at the basic rate (38 us at 24 Mbit/s). */
  public long blockAckPs() {
    return blockAckPs;
  }

  /** Returns AIFS = SIFS + AIFSN * slot (37 us for best effort at 2.4 GHz). */
  public long aifsPs() {
    return config.sifsPs() + config.aifsn() * config.slotPs();
  }

  /**
   * Returns the medium time of one A-MPDU exchange.
   *
   * <p>AIFS + backoff slots + HT PPDU of {@code nSubframes} padded subframes + SIFS + BlockAck.
   * Callers decide the backoff draw (uniform 0..cwMin on a first attempt).
   */
  public long txopPs(int nSubframes, int mpduBytes, long backoffSlots) {
    checkArgument(nSubframes >= 1, "nSubframes must be >= 1: %s", nSubframes);
    checkArgument(backoffSlots >= 0, "backoffSlots must be >= 0: %s", backoffSlots);
    return aifsPs()
        + backoffSlots * config.slotPs()
        + htPpduPs(nSubframes * ampduSubframeBytes(mpduBytes))
        + config.sifsPs()
        + blockAckPs();
  }

  /**
   * Returns the medium time of one unaggregated MPDU exchange answered by a normal ACK.
   *
   * <p>AIFS + backoff + HT PPDU of the bare MPDU (no delimiter) + SIFS + ACK; the "no
   * aggregation" case of timing-facts.md §4.3.
   */
  public long singleMpduTxopPs(int mpduBytes, long backoffSlots) {
    checkArgument(backoffSlots >= 0, "backoffSlots must be >= 0: %s", backoffSlots);
    return aifsPs()
        + backoffSlots * config.slotPs()
        + htPpduPs(mpduBytes)
        + config.sifsPs()
        + ackPs();
  }

  /** Returns whether {@code rateMbps} is one of the eight 802.11a/g OFDM rates. */
  static boolean isLegacyOfdmRate(double rateMbps) {
    for (int r : LEGACY_OFDM_RATES) {
      if (rateMbps == r) {
        return true;
      }
    }
    return false;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
