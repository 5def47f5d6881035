package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class RankCorrelationTest {
  @Test
  void tiesShareTheirAverageRank() {
    assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5},
        RankCorrelation.ranks(new double[] {5, 6, 7, 8, 7}));
  }

  @Test
  void spearmanIsPearsonOfTheRanks() {
    // Ranks 1..5 against 1, 2, 3.5, 5, 3.5: deviations -2 -1 0 1 2 and -2 -1 0.5 2 0.5, so
    // rho = 8 / sqrt(10 x 9.5).
    double rho = RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5},
        new double[] {5, 6, 7, 8, 7});

    assertEquals(8 / Math.sqrt(95), rho, 1e-12);
  }

  @Test
  void anyMonotoneRelationIsPlusOrMinusOne() {
    double[] x = {1, 2, 3, 4};
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(1, RankCorrelation.spearman(x, new double[] {1, 10, 100, inf}), 1e-12);
    assertEquals(-1, RankCorrelation.spearman(x, new double[] {9, 4, 1, 0}), 1e-12);
  }

  @Test
  void undefinedForAConstantSideOrFewerThanThreePairs() {
    assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3},
        new double[] {4, 4, 4})));
    // The NaN pair is dropped, leaving two.
    assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3},
        new double[] {1, Double.NaN, 3})));
  }
}
