package io.bessim.report;

import static io.bessim.report.Svg.esc;

import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.Metric;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.RunDetail;
import io.bessim.experiment.RunResult;
import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HTML report: one self-contained page (styles inline, charts as inline SVG, no script, nothing
 * fetched) with the comparison table, bars with 95% intervals, delivered against offered load,
 * delivered over simulated time, CPU time by context, the race windows and lost updates of
 * architectures that lose any, and the run's provenance. Sections without data say so instead of
 * drawing an empty chart. The same results give the same bytes.
 */
public final class HtmlReport {
  /** The counters drawn as bars: the dispatch rates the rig's ftrace counts. */
  static final List<Metric> RATES = List.of(Metric.SDIO_RX_WORK, Metric.SDIO_TX_WORK,
      Metric.WORKQUEUE_EXECUTE_START, Metric.BH_WAKEUPS, Metric.IRQ);

  private final String title;
  private final List<String> notes = new ArrayList<>();
  private final StringBuilder body = new StringBuilder();
  private Provenance provenance;
  /** Decimals of each figure in the tables and tooltips: as the command's printed table has. */
  private java.util.function.ToIntFunction<Metric> decimals = Metric::compareDecimals;

  public HtmlReport(String title) {
    this.title = title;
  }

  /**
   * Rounds as {@code sweep table} does ({@link Metric#decimals()}: CPU % at two decimals) rather
   * than as the compare table does: a sweep's page and its printed table read alike.
   */
  public HtmlReport roundedAsTheSweepTable() {
    this.decimals = Metric::decimals;
    return this;
  }

  /** A line under the title: the workload, duration and seeds. */
  public HtmlReport note(String line) {
    notes.add(line);
    return this;
  }

  public HtmlReport provenance(Provenance p) {
    this.provenance = p;
    return this;
  }

  /** The comparison table and every chart of a batch of runs (compare). */
  public HtmlReport runs(List<RunResult> runs) {
    return runs(runs, runs, "architecture");
  }

  /**
   * As {@link #runs(List)}, with {@code curves} (the same runs, labelled by the line each belongs
   * to) for the delivered-against-offered chart: a sweep's table has a row per point, its chart a
   * line per architecture and other varied values through the offered loads. {@code rowIs} names
   * what a row is ("architecture", a sweep's "point"), for the bars' heading.
   */
  public HtmlReport runs(List<RunResult> runs, List<RunResult> curves, String rowIs) {
    List<ArchSummary> sums = ArchSummary.of(runs);
    // As the printed table says: with one seed per row there is no interval to speak of.
    boolean oneSeed = sums.stream().allMatch(a -> a.n() == 1);
    section("Comparison", (oneSeed ? "values from one seed (no interval)"
        : "mean ±95% interval across seeds (Student t)") + "; MB = 10^6 bytes;"
        + " /s = per simulated second after the warm-up");
    body.append(table(sums, decimals));
    section("Per " + rowIs + ", with 95% intervals", "bars are means across seeds, whiskers the"
        + " 95% interval (none with one seed)");
    body.append("<div class=\"grid\">");
    body.append(bars(sums, Metric.DELIVERED_MBPS, "delivered MB/s", 1));
    body.append(bars(sums, Metric.CPU_UTILIZATION, "CPU %", 100));
    for (Metric m : RATES) body.append(bars(sums, m, m.counter() + " /s", 1));
    body.append(bars(sums, Metric.LOST_UPDATES, "lost updates (count)", 1));
    body.append("</div>");
    offeredCurve(curves);
    overTime(runs);
    cpuByContext(runs);
    races(runs);
    return this;
  }

  /**
   * A sweep's rows: its delivered-against-offered curves (the receive-livelock picture when it
   * varies the workload) and its table over every point, under {@code heading}.
   */
  public HtmlReport sweep(String heading, List<RunResult> points, List<RunResult> curves) {
    body.append("<h2>").append(esc(heading)).append("</h2>\n");
    offeredCurve(curves);
    section("Sweep points", "one row per point (architecture and varied values): mean ±95%"
        + " interval over its seeds");
    // A sweep's rows, rounded as sweep table prints them.
    body.append(table(ArchSummary.of(points), Metric::decimals));
    return this;
  }

