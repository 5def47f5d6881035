package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The Nelder-Mead downhill simplex search (Nelder and Mead 1965, with the coefficients and the
 * greedy-minimisation expansion rule of Lagarias et al. 1998), in a box.
 *
 * <p>No derivatives are needed, which suits a simulator whose figures are noisy and, for integer
 * parameters, piecewise constant. Trial points outside the box are projected onto it. The search
 * is sequential and deterministic: the objective sees the same points in the same order on every
 * run, so a deterministic objective gives the same result whatever runs it. Points that can be
 * evaluated together (the first simplex, a shrink) are handed over as one batch, so the objective
 * may compute them in parallel.
 */
public final class NelderMead {
  private static final double REFLECT = 1.0;
  private static final double EXPAND = 2.0;
  private static final double CONTRACT = 0.5;
  private static final double SHRINK = 0.5;

  /** Values of a batch of points, in the order given. */
  public interface Objective {
    double[] values(List<double[]> points);
  }

  /**
   * How to search.
   *
   * @param step initial simplex edge along each axis (the first simplex is x0 and x0 + step_i e_i)
   * @param xTol stop when every vertex is within xTol_i of the best along every axis i
   * @param fTol stop when the worst vertex's value is within fTol of the best's (negative: never)
   * @param maxEvals stop once this many evaluations were spent (see {@link #minimize})
   * @param lower the box's lower corner (use -infinity for none)
   * @param upper the box's upper corner (use +infinity for none)
   */
  public record Options(
      double[] step, double[] xTol, double fTol, int maxEvals, double[] lower, double[] upper) {
    public Options {
      int n = step.length;
      checkArgument(n >= 1, "need at least one dimension");
      checkArgument(xTol.length == n && lower.length == n && upper.length == n,
          "step, xTol, lower and upper must have one entry per dimension");
      checkArgument(maxEvals >= 1, "maxEvals must be at least 1, got %s", maxEvals);
      for (int i = 0; i < n; i++) {
        checkArgument(step[i] != 0, "step %s must not be zero", i);
        checkArgument(lower[i] < upper[i], "empty box along axis %s", i);
      }
    }

    /** Unbounded search. */
    public static Options unbounded(double[] step, double[] xTol, double fTol, int maxEvals) {
      double[] lo = new double[step.length];
      double[] hi = new double[step.length];
      Arrays.fill(lo, Double.NEGATIVE_INFINITY);
      Arrays.fill(hi, Double.POSITIVE_INFINITY);
      return new Options(step, xTol, fTol, maxEvals, lo, hi);
    }
  }

  /** Why the search stopped. */
  public enum Stop {
    /** The simplex shrank below xTol, or its values below fTol. */
    CONVERGED("the simplex is small"),
    /** The evaluation budget is spent. */
    MAX_EVALS("the evaluation budget is spent"),
    /** The objective was asked for many points it had already seen (integer plateaus). */
    STALLED("the search keeps revisiting points");

    public final String description;

    Stop(String description) {
      this.description = description;
    }
  }

  /** The best point seen, its value, the points asked for, and why the search stopped. */
  public record Result(double[] x, double value, int calls, int iterations, Stop stop) {}

  private final Objective f;
  private final Options o;
  private final IntSupplier spent;
  private final int callCap;
  private int calls;
  private double[] bestX;
  private double bestValue = Double.POSITIVE_INFINITY;

  private NelderMead(Objective f, Options o, IntSupplier spent) {
    this.f = f;
    this.o = o;
    this.spent = spent;
    // An objective that caches may report nothing spent while the simplex circles a plateau: cap
    // the points asked for, so the search always ends.
    this.callCap = 4 * o.maxEvals() + 20;
  }

  /** Minimises {@code f} from {@code x0}; every point asked for counts against maxEvals. */
  public static Result minimize(Objective f, double[] x0, Options o) {
    int[] asked = {0};
    Objective counting =
        points -> {
          asked[0] += points.size();
          return f.values(points);
        };
    return new NelderMead(counting, o, () -> asked[0]).run(x0);
  }

  /**
   * Minimises {@code f} from {@code x0}, stopping once {@code spent} reports maxEvals or more (an
   * objective that caches counts only the points it really computed). The first simplex is
   * always evaluated whole; after that the budget is checked before each evaluation, and a shrink
   * that could overrun it is not started.
   */
  public static Result minimize(Objective f, double[] x0, Options o, IntSupplier spent) {
    return new NelderMead(f, o, spent).run(x0);
  }

  /** Thrown inside the search when the budget is spent; the best point so far is the answer. */
  private static final class OutOfBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Stop stop;

