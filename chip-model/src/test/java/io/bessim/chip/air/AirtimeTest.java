package io.bessim.chip.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks Airtime against timing-facts.md §4.1-4.3 and hand-computed symbol counts.
 *
 * <p>A 1554-B MPDU is 22 + 8 * 1554 = 12454 bits: 120 symbols at MCS3 (Ndbps 104), 80 at MCS4
 * (156), 48 at MCS7 (260). Short GI: (80 * 18 + 4) / 5 = 288 us, (48 * 18 + 4) / 5 = 173 us.
 */
final class AirtimeTest {
  private static final int TCP_MPDU = 1554;
  private static final int TCP_ACK_MPDU = 106;

  private static Airtime at(int mcs, boolean shortGi) {
    return new Airtime(AirConfig.defaults().withRate(mcs, shortGi));
  }

  @ParameterizedTest(name = "MCS{0} sgi={1}: {2} us")
  @CsvSource({"3, false, 522", "3, true, 474", "4, false, 362", "4, true, 330", "7, false, 234",
      "7, true, 215"})
  void singleTcpMpduAirtimeMatchesTable42(int mcs, boolean shortGi, long us) {
    assertEquals(us * Time.US, at(mcs, shortGi).htPpduPs(TCP_MPDU));
  }

  @Test
  void shortGiRoundsSymbolTimeUpToWholeMicroseconds() {
    // 1 symbol: (18 + 4) / 5 = 4 us, not 3.6; 5 symbols: 94 / 5 = 18 us exactly.
    // 1 B at MCS7: 30 bits -> 1 symbol; 150 B: 1222 bits -> 5 symbols.
    assertEquals((36 + 4 + 6) * Time.US, at(7, true).htPpduPs(1));
    assertEquals((36 + 18 + 6) * Time.US, at(7, true).htPpduPs(150));
    assertEquals((36 + 20 + 6) * Time.US, at(7, false).htPpduPs(150));
  }

  @ParameterizedTest(name = "MCS{0} sgi={1}: {2} subframes, {3} us")
  @CsvSource({"3, false, 11, 5326", "3, true, 12, 5230", "4, false, 16, 5166",
      "4, true, 18, 5230", "7, false, 28, 5422", "7, true, 31, 5403"})
  void maxSubframesInPpduLimitMatchesTable42(int mcs, boolean shortGi, int n, long us) {
    Airtime air =
        new Airtime(AirConfig.defaults().withRate(mcs, shortGi).withAmpduMaxSubframes(64));
    assertEquals(n, air.maxSubframes(TCP_MPDU));
    assertEquals(us * Time.US, air.htPpduPs(n * Airtime.ampduSubframeBytes(TCP_MPDU)));
  }

  @Test
  void maxSubframesRespectsFirmwareLimitAndBlockAckWindow() {
    assertEquals(16, at(7, true).maxSubframes(TCP_MPDU));
    assertEquals(11, at(3, false).maxSubframes(TCP_MPDU));
    // 64 x 112 B = 7168 B is ~0.8 ms at MCS7: only the BA window stops it.
    Airtime wide = new Airtime(AirConfig.defaults().withAmpduMaxSubframes(256));
    assertEquals(64, wide.maxSubframes(TCP_ACK_MPDU));
  }

  @Test
  void maxSubframesIsAtLeastOne() {
    // 7935 B at MCS0 LGI: 63502 bits / 26 = 2443 symbols, 9.8 ms > 5.484 ms.
    assertEquals(1, at(0, false).maxSubframes(7935));
  }

  @Test
  void subframeAddsDelimiterAndPadsToFourBytes() {
    assertEquals(1560, Airtime.ampduSubframeBytes(1554));
    assertEquals(112, Airtime.ampduSubframeBytes(106));
    assertEquals(8, Airtime.ampduSubframeBytes(1));
    assertEquals(8, Airtime.ampduSubframeBytes(4));
    assertEquals(12, Airtime.ampduSubframeBytes(5));
  }

