package io.bessim.driver.race;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.sim.Time;
import io.bessim.sim.stats.Histogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The race-window report of one architecture over several seeds: for each watched field (every
 * field the shared-state table flags, and hw_bufs_used always), the RMW window widths and what
 * widened them, overlaps, lost updates, and the back-of-envelope overlap estimate beside the
 * simulated rate; for the architecture, the time to the first WARN across seeds.
 */
public final class WindowReport {
  /** The field watched in every architecture, flagged or not. */
  public static final String ALWAYS = "hw_bufs_used";

  static final String[] EDGE_LABELS = {
    "<10ns", "10-100ns", "0.1-1us", "1-10us", "10-100us", "0.1-1ms", ">=1ms"
  };

  /** One architecture over its seeds. */
  public record ArchWindows(Architecture arch, SharedStateTable table, List<RmwWindows> watched,
      long[] firstWarnPs, long[] wedgedPs, long durationPs, long cacheLinePs) {
    public long runs() {
      return firstWarnPs.length;
    }

    public RmwWindows field(String name) {
      for (RmwWindows w : watched) {
        if (w.field().equals(name)) return w;
      }
      throw new IllegalArgumentException("field '" + name + "' not watched in " + arch.cliName());
    }

    /** Lost updates on every field, as the runs' windows counted them. */
    public long lostUpdates() {
      long n = 0;
      for (RmwWindows w : watched) n += w.lostUpdates();
      return n;
    }

    /** Simulated time before the chip wedged, summed over runs (a whole run if it never did). */
    public long psBeforeWedge() {
      long sum = 0;
      for (long w : wedgedPs) sum += w >= 0 ? Math.min(w, durationPs) : durationPs;
      return sum;
    }

    public double simulatedMinutes() {
      return runs() * Time.toSeconds(durationPs) / 60;
    }
  }

  private WindowReport() {}

  /** Merges the runs of one architecture (seeds in the order given). */
  public static ArchWindows of(List<RaceRecording> runs) {
    checkArgument(!runs.isEmpty(), "no runs");
    Architecture arch = runs.get(0).arch();
    Map<String, FieldUse> fields = new LinkedHashMap<>();
    Map<String, RmwWindows> windows = new LinkedHashMap<>();
    long[] warn = new long[runs.size()];
    long[] wedged = new long[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      RaceRecording r = runs.get(i);
      checkArgument(r.arch() == arch, "runs of %s and %s mixed", arch, r.arch());
      r.fields().forEach((n, f) -> fields.computeIfAbsent(n, x -> new FieldUse(n, f.atomicType()))
          .merge(f));
      r.windows().forEach((n, w) -> windows.computeIfAbsent(n, RmwWindows::new).merge(w));
      warn[i] = r.firstWarnPs();
      wedged[i] = r.wedgedPs();
    }
    RaceRecording first = runs.get(0);
    SharedStateTable table = SharedStateTable.of(arch.cliName(), arch.description(),
        fields.values(), first.lockNames());
    List<RmwWindows> watched = new ArrayList<>();
    for (SharedStateTable.Row row : table.rows()) {
      if (row.protection().flagged() || row.field().equals(ALWAYS)) {
        watched.add(windows.getOrDefault(row.field(), new RmwWindows(row.field())));
      }
    }
    return new ArchWindows(arch, table, watched, warn, wedged, first.durationPs(),
        first.cacheLinePs());
  }

  /**
   * The nearest-rank percentile {@code p} of per-seed event times where -1 means "never in the
   * run" (ordered after every time): -1 if the rank falls on a seed without the event.
   */
  static long percentileOfTimes(long[] timesPs, double p) {
    long[] s = timesPs.clone();
    for (int i = 0; i < s.length; i++) {
      if (s[i] < 0) s[i] = Long.MAX_VALUE;
    }
    Arrays.sort(s);
    int rank = Math.max(1, (int) Math.ceil(p / 100.0 * s.length));
    long v = s[rank - 1];
    return v == Long.MAX_VALUE ? -1 : v;
  }

  // ---------------------------------------------------------------- rendering

