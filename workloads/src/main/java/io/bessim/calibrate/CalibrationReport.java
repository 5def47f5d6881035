package io.bessim.calibrate;

import io.bessim.driver.Platform;
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

  /** What is fitted to what, under which conditions, and how each point is judged. */
  public static String header(Calibration.Plan plan, String duration) {
    Measurements ms = plan.measurements();
    int fitted = ms.fitted().size();
    List<String> params = new ArrayList<>();
    for (FitParam p : plan.params()) params.add(p.describe());
    List<Long> seeds = plan.seeds();
    String seedText = seeds.size() == 1
        ? "1 seed (" + seeds.get(0) + ")"
        : seeds.size() + " seeds (" + seeds.get(0) + ".." + seeds.get(seeds.size() - 1) + ")";
    StringBuilder b = new StringBuilder(String.format(Locale.US,
        "calibrating to %s: %d figure%s fitted, %d report-only, under %s%n", ms.origin(), fitted,
        fitted == 1 ? "" : "s", ms.figures().size() - fitted,
        conditions(plan.scoring())));
    b.append(String.format(Locale.US,
        "fitting %s%n"
            + "each point: %s x %s simulated under each condition; a figure is the mean across"
            + " seeds (a ratio: the ratio of the means); at most %d points simulated%n"
            + "objective = sum over fitted figures of residual^2, residual = (model - measured) /"
            + " (edge of its band - measured) on the model's side (dimensionless; a figure at the"
            + " edge of its band adds 1)%n",
        String.join("; ", params), seedText, duration, plan.maxEvals()));
    return b.toString();
  }

  /** {@code 2 conditions: baseline at tcp:4MB/s ([preflight], [captureB]); ...}. */
  static String conditions(Scoring scoring) {
    List<String> out = new ArrayList<>();
    for (Condition c : scoring.conditions()) {
      List<String> sections = new ArrayList<>();
      for (Section s : scoring.sections(c)) {
        if (!s.name().isEmpty()) sections.add(s.label());
      }
      out.add(c.describe() + (sections.isEmpty() ? "" : " (" + String.join(", ", sections) + ")"));
    }
    int n = out.size();
    return (n == 1 ? "1 condition: " : n + " conditions: ") + String.join("; ", out);
  }

  /**
   * A note on the figures the model does not count (a counter declared ahead of the model code
   * that will count it), or "" if it counts them all.
   */
  public static String uncounted(Score score) {
    List<Score.Figure> figures = score.uncounted();
    if (figures.isEmpty()) return "";
    return String.format(Locale.US,
        "note: the model counts no %s, so %d figure%s cannot be scored and %s left out of the fit"
            + " (rows marked 'not counted')%n",
        String.join(", ", score.missingMetrics()), figures.size(),
        figures.size() == 1 ? "" : "s", figures.size() == 1 ? "is" : "are");
  }

  /** One line per simulated point: the values, the objective, how many figures are inside. */
  public static String point(Calibration.Plan plan, Calibration.Point p) {
    return String.format(Locale.US, "point %2d: %s -> objective %s; %s%n", p.index(),
        values(plan, p.values(), "="), objective(p.objective()), inside(p.score()));
  }

  /** {@code 6 of 7 fitted figures inside, worst [preflight] perSecond.sdio_tx_work -1.27}. */
  static String inside(Score score) {
    List<Score.Figure> scored = score.scored();
    long inside = scored.stream().filter(Score.Figure::inside).count();
    Score.Figure worst = score.worst();
    return String.format(Locale.US, "%d of %d fitted figures inside%s", inside, scored.size(),
        worst == null || worst.inside() ? ""
            : ", worst " + worst.measurement().label() + worstResidual(worst.residual()));
  }

  /** Why the search stopped and the best point. */
  public static String best(Calibration.Plan plan, Calibration.Fit fit) {
    return String.format(Locale.US,
        "search stopped after %d simulated points (%d revisits answered from the cache): %s%n"
            + "best fit (point %d): %s; objective %s%n",
        fit.points().size(), fit.cacheHits(), fit.stop().description, fit.best().index(),
        values(plan, fit.best().values(), " = "), objective(fit.best().objective()));
  }

  /**
   * Why a fit whose best point has an infinite objective is none: the fitted figures the model
   * gives no finite value for there (a ratio over a count it keeps at zero), so every point
   * missed them as much.
   */
  public static String noFit(Calibration.Fit fit) {
    List<String> infinite = new ArrayList<>();
    for (Score.Figure f : fit.best().score().figures()) {
      if (f.scored() && Double.isInfinite(f.measurement().term(f.model()))) {
        infinite.add(f.measurement().label());
      }
    }
    return "no fit: at every point the model gives no finite value for "
        + String.join(", ", infinite) + " (a ratio over zero); no profile written; mark it"
        + " report-only or measure another figure";
  }

  /** Each measured figure against the model at the best fit. */
  public static String residuals(Calibration.Plan plan, Calibration.Point best) {
    int seeds = plan.seeds().size();
    String intervals = seeds > 1
        ? "model: mean ±95% interval across " + seeds + " seeds, Student t"
        : "model: one seed, no interval";
    return "residuals at the best fit (" + intervals + "; ratios: the ratio of the means;"
        + " off = (model - measured) / measured; residual in tolerances, ±1 at the band's edge)\n"
        + residualTable(plan.measurements().named(), best.score().figures());
  }

  /** The residual table of {@code figures}, with a section column if the file names sections. */
  public static String residualTable(boolean named, List<Score.Figure> figures) {
    List<Column<Score.Figure>> cols = new ArrayList<>();
    if (named) cols.add(Column.left("section", f -> f.measurement().section()));
    cols.add(Column.left("figure", f -> f.measurement().quantity().key()));
    cols.add(Column.right("measured",
        f -> number(f.measurement().value()) + " " + f.measurement().quantity().unit()));
    cols.add(Column.right("band", CalibrationReport::band));
    cols.add(Column.right("model", CalibrationReport::model));
    cols.add(Column.right("off",
        f -> f.counted() ? percent(f.measurement().offBy(f.model())) : "-"));
    cols.add(Column.right("residual", f -> residual(f.residual())));
    cols.add(Column.left("inside?", CalibrationReport::verdict));
    return TextTable.plain(cols, figures);
  }

  private static String band(Score.Figure f) {
    Measurement m = f.measurement();
    if (m.isInterval()) return m.band() + " " + m.quantity().unit();
    return m.hasBand() ? "±" + m.band() : "-";
  }

  private static String verdict(Score.Figure f) {
    if (!f.counted()) return "not counted";
    if (f.measurement().reportOnly()) return "report-only";
    return f.inside() ? "inside" : "outside";
  }

  /** The model's value, its interval when there are seeds enough, and the unit. */
  private static String model(Score.Figure f) {
    if (!f.counted()) return "-";
    String unit = " " + f.measurement().quantity().unit();
    Summary s = f.spread();
    int d = decimals(f.model());
    if (s == null || s.n() < 2 || !Double.isFinite(s.halfWidth95())) {
      return fixed(f.model(), d) + unit;
    }
    return fixed(f.model(), d) + " ±" + fixed(s.halfWidth95(), d) + unit;
  }

  /**
   * The worst figure's residual after its label: {@code " -1.27"}, or {@code ": no finite value"}
   * for a ratio over zero, where a lone "-" read as a missing word.
   */
  static String worstResidual(double r) {
    return Double.isNaN(r) ? ": no finite value" : " " + residual(r);
  }

  /** A residual in tolerances: {@code +0.32}, {@code -} for none. */
  static String residual(double r) {
    if (Double.isNaN(r)) return "-";
    if (Double.isInfinite(r)) return r > 0 ? "+inf" : "-inf";
    return String.format(Locale.US, "%+.2f", r);
  }

  /** Each prediction at the best fit and at each probe, with the range they span. */
  public static String sensitivity(Calibration.Plan plan, Sensitivity s) {
    List<Sensitivity.Probe> moves = s.probes().subList(1, s.probes().size());
    double[] base = s.probes().get(0).means();
    List<Column<Integer>> cols = new ArrayList<>();
    cols.add(Column.left("prediction", i -> s.predictions().get(i)));
    cols.add(Column.right("unit", i -> s.units().get(i)));
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
        "sensitivity (mean across %d seed%s; %%: change from the best fit): %s%n",
        plan.seeds().size(), plan.seeds().size() == 1 ? "" : "s", how)
        + TextTable.plain(cols, rows);
  }

  /**
   * The calibrated profile: the starting profile with each fitted parameter at its best value,
   * marked {@code fitted}, its source naming the command that fitted it.
   */
  public static String profile(Calibration.Plan plan, Calibration.Fit fit, String command) {
    Platform out = plan.platform();
    Calibration.Point best = fit.best();
    Measurements ms = plan.measurements();
    for (int i = 0; i < plan.params().size(); i++) {
      FitParam f = plan.params().get(i);
      Platform.Param old = find(plan.platform(), f.name());
      String source = String.format(Locale.US,
          "fitted by '%s' to %s (%d section%s): best of %d points, objective %s, %s;"
              + " started from %s",
          command, ms.origin(), ms.sections().size(), ms.sections().size() == 1 ? "" : "s",
          fit.points().size(), objective(best.objective()), inside(best.score()),
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
