package io.bessim.calibrate;

import io.bessim.driver.Platform;
import io.bessim.experiment.Metric;
import io.bessim.experiment.TextTable;
import io.bessim.experiment.TextTable.Column;
import io.bessim.sim.stats.Summary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The text {@code bessim calibrate} prints and writes: the plan, one line per simulated point,
 * the best fit, the residual and sensitivity tables, and the calibrated profile. Every figure names
 * its unit.
 */
public final class CalibrationReport {
  private CalibrationReport() {}

  /** What is fitted to what, and how each point is judged. */
  public static String header(Calibration.Plan plan, String duration) {
    Measurements ms = plan.measurements();
    int fitted = ms.fitted().size();
    List<String> params = new ArrayList<>();
    for (FitParam p : plan.params()) params.add(p.describe());
    List<Long> seeds = plan.seeds();
    String seedText = seeds.size() == 1
        ? "1 seed (" + seeds.get(0) + ")"
        : seeds.size() + " seeds (" + seeds.get(0) + ".." + seeds.get(seeds.size() - 1) + ")";
    return String.format(Locale.US,
        "calibrating %s at %s to %s: %d figure%s fitted, %d report-only%n"
            + "fitting %s%n"
            + "each point: %s x %s simulated, figures are the mean across seeds;"
            + " at most %d points simulated%n"
            + "objective = sum over fitted figures of ((model - measured) / measured / tolerance)^2"
            + " (dimensionless; a figure off by its tolerance adds 1)%n",
        plan.arch().cliName(), plan.workload(), ms.origin(), fitted, fitted == 1 ? "" : "s",
        ms.figures().size() - fitted, String.join("; ", params), seedText, duration,
        plan.maxEvals());
  }

  /** One line per simulated point: the values, the fitted figures, the objective. */
  public static String point(Calibration.Plan plan, Calibration.Point p) {
    List<String> figures = new ArrayList<>();
    for (Measurement m : plan.measurements().fitted()) {
      double mean = p.figures().get(m.metric()).mean();
      figures.add(m.metric().key() + " " + format(mean, m.metric()));
    }
    return String.format(Locale.US, "point %2d: %s -> %s; objective %s%n", p.index(),
        values(plan, p.values(), "="), String.join(", ", figures), objective(p.objective()));
  }

  /** Why the search stopped and the best point. */
  public static String best(Calibration.Plan plan, Calibration.Fit fit) {
    return String.format(Locale.US,
        "search stopped after %d simulated points (%d revisits answered from the cache): %s%n"
            + "best fit (point %d): %s; objective %s%n",
        fit.points().size(), fit.cacheHits(), fit.stop().description, fit.best().index(),
        values(plan, fit.best().values(), " = "), objective(fit.best().objective()));
  }

  /** Each measured figure against the model at the best fit. */
  public static String residuals(Calibration.Plan plan, Calibration.Point best) {
    List<Column<Measurement>> cols = List.of(
        Column.left("metric", m -> m.metric().key()),
        Column.right("measured", m -> format(m.value(), m.metric())),
        Column.right("model", m -> model(best.figures().get(m.metric()), m.metric())),
        Column.right("residual", m -> percent(m.residual(best.figures().get(m.metric()).mean()))),
        Column.right("tolerance",
            m -> Double.isNaN(m.tolerance()) ? "-" : percent(m.tolerance()).substring(1)),
        Column.right("within?", m -> m.reportOnly() ? "report-only"
            : m.within(best.figures().get(m.metric()).mean()) ? "yes" : "no"));
    String intervals = best.runs().size() > 1
        ? "model: mean ±95% interval across " + best.runs().size() + " seeds, Student t"
        : "model: one seed, no interval";
    return "residuals at the best fit (" + intervals
        + "; residual = (model - measured) / measured)\n"
        + TextTable.plain(cols, plan.measurements().figures());
  }

  /** The model's mean, its interval when there are seeds enough, and the unit. */
  private static String model(Summary s, Metric m) {
    int d = decimals(s.mean());
    return fixed(s.mean(), d)
        + (s.n() > 1 && Double.isFinite(s.halfWidth95()) ? " ±" + fixed(s.halfWidth95(), d) : "")
        + " " + m.unit().symbol();
  }

