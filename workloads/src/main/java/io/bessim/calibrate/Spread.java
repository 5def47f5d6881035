package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The median and the 5% and 95% quantiles of a sample (one value per kept profile), the way
 * {@code bessim predict} states a prediction.
 *
 * <p>Quantiles interpolate linearly between order statistics (Hyndman and Fan's type 7, the
 * default of R and NumPy): quantile p of n sorted values is {@code x[h] + (h - floor h)(x[h + 1] -
 * x[h])} at {@code h = (n - 1) p}, counting from 0. So the 5-95% range of 20 profiles runs from
 * a little above the lowest to a little below the highest. A value of +infinity stands for "not
 * within the run" (a run that never warned): such a value is censored, and interpolating towards
 * it would invent a time, so a sample holding one takes plain order statistics instead (type 1,
 * the smallest value with at least a share p of the sample at or below it), which may be
 * +infinity. NaN values (a ratio over zero) are left out.
 *
 * @param n the values the quantiles are over (NaN left out)
 */
public record Spread(double median, double p05, double p95, int n) {
  /** The spread of {@code values}; all NaN if none is a number. */
  public static Spread of(double[] values) {
    double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    boolean censored = x.length > 0 && x[x.length - 1] == Double.POSITIVE_INFINITY;
    if (censored) {
      return new Spread(orderStatistic(x, 0.5), orderStatistic(x, 0.05), orderStatistic(x, 0.95),
          x.length);
    }
    return new Spread(quantile(x, 0.5), quantile(x, 0.05), quantile(x, 0.95), x.length);
  }

  /** The smallest of {@code sorted} with at least a share {@code p} at or below it (type 1). */
  static double orderStatistic(double[] sorted, double p) {
    int k = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, k - 1)];
  }

  /** Quantile {@code p} in [0, 1] of {@code sorted} (ascending, no NaN); NaN if it is empty. */
  public static double quantile(double[] sorted, double p) {
    checkArgument(p >= 0 && p <= 1, "quantile %s outside 0..1", p);
    if (sorted.length == 0) return Double.NaN;
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    double frac = h - lo;
    if (frac == 0 || lo + 1 >= sorted.length) return sorted[lo];
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }
}