    OutOfBudget(Stop stop) {
      super(null, null, false, false);
      this.stop = stop;
    }
  }

  private Result run(double[] x0) {
    int n = x0.length;
    checkArgument(n == o.step().length, "x0 has %s dimensions, options %s", n, o.step().length);
    double[][] v = new double[n + 1][];
    v[0] = project(x0.clone());
    for (int i = 0; i < n; i++) {
      double[] p = v[0].clone();
      p[i] += o.step()[i];
      if (project(p.clone())[i] == v[0][i]) p[i] = v[0][i] - o.step()[i]; // x0 on the box face
      v[i + 1] = project(p);
    }
    double[] fv = evaluate(Arrays.asList(v));
    int iterations = 0;
    try {
      while (true) {
        sort(v, fv);
        if (converged(v, fv)) return result(iterations, Stop.CONVERGED);
        checkBudget();
        iterations++;
        step(v, fv);
      }
    } catch (OutOfBudget e) {
      return result(iterations, e.stop);
    }
  }

  /** One Nelder-Mead step on a simplex sorted best first. */
  private void step(double[][] v, double[] fv) {
    int n = v.length - 1;
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) c[j] += v[i][j] / n;
    }
    double[] worst = v[n];
    double[] xr = along(c, worst, -REFLECT);
    double fr = evaluate(xr);
    if (fr < fv[0]) {
      checkBudget();
      double[] xe = along(c, worst, -EXPAND);
      double fe = evaluate(xe);
      if (fe < fr) {
        replace(v, fv, n, xe, fe);
      } else {
        replace(v, fv, n, xr, fr);
      }
    } else if (fr < fv[n - 1]) {
      replace(v, fv, n, xr, fr);
    } else {
      checkBudget();
      boolean outside = fr < fv[n];
      double[] xc = outside ? along(c, xr, CONTRACT) : along(c, worst, CONTRACT);
      double fc = evaluate(xc);
      if (outside ? fc <= fr : fc < fv[n]) {
        replace(v, fv, n, xc, fc);
      } else {
        checkBudget();
        shrink(v, fv);
      }
    }
  }

  private void shrink(double[][] v, double[] fv) {
    // A shrink needs n new points at once: stop rather than overrun the budget.
    if (spent.getAsInt() + v.length - 1 > o.maxEvals()) throw new OutOfBudget(Stop.MAX_EVALS);
    List<double[]> moved = new ArrayList<>();
    for (int i = 1; i < v.length; i++) {
      v[i] = project(along(v[0], v[i], SHRINK));
      moved.add(v[i]);
    }
    double[] values = evaluate(moved);
    System.arraycopy(values, 0, fv, 1, values.length);
  }

  /** {@code from + t (to - from)}, projected onto the box. */
  private double[] along(double[] from, double[] to, double t) {
    double[] p = new double[from.length];
    for (int i = 0; i < p.length; i++) p[i] = from[i] + t * (to[i] - from[i]);
    return project(p);
  }

  private double[] project(double[] p) {
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.max(o.lower()[i], Math.min(o.upper()[i], p[i]));
    }
    return p;
  }

  private static void replace(double[][] v, double[] fv, int i, double[] x, double fx) {
    v[i] = x;
    fv[i] = fx;
  }

  /** Sorts vertices by value; ties keep their order, so the search never depends on chance. */
  private static void sort(double[][] v, double[] fv) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(fv[a], fv[b]));
    double[][] v2 = new double[v.length][];
    double[] f2 = new double[v.length];
    for (int i = 0; i < idx.length; i++) {
      v2[i] = v[idx[i]];
      f2[i] = fv[idx[i]];
    }
    System.arraycopy(v2, 0, v, 0, v.length);
    System.arraycopy(f2, 0, fv, 0, fv.length);
  }

  private boolean converged(double[][] v, double[] fv) {
    if (fv[fv.length - 1] - fv[0] <= o.fTol()) return true;
    for (int i = 1; i < v.length; i++) {
      for (int j = 0; j < v[0].length; j++) {
        if (Math.abs(v[i][j] - v[0][j]) > o.xTol()[j]) return false;
      }
    }
    return true;
  }

  private void checkBudget() {
    if (spent.getAsInt() >= o.maxEvals()) throw new OutOfBudget(Stop.MAX_EVALS);
    if (calls >= callCap) throw new OutOfBudget(Stop.STALLED);
  }

  private double evaluate(double[] x) {
    return evaluate(List.of(x))[0];
  }

  private double[] evaluate(List<double[]> points) {
    calls += points.size();
    double[] values = f.values(points);
    checkArgument(values.length == points.size(), "objective returned %s values for %s points",
        values.length, points.size());
    for (int i = 0; i < values.length; i++) {
      double value = Double.isNaN(values[i]) ? Double.POSITIVE_INFINITY : values[i];
      values[i] = value;
      if (value < bestValue || bestX == null) {
        bestValue = value;
        bestX = points.get(i).clone();
      }
    }
    return values;
  }

  private Result result(int iterations, Stop stop) {
    return new Result(bestX.clone(), bestValue, calls, iterations, stop);
  }
}
