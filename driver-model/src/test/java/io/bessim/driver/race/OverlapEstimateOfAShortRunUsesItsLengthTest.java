package io.bessim.driver.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * The overlap estimate r1*r2*(w1+w2) is summed second by second; a run shorter than a second (or
 * the last part of one that is not whole seconds) was counted as a whole second, so `race window
 * --arch v1 --seeds 3 --duration 20ms` printed r1 = 21.5 /s for wsm_alloc_tx_buffer, where the
 * bh ran it at 1075 /s in those 40 ms, and an overlap estimate 1.01e-05 where it is 3.40e-04.
 *
 * <p>By hand, a 0.5 s run: side a has 10 windows of 1 ns, side b 5 of 2 ns. r_a = 10 / 0.5 s =
 * 20 /s, r_b = 10 /s, and r_a r_b (w_a + w_b) T = 20 x 10 x 3e-9 x 0.5 = 3e-7 overlaps.
 */
final class OverlapEstimateOfAShortRunUsesItsLengthTest {
  private static final RmwWindows.SiteKey A =
      new RmwWindows.SiteKey("bes2600_bh", "wsm_alloc_tx_buffer");
  private static final RmwWindows.SiteKey B =
      new RmwWindows.SiteKey("kworker:sdio_rx_work", "wsm_release_tx_buffer");

  @Test
  void aHalfSecondRunIsHalfASecondOfRatesAndOverlaps() {
    RmwWindows w = new RmwWindows("hw_bufs_used");
    for (int i = 0; i < 10; i++) {
      long start = i * 10 * Time.MS;
      w.closed(A, 1, start, start + 1000, 1, RmwWindows.Cause.PLAIN, false);
    }
    for (int i = 0; i < 5; i++) {
      long start = 5 * Time.MS + i * 20 * Time.MS;
      w.closed(B, 1, start, start + 2000, 0, RmwWindows.Cause.PLAIN, false);
    }
    w.endRun(Time.MS * 500);

    RmwWindows.PairEstimate p = w.pairs().get(0);
    assertEquals(0.5, p.busySeconds(), 1e-12);
    assertEquals(20.0, p.rateA(), 1e-9);
    assertEquals(10.0, p.rateB(), 1e-9);
    assertEquals(3e-7, p.expected(), 1e-18);
  }

  @Test
  void wholeSecondsAreAsBefore() {
    RmwWindows w = new RmwWindows("hw_bufs_used");
    oneWindowEachInSecondZero(w);
    w.endRun(2 * Time.S);

    // One busy second: (1 x 1000 + 1 x 2000) ps / 1 s.
    RmwWindows.PairEstimate p = w.pairs().get(0);
    assertEquals(1.0, p.busySeconds(), 1e-12);
    assertEquals(3e-9, p.expected(), 1e-21);
  }

  /**
   * Windows that begin (and so, closed, end) at the very instant the run ends fall in a bin the run
   * spent no time in: it was given a floor of 1 ps, which added busy time that never ran and would
   * have divided any width in it by 1 ps. Such a bin adds nothing.
   */
  @Test
  void windowsBegunAsTheRunEndsAddNoTimeAndNoOverlaps() {
    RmwWindows w = new RmwWindows("hw_bufs_used");
    oneWindowEachInSecondZero(w);
    w.closed(A, 1, Time.S, Time.S, 1, RmwWindows.Cause.PLAIN, false);
    w.closed(B, 1, Time.S, Time.S, 0, RmwWindows.Cause.PLAIN, false);
    w.endRun(Time.S);

    RmwWindows.PairEstimate p = w.pairs().get(0);
    assertEquals(1.0, p.busySeconds(), 1e-12);
    assertEquals(3e-9, p.expected(), 1e-21);
  }

  /** Side a 1 ns from 0, side b 2 ns from 10 ps: 3e-9 expected overlaps in a whole second. */
  private static void oneWindowEachInSecondZero(RmwWindows w) {
    w.closed(A, 1, 0, 1000, 1, RmwWindows.Cause.PLAIN, false);
    w.closed(B, 1, 10, 2010, 0, RmwWindows.Cause.PLAIN, false);
  }
}
