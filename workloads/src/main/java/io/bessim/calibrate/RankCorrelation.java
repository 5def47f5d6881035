package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, ties given their average rank.
 *
 * <p>{@code bessim predict} uses it to say which unknown moves a prediction most across the kept
 * profiles, and which countable quantity tracks a prediction best. Ranks ask only whether two
 * things rise together, not whether they do so in a straight line: throughput rises with the
 * firmware's pool in steps, then stops at the offered rate. +1 means in lockstep, -1 the
 * opposite, 0 no monotone relation.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Over the pairs where neither value is NaN (+-infinity ranks as a value); NaN with fewer than
   * three pairs, or when either side is constant.
   */
  public static double spearman(double[] x, double[] y) {
    checkArgument(x.length == y.length, "%s values against %s", x.length, y.length);
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) pairs.add(new double[] {x[i], y[i]});
    }
    int n = pairs.size();
    if (n < 3) return Double.NaN;
    double[] rx = ranks(pairs.stream().mapToDouble(p -> p[0]).toArray());
    double[] ry = ranks(pairs.stream().mapToDouble(p -> p[1]).toArray());
    return pearson(rx, ry);
  }

  /** Ranks from 1, ties sharing the average of the ranks they span. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && Double.compare(v[order[j + 1]], v[order[i]]) == 0) j++;
      double average = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) r[order[k]] = average;
      i = j + 1;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElseThrow();
    double mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    if (saa == 0 || sbb == 0) return Double.NaN;
    return sab / Math.sqrt(saa * sbb);
  }
}
