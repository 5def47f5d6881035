package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Batch;
import io.bessim.experiment.Metric;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every architecture is predicted to do, given only what the rig measured: each architecture
 * runs on every profile {@link Abc} kept, and the predictions are the spread over those profiles.
 *
 * <p>On a profile every architecture runs the profile's seed (common random numbers), so the ratio
 * to the baseline is taken per profile, paired, and the luck of the seed mostly cancels out of it.
 * Then, across the kept profiles, Spearman's rank correlation says which unknown moves each
 * prediction most, and which quantity the rig can count on the baseline tracks the target
 * architecture's throughput best: measuring that narrows the prediction most.
 */
public final class Prediction {
  /**
   * What to predict.
   *
   * @param archs the architectures, in the order given; the baseline also runs if not among them
   * @param workload the offered traffic of the predictions
   * @param durationPs simulated time of each run
   */
  public record Plan(Abc.Plan abc, List<Architecture> archs, WorkloadSpec workload,
      long durationPs) {
    public Plan {
      checkArgument(!archs.isEmpty(), "need at least one architecture");
      archs = List.copyOf(archs);
    }
  }

  /**
   * One architecture across the kept profiles.
   *
   * @param runs one per kept profile, in profile order
   * @param ratio delivered MB/s over the baseline's on the same profile and seed
   * @param perSecond every counter the runs count, in declaration order
   * @param firstWarnSec +infinity for a profile whose run never warned
   * @param warned profiles whose run warned
   */
  public record ArchPrediction(String arch, List<RunResult> runs, Spread delivered, Spread ratio,
      Map<String, Spread> perSecond, Spread firstWarnSec, int warned) {}

  /**
   * How one prediction moves with each free parameter across the kept profiles.
   *
   * @param metric {@code deliveredMBps} or {@code ratioToBaseline}
   * @param spearman by parameter, in {@link Abc.Plan#params} order; NaN where undefined
   * @param mostMovedBy the parameter with the largest |rho|, null if none is defined
   */
  public record Sensitivity(String arch, String metric, Map<String, Double> spearman,
      String mostMovedBy) {}

  /**
   * A quantity the rig could count on some measured condition, and how well it tracks the target.
   *
   * @param metric what to count
   * @param condition where (the baseline, at a workload the file or the prediction uses)
   * @param spearman its rank correlation with the target's delivered MB/s across kept profiles
   * @param band the band the file already gives it under that condition; null if it has none
   */
  public record Measurable(Metric metric, Condition condition, double spearman, String band) {}

  /**
   * The one extra measurement that would narrow the target's range most, or null.
   *
   * @param target the architecture whose throughput it is meant to narrow
   * @param ranking every countable quantity with a defined correlation, strongest first
   * @param countable how many quantities were considered
   */
  public record Next(String target, List<Measurable> ranking, int countable) {
    public Measurable best() {
      return ranking.isEmpty() ? null : ranking.get(0);
    }
  }

  /** The whole outcome; {@code archs}, {@code sensitivity} and {@code next} empty if none kept. */
  public record Outcome(Abc.Result abc, List<ArchPrediction> archs, List<Sensitivity> sensitivity,
      Next next) {}

  /** The key of the paired ratio to the baseline, in reports and the JSON. */
  public static final String RATIO = "ratioToBaseline";

  private Prediction() {}

  /** Samples, then runs every architecture on every kept profile. */
  public static Outcome run(Plan plan, Function<RunSpec, RunResult> runner, Abc.Listener listener)
      throws InterruptedException {
    Abc.Result abc = Abc.run(plan.abc(), runner, listener);
    if (abc.kept().isEmpty()) return new Outcome(abc, List.of(), List.of(), null);
    List<Architecture> archs = new ArrayList<>(plan.archs());
    if (!archs.contains(Architecture.BASELINE)) archs.add(Architecture.BASELINE);
    Map<Architecture, List<RunResult>> byArch = runArchs(plan, archs, abc.kept(), runner);
    double[] baseline = delivered(byArch.get(Architecture.BASELINE));
    List<ArchPrediction> out = new ArrayList<>();
    for (Architecture a : plan.archs()) out.add(predict(a, byArch.get(a), baseline));
    return new Outcome(abc, out, sensitivity(plan, abc.kept(), out, baseline),
        next(plan, abc.kept(), out, byArch.get(Architecture.BASELINE)));
  }

