package io.bessim.calibrate;

import io.bessim.experiment.Metric;
import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * How well one profile reproduces the measured figures: each figure's model value and residual,
 * and the fit's objective, the sum of the squared residuals (in tolerances) of the fitted figures
 * the model counts.
 *
 * <p>A figure whose quantity the model does not count (a counter declared ahead of the model code
 * that will count it) has no model value: it is listed as not counted, and left out of the
 * objective and of {@link #allInside}, so that a model without the counter can still be fitted to
 * the rest. The reports say so on every such line.
 *
 * @param figures the scored figures, in file order (only those whose condition was simulated)
 */
public record Score(List<Figure> figures) {
  /**
   * One figure against the model.
   *
   * @param model the model's value: the mean across seeds, or the ratio of the means; null when
   *     the model does not count the quantity, NaN for a ratio over zero
   * @param spread mean and 95% interval across seeds for a plain metric; null for a ratio or an
   *     uncounted quantity
   * @param missing the metrics of the quantity the model does not count (empty when counted)
   */
  public record Figure(Measurement measurement, Condition condition, Double model,
      Summary spread, List<Metric> missing) {
    public boolean counted() {
      return model != null;
    }

    /** Residual in tolerances; NaN when not counted. */
    public double residual() {
      return counted() ? measurement.residual(model) : Double.NaN;
    }

    public boolean inside() {
      return counted() && measurement.inside(model);
    }

    /** Whether it decides the fit and a profile's acceptance: fitted and counted. */
    public boolean scored() {
      return counted() && !measurement.reportOnly();
    }
  }

  public Score {
    figures = List.copyOf(figures);
  }

  /** Sum over the scored figures of the residual squared (dimensionless; 0 is a perfect fit). */
  public double objective() {
    double sum = 0;
    for (Figure f : figures) {
      if (f.scored()) sum += f.measurement().term(f.model());
    }
    return sum;
  }

  /** The figures that decide the fit and a profile's acceptance. */
  public List<Figure> scored() {
    return figures.stream().filter(Figure::scored).toList();
  }

  /** Whether every scored figure is inside its band (vacuously true with none). */
  public boolean allInside() {
    return scored().stream().allMatch(Figure::inside);
  }

  /** The scored figure with the largest |residual| (the first on a tie); null if none. */
  public Figure worst() {
    Figure worst = null;
    for (Figure f : scored()) {
      double r = Math.abs(f.residual());
      if (worst == null || Double.isNaN(r) && !Double.isNaN(Math.abs(worst.residual()))
          || r > Math.abs(worst.residual())) {
        worst = f;
      }
    }
    return worst;
  }

  /** The figures (fitted or report-only) the model does not count. */
  public List<Figure> uncounted() {
    return figures.stream().filter(f -> !f.counted()).toList();
  }

  /** The metrics the model does not count, as the file names them, each once, in file order. */
  public List<String> missingMetrics() {
    List<String> out = new ArrayList<>();
    for (Figure f : figures) {
      for (Metric m : f.missing()) {
        if (!out.contains(m.key())) out.add(m.key());
      }
    }
    return out;
  }
}
