package io.bessim.calibrate;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Metric;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How much the predictions move when one fitted parameter moves off its best value by 10% (one
 * unit for integers), the others held: every measured figure the model counts, once per condition
 * (the first section's label stands for the others measuring it there), every other
 * architecture's delivered throughput at the first section's workload, and the WARNs of any
 * architecture that warned at some probe. A parameter the figures barely feel but the predictions
 * do is where the model may be wrong.
 *
 * @param predictions what is predicted: {@code [preflight] deliveredMBps}, {@code v3
 *     deliveredMBps at tcp:4MB/s}
 * @param units the unit of each prediction
 * @param probes the best fit first, then each parameter down and up
 */
public record Sensitivity(List<String> predictions, List<String> units, List<Probe> probes) {
  /**
   * One set of parameter values and the mean of each prediction over the seeds there.
   *
   * @param param the parameter moved, or null for the best fit
   * @param change {@code -1}, {@code +10%} or empty for the best fit
   * @param values every fitted parameter's value
   * @param means one per prediction; NaN where the model does not count it
   */
  public record Probe(String param, String value, String change, List<String> values,
      double[] means) {}

  /** Runs the probes: every condition and architecture at each, all seeds, in one batch. */
  public static Sensitivity of(
      Calibration.Plan plan, Calibration.Fit fit, Function<RunSpec, RunResult> runner)
      throws InterruptedException {
    Scoring scoring = plan.scoring();
    Condition primary = scoring.primary();
    List<Condition> conditions = new ArrayList<>(scoring.conditions());
    List<Condition> others = new ArrayList<>();
    for (Architecture a : Architecture.presets()) {
      Condition c = new Condition(a, primary.workload(), primary.durationPs());
      if (a.equals(primary.arch())) continue;
      others.add(c);
      if (!conditions.contains(c)) conditions.add(c);
    }
    List<Probe> shells = probes(plan, fit.best().values());
    List<Map<Condition, List<RunResult>>> cached = new ArrayList<>();
    List<RunSpec> specs = new ArrayList<>();
    for (Probe p : shells) {
      Map<Condition, List<RunResult>> known = cached(fit, p.values());
      cached.add(known);
      Platform platform = Calibration.platform(plan, p.values());
      for (Condition c : conditions) {
        if (known.containsKey(c)) continue;
        for (long seed : plan.seeds()) specs.add(c.spec(platform, seed));
      }
    }
    List<RunResult> results = Calibration.runAll(specs, runner, plan.threads());

    int s = plan.seeds().size();
    int next = 0;
    List<Map<Condition, List<RunResult>>> runs = new ArrayList<>();
    for (Map<Condition, List<RunResult>> known : cached) {
      Map<Condition, List<RunResult>> byCondition = new LinkedHashMap<>();
      for (Condition c : conditions) {
        if (known.containsKey(c)) {
          byCondition.put(c, known.get(c));
        } else {
          byCondition.put(c, results.subList(next, next + s));
          next += s;
        }
      }
      runs.add(byCondition);
    }

    List<String> predictions = new ArrayList<>();
    List<String> units = new ArrayList<>();
    List<Function<Map<Condition, List<RunResult>>, Double>> readers = new ArrayList<>();
    // Each figure once per condition (two sections measuring deliveredMBps at one condition are
    // one prediction), and only those the model counts.
    List<Score.Figure> figures = fit.best().score().figures();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      Score.Figure f = figures.get(i);
      String key = f.condition() + " " + f.measurement().quantity().key();
      if (!f.counted() || seen.contains(key)) continue;
      seen.add(key);
      final int figure = i;
      predictions.add(f.measurement().label());
      units.add(f.measurement().quantity().unit());
      readers.add(r -> scoring.score(r).figures().get(figure).model());
    }
    for (Condition c : others) {
      predictions.add(c.arch().cliName() + " " + Metric.DELIVERED_MBPS.key() + " at "
          + c.workload());
      units.add(Metric.DELIVERED_MBPS.unit().symbol());
      readers.add(r -> Quantity.of(Metric.DELIVERED_MBPS).model(r.get(c)));
    }
    List<Condition> warnable = new ArrayList<>(List.of(primary));
    warnable.addAll(others);
    Quantity warns = Quantity.of(Metric.WARNS);
    for (Condition c : warnable) {
      if (runs.stream().anyMatch(r -> warns.model(r.get(c)) > 0)) {
        predictions.add(c.arch().cliName() + " " + Metric.WARNS.key() + " at " + c.workload());
        units.add(Metric.WARNS.unit().symbol());
        readers.add(r -> warns.model(r.get(c)));
      }
    }

    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < shells.size(); i++) {
      Probe p = shells.get(i);
      double[] means = new double[predictions.size()];
      for (int j = 0; j < means.length; j++) {
        Double v = readers.get(j).apply(runs.get(i));
        means[j] = v == null ? Double.NaN : v;
      }
      probes.add(new Probe(p.param(), p.value(), p.change(), p.values(), means));
    }
    return new Sensitivity(predictions, units, probes);
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

  /** The runs the search already made at {@code values}, by condition; empty if none. */
  private static Map<Condition, List<RunResult>> cached(Calibration.Fit fit, List<String> values) {
    for (Calibration.Point p : fit.points()) {
      if (p.values().equals(values)) return p.runs();
    }
    return Map.of();
  }
}
