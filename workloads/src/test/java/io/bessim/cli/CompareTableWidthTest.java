package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compare table fits 100 columns for the presets' usual figures; --wide shows all. */
final class CompareTableWidthTest {
  /** Three seeds per preset with figures like the README's, v1's spread as wide as it gets. */
  private static List<ArchSummary> rows() {
    List<RunResult> runs = new ArrayList<>();
    double[][] byArch = {{1.49, 88, 223, 1537, 150}, {0.2, 1, 5, 30, 1}, {1.5, 88, 217, 1522, 619},
        {1.55, 0, 540, 3360, 61}};
    String[] names = {"baseline", "v1", "v2", "v3"};
    for (int a = 0; a < 4; a++) {
      for (int seed = 1; seed <= 3; seed++) {
        double[] f = byArch[a];
        // v1: one seed runs on, two wedge early: the widest intervals a compare prints.
        double k = a == 1 ? (seed == 1 ? 7.5 : 1) : 1 + seed * 0.01;
        Map<String, Double> ps = new LinkedHashMap<>();
        ps.put("sdio_rx_work", f[1] * k);
        ps.put("sdio_tx_work", f[2] * k);
        ps.put("workqueue_execute_start", f[3] * k);
        ps.put("bh_wakeups", f[4] * k);
        ps.put("lock_contention", 0.0);
        runs.add(new RunResult(names[a], Map.of(), seed, "tcp:4MB/s", 180, 1, 4, f[0] * k,
            0.01 * k, ps, a == 1 ? 7 : 0, a == 1 ? 2 : 0, a == 1 && seed > 1 ? 1.56 : null,
            a == 1 && seed == 3 ? 4.54 : null));
      }
    }
    return ArchSummary.of(runs);
  }

  @Test
  void narrowTableFitsOneHundredColumns() {
    String t = CompareCommand.table(rows(), false);
    for (String line : t.lines().toList()) {
      assertTrue(line.length() <= 100, line.length() + ": " + line);
    }
    assertTrue(t.contains("rx/s") && t.contains("sdio_rx_work"), "short headers, legend: " + t);
  }

  @Test
  void wideTableHasEveryColumn() {
    String t = CompareCommand.table(rows(), true);
    assertTrue(t.contains("offered MB/s") && t.contains("lock_contention /s"), t);
  }

  @Test
  void legendGivesTheLostColumnItsUnit() {
    // v1 loses 7 updates in each run: the column shows the mean count per run.
    String t = CompareCommand.table(rows(), false);
    assertTrue(t.contains("lost: lost updates per run;"), t);
  }
}
