package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.Metric;

/**
 * One figure measured on the rig, as a {@code .measurements} file states it.
 *
 * @param metric a figure ({@code deliveredMBps}) or a counter ({@code perSecond.sdio_rx_work})
 * @param value the measured value, in the metric's declared unit
 * @param tolerance how far the model may be off, as a fraction of {@code value} (0.15 = 15%); the
 *     fit weighs each figure by it. NaN for a report-only figure with no tolerance given
 * @param reportOnly printed beside the model's value but not fitted (the model counts something
 *     different from what the rig counted)
 * @param source where the figure comes from
 */
public record Measurement(
    Metric metric, double value, double tolerance, boolean reportOnly, String source) {
  public Measurement {
    checkArgument(value != 0 && Double.isFinite(value),
        "measured %s must be a non-zero number (residuals are relative to it)", metric.key());
    checkArgument(reportOnly || (tolerance > 0 && Double.isFinite(tolerance)),
        "tolerance of %s must be positive", metric.key());
  }

  /** The fit's term: the residual in units of the tolerance, squared; 0 for report-only. */
  public double term(double model) {
    if (reportOnly) return 0;
    double r = residual(model) / tolerance;
    return r * r;
  }

  /** (model - measured) / measured. */
  public double residual(double model) {
    return (model - value) / value;
  }

  /** Whether {@code model} lies within the tolerance (false when there is none). */
  public boolean within(double model) {
    return !Double.isNaN(tolerance) && Math.abs(residual(model)) <= tolerance;
  }
}
