package io.bessim.calibrate;

import io.bessim.driver.Architecture;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How much the predictions move when one fitted parameter moves off its best value by 10% (one
 * unit for integers), the others held: the measured figures at the calibrated architecture, and
 * every other architecture's delivered throughput at the same workload. A parameter the figures
 * barely feel but the predictions do is where the model may be wrong.
 *
 * @param predictions what is predicted: {@code baseline deliveredMBps}, {@code v3 deliveredMBps}
 * @param metrics the metric of each prediction, for its unit
 * @param probes the best fit first, then each parameter down and up
 */
public record Sensitivity(List<String> predictions, List<String> metrics, List<Probe> probes) {
  /**
   * One set of parameter values and the mean of each prediction over the seeds there.
   *
   * @param param the parameter moved, or null for the best fit
   * @param change {@code -1}, {@code +10%} or empty for the best fit
   * @param values every fitted parameter's value
   * @param means one per prediction
   */
  public record Probe(String param, String value, String change, List<String> values,
      double[] means) {}

  private static final String DELIVERED = "deliveredMBps";

  /** Runs the probes: every architecture at each, all seeds, in one parallel batch. */
  public static Sensitivity of(
      Calibration.Plan plan, Calibration.Fit fit, Function<RunSpec, RunResult> runner)
      throws InterruptedException {
    List<Architecture> others = new ArrayList<>();
    for (Architecture a : Architecture.values()) {
      if (a != plan.arch()) others.add(a);
    }
    List<String> predictions = new ArrayList<>();
    List<String> metrics = new ArrayList<>();
    for (Measurement m : plan.measurements().figures()) {
      predictions.add(plan.arch().cliName() + " " + m.metric());
      metrics.add(m.metric());
    }
    for (Architecture a : others) {
      predictions.add(a.cliName() + " " + DELIVERED);
      metrics.add(DELIVERED);
    }

    List<Probe> shells = probes(plan, fit.best().values());
    List<RunSpec> specs = new ArrayList<>();
    List<List<RunResult>> known = new ArrayList<>();
    for (Probe p : shells) {
      List<RunResult> cached = cached(fit, p.values());
      known.add(cached);
      if (cached == null) specs.addAll(specs(plan, plan.arch(), p.values()));
      for (Architecture a : others) specs.addAll(specs(plan, a, p.values()));
    }
    List<RunResult> results = Calibration.runAll(specs, runner, plan.threads());

    int s = plan.seeds().size();
    int next = 0;
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < shells.size(); i++) {
      Probe p = shells.get(i);
      List<RunResult> own = known.get(i);
      if (own == null) {
        own = results.subList(next, next + s);
        next += s;
      }
      double[] means = new double[predictions.size()];
      int j = 0;
      for (Measurement m : plan.measurements().figures()) means[j++] = mean(own, m.metric());
      for (int k = 0; k < others.size(); k++) {
        means[j++] = mean(results.subList(next, next + s), DELIVERED);
        next += s;
      }
      probes.add(new Probe(p.param(), p.value(), p.change(), p.values(), means));
    }
    return new Sensitivity(predictions, metrics, probes);
  }

  /** The best fit, then each parameter a step down and up (skipping steps the bounds swallow). */
  static List<Probe> probes(Calibration.Plan plan, List<String> best) {
    List<Probe> out = new ArrayList<>();
    out.add(new Probe(null, null, "", best, null));
    for (int i = 0; i < plan.params().size(); i++) {
      FitParam f = plan.params().get(i);
      double v = Double.parseDouble(best.get(i));
      for (int sign : new int[] {-1, 1}) {
        double moved = f.integer() ? v + sign : v * (1 + 0.1 * sign);
        String value = f.format(moved);
        if (value.equals(best.get(i))) continue;
        List<String> values = new ArrayList<>(best);
        values.set(i, value);
        String change = f.integer() ? (sign < 0 ? "-1" : "+1") : (sign < 0 ? "-10%" : "+10%");
        out.add(new Probe(f.name(), value, change, List.copyOf(values), null));
      }
    }
    return out;
  }

  private static List<RunResult> cached(Calibration.Fit fit, List<String> values) {
    for (Calibration.Point p : fit.points()) {
      if (p.values().equals(values)) return p.runs();
    }
    return null;
  }

  private static List<RunSpec> specs(Calibration.Plan plan, Architecture arch, List<String> v) {
    List<RunSpec> out = new ArrayList<>();
    var platform = Calibration.platform(plan, v);
    for (long seed : plan.seeds()) {
      out.add(new RunSpec(arch, platform, plan.workload(), plan.durationPs(), seed));
    }
    return out;
  }

  private static double mean(List<RunResult> runs, String metric) {
    return runs.stream().mapToDouble(r -> Metrics.value(r, metric)).average().orElse(Double.NaN);
  }
}