  /** Each prediction at the best fit and at each probe, with the range they span. */
  public static String sensitivity(Calibration.Plan plan, Sensitivity s) {
    List<Sensitivity.Probe> moves = s.probes().subList(1, s.probes().size());
    double[] base = s.probes().get(0).means();
    List<Column<Integer>> cols = new ArrayList<>();
    cols.add(Column.left("prediction", i -> s.predictions().get(i)));
    cols.add(Column.right("unit", i -> s.metrics().get(i).unit().symbol()));
    cols.add(Column.right("best fit", i -> number(base[i])));
    for (Sensitivity.Probe p : moves) {
      cols.add(Column.right(p.param() + "=" + p.value() + " (" + p.change() + ")", i -> {
        double v = p.means()[i];
        String change =
            base[i] != 0 && Double.isFinite(base[i]) ? percent((v - base[i]) / base[i]) : "-";
        return number(v) + " (" + change + ")";
      }));
    }
    cols.add(Column.right("range over the moves", i -> {
      double lo = base[i];
      double hi = base[i];
      for (Sensitivity.Probe p : moves) {
        lo = Math.min(lo, p.means()[i]);
        hi = Math.max(hi, p.means()[i]);
      }
      return number(lo) + ".." + number(hi);
    }));
    List<Integer> rows = IntStream.range(0, s.predictions().size()).boxed().toList();
    String how = s.probes().size() == 1
        ? "no parameter could move inside its bounds"
        : "each column moves one fitted parameter (10%, or 1 for whole numbers), the others at"
            + " the best fit";
    return String.format(Locale.US,
        "sensitivity at %s (mean across %d seeds; %%: change from the best fit): %s%n",
        plan.workload(), plan.seeds().size(), how)
        + TextTable.plain(cols, rows);
  }

  /**
   * The calibrated profile: the starting profile with each fitted parameter at its best value,
   * marked {@code fitted}, its source naming the command that fitted it.
   */
  public static String profile(Calibration.Plan plan, Calibration.Fit fit, String command) {
    Platform out = plan.platform();
    Calibration.Point best = fit.best();
    List<String> residuals = new ArrayList<>();
    for (Measurement m : plan.measurements().fitted()) {
      residuals.add(
          m.metric().key() + " " + percent(m.residual(best.figures().get(m.metric()).mean())));
    }
    for (int i = 0; i < plan.params().size(); i++) {
      FitParam f = plan.params().get(i);
      Platform.Param old = find(plan.platform(), f.name());
      String source = String.format(Locale.US,
          "fitted by '%s' to %s (%s at %s): best of %d points, objective %s, residuals %s;"
              + " started from %s",
          command, plan.measurements().origin(), plan.arch().cliName(), plan.workload(),
          fit.points().size(), objective(best.objective()), String.join(", ", residuals),
          f.format(f.start()));
      out = out.replace(new Platform.Param(f.name(), best.values().get(i), old.unit(), "fitted",
          source, old.range()));
    }
    return "# bessim platform profile written by: " + command + "\n"
        + "# name = value | unit | kind | source   (kind fitted: set by the calibration)\n"
        + "# use it with: bessim compare --profile FILE\n"
        + out.toText();
  }

  private static Platform.Param find(Platform p, String name) {
    return p.params().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
  }

  private static String values(Calibration.Plan plan, List<String> values, String eq) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      FitParam f = plan.params().get(i);
      out.add(f.name() + eq + values.get(i) + (f.unit().isEmpty() ? "" : " " + f.unit()));
    }
    return String.join(", ", out);
  }

  static String objective(double v) {
    if (!Double.isFinite(v)) return "infinite";
    if (v == 0) return "0";
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A value with enough digits for its size, and its unit. */
  static String format(double v, Metric m) {
    return number(v) + " " + m.unit().symbol();
  }

  /** Four significant figures at most, never in exponent form. */
  static String number(double v) {
    return fixed(v, decimals(v));
  }

  /** The decimals {@link #number} gives {@code v}: fewer as it grows. */
  static int decimals(double v) {
    double a = Math.abs(v);
    return a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 0.1 || a == 0 ? 3 : 4;
  }

  /** {@code v} with {@code decimals} decimals, or "-" if it is not a number. */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) return "-";
    return String.format(Locale.US, "%." + decimals + "f", v);
  }

  /** {@code +0.6%} style. */
  static String percent(double fraction) {
    if (!Double.isFinite(fraction)) return "-";
    return String.format(Locale.US, "%+.1f%%", fraction * 100);
  }
}