  /** Preformatted text (predict's tables) as a section of its own, under {@code heading}. */
  public HtmlReport text(String heading, String explanation, String text) {
    section(heading, explanation);
    body.append("<pre>").append(esc(text)).append("</pre>\n");
    return this;
  }

  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style></head>\n")
        .append("<body>\n<h1>").append(esc(title)).append("</h1>\n");
    for (String n : notes) b.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
    b.append(body);
    if (provenance != null) {
      b.append("<h2>Provenance</h2>\n<table class=\"prov\">");
      provenance.fields().forEach((k, v) -> b.append("<tr><th>").append(esc(k))
          .append("</th><td><code>").append(esc(setsText(v))).append("</code></td></tr>"));
      b.append("</table>\n");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static String setsText(Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) return "(none)";
      StringBuilder b = new StringBuilder();
      m.forEach((k, x) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(x));
      return b.toString();
    }
    return String.valueOf(v);
  }

  private void section(String heading, String explanation) {
    body.append("<h2>").append(esc(heading)).append("</h2>\n");
    if (explanation != null) {
      body.append("<p class=\"note\">").append(esc(explanation)).append("</p>\n");
    }
  }

  private void missing(String what) {
    body.append("<p class=\"missing\">").append(esc(what)).append("</p>\n");
  }

  private static String table(List<ArchSummary> sums,
      java.util.function.ToIntFunction<Metric> decimals) {
    List<Metric> cols = new ArrayList<>(List.of(Metric.DELIVERED_MBPS, Metric.OFFERED_MBPS,
        Metric.CPU_UTILIZATION));
    cols.addAll(RATES);
    cols.add(Metric.LOCK_CONTENTION);
    StringBuilder b = new StringBuilder("<table class=\"cmp\"><tr><th>arch</th>");
    for (Metric m : cols) b.append("<th>").append(esc(m.header())).append("</th>");
    b.append("<th>").append(esc(Metric.LOST_UPDATES.header())).append("</th><th>")
        .append(esc(Metric.FIRST_WARN_SEC.header())).append("</th><th>")
        .append(esc(Metric.WEDGED_AT_SEC.header())).append("</th></tr>\n");
    for (ArchSummary s : sums) {
      b.append("<tr><td>").append(esc(s.arch())).append("</td>");
      for (Metric m : cols) {
        Summary x = s.get(m);
        // Rounded as the printed table (compare's, or sweep table's for a sweep): one rounding.
        b.append("<td>").append(x == null ? "-" : esc(m.interval(x, decimals.applyAsInt(m))))
            .append("</td>");
      }
      b.append("<td>").append(esc(Metric.LOST_UPDATES.mean(s.get(Metric.LOST_UPDATES))))
          .append("</td>");
      for (Metric m : List.of(Metric.FIRST_WARN_SEC, Metric.WEDGED_AT_SEC)) {
        Summary e = s.get(m);
        b.append("<td>").append(e.n() == 0 ? "-"
            : esc(String.format(Locale.US, "%s (%d/%d seeds)", m.mean(e), e.n(), s.n())))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private String bars(List<ArchSummary> sums, Metric m, String label, double scale) {
    List<String> cats = new ArrayList<>();
    List<String> tips = new ArrayList<>();
    double[] mean = new double[sums.size()];
    double[] ci = new double[sums.size()];
    for (int i = 0; i < sums.size(); i++) {
      Summary x = sums.get(i).get(m);
      cats.add(sums.get(i).arch());
      // The value as the table rounds it, so that the bar and its row read alike.
      tips.add(x == null ? "-" : m.interval(x, decimals.applyAsInt(m)));
      mean[i] = x == null || Double.isNaN(x.mean()) ? 0 : x.mean() * scale;
      ci[i] = x == null ? Double.NaN : x.halfWidth95() * scale;
    }
    return Svg.bars(label, label, cats, mean, ci, tips);
  }

  /**
   * Delivered against offered MB/s per line (an architecture, and a sweep's other varied values),
   * a point per offered load (mean over seeds): the receive-livelock picture when a sweep varies
   * the workload.
   */
  private void offeredCurve(List<RunResult> runs) {
    section("Delivered against offered load", "one line per architecture (and a sweep's other"
        + " varied values), one point per offered load (mean across seeds); the dashed line is"
        + " delivered = offered. A sweep over"
        + " --vary workload=udp:0.5MB/s..8MB/s:8 draws the receive-livelock curve.");
    Map<String, TreeMap<Double, double[]>> byArch = new LinkedHashMap<>();
    for (RunResult r : runs) {
      double offered = Math.round(r.offeredMBps() * 100) / 100.0;
      double[] acc = byArch.computeIfAbsent(r.arch(), a -> new TreeMap<>())
          .computeIfAbsent(offered, o -> new double[3]);
      acc[0] += r.offeredMBps();
      acc[1] += r.deliveredMBps();
      acc[2]++;
    }
    List<Svg.Series> series = new ArrayList<>();
    byArch.forEach((arch, pts) -> {
      List<double[]> p = new ArrayList<>();
      for (double[] a : pts.values()) p.add(new double[] {a[0] / a[2], a[1] / a[2]});
      series.add(new Svg.Series(arch, p));
    });
    body.append(Svg.lines("delivered vs offered", "offered MB/s", "delivered MB/s", series,
        true, true));
  }

  private void overTime(List<RunResult> runs) {
    section("Delivered over simulated time", "delivered MB/s in each simulated second, mean"
        + " across seeds");
    Map<String, List<List<Double>>> byArch = new LinkedHashMap<>();
    for (RunResult r : runs) {
      if (r.detail().deliveredMBpsBySecond().isEmpty()) continue;
      byArch.computeIfAbsent(r.arch(), a -> new ArrayList<>())
          .add(r.detail().deliveredMBpsBySecond());
    }
    if (byArch.isEmpty()) {
      missing("not recorded for these runs (results read back from a file keep no time series)");
      return;
    }
    List<Svg.Series> series = new ArrayList<>();
    byArch.forEach((arch, list) -> {
      int n = list.stream().mapToInt(List::size).min().orElse(0);
      List<double[]> p = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        double sum = 0;
        for (List<Double> l : list) sum += l.get(s);
        p.add(new double[] {s + 1, sum / list.size()});
      }
      series.add(new Svg.Series(arch, p));
    });
    body.append(Svg.lines("delivered MB/s over time", "simulated second", "delivered MB/s",
        series, false, false));
  }

  private void cpuByContext(List<RunResult> runs) {
    section("CPU time by context", "CPU seconds each context ran after the warm-up, mean across"
        + " seeds; a hard IRQ counts in the context it interrupted, or apart when its CPU was idle;"
        + " a bar adds up to CPU % x CPUs x the measured seconds");
    Map<String, Map<String, Double>> byArch = new LinkedHashMap<>();
    Map<String, Integer> seeds = new LinkedHashMap<>();
    Set<String> parts = new LinkedHashSet<>();
    for (RunResult r : runs) {
      if (r.detail().cpuSecondsByContext().isEmpty()) continue;
      seeds.merge(r.arch(), 1, Integer::sum);
      Map<String, Double> m = byArch.computeIfAbsent(r.arch(), a -> new LinkedHashMap<>());
      r.detail().cpuSecondsByContext().forEach((k, v) -> {
        String part = group(k);
        parts.add(part);
        m.merge(part, v, Double::sum);
      });
    }
    if (byArch.isEmpty()) {
      missing("not recorded for these runs (results read back from a file keep no detail)");
      return;
    }
    List<String> cats = new ArrayList<>(byArch.keySet());
    List<String> partList = new ArrayList<>(parts);
    double[][] v = new double[cats.size()][partList.size()];
    for (int i = 0; i < cats.size(); i++) {
      for (int p = 0; p < partList.size(); p++) {
        v[i][p] = byArch.get(cats.get(i)).getOrDefault(partList.get(p), 0.0)
            / seeds.get(cats.get(i));
      }
    }
    body.append(Svg.stacked("CPU seconds by context", "CPU s", cats, partList, v));
  }

  /** Per-CPU threads (ksoftirqd/0..3) are one part: the chart is about kinds of work. */
  private static String group(String context) {
    int slash = context.lastIndexOf('/');
    return slash > 0 && context.substring(slash + 1).matches("\\d+")
        ? context.substring(0, slash) + "/*" : context;
  }

  private void races(List<RunResult> runs) {
    Map<String, List<RunResult>> lossy = new LinkedHashMap<>();
    for (RunResult r : runs) {
      if (r.lostUpdates() > 0 || !r.detail().lostUpdateSec().isEmpty()) {
        lossy.computeIfAbsent(r.arch(), a -> new ArrayList<>());
      }
    }
    for (RunResult r : runs) {
      if (lossy.containsKey(r.arch())) lossy.get(r.arch()).add(r);
    }
    section("Race windows and lost updates", "for each architecture that lost an update (v1's"
        + " plain counters): read-modify-write windows on every shared field by width (locked"
        + " and single-writer fields included; bessim race window shows the flagged fields"
        + " alone), and when each lost update happened, one row per seed");
    if (lossy.isEmpty()) {
      missing("no architecture here lost an update");
      return;
    }
    body.append("<div class=\"grid\">");
    for (Map.Entry<String, List<RunResult>> e : lossy.entrySet()) {
      long[] hist = new long[RunDetail.WIDTH_BINS.size()];
      List<String> rows = new ArrayList<>();
      List<List<Double>> times = new ArrayList<>();
      double xMax = 0;
      for (RunResult r : e.getValue()) {
        List<Long> h = r.detail().rmwWindowHistogram();
        for (int i = 0; i < h.size(); i++) hist[i] += h.get(i);
        rows.add("seed " + r.seed());
        times.add(r.detail().lostUpdateSec());
        xMax = Math.max(xMax, r.simSeconds());
      }
      body.append(Svg.logBars(e.getKey() + ": RMW windows by width, every shared field",
          "windows (all seeds)",
          RunDetail.WIDTH_BINS, hist));
      body.append(Svg.strip(e.getKey() + ": lost updates", "simulated s", xMax, rows, times));
    }
    body.append("</div>");
  }

  private static final String CSS = """
      body{font:14px/1.4 sans-serif;margin:24px;color:#222;max-width:1200px}
      h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
      .note{color:#555;margin:4px 0}.missing{color:#a00}
      table{border-collapse:collapse;font-size:13px}
      th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}
      th:first-child,td:first-child,.prov td{text-align:left}
      .grid{display:flex;flex-wrap:wrap;gap:8px}
      svg{background:#fff;border:1px solid #eee}
      """;
}
