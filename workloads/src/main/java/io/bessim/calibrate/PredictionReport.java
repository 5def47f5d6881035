package io.bessim.calibrate;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.bessim.experiment.Metric;
import io.bessim.experiment.Reports;
import io.bessim.experiment.TextTable;
import io.bessim.experiment.TextTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text and JSON {@code bessim predict} writes: the plan, how the sampling went, the kept
 * profiles, each architecture's predictions, what moves them, and the next measurement. Every
 * figure names its unit; a spread is written {@code median [5%..95%]} across kept profiles.
 */
public final class PredictionReport {
  /** The dispatch rates the text table shows (every counted counter goes to the JSON). */
  static final List<String> DISPATCH = List.of("sdio_rx_work", "sdio_tx_work",
      "workqueue_execute_start", "bh_wakeups", "mmc_request_start", "bes2600_bh_wakeup");

  private PredictionReport() {}

  /** What is predicted, from what, and how profiles are sampled and kept. */
  public static String header(Prediction.Plan plan, String duration) {
    Abc.Plan abc = plan.abc();
    Measurements ms = abc.scoring().measurements();
    List<String> archs = new ArrayList<>();
    plan.archs().forEach(a -> archs.add(a.cliName()));
    List<String> params = new ArrayList<>();
    for (FitParam p : abc.params()) {
      params.add(String.format(Locale.US, "%s %s..%s%s (%s%s)", p.name(), p.format(p.min()),
          p.format(p.max()), p.unit().isEmpty() ? "" : " " + p.unit(),
          p.integer() ? "whole numbers, " : "", p.logScale() ? "log-uniform" : "uniform"));
    }
    List<String> screening = new ArrayList<>();
    abc.screening().forEach(c -> screening.add(c.describe()));
    int fitted = ms.fitted().size();
    return String.format(Locale.US,
        "predicting %s at %s (%s simulated per run) on the profiles that match %s"
            + " (%d figure%s fitted, %d report-only)%n"
            + "free parameters, sampled over the profile's ranges: %s%n"
            + "method: rejection ABC; candidate i (from 0) takes point i of a shifted Halton design"
            + " (seed %d) and runs seed %d+i under %s; it is kept when every fitted figure the"
            + " model counts is inside its band; at most %d candidates, until %d are kept%n",
        String.join(", ", archs), plan.workload(), duration, ms.origin(), fitted,
        fitted == 1 ? "" : "s", ms.figures().size() - fitted, String.join("; ", params),
        abc.seed(), abc.seed(), String.join("; ", screening), abc.maxCandidates(), abc.wanted());
  }

  /** How many candidates were tried and kept, and how often each fitted figure held. */
  public static String sampling(Abc.Plan plan, Abc.Result r) {
    StringBuilder b = new StringBuilder(CalibrationReport.uncounted(r.first().score()));
    b.append(String.format(Locale.US,
        "tried %d candidate%s: kept the %d inside every band (%s)%n", r.tried(),
        r.tried() == 1 ? "" : "s", r.accepted(), percent(r.accepted(), r.tried())));
    b.append("how often each fitted figure held, among the candidates simulated under its"
        + " condition (a candidate outside one band is not simulated further)\n");
    List<Column<Abc.Tally>> cols = List.of(
        Column.left("figure", t -> t.measurement().label()),
        Column.right("measured", t -> CalibrationReport.number(t.measurement().value()) + " "
            + t.measurement().quantity().unit()),
        Column.right("band", t -> band(t.measurement())),
        Column.right("inside", t -> t.inside() + " of " + t.scored()));
    b.append(TextTable.plain(cols, r.tallies()));
    return b.toString();
  }

  /** The one line saying that nothing was kept, and what came closest. */
  public static String noneKept(Abc.Plan plan, Abc.Result r) {
    Abc.Candidate c = r.closest();
    Score.Figure worst = c.score().worst();
    String missed = worst == null ? "missed nothing"
        : Double.isNaN(worst.residual())
            ? "gave no finite value for " + worst.measurement().label() + " (a ratio over zero)"
            : "missed " + worst.measurement().label() + " by "
                + CalibrationReport.residual(worst.residual()) + " tolerances";
    return String.format(Locale.US,
        "no profile kept: none of the %d candidates had every fitted figure inside its band;"
            + " the closest (candidate %d: %s) %s",
        r.tried(), c.index(), values(plan, c.values()), missed);
  }

