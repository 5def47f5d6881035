package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class SpreadTest {
  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    // h = (n - 1) p over 1..5: p05 at h = 0.2 is 1.2, the median at h = 2 is 3, p95 at 3.8 is 4.8.
    Spread s = Spread.of(new double[] {5, 3, 1, 4, 2});

    assertEquals(3, s.median(), 1e-12);
    assertEquals(1.2, s.p05(), 1e-12);
    assertEquals(4.8, s.p95(), 1e-12);
    assertEquals(5, s.n());
  }

  @Test
  void anEvenCountHasTheMidpointAsMedianAndOneValueIsItsOwnRange() {
    assertEquals(2.5, Spread.of(new double[] {4, 1, 3, 2}).median(), 1e-12);
    Spread one = Spread.of(new double[] {7});
    assertEquals(7, one.p05());
    assertEquals(7, one.median());
    assertEquals(7, one.p95());
  }

  @Test
  void aSampleWithNeverTakesOrderStatisticsAndLeavesNaNOut() {
    double inf = Double.POSITIVE_INFINITY;
    // Two runs warned at 1 s and 2 s, one never did; the NaN is no run at all. Sorted 1, 2, never:
    // 5% of 3 is 0.15, so the 1st value; 50% is 1.5, the 2nd; 95% is 2.85, the 3rd.
    Spread s = Spread.of(new double[] {inf, 2, Double.NaN, 1});

    assertEquals(3, s.n());
    assertEquals(1, s.p05());
    assertEquals(2, s.median());
    assertEquals(inf, s.p95(), "not within the run");
    assertTrue(Double.isNaN(Spread.of(new double[] {Double.NaN}).median()));
  }

  @Test
  void mostlyNeverHasNeverAsItsMedian() {
    double inf = Double.POSITIVE_INFINITY;
    Spread s = Spread.of(new double[] {4, inf, inf});

    assertEquals(4, s.p05());
    assertEquals(inf, s.median());
  }
}