  /** The whole report: a summary table, then each architecture, then the footnotes. */
  public static String render(List<ArchWindows> archs) {
    StringBuilder b = new StringBuilder();
    TextTable summary = new TextTable("arch", "runs>", "simulated min>", "first WARN median s>",
        "p10 s>", "p90 s>", "chip wedged (median s)>", "RMW windows>", "overlaps>",
        "lost updates>", "lost /sim min>");
    for (ArchWindows a : archs) {
      long windows = 0;
      long overlaps = 0;
      for (RmwWindows w : a.watched()) {
        windows += w.windows();
        overlaps += w.overlaps();
      }
      long d = a.durationPs();
      summary.row(a.arch().cliName(), a.runs(), fixed(a.simulatedMinutes(), 1),
          event(a.firstWarnPs(), 50, d), event(a.firstWarnPs(), 10, d),
          event(a.firstWarnPs(), 90, d),
          count(a.wedgedPs()) + " of " + a.runs() + ", " + event(a.wedgedPs(), 50, d), windows,
          overlaps, a.lostUpdates(), fixed(a.lostUpdates() / a.simulatedMinutes(), 3));
    }
    b.append(summary.render(""));
    b.append("(watched fields only; first WARN and wedge times are simulated seconds from the"
        + " start, nearest-rank percentiles over the seeds; '>N' = later than the N-second run"
        + " (a seed without one counts as later than all), '-' = in no run)\n");
    for (ArchWindows a : archs) {
      b.append('\n').append(renderArch(a));
    }
    b.append('\n').append(footnotes());
    return b.toString();
  }

  private static String renderArch(ArchWindows a) {
    StringBuilder b = new StringBuilder();
    b.append("== ").append(a.arch().cliName()).append(": ").append(a.arch().description())
        .append('\n');
    b.append(String.format(Locale.US, "first WARN in %d of %d seeds", count(a.firstWarnPs()),
        a.runs()));
    if (count(a.firstWarnPs()) > 0) {
      b.append(String.format(Locale.US, ": median %s s, p10 %s s, p90 %s s; earliest %s s, latest"
              + " %s s", event(a.firstWarnPs(), 50, a.durationPs()),
          event(a.firstWarnPs(), 10, a.durationPs()), event(a.firstWarnPs(), 90, a.durationPs()),
          event(a.firstWarnPs(), 0, a.durationPs()), latest(a.firstWarnPs())));
    }
    b.append('\n');
    b.append(String.format(Locale.US, "chip wedged in %d of %d seeds", count(a.wedgedPs()),
        a.runs()));
    if (count(a.wedgedPs()) > 0) {
      b.append(String.format(Locale.US, ": median %s s, p10 %s s, p90 %s s; earliest %s s, latest"
              + " %s s (the run goes on; nothing moves after it)",
          event(a.wedgedPs(), 50, a.durationPs()), event(a.wedgedPs(), 10, a.durationPs()),
          event(a.wedgedPs(), 90, a.durationPs()), event(a.wedgedPs(), 0, a.durationPs()),
          latest(a.wedgedPs())));
    }
    b.append('\n');
    for (RmwWindows w : a.watched()) {
      b.append('\n').append(renderField(a, w));
    }
    return b.toString();
  }

