package io.bessim.cli;

import static io.bessim.experiment.Metric.BH_WAKEUPS;
import static io.bessim.experiment.Metric.CPU_UTILIZATION;
import static io.bessim.experiment.Metric.DELIVERED_MBPS;
import static io.bessim.experiment.Metric.FIRST_WARN_SEC;
import static io.bessim.experiment.Metric.LOCK_CONTENTION;
import static io.bessim.experiment.Metric.LOST_UPDATES;
import static io.bessim.experiment.Metric.OFFERED_MBPS;
import static io.bessim.experiment.Metric.SDIO_RX_WORK;
import static io.bessim.experiment.Metric.SDIO_TX_WORK;
import static io.bessim.experiment.Metric.WEDGED_AT_SEC;
import static io.bessim.experiment.Metric.WORKQUEUE_EXECUTE_START;

import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.Metric;
import io.bessim.experiment.TextTable;
import io.bessim.experiment.TextTable.Column;
import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code compare} table: one row per architecture, a column per metric headed by its
 * declared label and unit.
 */
final class CompareTable {
  /** The counters shown. */
  static final List<Metric> RATES =
      List.of(SDIO_RX_WORK, SDIO_TX_WORK, WORKQUEUE_EXECUTE_START, BH_WAKEUPS, LOCK_CONTENTION);

  /** The short headers of the narrow table's rates, and the legend that spells them out. */
  static final List<String> SHORT = List.of("rx/s", "tx/s", "wq/s", "bh/s");

  static final String LEGEND = "rx/s, tx/s, wq/s, bh/s: sdio_rx_work, sdio_tx_work,"
      + " workqueue_execute_start, bh_wakeups per second;" + System.lineSeparator()
      + "lost: lost updates per run; WARN, wedged: mean simulated s (seeds that had it);"
      + " --wide: all columns";

  private CompareTable() {}

  /**
   * The table that fits 100 columns for the presets: delivered, CPU, the four dispatch rates in
   * whole numbers under short headers, lost updates, first WARN and wedge; offered load (in the
   * header line) and lock contention are left to {@link #render} ({@code --wide}).
   */
  static String narrow(List<ArchSummary> rows) {
    List<Column<ArchSummary>> cols = new ArrayList<>();
    cols.add(Column.left("arch", ArchSummary::arch));
    // Mean±interval without the blank: seven columns narrower.
    cols.add(Column.right("MB/s", s -> tight(DELIVERED_MBPS.interval(s.get(DELIVERED_MBPS)))));
    cols.add(Column.right("CPU %", s -> tight(
        CPU_UTILIZATION.interval(s.get(CPU_UTILIZATION), CPU_UTILIZATION.compareDecimals()))));
    List<Metric> rates = List.of(SDIO_RX_WORK, SDIO_TX_WORK, WORKQUEUE_EXECUTE_START, BH_WAKEUPS);
    for (int i = 0; i < rates.size(); i++) {
      Metric m = rates.get(i);
      cols.add(Column.right(SHORT.get(i), s -> tight(m.interval(s.get(m), 0))));
    }
    cols.add(Column.right("lost", s -> LOST_UPDATES.mean(s.get(LOST_UPDATES))));
    cols.add(Column.right("WARN", s -> shortEvent(s, FIRST_WARN_SEC)));
    cols.add(Column.right("wedged", s -> shortEvent(s, WEDGED_AT_SEC)));
    return TextTable.plain(cols, rows);
  }

  private static String tight(String interval) {
    return interval.replace(" ±", "±");
  }

  private static String shortEvent(ArchSummary s, Metric m) {
    Summary e = s.get(m);
    if (e.n() == 0) return "-";
    return String.format(Locale.US, "%s (%d/%d)", m.mean(e), e.n(), s.n());
  }

  /** Every column, as wide as it takes ({@code compare --wide}). */
  static String render(List<ArchSummary> rows) {
    List<Column<ArchSummary>> cols = new ArrayList<>();
    cols.add(Column.left("arch", ArchSummary::arch));
    cols.add(interval(DELIVERED_MBPS, DELIVERED_MBPS.compareDecimals()));
    cols.add(interval(OFFERED_MBPS, OFFERED_MBPS.compareDecimals()));
    // One decimal for CPU here (the sweep table has two): this table is wide already.
    cols.add(interval(CPU_UTILIZATION, CPU_UTILIZATION.compareDecimals()));
    for (Metric m : RATES) cols.add(interval(m, m.compareDecimals()));
    // Lost updates are counted, not sampled: the mean says enough.
    cols.add(Column.of(LOST_UPDATES, s -> LOST_UPDATES.mean(s.get(LOST_UPDATES))));
    cols.add(event(FIRST_WARN_SEC));
    cols.add(event(WEDGED_AT_SEC));
    return TextTable.plain(cols, rows);
  }

  private static Column<ArchSummary> interval(Metric m, int decimals) {
    return Column.of(m, s -> m.interval(s.get(m), decimals));
  }

  /** Mean time over the seeds where the event happened, and how many did; "-" if none. */
  private static Column<ArchSummary> event(Metric m) {
    return Column.of(m, s -> {
      Summary e = s.get(m);
      if (e.n() == 0) return "-";
      return String.format(Locale.US, "%s (%d/%d seeds)", m.mean(e), e.n(), s.n());
    });
  }
}
