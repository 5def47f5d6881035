package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --sweep DIR} read a results.csv edited by hand (or saved from a spreadsheet) with
 * the JDK's own words: a cell 'abc' printed {@code bessim: For input string: "abc"}, a cell 'NaN'
 * {@code bessim: Infinite or NaN} (from the chart's axis), neither naming the file or the column.
 * {@code sweep table} already said {@code DIR/results.csv has 'abc' in column deliveredMBps, not
 * a number}; the report now says as much, with the row's key.
 */
final class ReportOfAnEditedSweepNamesTheBadCellTest {
  @TempDir Path tmp;

  private Path sweepWith(String column, String value) throws Exception {
    Path dir = tmp.resolve("s");
    assertEquals(0, Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--vary",
        "workload=udp:1MB/s,udp:2MB/s", "--duration", "1s", "--threads", "1", "--out",
        dir.toString(), "--quiet").exit());
    Path csv = dir.resolve("results.csv");
    java.util.List<String> lines = Files.readAllLines(csv);
    java.util.List<String> header = java.util.List.of(lines.get(0).split(",", -1));
    int col = header.indexOf(column);
    String[] cells = lines.get(1).split(",", -1);
    cells[col] = value;
    lines.set(1, String.join(",", cells));
    Files.write(csv, lines);
    return dir;
  }

  private void assertNamed(Path dir, String expected) {
    Cli.Outcome o = Cli.run(new FakeRunner(), "report", "--arch", "v3", "--seeds", "1",
        "--duration", "1s", "--sweep", dir.toString(), "--out", tmp.resolve("r.html").toString(),
        "--quiet");
    assertEquals(2, o.exit(), o.err());
    assertEquals("bessim: " + expected + "\n", o.err());
    assertFalse(Files.exists(tmp.resolve("r.html")));
  }

  @Test
  void aWordInANumberColumnIsNamedWithItsFileAndColumn() throws Exception {
    Path dir = sweepWith("deliveredMBps", "abc");
    assertNamed(dir, dir.resolve("results.csv") + " has 'abc' in column deliveredMBps (key"
        + " arch=v3|workload=udp:1MB/s|seed=1), not a number");
  }

  @Test
  void aNaNInANumberColumnIsNamedNotLeftToTheChartAxis() throws Exception {
    Path dir = sweepWith("deliveredMBps", "NaN");
    assertNamed(dir, dir.resolve("results.csv") + " has 'NaN' in column deliveredMBps"
        + " (key arch=v3|workload=udp:1MB/s|seed=1), not a finite number");
  }

  @Test
  void aSeedThatIsNotAWholeNumberIsNamed() throws Exception {
    Path dir = sweepWith("seed", "one");
    assertNamed(dir, dir.resolve("results.csv") + " has 'one' in column seed (key"
        + " arch=v3|workload=udp:1MB/s|seed=1), not a whole number");
  }
}