  private static String renderField(ArchWindows a, RmwWindows w) {
    SharedStateTable.Row row = a.table().row(w.field());
    Protection p = row.protection();
    StringBuilder b = new StringBuilder();
    b.append(w.field()).append(": ").append(SharedStateTable.cell(p))
        .append(p.flagged() ? " (flagged)" : "").append('\n');
    double simMin = a.simulatedMinutes();
    b.append(String.format(Locale.US, "  RMW windows: %d in %d runs (%s per simulated second)%n",
        w.windows(), w.runs(), fixed(w.windows() / (simMin * 60), 1)));
    if (w.windows() > 0) {
      Histogram h = w.widthsPs();
      b.append(String.format(Locale.US,
          "  width ns: p50 %s  p90 %s  p99 %s  max %s  mean %s%n", ns(h.percentile(50)),
          ns(h.percentile(90)), ns(h.percentile(99)), ns(h.max()), ns(h.mean())));
      long[] buckets = w.bucketCounts();
      StringBuilder hist = new StringBuilder("  width histogram (windows):");
      for (int i = 0; i < buckets.length; i++) {
        hist.append(' ').append(EDGE_LABELS[i]).append(' ').append(buckets[i]);
        if (i < buckets.length - 1) hist.append(" |");
      }
      b.append(hist).append('\n');
      long[] causes = w.causeCounts();
      StringBuilder why = new StringBuilder("  what set the width:");
      RmwWindows.Cause[] all = RmwWindows.Cause.values();
      for (int i = 0; i < all.length; i++) {
        why.append(String.format(Locale.US, " %s %d (%s%%)%s", all[i].text(), causes[i],
            fixed(100.0 * causes[i] / w.windows(), 1), i < all.length - 1 ? "," : ""));
      }
      b.append(why).append('\n');
      TextTable sites = new TextTable("site (routine@context)", "windows>", "plain ns>",
          "+line ns>", "mean ns>", "p50 ns>", "p99 ns>", "max ns>", "preempted>", "hard IRQ>",
          "cache-line>", "plain>", "lost by its store>");
      for (RmwWindows.Site s : w.sites()) {
        Histogram sh = s.widthsPs();
        sites.row(s.key(), s.count(), s.plainPs() < 0 ? "-" : ns(s.plainPs()),
            s.transferPs() < 0 ? "-" : ns(s.transferPs()), ns(s.meanPs()),
            ns(sh.percentile(50)), ns(sh.percentile(99)), ns(sh.max()),
            s.causeCount(RmwWindows.Cause.PREEMPTED), s.causeCount(RmwWindows.Cause.HARD_IRQ),
            s.causeCount(RmwWindows.Cause.CACHE_LINE), s.causeCount(RmwWindows.Cause.PLAIN),
            s.lost());
      }
      b.append(sites.render("  "));
      b.append("  widest window of each cause:\n");
      for (RmwWindows.Widest x : w.widest()) {
        b.append(String.format(Locale.US, "    %s ns  seed %d at %s s  %s on CPU%d: %s%n",
            ns(x.widthPs()), x.seed(), fixed(Time.toSeconds(x.startPs()), 6), x.site(), x.cpu(),
            x.cause().text()));
      }
    }
    b.append(String.format(Locale.US,
        "  overlaps: %d (a load found another context's window on the field open)%n",
        w.overlaps()));
    b.append(String.format(Locale.US, "  lost updates: %d = %s per simulated minute (%s min)",
        w.lostUpdates(), fixed(w.lostUpdates() / simMin, 3), fixed(simMin, 1)));
    if (count(a.wedgedPs()) > 0 && w.lostUpdates() > 0) {
      double beforeS = Time.toSeconds(a.psBeforeWedge());
      b.append(String.format(Locale.US,
          "; %s per minute of the %s s (all runs) before the chip wedged",
          fixed(w.lostUpdates() / (beforeS / 60), 1), fixed(beforeS, 1)));
    }
    b.append('\n');
    if (w.lostUpdates() > 0) {
      long[] lc = w.lostByCause();
      StringBuilder by = new StringBuilder();
      for (RmwWindows.Cause c : RmwWindows.Cause.values()) {
        if (lc[c.ordinal()] > 0) {
          by.append(by.length() == 0 ? "" : ", ").append(c.text()).append(' ')
              .append(lc[c.ordinal()]);
        }
      }
      b.append("  the stores that lost them closed a window whose width was set by: ").append(by)
          .append('\n');
    }
    List<RmwWindows.PairEstimate> est = w.pairs();
    if (!est.isEmpty()) {
      TextTable t = new TextTable("pair of sites (different contexts)", "busy s>", "r1 /s>",
          "r2 /s>", "w1 ns>", "w2 ns>", "expected>", "simulated>", "sim/est>");
      double e = 0;
      long sim = 0;
      for (RmwWindows.PairEstimate pe : est) {
        // Whole seconds as before; a run's part second (a 20 ms run) to the 10 ms.
        double busy = pe.busySeconds();
        t.row(pe.a() + " x " + pe.b(), fixed(busy, busy == Math.rint(busy) ? 0 : 2),
            fixed(pe.rateA(), 1),
            fixed(pe.rateB(), 1), ns(pe.meanPsA()), ns(pe.meanPsB()), sci(pe.expected()),
            pe.simulated(), ratio(pe.simulated(), pe.expected()));
        e += pe.expected();
        sim += pe.simulated();
      }
      t.row("all pairs", "", "", "", "", "", sci(e), sim, ratio(sim, e));
      b.append("  overlaps expected from r1*r2*(w1+w2) [1] beside the simulated ones:\n");
      b.append(t.render("    "));
    }
    if (w.lostUpdates() == 0) b.append("  why no lost update: ").append(whyNone(p, w)).append('\n');
    return b.toString();
  }

