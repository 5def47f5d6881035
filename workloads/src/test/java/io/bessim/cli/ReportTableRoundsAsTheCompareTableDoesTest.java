package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same compare printed CPU % as {@code 1.0±0.2} (table) and {@code 1.0 ±0.2} (--wide), and
 * as {@code 1.01 ±0.25} in its HTML report: one figure, two roundings. The report's table rounds
 * as the printed one does.
 *
 * <p>FakeRunner's v3 uses 0.2 + 0.05 x 3 + 0.001 x seed of the CPUs: 0.351 and 0.352, a mean of
 * 35.15% and a 95% half-width of 12.706 x 0.0005 = 0.635%: 35.2 ±0.6 at one decimal.
 */
final class ReportTableRoundsAsTheCompareTableDoesTest {
  @Test
  void theReportsCpuColumnHasTheDecimalsOfTheCompareTable(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("r.html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--arch", "v3", "--seeds", "2",
        "--duration", "1s", "--wide", "--report", html.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains(" 35.2 ±0.6 "), o.out());

    String page = Files.readString(html);
    assertTrue(page.contains("<td>35.2 ±0.6</td>"), page);
    assertFalse(page.contains("<td>35.15 ±0.64</td>"), page);
  }

  /**
   * The bars' tooltips had a third rounding, three significant figures: "1.01 ±0.249" for CPU %
   * and "1.36 ±0.815" for a delivered 1.361 ±0.815 MB/s. They read as the table does.
   * FakeRunner's v3 at tcp:4MB/s delivers 4 x 0.93 - 0.001 x seed: 3.719 and 3.718 MB/s, a mean
   * of 3.7185 and a half-width of 12.706 x 0.0005 = 0.006353 MB/s: 3.719 ±0.006 at three decimals
   * (3.72 ±0.00635 at three figures).
   */
  @Test
  void theBarsTooltipsReadAsTheTable(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("r.html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--arch", "v3", "--seeds", "2",
        "--duration", "1s", "--report", html.toString());
    assertEquals(0, o.exit(), o.err());

    String page = Files.readString(html);
    assertTrue(page.contains("<title>v3: 3.719 ±0.006</title>"), page);
    assertTrue(page.contains("<title>v3: 35.2 ±0.6</title>"), page);
    assertFalse(page.contains("3.72 ±0.00635"), page);
  }
}
