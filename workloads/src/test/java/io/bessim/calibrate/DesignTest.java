package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class DesignTest {
  @Test
  void radicalInverseMirrorsTheDigits() {
    assertEquals(0.375, Design.radicalInverse(6, 2), 1e-15); // 110b -> 0.011b
    assertEquals(1.0 / 3, Design.radicalInverse(1, 3), 1e-15);
    assertEquals(7.0 / 9, Design.radicalInverse(5, 3), 1e-15); // 12 (base 3) -> 0.21
  }

  @Test
  void theFirstSixteenPointsLeaveNoLargeGapOnAnyAxis() {
    // Unshifted, 16 points in base 2 are 1/32 and j/16 (j = 1..15): the widest gap, across 1, is
    // 3/32; in base 3 it is 1 - 8/9 + 1/27 = 0.148. A shift moves the points, not the gaps.
    Design d = new Design(2, 42);
    double[][] axes = new double[2][16];
    for (int i = 0; i < 16; i++) {
      double[] u = d.point(i);
      for (int k = 0; k < 2; k++) {
        assertTrue(u[k] >= 0 && u[k] < 1);
        axes[k][i] = u[k];
      }
    }
    assertEquals(3.0 / 32, widestGap(axes[0]), 1e-12);
    assertEquals(1 - 8.0 / 9 + 1.0 / 27, widestGap(axes[1]), 1e-12);
  }

  /** The widest gap between neighbours on the circle [0, 1). */
  private static double widestGap(double[] u) {
    double[] s = u.clone();
    Arrays.sort(s);
    double widest = s[0] + 1 - s[s.length - 1];
    for (int i = 1; i < s.length; i++) widest = Math.max(widest, s[i] - s[i - 1]);
    return widest;
  }

  @Test
  void theSameSeedGivesTheSameDesignAndAnotherSeedAnother() {
    assertArrayEquals(new Design(3, 7).point(5), new Design(3, 7).point(5));
    assertFalse(Arrays.equals(new Design(3, 7).point(5), new Design(3, 8).point(5)));
  }
}