  @Test
  void ackAndBlockAckAt24MbpsMatchTable41() {
    // 24 Mbit/s = 96 bits/symbol. ACK: 134 bits -> 2 symbols; BA: 278 bits -> 3 symbols.
    Airtime air = new Airtime(AirConfig.defaults());
    assertEquals(34 * Time.US, air.ackPs());
    assertEquals(38 * Time.US, air.blockAckPs());
    // 6 Mbit/s ACK: 134 / 24 -> 6 symbols: 20 + 24 + 6 = 50 us.
    assertEquals(50 * Time.US, Airtime.legacyPpduPs(Airtime.ACK_BYTES, 6));
  }

  @Test
  void maxPpduIsLsigLength4095At6Mbps() {
    // 22 + 8 * 4095 = 32782 bits / 24 -> 1366 symbols: 20 + 5464 = 5484 us, before signal ext.
    assertEquals(AirConfig.defaults().maxPpduPs() + 6 * Time.US, Airtime.legacyPpduPs(4095, 6));
  }

  @Test
  void phyRatesMatchMcsTable() {
    assertEquals(65e6, at(7, false).phyRateBitsPerSecond(), 1e-3);
    assertEquals(72.2e6, at(7, true).phyRateBitsPerSecond(), 0.05e6);
    assertEquals(6.5e6, at(0, false).phyRateBitsPerSecond(), 1e-3);
    assertEquals(28.9e6, at(3, true).phyRateBitsPerSecond(), 0.05e6);
    assertEquals(260, Airtime.dataBitsPerSymbol(7));
    assertEquals(26, Airtime.dataBitsPerSymbol(0));
  }

  @Test
  void aifsForBestEffortIs37us() {
    assertEquals(37 * Time.US, new Airtime(AirConfig.defaults()).aifsPs());
  }

  @Test
  void txopAddsContentionPpduSifsAndBlockAck() {
    Airtime air = at(7, true);
    // 16 x 1560 B: 199702 bits -> 769 symbols -> 13846 / 5 = 2769 us; PPDU 2811 us.
    assertEquals(2811 * Time.US, air.htPpduPs(16 * 1560));
    // 37 + 0 + 2811 + 10 + 38 = 2896; 7 backoff slots add 63.
    assertEquals(2896 * Time.US, air.txopPs(16, TCP_MPDU, 0));
    assertEquals(2959 * Time.US, air.txopPs(16, TCP_MPDU, 7));
    // Unaggregated: 37 + 215 + 10 + 34 ACK = 296.
    assertEquals(296 * Time.US, air.singleMpduTxopPs(TCP_MPDU, 0));
  }

  @Test
  void tcpGoodputCompositionReproducesTable43AtMcs7Sgi() {
    Airtime air = at(7, true);
    // Mean backoff 7.5 slots: pair each exchange with 7 and 8 slots. The tablet sends one ACK
    // per two data segments. Unaggregated, per 4 segments: 4 data + 2 ACK exchanges.
    long noAgg =
        2 * air.singleMpduTxopPs(TCP_MPDU, 7) + 2 * air.singleMpduTxopPs(TCP_MPDU, 8)
            + air.singleMpduTxopPs(TCP_ACK_MPDU, 7) + air.singleMpduTxopPs(TCP_ACK_MPDU, 8);
    assertEquals(3.11, 4 * 1448 / Time.toSeconds(noAgg) / 1e6, 0.005);
    // A-MPDU 16 down, 8 ACKs aggregated up, per 32 segments: two of each.
    long agg =
        air.txopPs(16, TCP_MPDU, 7) + air.txopPs(16, TCP_MPDU, 8)
            + air.txopPs(8, TCP_ACK_MPDU, 7) + air.txopPs(8, TCP_ACK_MPDU, 8);
    assertEquals(7.11, 32 * 1448 / Time.toSeconds(agg) / 1e6, 0.005);
  }

  @Test
  void rejectsBadArguments() {
    Airtime air = new Airtime(AirConfig.defaults());
    assertThrows(IllegalArgumentException.class, () -> air.htPpduPs(0));
    assertThrows(IllegalArgumentException.class, () -> air.txopPs(0, TCP_MPDU, 0));
    assertThrows(IllegalArgumentException.class, () -> air.txopPs(1, TCP_MPDU, -1));
    assertThrows(IllegalArgumentException.class, () -> Airtime.legacyPpduPs(14, 11));
    assertThrows(IllegalArgumentException.class, () -> Airtime.dataBitsPerSymbol(8));
  }
}
