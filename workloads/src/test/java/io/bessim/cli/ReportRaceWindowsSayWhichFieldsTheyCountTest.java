package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's "v1: RMW windows by width" counts the windows on every shared field, the locked
 * and single-writer ones included: for v1 over seeds 1..2, 20 s, 65,355 windows of 0.1-1 us, where
 * `race window` (the flagged fields and hw_bufs_used) has none that wide. Under "Race windows and
 * lost updates" that read as v1's racing windows; the page says which windows it counts.
 */
final class ReportRaceWindowsSayWhichFieldsTheyCountTest {
  @Test
  void theWindowChartSaysItCountsEveryFieldAndPointsToRaceWindow(@TempDir Path dir)
      throws Exception {
    Path html = dir.resolve("r.html");
    Cli.Outcome o = Cli.run(Experiment::run, "compare", "--arch", "v1", "--seeds", "2",
        "--duration", "20s", "--report", html.toString(), "--quiet");
    assertEquals(0, o.exit(), o.err());
    String page = Files.readString(html);
    assertTrue(page.contains("read-modify-write windows on every shared field by width (locked"
        + " and single-writer fields included; bessim race window shows the flagged fields"
        + " alone)"), page);
    assertTrue(page.contains("v1: RMW windows by width, every shared field"), page);
  }
}
