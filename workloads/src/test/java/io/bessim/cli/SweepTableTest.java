package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bessim sweep table} on a hand-written sweep folder: 2 archs x 3 UDP rates x 2 seeds, the
 * rows in completion order (not point order), and the rates listed in sweep.json in an order a
 * text sort would break (udp:10MB/s sorts before udp:2MB/s). With two seeds the 95% half-width is
 * t(1) = 12.706 times the standard error |a - b| / 2.
 */
final class SweepTableTest {
  private static final String HEADER = "point,key,arch,workload,seed,simSeconds,wallSeconds,"
      + "offeredMBps,deliveredMBps,cpuUtilization,perSecond.sdio_rx_work,"
      + "perSecond.chip_rx_dropped_pool_full,perSecond.air_drops,lostUpdates,warns,firstWarnSec,"
      + "wedgedAtSec";

  /** arch, rate, seed, delivered MB/s, CPU share, rx_work /s, pool full /s, air drops /s, WARN. */
  private static final String[][] ROWS = {
    {"v3", "udp:2MB/s", "2", "1.5", "0.003", "0", "100", "0", ""},
    {"baseline", "udp:0.5MB/s", "1", "0.50", "0.002", "90", "0", "0", ""},
    {"baseline", "udp:10MB/s", "2", "1.01", "0.004", "63", "2300", "5000", "4.5"},
    {"baseline", "udp:0.5MB/s", "2", "0.52", "0.004", "94", "0", "0", ""},
    {"baseline", "udp:2MB/s", "1", "1.00", "0.005", "60", "2000", "600", "12"},
    {"v3", "udp:0.5MB/s", "1", "0.5", "0.0025", "0", "0", "0", ""},
    {"baseline", "udp:2MB/s", "2", "1.04", "0.007", "64", "2010", "640", ""},
    {"baseline", "udp:10MB/s", "1", "1.01", "0.004", "63", "2300", "5000", "3.5"},
    {"v3", "udp:0.5MB/s", "2", "0.5", "0.0025", "0", "0", "0", ""},
    {"v3", "udp:10MB/s", "1", "1.4", "0.003", "0", "2300", "5000", ""},
    {"v3", "udp:2MB/s", "1", "1.5", "0.003", "0", "100", "0", ""},
    {"v3", "udp:10MB/s", "2", "1.6", "0.003", "0", "2300", "5000", ""},
  };
  private static final List<String> RATES = List.of("udp:0.5MB/s", "udp:2MB/s", "udp:10MB/s");

  @TempDir Path tmp;

  @Test
  void meansAndHalfWidthsInGridOrderAsMarkdown() throws IOException {
    Path dir = fixture("s", ROWS.length);

    Cli.Outcome o = table(dir.toString(), "--arch", "baseline",
        "--metrics", "deliveredMBps,firstWarnSec");

    assertEquals(0, o.exit(), o.err());
    assertEquals("", o.err());
    // 0.50, 0.52: mean 0.51, half-width 12.706 x 0.01 = 0.127. 1.00, 1.04: 1.02 +- 0.254.
    // WARN at 12 s in one seed of two; at 3.5 and 4.5 s: 4.00 +- 12.706 x 0.5 = 6.35.
    assertEquals(String.join("\n",
        "| workload    | baseline delivered MB/s | baseline first WARN (s) |",
        "| :---------- | ----------------------: | ----------------------: |",
        "| udp:0.5MB/s |            0.510 ±0.127 |                       - |",
        "| udp:2MB/s   |            1.020 ±0.254 |       12.00 (1/2 seeds) |",
        "| udp:10MB/s  |            1.010 ±0.000 |              4.00 ±6.35 |",
        ""), o.out());
  }