  /** Why a field lost nothing, from its protection. */
  public static String whyNone(Protection p, RmwWindows w) {
    switch (p.kind()) {
      case ATOMIC:
        return "every write is an atomic RMW (one instruction, ldadd), so there is no window"
            + " between a load and its store for another writer to land in"
            + (w.windows() == 0 ? " (0 windows)" : "");
      case SINGLE_WRITER:
        return p.why().split(";")[0] + ": one context runs its windows one after another, so they"
            + " never overlap (" + w.overlaps() + " overlaps)";
      case LOCK:
        return "every write holds the lock (" + p.text() + "), so the windows are serialised";
      case READ_ONLY:
      case UNUSED:
        return "nobody writes it";
      default:
        return "none happened in these runs, but nothing prevents one: " + w.overlaps()
            + " overlaps";
    }
  }

  static String footnotes() {
    return String.join("\n",
        "notes:",
        "  A window runs from a context's loadForUpdate of a field to its store"
            + " (x = f; f = x +/- 1). What set its width, strongest first: preempted = the context",
        "  lost its CPU between load and store; hard IRQ = an IRQ was delivered on its CPU"
            + " meanwhile; cache-line transfer = the load fetched a line last written",
        "  on another CPU; plain = only the cycles of the load and the add. plain ns / +line ns ="
            + " the site's narrowest plain / cache-line window.",
        "  Percentiles are bucket midpoints of a log-linear histogram (within 1.6%, so 84 ns may"
            + " print as 85.0); min, max and mean are exact.",
        "  [1] Two independent streams of windows with rates r1, r2 (per second) and mean widths"
            + " w1, w2: side 1 is inside a window a fraction r1*w1 of the time,",
        "  so side 2's loads land in one at r2*r1*w1 per second, and side 1's in side 2's at"
            + " r1*r2*w2: overlaps/s = r1*r2*(w1+w2). It is summed second by second",
        "  (each simulated second with that second's counts and mean widths), over the busy"
            + " seconds, those in which both sites had windows (summed over runs);",
        "  r1, r2, w1, w2 shown are their averages there. A sim/est far from 1 means the two"
            + " sides are not independent: their timing is correlated.",
        "");
  }

  // ---------------------------------------------------------------- formatting

  private static int count(long[] timesPs) {
    int n = 0;
    for (long t : timesPs) {
      if (t >= 0) n++;
    }
    return n;
  }

  /** A percentile of event times in s; one that falls on a run without the event is "> run". */
  private static String event(long[] timesPs, double p, long durationPs) {
    long v = percentileOfTimes(timesPs, p);
    if (v >= 0) return fixed(Time.toSeconds(v), 3);
    return count(timesPs) == 0 ? "-" : ">" + fixed(Time.toSeconds(durationPs), 0);
  }

  private static String latest(long[] timesPs) {
    long m = -1;
    for (long t : timesPs) m = Math.max(m, t);
    return m < 0 ? "-" : fixed(Time.toSeconds(m), 3);
  }

  static String ns(double ps) {
    return fixed(ps / Time.NS, 1);
  }

  static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) return "-";
    return String.format(Locale.US, "%." + decimals + "f", v);
  }

  private static String sci(double v) {
    if (v == 0) return "0";
    if (v >= 0.01 && v < 1e5) return String.format(Locale.US, "%.3g", v);
    return String.format(Locale.US, "%.2e", v);
  }

  private static String ratio(double sim, double est) {
    if (est == 0) return sim == 0 ? "-" : "inf";
    return String.format(Locale.US, "%.3g", sim / est);
  }
}