  /**
   * Each architecture on each kept profile with the profile's seed; a run the sampling already
   * made (the baseline under a measured condition) is reused, not repeated.
   */
  private static Map<Architecture, List<RunResult>> runArchs(Plan plan, List<Architecture> archs,
      List<Abc.Candidate> kept, Function<RunSpec, RunResult> runner) throws InterruptedException {
    List<RunSpec> specs = new ArrayList<>();
    for (Architecture a : archs) {
      Condition c = new Condition(a, plan.workload(), plan.durationPs());
      for (Abc.Candidate k : kept) {
        if (!k.runs().containsKey(c)) specs.add(c.spec(platform(plan, k), k.seed()));
      }
    }
    List<RunResult> results =
        Batch.runAll(specs, runner, plan.abc().threads(), Batch.Progress.NONE);
    Map<Architecture, List<RunResult>> out = new LinkedHashMap<>();
    int next = 0;
    for (Architecture a : archs) {
      Condition c = new Condition(a, plan.workload(), plan.durationPs());
      List<RunResult> runs = new ArrayList<>();
      for (Abc.Candidate k : kept) {
        runs.add(k.runs().containsKey(c) ? k.runs().get(c) : results.get(next++));
      }
      out.put(a, List.copyOf(runs));
    }
    return out;
  }

  /** The profile of a kept candidate. */
  public static Platform platform(Plan plan, Abc.Candidate k) {
    Map<String, String> set = new LinkedHashMap<>();
    for (int i = 0; i < k.values().size(); i++) {
      set.put(plan.abc().params().get(i).name(), k.values().get(i));
    }
    return plan.abc().platform().with(set);
  }

  private static ArchPrediction predict(Architecture a, List<RunResult> runs, double[] baseline) {
    double[] delivered = delivered(runs);
    double[] ratio = new double[runs.size()];
    double[] warn = new double[runs.size()];
    int warned = 0;
    for (int i = 0; i < ratio.length; i++) {
      ratio[i] = baseline[i] == 0 ? Double.NaN : delivered[i] / baseline[i];
      Double w = runs.get(i).firstWarnSec();
      warn[i] = w == null ? Double.POSITIVE_INFINITY : w;
      if (w != null) warned++;
    }
    Map<String, Spread> perSecond = new LinkedHashMap<>();
    for (Metric m : Metric.counters()) {
      if (runs.stream().anyMatch(r -> m.number(r) == null)) continue;
      perSecond.put(m.counter(), Spread.of(values(runs, m)));
    }
    return new ArchPrediction(a.cliName(), runs, Spread.of(delivered), Spread.of(ratio),
        perSecond, Spread.of(warn), warned);
  }

  private static double[] delivered(List<RunResult> runs) {
    return values(runs, Metric.DELIVERED_MBPS);
  }

  /** {@code m} in each run; NaN where a run lacks it. */
  private static double[] values(List<RunResult> runs, Metric m) {
    double[] out = new double[runs.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = m.number(runs.get(i));
      out[i] = v == null ? Double.NaN : v;
    }
    return out;
  }