  @Test
  void defaultMetricsCarryUnitsAndCpuIsAPercentage() throws IOException {
    Path dir = fixture("s", ROWS.length);

    Cli.Outcome o = table(dir.toString());

    assertEquals(0, o.exit(), o.err());
    List<String> lines = o.out().lines().toList();
    assertEquals(2 + RATES.size(), lines.size(), o.out());
    List<String> headers = cells(lines.get(0));
    assertEquals(List.of("workload",
        "baseline delivered MB/s", "v3 delivered MB/s", "baseline CPU %", "v3 CPU %",
        "baseline sdio_rx_work /s", "v3 sdio_rx_work /s",
        "baseline chip_rx_dropped_pool_full /s", "v3 chip_rx_dropped_pool_full /s",
        "baseline air_drops /s", "v3 air_drops /s"), headers);
    // CPU 0.002 and 0.004 of the machine: 0.30% +- 12.706 x 0.1% = 1.27%.
    // rx_work 90 and 94: 92.0 +- 12.706 x 2 = 25.4. v3 at 10 MB/s: 1.4, 1.6 -> 1.500 +- 1.271.
    assertEquals(List.of("udp:0.5MB/s", "0.510 ±0.127", "0.500 ±0.000", "0.30 ±1.27",
            "0.25 ±0.00", "92.0 ±25.4", "0.0 ±0.0", "0.0 ±0.0", "0.0 ±0.0", "0.0 ±0.0",
            "0.0 ±0.0"),
        cells(lines.get(2)));
    assertEquals(List.of("udp:10MB/s", "1.010 ±0.000", "1.500 ±1.271", "0.40 ±0.00",
        "0.30 ±0.00", "63.0 ±0.0", "0.0 ±0.0", "2300.0 ±0.0", "2300.0 ±0.0", "5000.0 ±0.0",
        "5000.0 ±0.0"), cells(lines.get(4)));
  }

  @Test
  void csvHasUnroundedMeanHalfWidthAndCountPerCell() throws IOException {
    Path dir = fixture("s", ROWS.length);

    Cli.Outcome o = table(dir.toString(), "--format", "csv", "--arch", "v3",
        "--metrics", "deliveredMBps,air_drops");

    assertEquals(0, o.exit(), o.err());
    List<String> lines = o.out().lines().toList();
    assertEquals("workload,v3 delivered MB/s,v3 delivered MB/s ±95%,v3 delivered MB/s n,"
        + "v3 air_drops /s,v3 air_drops /s ±95%,v3 air_drops /s n", lines.get(0));
    assertEquals("udp:0.5MB/s,0.5,0.0,2,0.0,0.0,2", lines.get(1));
    assertEquals("udp:2MB/s,1.5,0.0,2,0.0,0.0,2", lines.get(2));
    assertTrue(lines.get(3).matches("udp:10MB/s,1\\.5(0*[0-9])?,1\\.270[0-9]*,2,5000\\.0,0\\.0,2"),
        lines.get(3));
  }

  @Test
  void textFormatAlignsColumnsWithoutPipes() throws IOException {
    Path dir = fixture("s", ROWS.length);

    Cli.Outcome o = table(dir.toString(), "--format", "text", "--metrics", "deliveredMBps");

    assertEquals(0, o.exit(), o.err());
    assertEquals(String.join("\n",
        "workload     baseline delivered MB/s  v3 delivered MB/s",
        "udp:0.5MB/s             0.510 ±0.127       0.500 ±0.000",
        "udp:2MB/s               1.020 ±0.254       1.500 ±0.000",
        "udp:10MB/s              1.010 ±0.000       1.500 ±1.271",
        ""), o.out());
  }

  @Test
  void withoutSweepJsonThePointNumbersGiveTheOrder() throws IOException {
    Path dir = fixture("s", ROWS.length);
    String with = table(dir.toString()).out();
    Files.delete(dir.resolve("sweep.json"));

    Cli.Outcome o = table(dir.toString());

    assertEquals(0, o.exit(), o.err());
    assertEquals(with, o.out());
  }

  @Test
  void aMissingSeedIsNotedAndItsCellHasNoInterval() throws IOException {
    // The last fixture row (v3, udp:10MB/s, seed 2) has not finished yet.
    Path dir = fixture("s", ROWS.length - 1);

    Cli.Outcome o = table(dir.toString(), "--metrics", "deliveredMBps");

    assertEquals(0, o.exit(), o.err());
    assertEquals("bessim: note: 1 of the 12 points of " + dir + " are not in its results yet;"
        + " those cells average fewer seeds, or show '-'\n", o.err());
    assertTrue(o.out().contains("| udp:10MB/s  |            1.010 ±0.000 |             1.400 |"),
        o.out());
  }

  @Test
  void aCounterMayBeNamedWithoutItsPrefix() throws IOException {
    Path dir = fixture("s", ROWS.length);

    Cli.Outcome a = table(dir.toString(), "--metrics", "sdio_rx_work");
    Cli.Outcome b = table(dir.toString(), "--metrics", "perSecond.sdio_rx_work");

    assertEquals(0, a.exit(), a.err());
    assertEquals(b.out(), a.out());
  }

