package io.bessim.calibrate;

import io.bessim.driver.Architecture;
import io.bessim.experiment.Metric;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How much the predictions move when one fitted parameter moves off its best value by 10% (one
 * unit for integers), the others held: the measured figures at the calibrated architecture, every
 * other architecture's delivered throughput at the same workload, and the WARNs of any
 * architecture that warned at some probe. A parameter the figures barely feel but the predictions
 * do is where the model may be wrong.
 *
 * @param predictions what is predicted: {@code baseline deliveredMBps}, {@code v3 deliveredMBps}
 * @param metrics the metric of each prediction
 * @param probes the best fit first, then each parameter down and up
 */
public record Sensitivity(List<String> predictions, List<Metric> metrics, List<Probe> probes) {
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

  private static final Metric DELIVERED = Metric.DELIVERED_MBPS;
  private static final Metric WARNS = Metric.WARNS;

  /**
   * Runs the probes: every architecture at each, all seeds, in one parallel batch. Predictions
   * are the measured metrics at the calibrated architecture, each other architecture's delivered
   * throughput, and the WARNs per run of any architecture that warned at some probe (a race that
   * a fitted parameter switches on or off).
   */
  public static Sensitivity of(
      Calibration.Plan plan, Calibration.Fit fit, Function<RunSpec, RunResult> runner)
      throws InterruptedException {
    List<Architecture> archs = new ArrayList<>(List.of(plan.arch()));
    for (Architecture a : Architecture.presets()) {
      if (a != plan.arch()) archs.add(a);
    }
    List<Probe> shells = probes(plan, fit.best().values());
    List<RunSpec> specs = new ArrayList<>();
    List<List<RunResult>> known = new ArrayList<>();
    for (Probe p : shells) {
      List<RunResult> cached = cached(fit, p.values());
      known.add(cached);
      for (Architecture a : archs) {
        if (a != plan.arch() || cached == null) specs.addAll(specs(plan, a, p.values()));
      }
    }
    List<RunResult> results = Calibration.runAll(specs, runner, plan.threads());

    // runs.get(probe).get(arch): the seeds' results, in spec order.
    int s = plan.seeds().size();
    int next = 0;
    List<List<List<RunResult>>> runs = new ArrayList<>();
    for (int i = 0; i < shells.size(); i++) {
      List<List<RunResult>> byArch = new ArrayList<>();
      for (Architecture a : archs) {
        if (a == plan.arch() && known.get(i) != null) {
          byArch.add(known.get(i));
        } else {
          byArch.add(results.subList(next, next + s));
          next += s;
        }
      }
      runs.add(byArch);
    }

    List<String> predictions = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    List<Integer> archIndex = new ArrayList<>();
    for (Measurement m : plan.measurements().figures()) {
      predictions.add(plan.arch().cliName() + " " + m.metric().key());
      metrics.add(m.metric());
      archIndex.add(0);
    }
    for (int k = 1; k < archs.size(); k++) {
      predictions.add(archs.get(k).cliName() + " " + DELIVERED.key());
      metrics.add(DELIVERED);
      archIndex.add(k);
    }
    for (int k = 0; k < archs.size(); k++) {
      final int arch = k;
      boolean warned = runs.stream().anyMatch(r -> mean(r.get(arch), WARNS) > 0);
      if (warned && !metrics.subList(0, plan.measurements().figures().size()).contains(WARNS)) {
        predictions.add(archs.get(k).cliName() + " " + WARNS.key());
        metrics.add(WARNS);
        archIndex.add(k);
      }
    }

    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < shells.size(); i++) {
      Probe p = shells.get(i);
      double[] means = new double[predictions.size()];
      for (int j = 0; j < means.length; j++) {
        means[j] = mean(runs.get(i).get(archIndex.get(j)), metrics.get(j));
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

  private static double mean(List<RunResult> runs, Metric metric) {
    return runs.stream().mapToDouble(r -> Calibration.value(r, metric)).average()
        .orElse(Double.NaN);
  }
}
