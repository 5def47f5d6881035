package io.bessim.sim.stats;

/**
 * Mean and 95% confidence half-width of independent replications (one value per seed), using
 * Student's t with n-1 degrees of freedom. With one value the half-width is NaN (unknown).
 */
public record Summary(int n, double mean, double halfWidth95) {
  // Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
  };

  public static Summary of(double... values) {
    int n = values.length;
    if (n == 0) return new Summary(0, Double.NaN, Double.NaN);
    double sum = 0;
    for (double v : values) sum += v;
    double mean = sum / n;
    if (n == 1) return new Summary(1, mean, Double.NaN);
    double ss = 0;
    for (double v : values) ss += (v - mean) * (v - mean);
    double sd = Math.sqrt(ss / (n - 1));
    return new Summary(n, mean, tQuantile975(n - 1) * sd / Math.sqrt(n));
  }

  /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
  public static double tQuantile975(int df) {
    if (df <= 0) return Double.NaN;
    if (df <= T975.length) return T975[df - 1];
    // Cornish-Fisher expansion around the normal quantile; error < 1e-3 for df > 30.
    double z = 1.959964;
    double g1 = (z * z * z + z) / 4;
    double g2 = (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / 96;
    return z + g1 / df + g2 / ((double) df * df);
  }
}
