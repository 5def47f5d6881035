package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --report} summed every point of an architecture into one row headed "mean ±95%
 * interval across seeds": `sweep --arch baseline,v1 --vary fw.rxPoolFrames=8,16 --seeds 2`
 * reported baseline at 1.463 ±0.720 MB/s, the mean of 1.071 (8 frames) and 1.854 (16 frames),
 * a figure neither results.csv nor `sweep table` shows. The report has a row per point, as the
 * sweep table has, and its delivered-against-offered curve stays one line per architecture.
 *
 * <p>FakeRunner's v3 delivers offered x 0.93 - 0.001 x seed: at udp:1MB/s 0.929, 0.928, 0.927
 * (mean 0.928, 95% half-width 4.303 x 0.001 / sqrt 3 = 0.002), at udp:2MB/s 1.859, 1.858, 1.857
 * (1.858 ±0.002); pooled they made 1.393.
 */
final class SweepReportHasARowPerPointTest {
  @TempDir Path tmp;

  @Test
  void eachPointIsARowOfTheComparisonAndEachArchitectureOneCurve() throws Exception {
    Path html = tmp.resolve("s.html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--vary",
        "workload=udp:1MB/s,udp:2MB/s", "--seeds", "3", "--duration", "1s", "--out",
        tmp.resolve("s").toString(), "--report", html.toString(), "--quiet");
    assertEquals(0, o.exit(), o.err());

    String page = Files.readString(html);
    assertTrue(page.contains("<tr><td>v3 workload=udp:1MB/s</td><td>0.928 ±0.002</td>"), page);
    assertTrue(page.contains("<tr><td>v3 workload=udp:2MB/s</td><td>1.858 ±0.002</td>"), page);
    assertFalse(page.contains("1.393"), page);
    // Its bars are the points' too, and the heading says so.
    assertTrue(page.contains("Per point, with 95% intervals"), page);
    assertFalse(page.contains("Per architecture, with"), page);
    assertTrue(page.contains("<title>v3: 1 -> 0.928</title>")
        && page.contains("<title>v3: 2 -> 1.86</title>"), page);
  }

  /**
   * The sweep's page rounds as `sweep table` does (CPU % at two decimals), not as compare's table:
   * FakeRunner's v3 uses 35.1% and 35.2% of the CPUs at seeds 1 and 2, a mean of 35.15% and a
   * half-width of 12.706 x 0.05 = 0.64%.
   */
  @Test
  void theSweepsPageRoundsAsTheSweepTable() throws Exception {
    Path dir = tmp.resolve("s3");
    Path html = tmp.resolve("s3.html");
    assertEquals(0, Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--seeds", "2",
        "--duration", "1s", "--out", dir.toString(), "--report", html.toString(), "--quiet")
        .exit());
    Cli.Outcome table = Cli.run(new FakeRunner(), "sweep", "table", dir.toString(), "--metrics",
        "cpuUtilization");
    assertTrue(table.out().contains("| 35.15 ±0.64 |"), table.out());
    assertTrue(Files.readString(html).contains("<td>35.15 ±0.64</td>"));
  }

  /**
   * A sweep that varies a parameter beside the workload draws a line per architecture and value:
   * pooled over fw.rxPoolFrames=8 and 16, one line would mix two platforms. The section says so.
   */
  @Test
  void theCurveHasALinePerArchitectureAndOtherVariedValue() throws Exception {
    Path html = tmp.resolve("s4.html");
    assertEquals(0, Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--vary",
        "workload=udp:1MB/s,udp:2MB/s", "--vary", "fw.rxPoolFrames=8,16", "--seeds", "1",
        "--duration", "1s", "--out", tmp.resolve("s4").toString(), "--report", html.toString(),
        "--quiet").exit());

    String page = Files.readString(html);
    assertTrue(page.contains("one line per architecture (and a sweep's other varied values), one"
        + " point per offered load"), page);
    assertTrue(page.contains("<title>v3 fw.rxPoolFrames=8: 1 -> ")
        && page.contains("<title>v3 fw.rxPoolFrames=16: 2 -> "), page);
  }

  @Test
  void reportOfASweepFolderHasARowPerPointToo() throws Exception {
    Path dir = tmp.resolve("s2");
    assertEquals(0, Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--vary",
        "workload=udp:1MB/s,udp:2MB/s", "--seeds", "3", "--duration", "1s", "--out",
        dir.toString(), "--quiet").exit());
    Path html = tmp.resolve("r.html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "report", "--arch", "v3", "--seeds", "1",
        "--duration", "1s", "--sweep", dir.toString(), "--out", html.toString());
    assertEquals(0, o.exit(), o.err());

    String page = Files.readString(html);
    assertTrue(page.contains("<tr><td>v3 workload=udp:1MB/s</td><td>0.928 ±0.002</td>"), page);
    assertFalse(page.contains("1.393"), page);
  }
}
