package io.bessim.cli;

import io.bessim.experiment.ArchSummary;
import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The {@code compare} table: one row per architecture, every column header naming its unit. */
final class CompareTable {
  /** The per-second counters shown, as named in {@code RunResult.perSecond}. */
  static final List<String> RATES =
      List.of("sdio_rx_work", "sdio_tx_work", "workqueue_execute_start", "bh_wakeups",
          "lock_contention");

  private record Column(String header, Function<ArchSummary, String> cell) {}

  private CompareTable() {}

  static String render(List<ArchSummary> rows) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("arch", ArchSummary::arch));
    cols.add(new Column("delivered MB/s", s -> interval(s.deliveredMBps(), 3, 1)));
    cols.add(new Column("offered MB/s", s -> interval(s.offeredMBps(), 3, 1)));
    cols.add(new Column("CPU %", s -> interval(s.cpuUtilization(), 1, 100)));
    for (String rate : RATES) {
      cols.add(new Column(rate + " /s", s -> rate(s, rate)));
    }
    cols.add(new Column("lost updates (count)", s -> mean(s.lostUpdates(), 1)));
    cols.add(new Column("first WARN (s)", s -> event(s.firstWarnSec(), s.n())));
    cols.add(new Column("wedged at (s)", s -> event(s.wedgedAtSec(), s.n())));

    List<List<String>> cells = new ArrayList<>();
    for (ArchSummary s : rows) {
      List<String> line = new ArrayList<>();
      for (Column c : cols) line.add(c.cell().apply(s));
      cells.add(line);
    }
    int[] width = new int[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      width[i] = cols.get(i).header().length();
      for (List<String> line : cells) width[i] = Math.max(width[i], line.get(i).length());
    }
    StringBuilder b = new StringBuilder();
    List<String> headers = cols.stream().map(Column::header).toList();
    appendLine(b, headers, width);
    for (List<String> line : cells) appendLine(b, line, width);
    return b.toString();
  }

  private static void appendLine(StringBuilder b, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      if (i == 0) {
        line.append(c).append(pad); // names left-aligned
      } else {
        line.append("  ").append(pad).append(c); // numbers right-aligned
      }
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }

  private static String rate(ArchSummary s, String key) {
    Summary r = s.perSecond().get(key);
    return r == null ? "-" : interval(r, 1, 1);
  }

  /** {@code 1.362 ±0.021}, or just the mean when there is no interval (one seed). */
  static String interval(Summary s, int decimals, double scale) {
    if (s.n() == 0 || Double.isNaN(s.mean())) return "-";
    String mean = fixed(s.mean() * scale, decimals);
    if (s.n() < 2 || !Double.isFinite(s.halfWidth95())) return mean;
    return mean + " ±" + fixed(s.halfWidth95() * scale, decimals);
  }

  private static String mean(Summary s, int decimals) {
    return s.n() == 0 ? "-" : fixed(s.mean(), decimals);
  }

  /** Mean time over the seeds where the event happened, and how many did; "-" if none. */
  private static String event(Summary s, int seeds) {
    if (s.n() == 0) return "-";
    return String.format(Locale.US, "%s (%d/%d seeds)", fixed(s.mean(), 2), s.n(), seeds);
  }

  private static String fixed(double v, int decimals) {
    return String.format(Locale.US, "%." + decimals + "f", v);
  }
}
