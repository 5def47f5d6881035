package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One figure measured on the rig, as a {@code .measurements} file states it, with the band the
 * model must land in.
 *
 * <p>The band is either relative ({@code 15%} of the value either way) or an interval
 * {@code lo..hi} in the figure's unit, which need not be centred on the value: a relative
 * tolerance is just the symmetric interval {@code value (1 +- tolerance)}. Either way the residual
 * is measured in tolerances, on the model's side of the value: {@code (model - value) / (hi -
 * value)} above it, {@code (model - value) / (value - lo)} below it. So a model at the band's edge
 * has residual +-1, inside means |residual| <= 1, and the fit's term is the residual squared.
 *
 * @param section the {@code [section]} of the file it is in ("" in a file without sections)
 * @param value the measured value, in the quantity's unit
 * @param tolerance a fraction of {@code |value|} (0.15 = 15%); NaN for an interval, or for a
 *     report-only figure given no tolerance
 * @param lo the interval's low end; NaN unless the band is an interval
 * @param hi the interval's high end; NaN unless the band is an interval
 * @param reportOnly printed beside the model's value but neither fitted nor used to accept a
 *     profile (the model counts something different from what the rig counted)
 * @param source where the figure comes from
 */
public record Measurement(
    String section,
    Quantity quantity,
    double value,
    double tolerance,
    double lo,
    double hi,
    boolean reportOnly,
    String source) {
  public Measurement {
    String key = quantity.key();
    checkArgument(Double.isFinite(value), "measured %s must be a number", key);
    if (Double.isNaN(lo) && Double.isNaN(hi)) {
      checkArgument(reportOnly || Double.isFinite(tolerance) && tolerance > 0,
          "tolerance of %s must be positive", key);
      checkArgument(Double.isNaN(tolerance) || value != 0,
          "measured %s must be non-zero for a relative tolerance (give an interval lo..hi)", key);
    } else {
      checkArgument(Double.isNaN(tolerance), "%s: a tolerance or an interval, not both", key);
      checkArgument(lo < hi, "interval of %s must have lo < hi, got %s..%s", key,
          FitParam.number(lo), FitParam.number(hi));
      checkArgument(lo <= value && value <= hi, "measured %s = %s lies outside its interval %s..%s",
          key, FitParam.number(value), FitParam.number(lo), FitParam.number(hi));
    }
  }

  /** A figure with a relative tolerance (NaN with reportOnly for none). */
  public static Measurement relative(String section, Quantity q, double value, double tolerance,
      boolean reportOnly, String source) {
    return new Measurement(section, q, value, tolerance, Double.NaN, Double.NaN, reportOnly,
        source);
  }

  /** A figure whose band is the interval {@code lo..hi}. */
  public static Measurement interval(String section, Quantity q, double value, double lo,
      double hi, boolean reportOnly, String source) {
    return new Measurement(section, q, value, Double.NaN, lo, hi, reportOnly, source);
  }

  public boolean isInterval() {
    return !Double.isNaN(lo);
  }

  /** Whether it has a band at all (a report-only figure may have none). */
  public boolean hasBand() {
    return isInterval() || !Double.isNaN(tolerance);
  }

  /** {@code [preflight] deliveredMBps}, or the quantity alone in a file without sections. */
  public String label() {
    return section.isEmpty() ? quantity.key() : "[" + section + "] " + quantity.key();
  }

  /**
   * How far {@code model} is from the value, in tolerances, on its side (see the class comment);
   * NaN for a NaN model or a figure with no band. A side of zero width gives +-infinity off it.
   */
  public double residual(double model) {
    if (Double.isNaN(model) || !hasBand()) return Double.NaN;
    if (model == value) return 0;
    if (!isInterval()) return (model - value) / Math.abs(value) / tolerance;
    double width = model > value ? hi - value : value - lo;
    return (model - value) / width;
  }

  /** Whether {@code model} lies in the band (false without one, or for NaN). */
  public boolean inside(double model) {
    return Math.abs(residual(model)) <= 1;
  }

  /** The fit's term: the residual squared; 0 for report-only, +infinity for a NaN model. */
  public double term(double model) {
    if (reportOnly) return 0;
    double r = residual(model);
    return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r * r;
  }

  /** (model - value) / |value|: how far off, as a share of the value; NaN for value 0. */
  public double offBy(double model) {
    return value == 0 ? Double.NaN : (model - value) / Math.abs(value);
  }

  /** The band as written: {@code 15%}, {@code 0..30}, or {@code -} for none. */
  public String band() {
    if (isInterval()) return FitParam.number(lo) + ".." + FitParam.number(hi);
    if (Double.isNaN(tolerance)) return "-";
    return new BigDecimal(tolerance * 100).round(new MathContext(4))
        .stripTrailingZeros().toPlainString() + "%";
  }
}