  /** The kept profiles, with the figure each came closest to missing. */
  public static String profiles(Abc.Plan plan, Abc.Result r) {
    List<Column<Integer>> cols = new ArrayList<>();
    cols.add(Column.right("profile", i -> Integer.toString(i + 1)));
    cols.add(Column.right("candidate", i -> Integer.toString(r.kept().get(i).index())));
    cols.add(Column.right("seed", i -> Long.toString(r.kept().get(i).seed())));
    for (int p = 0; p < plan.params().size(); p++) {
      FitParam f = plan.params().get(p);
      final int param = p;
      cols.add(Column.right(f.name() + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"),
          i -> r.kept().get(i).values().get(param)));
    }
    cols.add(Column.left("largest residual (tolerances)", i -> {
      Score.Figure w = r.kept().get(i).score().worst();
      return w == null ? "-"
          : CalibrationReport.residual(w.residual()) + " " + w.measurement().label();
    }));
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < r.kept().size(); i++) rows.add(i);
    return "kept profiles (every architecture runs the profile's seed on it)\n"
        + TextTable.plain(cols, rows);
  }

  /** One row per architecture: each prediction's median and 5-95% range across profiles. */
  public static String predictions(Prediction.Plan plan, Prediction.Outcome o, String duration) {
    int n = o.abc().kept().size();
    List<Column<Prediction.ArchPrediction>> cols = new ArrayList<>();
    cols.add(Column.left("arch", Prediction.ArchPrediction::arch));
    cols.add(Column.right("delivered MB/s", a -> spread(a.delivered(), 3)));
    cols.add(Column.right("ratio to baseline", a -> spread(a.ratio(), 3)));
    for (String name : DISPATCH) {
      if (o.archs().stream().noneMatch(a -> a.perSecond().containsKey(name))) continue;
      cols.add(Column.right(name + " /s", a -> {
        Spread s = a.perSecond().get(name);
        return s == null ? "-" : spread(s, 1);
      }));
    }
    cols.add(Column.right("first WARN (s)", a -> a.warned() == 0 ? "none in " + duration
        : spread(a.firstWarnSec(), 1) + " (" + a.warned() + " of " + n + " warned)"));
    return String.format(Locale.US,
        "predictions at %s over the %d kept profiles: median [5%%..95%%] across profiles; ratio:"
            + " delivered over the baseline's on the same profile and seed; MB = 10^6 bytes;"
            + " /s = per simulated second; none = no WARN within the run%n",
        plan.workload(), n)
        + TextTable.plain(cols, o.archs());
  }

  /** Spearman's rho of each prediction with each free parameter, and the largest. */
  public static String sensitivity(Prediction.Plan plan, Prediction.Outcome o) {
    int n = o.abc().kept().size();
    List<Column<Prediction.Sensitivity>> cols = new ArrayList<>();
    cols.add(Column.left("prediction", s -> s.arch() + " " + label(s.metric())));
    for (FitParam p : plan.abc().params()) {
      cols.add(Column.right(p.name(), s -> rho(s.spearman().get(p.name()))));
    }
    cols.add(Column.left("moved most by", s -> s.mostMovedBy() == null ? "-" : s.mostMovedBy()));
    return String.format(Locale.US,
        "what moves each prediction: Spearman rank correlation with each free parameter across the"
            + " %s (+1: rises with it in lockstep, -1: falls, 0: no monotone relation; - : %s)%n",
        n == 1 ? "1 kept profile" : n + " kept profiles",
        // RankCorrelation.spearman needs three profiles: with fewer every cell is '-', though
        // neither side is constant.
        n < 3 ? "undefined, fewer than 3 kept profiles"
            : "undefined, the parameter or prediction is constant")
        + TextTable.plain(cols, o.sensitivity());
  }

  /** The next measurement in a sentence, or why there is none. */
  public static String nextSentence(Prediction.Outcome o) {
    int n = o.abc().kept().size();
    Prediction.Next next = o.next();
    Prediction.Measurable best = next.best();
    if (best == null) {
      return String.format(Locale.US, "none: with %d kept profile%s no countable quantity has a"
          + " defined rank correlation with %s's delivered MB/s (keep more with --profiles)", n,
          n == 1 ? "" : "s", next.target());
    }
    return String.format(Locale.US,
        "on the %s at %s, %s. Across the %d kept profiles its rank correlation with %s's"
            + " delivered MB/s is %s (Spearman), the strongest of the %d quantities the rig can"
            + " count there; %s.",
        best.condition().arch().cliName(), best.condition().workload(), what(best.metric()), n,
        next.target(), rho(best.spearman()), next.countable(),
        best.band() == null ? "the measurements file does not have it yet"
            : "the file already has it within " + best.band() + ", so only a tighter measurement"
                + " of it narrows " + next.target() + "'s range");
  }

  /** The next measurement and the runners-up. */
  public static String next(Prediction.Outcome o) {
    StringBuilder b = new StringBuilder("next measurement: " + nextSentence(o) + "\n");
    List<Prediction.Measurable> ranking = o.next().ranking();
    if (ranking.size() > 1) {
      b.append("runners-up: ");
      List<String> more = new ArrayList<>();
      for (Prediction.Measurable c : ranking.subList(1, Math.min(4, ranking.size()))) {
        more.add(c.metric().key() + " at " + c.condition().workload() + " " + rho(c.spearman()));
      }
      b.append(String.join(", ", more)).append('\n');
    }
    return b.toString();
  }

  /** How to measure {@code m}, in words. */
  static String what(Metric m) {
    if (m.counter() != null) {
      return "count " + m.counter() + " per second, i.e. " + m.description();
    }
    if (m == Metric.DELIVERED_MBPS) return "measure the delivered throughput (MB/s, as pv does)";
    if (m == Metric.CPU_UTILIZATION) return "measure the CPU use (busy share of all CPUs)";
    if (m == Metric.WARNS) return "count the WARN stack dumps in the kernel log";
    return "measure " + m.key() + ", i.e. " + m.description();
  }

  /** The JSON: the schema the docs give, with a few extra fields. */
  public static String json(Prediction.Plan plan, Prediction.Outcome o, double durationSeconds) {
    Abc.Plan abc = plan.abc();
    Abc.Result r = o.abc();
    JsonObject root = new JsonObject();
    root.addProperty("keptProfiles", r.kept().size());
    JsonArray predictions = new JsonArray();
    for (Prediction.ArchPrediction a : o.archs()) {
      JsonObject p = new JsonObject();
      p.addProperty("arch", a.arch());
      p.add("deliveredMBps", spread(a.delivered()));
      p.add(Prediction.RATIO, spread(a.ratio()));
      JsonObject perSecond = new JsonObject();
      for (Map.Entry<String, Spread> e : a.perSecond().entrySet()) {
        perSecond.add(e.getKey(), spread(e.getValue()));
      }
      p.add("perSecond", perSecond);
      JsonObject warn = spread(a.firstWarnSec());
      warn.addProperty("warnedProfiles", a.warned());
      p.add("firstWarnSec", warn);
      predictions.add(p);
    }
    root.add("predictions", predictions);
    JsonArray sensitivity = new JsonArray();
    for (Prediction.Sensitivity s : o.sensitivity()) {
      JsonObject j = new JsonObject();
      j.addProperty("arch", s.arch());
      j.addProperty("prediction", s.metric());
      j.add("mostMovedBy",
          s.mostMovedBy() == null ? JsonNull.INSTANCE : new JsonPrimitive(s.mostMovedBy()));
      JsonObject rho = new JsonObject();
      s.spearman().forEach((k, v) -> rho.add(k, number(v)));
      j.add("spearman", rho);
      sensitivity.add(j);
    }
    root.add("sensitivity", sensitivity);
    root.add("nextMeasurement",
        o.next() == null ? JsonNull.INSTANCE : new JsonPrimitive(nextSentence(o)));
    JsonArray ranking = new JsonArray();
    if (o.next() != null) {
      for (Prediction.Measurable c : o.next().ranking()) {
        JsonObject j = new JsonObject();
        j.addProperty("metric", c.metric().key());
        j.addProperty("arch", c.condition().arch().cliName());
        j.addProperty("workload", c.condition().workload().toString());
        j.add("spearman", number(c.spearman()));
        j.add("band", c.band() == null ? JsonNull.INSTANCE : new JsonPrimitive(c.band()));
        ranking.add(j);
      }
    }
    root.add("nextMeasurementRanking", ranking);
    root.addProperty("candidatesTried", r.tried());
    root.addProperty("candidatesInside", r.accepted());
    root.addProperty("workload", plan.workload().toString());
    root.addProperty("durationSeconds", durationSeconds);
    root.addProperty("seed", abc.seed());
    root.addProperty("measurements", abc.scoring().measurements().origin());
    JsonArray notCounted = new JsonArray();
    r.first().score().missingMetrics().forEach(notCounted::add);
    root.add("metricsNotCounted", notCounted);
    JsonArray params = new JsonArray();
    for (FitParam p : abc.params()) {
      JsonObject j = new JsonObject();
      j.addProperty("name", p.name());
      j.addProperty("unit", p.unit());
      j.addProperty("min", p.min());
      j.addProperty("max", p.max());
      j.addProperty("prior", p.logScale() ? "log-uniform" : "uniform");
      params.add(j);
    }
    root.add("freeParameters", params);
    JsonArray profiles = new JsonArray();
    for (int k = 0; k < r.kept().size(); k++) {
      Abc.Candidate c = r.kept().get(k);
      JsonObject j = new JsonObject();
      j.addProperty("candidate", c.index());
      j.addProperty("seed", c.seed());
      JsonObject values = new JsonObject();
      for (int i = 0; i < c.values().size(); i++) {
        values.add(abc.params().get(i).name(), number(Double.parseDouble(c.values().get(i))));
      }
      j.add("values", values);
      JsonObject delivered = new JsonObject();
      for (Prediction.ArchPrediction a : o.archs()) {
        delivered.add(a.arch(), number(a.runs().get(k).deliveredMBps()));
      }
      j.add("deliveredMBps", delivered);
      profiles.add(j);
    }
    root.add("profiles", profiles);
    return Reports.text(root);
  }

  private static JsonObject spread(Spread s) {
    JsonObject j = new JsonObject();
    j.add("median", number(s.median()));
    j.add("p05", number(s.p05()));
    j.add("p95", number(s.p95()));
    return j;
  }

  /** A finite number, else null (NaN: undefined; +infinity: later than the run). */
  private static com.google.gson.JsonElement number(double v) {
    return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
  }

  private static String label(String metric) {
    if (metric.equals(Prediction.RATIO)) return "ratio to baseline";
    return metric.equals(Metric.DELIVERED_MBPS.key()) ? "delivered MB/s" : metric;
  }

  /** {@code 1.352 [1.210..1.491]}; {@code none} for +infinity, {@code -} for no value. */
  static String spread(Spread s, int decimals) {
    if (s.n() == 0) return "-";
    return cell(s.median(), decimals) + " [" + cell(s.p05(), decimals) + ".."
        + cell(s.p95(), decimals) + "]";
  }

  private static String cell(double v, int decimals) {
    if (v == Double.POSITIVE_INFINITY) return "none";
    return CalibrationReport.fixed(v, decimals);
  }

  static String rho(Double r) {
    return r == null || Double.isNaN(r) ? "-" : String.format(Locale.US, "%+.2f", r);
  }

  private static String band(Measurement m) {
    if (m.isInterval()) return m.band() + " " + m.quantity().unit();
    return "±" + m.band();
  }

  private static String values(Abc.Plan plan, List<String> values) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      FitParam f = plan.params().get(i);
      out.add(f.name() + "=" + values.get(i) + (f.unit().isEmpty() ? "" : " " + f.unit()));
    }
    return String.join(", ", out);
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.US, "%.1f%%", 100.0 * part / whole);
  }
}