  @Test
  void aRealSweepTabulatesBothVariedParametersInTheOrderGiven() {
    String out = tmp.resolve("real").toString();
    Cli.Outcome s = Cli.run(new FakeRunner(), "sweep", "--arch", "v3,baseline",
        "--vary", "workload=tcp:4MB/s,tcp:1MB/s", "--vary", "fw.rxPoolFrames=16,8",
        "--seeds", "1", "--duration", "1s", "--threads", "2", "--out", out, "--quiet");
    assertEquals(0, s.exit(), s.err());

    Cli.Outcome o = table(out, "--format", "text", "--metrics", "offeredMBps");

    assertEquals(0, o.exit(), o.err());
    // One seed: means only. The fake runner offers exactly the workload's rate.
    assertEquals(String.join("\n",
        "workload   fw.rxPoolFrames  v3 offered MB/s  baseline offered MB/s",
        "tcp:4MB/s  16                         4.000                  4.000",
        "tcp:4MB/s  8                          4.000                  4.000",
        "tcp:1MB/s  16                         1.000                  1.000",
        "tcp:1MB/s  8                          1.000                  1.000",
        ""), o.out());
  }

  @Test
  void aScenarioVariantInTheSweepIsPickedByItsName() throws IOException {
    // --arch x was refused as "unknown architecture 'x'" although the table showed an x column.
    Path sc = tmp.resolve("variant.scenario");
    Files.writeString(sc, "variant x = v3\narch = x,v3\nworkload = udp:1MB/s\n");
    String out = tmp.resolve("variant").toString();
    Cli.Outcome s = Cli.run(new FakeRunner(), "sweep", "--scenario", sc.toString(),
        "--duration", "1s", "--out", out, "--quiet");
    assertEquals(0, s.exit(), s.err());

    Cli.Outcome o = table(out, "--format", "text", "--metrics", "offeredMBps", "--arch", "x");
    Cli.Outcome unknown = table(out, "--arch", "y");

    assertEquals(0, o.exit(), o.err());
    assertEquals(String.join("\n",
        "workload   x offered MB/s",
        "udp:1MB/s           1.000",
        ""), o.out());
    assertEquals(2, unknown.exit());
    assertEquals("bessim: unknown architecture 'y' (" + out + "'s architectures: x, v3)",
        unknown.err().strip());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path dir = fixture("s", ROWS.length);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path headerOnly = Files.createDirectories(tmp.resolve("header-only"));
    Files.writeString(headerOnly.resolve("results.csv"), HEADER + "\n");
    Path garbled = fixture("garbled", ROWS.length);
    Files.writeString(garbled.resolve("results.csv"),
        Files.readString(garbled.resolve("results.csv")).replace(",1.04,", ",fast,"));

    String[][] cases = {
      {tmp.resolve("nowhere").toString()},
      {empty.toString()},
      {headerOnly.toString()},
      {dir.toString(), "--metrics", "deliveredMBps,goodput"},
      {dir.toString(), "--metrics", "workload"},
      {dir.toString(), "--metrics", "archSpec"},
      {dir.toString(), "--metrics", "deliveredMBps,perSecond.deliveredMBps"},
      {dir.toString(), "--arch", "v4"},
      {dir.toString(), "--arch", "v1"},
      {dir.toString(), "--format", "html"},
      {garbled.toString(), "--metrics", "deliveredMBps"},
      {},
    };
    String[] expected = {
      "no sweep folder",
      "has no results.csv",
      "has no rows yet",
      "unknown metric 'goodput'",
      "'workload' names the point, not a metric",
      "'archSpec' names the point, not a metric",
      "unknown metric 'perSecond.deliveredMBps'",
      "unknown architecture 'v4' (" + dir + "'s architectures: baseline, v3)",
      "holds no v1 rows (its architectures: baseline, v3)",
      "unknown --format 'html'",
      "has 'fast' in column deliveredMBps, not a number",
      "Missing required parameter",
    };
    for (int i = 0; i < cases.length; i++) {
      Cli.Outcome o = table(cases[i]);
      String what = String.join(" ", cases[i]) + " -> " + o.err();
      assertEquals(2, o.exit(), what);
      assertEquals("", o.out(), what);
      assertEquals(1, o.err().lines().count(), what);
      assertTrue(o.err().startsWith("bessim: ") && o.err().contains(expected[i]), what);
    }
  }

  /**
   * {@code --metrics ,} split to no names and quietly showed the default metrics, while
   * {@code --metrics ''} was refused; {@code --arch ,} showed every architecture. Both are refused
   * as compare refuses {@code --arch ,}.
   */
  @Test
  void anEmptyMetricsOrArchListIsRefused() throws IOException {
    Path dir = fixture("s", ROWS.length);
    String[][] cases = {
      {"--metrics", ","}, {"--metrics", ""}, {"--metrics", " , "}, {"--arch", ","}, {"--arch", ""},
    };
    String[] expected = {
      "bessim: --metrics names no metric", "bessim: --metrics names no metric",
      "bessim: --metrics names no metric", "bessim: --arch names no architecture",
      "bessim: --arch names no architecture",
    };
    for (int i = 0; i < cases.length; i++) {
      Cli.Outcome o = table(dir.toString(), cases[i][0], cases[i][1]);
      String what = String.join(" ", cases[i]) + " -> " + o.err();
      assertEquals(2, o.exit(), what);
      assertEquals("", o.out(), what);
      assertEquals(expected[i], o.err().strip(), what);
    }
  }

