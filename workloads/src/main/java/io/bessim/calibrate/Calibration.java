package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Platform;
import io.bessim.experiment.Batch;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fits platform parameters to every measured figure at once: a {@link NelderMead} search over the
 * parameters' box, each point judged by the mean of several seeds under every condition the
 * measurements name.
 *
 * <p>The objective is {@link Score#objective()}: the sum over the fitted figures of the squared
 * residual in tolerances, so a figure at the edge of its band adds 1. Every point runs the same
 * seeds (common random numbers), so two points differ by their parameters and not by their luck,
 * and the search sees a deterministic function. The runs of a point (every condition, every seed)
 * run in parallel; the search itself is sequential, so the result does not depend on the number
 * of threads. Points are cached by their rounded values: the search revisits a point free.
 */
public final class Calibration {
  /**
   * What to fit.
   *
   * @param scoring the measured figures and the conditions that reproduce them
   * @param platform the profile the search starts from; every other parameter keeps its value
   * @param seeds the seeds every point runs, under every condition
   * @param maxEvals the points to simulate at most (cache hits are free)
   */
  public record Plan(
      Scoring scoring,
      List<Long> seeds,
      Platform platform,
      List<FitParam> params,
      int maxEvals,
      int threads) {
    public Plan {
      checkArgument(!seeds.isEmpty(), "need at least one seed");
      checkArgument(!params.isEmpty(), "need at least one parameter to fit");
      checkArgument(maxEvals >= params.size() + 1,
          "--max-evals must be at least %s (the first simplex of %s parameter%s), got %s",
          params.size() + 1, params.size(), params.size() == 1 ? "" : "s", maxEvals);
      checkArgument(threads >= 1, "--threads must be at least 1, got %s", threads);
      seeds = List.copyOf(seeds);
      params = List.copyOf(params);
    }

    public Measurements measurements() {
      return scoring.measurements();
    }
  }

  /**
   * One simulated point.
   *
   * @param index 1 for the first point simulated, 2 for the next, ...
   * @param values each fitted parameter's value, in {@link Plan#params} order
   * @param runs by condition, one result per seed in seed order
   * @param score every figure against the model here
   */
  public record Point(
      int index, List<String> values, Map<Condition, List<RunResult>> runs, Score score) {
    /** The fit's objective (dimensionless; 0 is a perfect fit). */
    public double objective() {
      return score.objective();
    }
  }

  /** Told of each point as soon as it has been simulated. */
  public interface Listener {
    Listener NONE = p -> {};

    void evaluated(Point p);
  }

  /**
   * The search's outcome.
   *
   * @param best the point with the smallest objective (the first such, on a tie)
   * @param points every point simulated, in order
   * @param cacheHits points the search asked for again and got from the cache
   */
  public record Fit(Point best, List<Point> points, NelderMead.Stop stop, int cacheHits) {}

  private final Plan plan;
  private final Function<RunSpec, RunResult> runner;
  private final Listener listener;
  private final Map<List<String>, Point> cache = new HashMap<>();
  private final List<Point> points = new ArrayList<>();
  private int cacheHits;

  private Calibration(Plan plan, Function<RunSpec, RunResult> runner, Listener listener) {
    this.plan = plan;
    this.runner = runner;
    this.listener = listener;
  }

  /** Runs the search. */
  public static Fit fit(Plan plan, Function<RunSpec, RunResult> runner, Listener listener)
      throws InterruptedException {
    return new Calibration(plan, runner, listener).search();
  }

  /** The box search: coordinates in [0, 1] per parameter, first simplex edges 20% of start. */
  private Fit search() throws InterruptedException {
    int n = plan.params().size();
    double[] x0 = new double[n];
    double[] step = new double[n];
    double[] xTol = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      FitParam p = plan.params().get(i);
      x0[i] = p.coordinate(p.start());
      // A fifth of the start value (at least one whole unit): near enough to the start to refine
      // a profile that is already close, and the simplex grows where it must.
      double width = Math.max(0.2 * p.start(), p.integer() ? 1 : 0) / (p.max() - p.min());
      step[i] = width > 0 ? width : 0.1;
      xTol[i] = p.resolution();
      upper[i] = 1;
    }
    // Stop on the simplex's size only (fTol -1 never holds): on rounded parameters, two vertices
    // on either side of the optimum can score the same without the simplex being small.
    NelderMead.Options o = new NelderMead.Options(step, xTol, -1, plan.maxEvals(), lower, upper);
    NelderMead.Result r;
    try {
      r = NelderMead.minimize(this::objective, x0, o, points::size);
    } catch (Interrupted e) {
      throw (InterruptedException) e.getCause();
    }
    Point best = cache.get(key(r.x()));
    for (Point p : points) {
      if (p.objective() < best.objective()) best = p;
    }
    return new Fit(best, List.copyOf(points), r.stop(), cacheHits);
  }

  private double[] objective(List<double[]> xs) {
    List<List<String>> keys = new ArrayList<>();
    for (double[] x : xs) keys.add(key(x));
    Map<List<String>, Point> fresh = evaluate(keys);
    double[] out = new double[xs.size()];
    for (int i = 0; i < keys.size(); i++) {
      Point p = fresh.get(keys.get(i));
      if (p == null) {
        p = cache.get(keys.get(i));
        cacheHits++;
      }
      out[i] = p.objective();
    }
    return out;
  }

  /**
   * Simulates the points not yet in the cache, all conditions and seeds of all of them in one
   * batch, and tells the listener of each in order. Returns the new points by key. Throws
   * IllegalArgumentException if the model counts none of the fitted figures (nothing to fit).
   */
  private Map<List<String>, Point> evaluate(List<List<String>> keys) {
    List<List<String>> todo = new ArrayList<>();
    for (List<String> k : keys) {
      if (!cache.containsKey(k) && !todo.contains(k)) todo.add(k);
    }
    List<Condition> conditions = plan.scoring().conditions();
    List<RunSpec> specs = new ArrayList<>();
    for (List<String> k : todo) {
      Platform p = platform(plan, k);
      for (Condition c : conditions) {
        for (long seed : plan.seeds()) specs.add(c.spec(p, seed));
      }
    }
    List<RunResult> results = runAll(specs);
    Map<List<String>, Point> fresh = new LinkedHashMap<>();
    int s = plan.seeds().size();
    int next = 0;
    for (List<String> k : todo) {
      Map<Condition, List<RunResult>> runs = new LinkedHashMap<>();
      for (Condition c : conditions) {
        runs.put(c, List.copyOf(results.subList(next, next + s)));
        next += s;
      }
      Point p = new Point(points.size() + 1, List.copyOf(k), runs, plan.scoring().score(runs));
      checkArgument(!p.score().scored().isEmpty(),
          "the model counts none of the fitted figures of %s (it lacks %s): nothing to fit",
          plan.measurements().origin(), String.join(", ", p.score().missingMetrics()));
      points.add(p);
      cache.put(p.values(), p);
      fresh.put(p.values(), p);
      listener.evaluated(p);
    }
    return fresh;
  }

  /** The plan's platform with the fitted parameters at {@code values}. */
  static Platform platform(Plan plan, List<String> values) {
    Map<String, String> set = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) set.put(plan.params().get(i).name(), values.get(i));
    return plan.platform().with(set);
  }

  private List<String> key(double[] x) {
    List<String> k = new ArrayList<>();
    for (int i = 0; i < x.length; i++) k.add(plan.params().get(i).valueAt(x[i]));
    return k;
  }

  private List<RunResult> runAll(List<RunSpec> specs) {
    try {
      return Batch.runAll(specs, runner, plan.threads(), Batch.Progress.NONE);
    } catch (InterruptedException e) {
      throw new Interrupted(e);
    }
  }

  /** Carries an interrupt through the search, which cannot throw checked exceptions. */
  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted(InterruptedException cause) {
      super(cause);
    }
  }

  /** Runs specs in parallel for the sensitivity study, through the same runner. */
  static List<RunResult> runAll(
      List<RunSpec> specs, Function<RunSpec, RunResult> runner, int threads)
      throws InterruptedException {
    return Batch.runAll(specs, runner, threads, Batch.Progress.NONE);
  }
}
