package io.bessim.driver.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class WindowReportTest {
  @Test
  void percentilesOfFirstWarnTreatARunWithoutOneAsLaterThanAll() {
    // Sorted: 1, 2, 3, never. Nearest rank over 4 seeds: p10 -> 1st, p50 -> 2nd, p75 -> 3rd,
    // p90 -> 4th (never).
    long[] t = {3, 1, -1, 2};
    assertEquals(1, WindowReport.percentileOfTimes(t, 10));
    assertEquals(2, WindowReport.percentileOfTimes(t, 50));
    assertEquals(3, WindowReport.percentileOfTimes(t, 75));
    assertEquals(-1, WindowReport.percentileOfTimes(t, 90));
  }
}