  /**
   * A hand-edited sweep.json of {@code {"grid":{}}} made sweep table print a NullPointerException's
   * text ({@code Cannot invoke "java.lang.Iterable.iterator()" because "a" is null}) and sweep
   * merge an internal error (exit 1) after writing its output: each now names the missing field.
   */
  @Test
  void aSweepJsonMissingAFieldIsRefusedNamingTheField() throws IOException {
    Path dir = fixture("s", ROWS.length);
    String good = Files.readString(dir.resolve("sweep.json"));
    String[][] edits = {
      {"\"archs\": [\"baseline\", \"v3\"],", "", "no 'archs' (a list of architecture names)"},
      {"\"vary\": [", "\"vari\": [", "no 'vary' (a list of the varied parameters, [] for none)"},
      {"\"name\": \"workload\", ", "", "a 'vary' entry without a 'name' and a list of 'values'"},
      {"\"seeds\": 2,", "\"seeds\": \"two\",", "no 'seeds' (a whole number)"},
      {"\"points\": 12", "\"pointz\": 12", "no 'points' (a whole number)"},
    };
    for (String[] e : edits) {
      Files.writeString(dir.resolve("sweep.json"), good.replace(e[0], e[1]));
      Cli.Outcome t = table(dir.toString());
      Cli.Outcome m = Cli.run(new FakeRunner(), "sweep", "merge", dir.toString(), "--out",
          tmp.resolve("merged").toString());
      for (Cli.Outcome o : List.of(t, m)) {
        assertEquals(2, o.exit(), e[2] + " -> " + o.err());
        assertEquals("bessim: " + dir.resolve("sweep.json")
            + " does not describe a bessim sweep grid: its grid has " + e[2], o.err().strip());
      }
      assertTrue(Files.notExists(tmp.resolve("merged")), "merge wrote its output");
    }
    Files.writeString(dir.resolve("sweep.json"), "{\"grid\":{}}");
    assertEquals("bessim: " + dir.resolve("sweep.json") + " does not describe a bessim sweep grid:"
        + " its grid has no 'archs' (a list of architecture names)",
        table(dir.toString()).err().strip());
  }

  private Cli.Outcome table(String... args) {
    List<String> a = new ArrayList<>(List.of("sweep", "table"));
    a.addAll(List.of(args));
    return Cli.run(new FakeRunner(), a.toArray(String[]::new));
  }

  /**
   * A sweep folder with the first {@code rows} fixture rows and the sweep.json of their grid.
   * Points are numbered as the sweep numbers them: arch outermost, then rate, then seed.
   */
  private Path fixture(String name, int rows) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    List<String> archs = List.of("baseline", "v3");
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < rows; i++) {
      String[] r = ROWS[i];
      int seed = Integer.parseInt(r[2]);
      int point = (archs.indexOf(r[0]) * RATES.size() + RATES.indexOf(r[1])) * 2 + seed - 1;
      String key = "arch=" + r[0] + "|workload=" + r[1] + "|seed=" + seed;
      double offered = Double.parseDouble(r[1].replaceAll("[^0-9.]", ""));
      boolean warned = !r[8].isEmpty();
      csv.append(String.join(",", Integer.toString(point), key, r[0], r[1], r[2], "2.0",
          "0.25", Double.toString(offered), r[3], r[4], r[5], r[6], r[7], "0",
          warned ? "1" : "0", r[8], "")).append('\n');
    }
    Files.writeString(dir.resolve("results.csv"), csv.toString());
    Files.writeString(dir.resolve("sweep.json"), """
        {
          "format": "bessim-sweep/1",
          "grid": {
            "archs": ["baseline", "v3"],
            "vary": [{"name": "workload", "values": ["udp:0.5MB/s", "udp:2MB/s", "udp:10MB/s"]}],
            "seeds": 2,
            "seedBase": 1,
            "durationPs": 2000000000000,
            "platform": {},
            "points": 12
          }
        }
        """);
    return dir;
  }

  /** The cells of a Markdown table line, stripped. */
  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    String[] parts = line.split("\\|", -1);
    for (int i = 1; i < parts.length - 1; i++) out.add(parts[i].strip());
    return out;
  }
}
