package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class NelderMeadTest {
  /** f(x, y) = (x - 3)^2 + 10 (y + 1)^2 + 2: by hand, the minimum is 2 at (3, -1). */
  private static double bowl(double[] p) {
    return (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1) + 2;
  }

  /** Rosenbrock's valley: the minimum is 0 at (1, 1), at the end of a long curved valley. */
  private static double rosenbrock(double[] p) {
    double a = 1 - p[0];
    double b = p[1] - p[0] * p[0];
    return a * a + 100 * b * b;
  }

  private static NelderMead.Objective each(java.util.function.ToDoubleFunction<double[]> f) {
    return points -> points.stream().mapToDouble(f).toArray();
  }

  private static NelderMead.Options tight(int maxEvals) {
    return NelderMead.Options.unbounded(
        new double[] {0.5, 0.5}, new double[] {1e-9, 1e-9}, 1e-14, maxEvals);
  }

  @Test
  void findsTheBottomOfAQuadraticBowl() {
    NelderMead.Result r =
        NelderMead.minimize(each(NelderMeadTest::bowl), new double[] {0, 0}, tight(1000));

    assertEquals(3, r.x()[0], 1e-4);
    assertEquals(-1, r.x()[1], 1e-4);
    assertEquals(2, r.value(), 1e-8);
    assertEquals(NelderMead.Stop.CONVERGED, r.stop());
  }

  @Test
  void followsRosenbrocksValleyToItsEnd() {
    NelderMead.Result r = NelderMead.minimize(
        each(NelderMeadTest::rosenbrock), new double[] {-1.2, 1}, tight(2000));

    assertEquals(1, r.x()[0], 1e-3);
    assertEquals(1, r.x()[1], 1e-3);
    assertTrue(r.value() < 1e-6, "value " + r.value());
  }

  @Test
  void staysInsideTheBoxAndStopsOnItsFace() {
    // (x - 5)^2 on [0, 2]: the best the box allows is x = 2, value 9.
    NelderMead.Options o = new NelderMead.Options(new double[] {0.5}, new double[] {1e-9},
        1e-14, 500, new double[] {0}, new double[] {2});
    List<Double> asked = new ArrayList<>();
    NelderMead.Result r = NelderMead.minimize(
        points -> {
          points.forEach(p -> asked.add(p[0]));
          return points.stream().mapToDouble(p -> (p[0] - 5) * (p[0] - 5)).toArray();
        },
        new double[] {1}, o);

    assertEquals(2, r.x()[0], 1e-9);
    assertEquals(9, r.value(), 1e-9);
    assertTrue(asked.stream().allMatch(x -> x >= 0 && x <= 2), asked.toString());
  }

  @Test
  void stopsWhenTheBudgetIsSpent() {
    NelderMead.Result r = NelderMead.minimize(
        each(NelderMeadTest::rosenbrock), new double[] {-1.2, 1}, tight(10));

    assertEquals(NelderMead.Stop.MAX_EVALS, r.stop());
    // The budget is checked before each evaluation, and a shrink (2 points here) that could
    // overrun it is not started: at most one point short of it.
    assertTrue(r.calls() >= 9 && r.calls() <= 10, "calls " + r.calls());
  }

  @Test
  void asksForTheFirstSimplexAsOneBatch() {
    List<List<double[]>> batches = new ArrayList<>();
    NelderMead.minimize(
        points -> {
          batches.add(List.copyOf(points));
          return each(NelderMeadTest::bowl).values(points);
        },
        new double[] {0, 0}, tight(50));

    // x0, then x0 plus the step along each axis.
    List<double[]> first = batches.get(0);
    assertEquals(3, first.size());
    assertArrayEquals(new double[] {0, 0}, first.get(0));
    assertArrayEquals(new double[] {0.5, 0}, first.get(1));
    assertArrayEquals(new double[] {0, 0.5}, first.get(2));
    assertTrue(batches.subList(1, batches.size()).stream().allMatch(b -> b.size() <= 2));
  }

  @Test
  void sameInputsGiveTheSamePointsInTheSameOrder() {
    List<double[]> first = new ArrayList<>();
    List<double[]> second = new ArrayList<>();
    NelderMead.Result a = NelderMead.minimize(recording(first), new double[] {-1.2, 1}, tight(60));
    NelderMead.Result b = NelderMead.minimize(recording(second), new double[] {-1.2, 1}, tight(60));

    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) assertArrayEquals(first.get(i), second.get(i));
    assertArrayEquals(a.x(), b.x());
  }

  private static NelderMead.Objective recording(List<double[]> into) {
    return points -> {
      points.forEach(p -> into.add(p.clone()));
      return each(NelderMeadTest::rosenbrock).values(points);
    };
  }
}
