package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.Metric;
import io.bessim.experiment.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a measured figure is: one metric ({@code deliveredMBps}, {@code perSecond.sdio_rx_work}) or
 * the ratio of two ({@code perSecond.workqueue_execute_start / perSecond.bes2600_rx_cb}), each
 * named through the {@link Metric} registry.
 *
 * <p>Across seeds a ratio is the ratio of the means, not the mean of per-seed ratios: a seed that
 * delivered few frames would otherwise weigh as much as one that delivered many. A ratio is how a
 * capture whose absolute rate was not recorded still says something (work items per frame).
 *
 * @param denominator null for a plain metric
 */
public record Quantity(Metric numerator, Metric denominator) {
  public Quantity {
    checkArgument(numerator != null, "a quantity needs a metric");
  }

  /** A plain metric. */
  public static Quantity of(Metric m) {
    return new Quantity(m, null);
  }

  /**
   * {@code key} or {@code key / key}, each a figure or {@code perSecond.<counter>}; throws
   * IllegalArgumentException naming an unknown metric.
   */
  public static Quantity parse(String text) {
    String[] parts = text.split("/", -1);
    checkArgument(parts.length <= 2, "'%s': at most one '/' (a ratio of two metrics)", text);
    Metric num = Metric.figure(parts[0].strip());
    if (parts.length == 1) return of(num);
    Metric den = Metric.figure(parts[1].strip());
    checkArgument(den != num, "'%s' is a ratio of a metric to itself", text);
    return new Quantity(num, den);
  }

  public boolean isRatio() {
    return denominator != null;
  }

  /** As written in a measurements file: {@code perSecond.a / perSecond.b}. */
  public String key() {
    return isRatio() ? numerator.key() + " / " + denominator.key() : numerator.key();
  }

  /** The unit beside a value: {@code MB/s}, {@code /s}, {@code per bes2600_rx_cb}. */
  public String unit() {
    if (!isRatio()) return numerator.unit().symbol();
    String den = denominator.counter() != null ? denominator.counter() : denominator.key();
    if (numerator.unit() == denominator.unit()) return "per " + den;
    return numerator.unit().symbol() + " per " + den + " " + denominator.unit().symbol();
  }

  /** The metrics it reads. */
  public List<Metric> metrics() {
    return isRatio() ? List.of(numerator, denominator) : List.of(numerator);
  }

  /** The metrics some run lacks: counters the model behind the runs does not keep. */
  public List<Metric> missing(List<RunResult> runs) {
    List<Metric> out = new ArrayList<>();
    for (Metric m : metrics()) {
      if (runs.stream().anyMatch(r -> m.number(r) == null)) out.add(m);
    }
    return out;
  }

  /**
   * Its value over {@code runs}: the mean, or for a ratio the ratio of the means (NaN when the
   * denominator's mean is 0); null when a run lacks one of its metrics.
   */
  public Double model(List<RunResult> runs) {
    checkArgument(!runs.isEmpty(), "no runs for %s", key());
    if (!missing(runs).isEmpty()) return null;
    double num = mean(runs, numerator);
    if (!isRatio()) return num;
    double den = mean(runs, denominator);
    return den == 0 ? Double.NaN : num / den;
  }

  /** Its value in one run, as {@link #model} over that run alone. */
  public Double value(RunResult r) {
    return model(List.of(r));
  }

  private static double mean(List<RunResult> runs, Metric m) {
    double sum = 0;
    for (RunResult r : runs) sum += m.number(r);
    return sum / runs.size();
  }

  @Override
  public String toString() {
    return key();
  }
}
