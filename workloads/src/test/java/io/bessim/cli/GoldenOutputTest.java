package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.experiment.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine-readable output of {@code compare}, {@code race table}, {@code race window} and
 * {@code sweep} for a few seeds, byte for byte against files saved before a refactoring: a change
 * that moves code must not move a number. Wall-clock fields are blanked, nothing else.
 *
 * <p>A change that fixes a real bug (and says so in its commit) regenerates them with
 * {@code mvn -pl workloads -am test -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.regenerate=true}.
 */
final class GoldenOutputTest {
  private static final Path GOLDEN = Paths.get("src/test/resources/golden");
  private static final boolean REGENERATE = Boolean.getBoolean("golden.regenerate");
  private static final Pattern WALL_JSON = Pattern.compile("\"wallSeconds\": [0-9.eE-]+");
  /** The commit the tests run at changes with every commit; the file pins that it is there. */
  private static final Pattern COMMIT_JSON = Pattern.compile("\"commit\": \"[^\"]*\"");

  @TempDir Path tmp;

  @Test
  void compareJsonOfEveryPresetForTwoSeeds() throws IOException {
    Path json = tmp.resolve("c.json");
    run("compare", "--duration", "20s", "--seeds", "2", "--threads", "2", "--quiet",
        "--json", json.toString());
    // The command line names the test's temporary folder, new on every run.
    String text = WALL_JSON.matcher(read(json)).replaceAll("\"wallSeconds\": 0")
        .replace(tmp.toString(), "TMP");
    check("compare.json", COMMIT_JSON.matcher(text).replaceAll("\"commit\": \"-\""));
  }

  @Test
  void raceTableOfEveryPreset() {
    check("race-table.txt", run("race", "table", "--arch", "baseline,v1,v2,v3",
        "--duration", "10s", "--threads", "2", "--quiet"));
  }

  @Test
  void raceWindowOfTheRacingAndTheFixedArchitectures() {
    check("race-window.txt", run("race", "window", "--arch", "v1,v2,v3", "--seeds", "3",
        "--duration", "30s", "--threads", "2", "--quiet"));
  }

  @Test
  void sweepRowsOfASmallGrid() throws IOException {
    Path dir = tmp.resolve("sweep");
    run("sweep", "--arch", "baseline,v1,v3", "--vary", "fw.rxPoolFrames=8,11", "--seeds", "2",
        "--duration", "10s", "--threads", "2", "--quiet", "--out", dir.toString());
    check("sweep-results.csv", withoutColumn(read(dir.resolve("results.csv")), "wallSeconds"));
  }

  private static String run(String... args) {
    Cli.Outcome o = Cli.run(Experiment::run, args);
    assertEquals(0, o.exit(), () -> Arrays.toString(args) + ": " + o.err());
    return o.out();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** The CSV with one column's values blanked (its header kept), rows in point order. */
  private static String withoutColumn(String csv, String column) {
    String[] lines = csv.split("\n", -1);
    int col = Arrays.asList(lines[0].split(",", -1)).indexOf(column);
    List<String> out = new ArrayList<>();
    out.add(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      if (col >= 0 && col < f.length) f[col] = "";
      out.add(String.join(",", f));
    }
    // Rows are appended as points finish, so their order depends on the threads.
    out.subList(1, out.size()).sort(java.util.Comparator.comparingInt(
        (String l) -> l.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(l.split(",", 2)[0])));
    return String.join("\n", out);
  }

  private static void check(String name, String actual) {
    Path file = GOLDEN.resolve(name);
    try {
      if (REGENERATE) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          name + " changed; if the change is a real fix, regenerate with -Dgolden.regenerate=true"
              + " (see this class's comment) and say why in the commit");
    } catch (IOException e) {
      throw new AssertionError("cannot read golden file " + file + ": " + e.getMessage(), e);
    }
  }
}
