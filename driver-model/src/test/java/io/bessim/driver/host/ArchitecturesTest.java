package io.bessim.driver.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * The four presets on one platform under the same traffic: only v1 can lose an update to
 * hw_bufs_used, and it does so from timing alone (nothing forces it).
 */
final class ArchitecturesTest {
  private static Host run(Architecture a, double bytesPerSecond, double seconds) {
    Simulator sim = new Simulator();
    UdpSource src = new UdpSource(sim, bytesPerSecond, true);
    Host h = new Host(sim, Platform.defaults(), a, new RandomStreams(7), src);
    src.start(h.air());
    sim.runUntil(Time.seconds(seconds));
    return h;
  }

  @Test
  void v1LosesUpdatesToHwBufsUsedFromTimingAlone() {
    Host h = run(Architecture.V1, 3e6, 20);
    assertTrue(h.driver().hw_bufs_used.lostUpdates() > 0, "v1 should lose an update");
    assertEquals(h.kernel().lostUpdates(), h.driver().hw_bufs_used.lostUpdates()
        + h.driver().hw_bufs_used_vif.lostUpdates() + h.driver().wsm_tx_pending.lostUpdates()
        + h.driver().ba_cnt.lostUpdates() + h.driver().ba_cnt_rx.lostUpdates()
        + h.driver().wsm_rx_seq.lostUpdates()
        + h.driver().wsm_tx_seq.lostUpdates() + h.driver().gpio_wakup_flags.lostUpdates());
    assertFalse(h.driver().hw_bufs_used.isAtomicType());
  }

  @Test
  void baStatsCountReceivedAndTransmittedFramesOnTwoCounters() {
    // txrx.c: bes2600_rx_h_ba_stat counts ba_cnt_rx, bes2600_tx_h_ba_stat ba_cnt. A frame counted
    // as the run ends may not be delivered or sent yet, so each may lead by the frames in flight.
    for (Architecture a : new Architecture[] {Architecture.BASELINE, Architecture.V2}) {
      Host h = run(a, 3e6, 5);
      long rx = h.driver().ba_cnt_rx.peek();
      long tx = h.driver().ba_cnt.peek();
      long delivered = h.driver().deliveredFrames();
      long sent = h.driver().txFrames();
      assertTrue(delivered > 1000 && sent > 1000, a + ": both paths ran");
      assertTrue(rx >= delivered && rx - delivered <= 2, a + ": ba_cnt_rx " + rx + ", delivered "
          + delivered);
      assertTrue(tx >= sent && tx - sent <= 2, a + ": ba_cnt " + tx + ", sent " + sent);
    }
  }

  @Test
  void v2CountersAreAtomicAndLoseNothing() {
    Host h = run(Architecture.V2, 3e6, 20);
    assertTrue(h.driver().hw_bufs_used.isAtomicType());
    assertEquals(0, h.kernel().lostUpdates());
    assertEquals(0, h.kernel().warns());
    assertTrue(h.driver().txFrames() > 1000, "the TX path was exercised");
  }

  @Test
  void v3HasOneWriterAndLosesNothing() {
    Host h = run(Architecture.V3, 3e6, 20);
    assertEquals(0, h.kernel().lostUpdates());
    assertEquals(0, h.kernel().warns());
    assertEquals(0, h.driver().rxWork().executions(), "v3 has no sdio_rx_work");
    assertTrue(h.driver().txFrames() > 1000, "the TX path was exercised");
  }

  @Test
  void baselineLosesNothingAndNeverWedges() {
    Host h = run(Architecture.BASELINE, 3e6, 20);
    assertEquals(0, h.kernel().lostUpdates());
    assertFalse(h.chip().isWedged());
  }

  @Test
  void everyRxWorkPaysTheTenMillisecondWakeSettle() {
    // With the MCU wake flag not held, each sdio_rx_work run sleeps 10 ms before reading, so it
    // cannot run more than 100 times a second; under load it runs back to back, close to that.
    Host h = run(Architecture.BASELINE, 3e6, 10);
    double perSecond = h.driver().rxWork().executions() / 10.0;
    assertTrue(perSecond <= 100 && perSecond > 60, "rx_work/s = " + perSecond);
  }

  @Test
  void holdingTheWakeFlagRemovesTheSettle() {
    Simulator sim = new Simulator();
    UdpSource src = new UdpSource(sim, 3e6, true);
    Host h = new Host(sim, Platform.defaults().with("pm.mcuFlagHeld", "true"),
        Architecture.BASELINE, new RandomStreams(7), src);
    src.start(h.air());
    sim.runUntil(Time.seconds(10));
    assertTrue(h.driver().rxWork().executions() / 10.0 > 150);
  }
}
