package io.bessim.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class TimeWeightedTest {
  @Test
  void meanWeightsEachLevelByHowLongItWasHeld() {
    TimeWeighted q = new TimeWeighted();
    q.set(10, 2); // 0 for 10
    q.set(40, 5); // 2 for 30
    q.set(50, 1); // 5 for 10
    // Then 1 for 50 up to t=100: (0*10 + 2*30 + 5*10 + 1*50) / 100 = 160 / 100.
    assertEquals(1.6, q.mean(100), 1e-12);
    assertEquals(5.0, q.max(), 0);
    assertEquals(1.0, q.level(), 0);
  }

  @Test
  void meanOfABusyFlagIsUtilisation() {
    TimeWeighted busy = new TimeWeighted(1_000, 0);
    busy.set(1_000, 1);
    busy.set(1_300, 0);
    busy.set(1_600, 1);
    busy.set(1_700, 0);
    // Busy 300 + 100 of 1000: 40%.
    assertEquals(0.4, busy.mean(2_000), 1e-12);
  }

  @Test
  void addChangesTheLevelByADelta() {
    TimeWeighted q = new TimeWeighted();
    q.add(0, 1);
    q.add(5, 1);
    q.add(10, -2);
    // 1 for 5, 2 for 5, 0 for 10: 15 / 20.
    assertEquals(0.75, q.mean(20), 1e-12);
  }

  @Test
  void resetDiscardsHistoryButKeepsTheLevel() {
    TimeWeighted q = new TimeWeighted();
    q.set(0, 100);
    q.set(10, 3);
    q.reset(20);
    assertEquals(3.0, q.max(), 0);
    q.set(30, 1);
    // 3 for 10, 1 for 10 since the reset at 20.
    assertEquals(2.0, q.mean(40), 1e-12);
  }

  @Test
  void meanWithNoElapsedTimeIsTheCurrentLevel() {
    assertEquals(7.0, new TimeWeighted(5, 7).mean(5), 0);
  }

  @Test
  void timeGoingBackwardsIsRejected() {
    TimeWeighted q = new TimeWeighted();
    q.set(10, 1);
    assertThrows(IllegalArgumentException.class, () -> q.set(9, 2));
    assertThrows(IllegalArgumentException.class, () -> q.mean(9));
  }
}
