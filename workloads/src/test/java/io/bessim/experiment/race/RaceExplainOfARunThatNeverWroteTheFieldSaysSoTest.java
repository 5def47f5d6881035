package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * In the first 10 ms the bh has only read hw_bufs_used (no frame sent yet, no confirm): `race
 * explain --arch v1 --duration 10ms` said "hw_bufs_used is a plain int, but only nobody wrote it:
 * a single writer cannot lose its own updates", and v2 "Written by nobody, but every update ... is
 * one atomic read-modify-write". Nobody wrote it: that is what the run shows.
 */
final class RaceExplainOfARunThatNeverWroteTheFieldSaysSoTest {
  @Test
  void aPlainFieldNobodyWroteIsSaidToBeUnwrittenNotSingleWriter() {
    String text = RaceExplainFindsTheFirstLostUpdateTest.explain(Architecture.V1, 10 * Time.MS)
        .text();
    assertTrue(text.contains("No update of hw_bufs_used was lost in 0.010 s simulated (seed 3)."),
        text);
    assertTrue(text.contains("Nothing wrote hw_bufs_used in this run: there was no"
        + " update to lose; try a longer --duration."), text);
    assertFalse(text.contains("nobody"), text);
  }

  @Test
  void anAtomicFieldNobodyWroteIsSaidToBeUnwrittenToo() {
    String text = RaceExplainFindsTheFirstLostUpdateTest.explain(Architecture.V2, 10 * Time.MS)
        .text();
    assertTrue(text.contains("Nothing wrote hw_bufs_used in this run"), text);
    assertFalse(text.contains("nobody"), text);
  }
}