  /** For each architecture: its delivered MB/s, and (but the baseline's) its ratio. */
  private static List<Sensitivity> sensitivity(Plan plan, List<Abc.Candidate> kept,
      List<ArchPrediction> archs, double[] baseline) {
    List<FitParam> params = plan.abc().params();
    List<double[]> x = new ArrayList<>();
    for (int p = 0; p < params.size(); p++) {
      double[] v = new double[kept.size()];
      for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(kept.get(i).values().get(p));
      x.add(v);
    }
    List<Sensitivity> out = new ArrayList<>();
    for (ArchPrediction a : archs) {
      double[] delivered = delivered(a.runs());
      out.add(sensitivity(a.arch(), Metric.DELIVERED_MBPS.key(), params, x, delivered));
      if (a.arch().equals(Architecture.BASELINE.cliName())) continue;
      double[] ratio = new double[delivered.length];
      for (int i = 0; i < ratio.length; i++) {
        ratio[i] = baseline[i] == 0 ? Double.NaN : delivered[i] / baseline[i];
      }
      out.add(sensitivity(a.arch(), RATIO, params, x, ratio));
    }
    return out;
  }

  private static Sensitivity sensitivity(String arch, String metric, List<FitParam> params,
      List<double[]> x, double[] y) {
    Map<String, Double> rho = new LinkedHashMap<>();
    String most = null;
    double best = -1;
    for (int p = 0; p < params.size(); p++) {
      double r = RankCorrelation.spearman(x.get(p), y);
      rho.put(params.get(p).name(), r);
      if (!Double.isNaN(r) && Math.abs(r) > best) {
        best = Math.abs(r);
        most = params.get(p).name();
      }
    }
    return new Sensitivity(arch, metric, rho, most);
  }

  /**
   * The countable quantity, on the baseline under a measured condition or the prediction's, whose
   * value across the kept profiles tracks the target architecture's delivered MB/s best. The
   * target is v3 if it is predicted, else the first architecture that is not the baseline, else
   * the first.
   */
  private static Next next(Plan plan, List<Abc.Candidate> kept, List<ArchPrediction> archs,
      List<RunResult> baselineAtPrediction) {
    ArchPrediction target = null;
    for (ArchPrediction a : archs) {
      if (a.arch().equals(Architecture.V3.cliName())) target = a;
    }
    for (ArchPrediction a : archs) {
      if (target == null && !a.arch().equals(Architecture.BASELINE.cliName())) target = a;
    }
    if (target == null) target = archs.get(0);
    double[] y = delivered(target.runs());
    Map<Condition, List<RunResult>> where = new LinkedHashMap<>();
    for (Condition c : plan.abc().screening()) {
      if (!c.arch().equals(Architecture.BASELINE)) continue;
      List<RunResult> runs = new ArrayList<>();
      for (Abc.Candidate k : kept) runs.add(k.runs().get(c));
      where.put(c, runs);
    }
    where.putIfAbsent(new Condition(Architecture.BASELINE, plan.workload(), plan.durationPs()),
        baselineAtPrediction);
    Measurements ms = plan.abc().scoring().measurements();
    List<Measurable> ranking = new ArrayList<>();
    int countable = 0;
    for (Map.Entry<Condition, List<RunResult>> e : where.entrySet()) {
      for (Metric m : ms.countable()) {
        double[] x = values(e.getValue(), m);
        if (Arrays.stream(x).anyMatch(Double::isNaN)) continue; // not counted
        countable++;
        double rho = RankCorrelation.spearman(x, y);
        if (Double.isNaN(rho)) continue;
        ranking.add(new Measurable(m, e.getKey(), rho, band(plan.abc().scoring(), e.getKey(), m)));
      }
    }
    // Strongest first; on a tie the earlier condition and the metric listed first.
    ranking.sort((a, b) -> Double.compare(Math.abs(b.spearman()), Math.abs(a.spearman())));
    return new Next(target.arch(), List.copyOf(ranking), countable);
  }

  /** The band the file gives {@code m} as a plain figure under {@code c}; null if none. */
  private static String band(Scoring scoring, Condition c, Metric m) {
    for (Section s : scoring.sections(c)) {
      for (Measurement f : s.figures()) {
        if (!f.reportOnly() && !f.quantity().isRatio() && f.quantity().numerator() == m) {
          return f.isInterval() ? f.band() + " " + f.quantity().unit() : "±" + f.band();
        }
      }
    }
    return null;
  }
}
