package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bessim sweep}: a grid of 2 archs x 4 UDP rates x 3 pool sizes x 2 seeds = 48 points run
 * through the fake runner (instant), and a small grid through the real simulator where the
 * question is determinism.
 */
final class SweepTest {
  private static final String[] GRID = {
    "sweep", "--arch", "baseline,v3", "--vary", "workload=udp:1MB/s..4MB/s:4",
    "--vary", "fw.rxPoolFrames=8,11,16", "--seeds", "2", "--duration", "2s"
  };
  private static final int POINTS = 2 * 4 * 3 * 2;

  @TempDir Path tmp;

  @Test
  void writesOneRowPerPointWithKeyAndVariedColumns() throws IOException {
    Cli.Outcome o = sweep(new FakeRunner(), "all", "--threads", "3");

    assertEquals(0, o.exit(), o.err());
    List<String> lines = Files.readAllLines(tmp.resolve("all/results.csv"));
    assertEquals(POINTS + 1, lines.size());
    assertTrue(lines.get(0).startsWith(
        "point,key,arch,workload,fw.rxPoolFrames,seed,archSpec,simSeconds,wallSeconds,offeredMBps,"),
        lines.get(0));
    assertTrue(lines.get(0).contains(",perSecond.sdio_rx_work,"), lines.get(0));
    // Point 47 is the last: v3, udp:4MB/s, 16 frames, seed 2.
    assertTrue(lines.contains(lines.stream()
        .filter(l -> l.startsWith("47,arch=v3|workload=udp:4MB/s|fw.rxPoolFrames=16|seed=2,v3,"
            + "udp:4MB/s,16,2,arch.rxPath=bh arch.counters=plain "))
        .findFirst().orElse("missing point 47")), String.join("\n", lines));
    assertTrue(Files.exists(tmp.resolve("all/sweep.json")));
    assertTrue(o.out().startsWith(
        "sweep: 2 archs x 4 workload x 3 fw.rxPoolFrames x 2 seeds = 48 points, 2s simulated each"),
        o.out());
    assertTrue(o.out().contains("all of them: 0 already done, 48 ran now in"), o.out());
  }

  @Test
  void reportDashPutsOnlyThePageOnStandardOutputAndTheSummaryOnStandardError() {
    Cli.Paged p = Cli.runCapturingPage(new FakeRunner(),
        cat(cat(GRID, "--report", "-"), "--out", dir("page")));
    Cli.Outcome o = p.outcome();

    assertEquals(0, o.exit(), o.err());
    assertEquals("", o.out());
    String html = p.page();
    assertTrue(html.startsWith("<!DOCTYPE html>\n"),
        html.substring(0, Math.min(200, html.length())));
    assertTrue(html.endsWith("</html>\n"), html.substring(Math.max(0, html.length() - 200)));
    assertTrue(o.err().startsWith(
        "sweep: 2 archs x 4 workload x 3 fw.rxPoolFrames x 2 seeds = 48 points"), o.err());
    assertTrue(o.err().contains("rows: " + tmp.resolve("page/results.csv")), o.err());
  }

  @Test
  void aReportOnTheSweepsOwnFilesIsRefusedBeforeAnythingRuns() throws IOException {
    Files.createDirectories(tmp.resolve("own"));
    for (String file : List.of("results.csv", "sweep.json")) {
      FakeRunner fake = new FakeRunner();
      Cli.Outcome o = sweep(fake, "own", "--report", tmp.resolve("own").resolve(file).toString());

      assertEquals(2, o.exit(), o.err());
      assertEquals("bessim: cannot write --report '" + tmp.resolve("own").resolve(file)
          + "': it is the sweep's " + (file.equals("results.csv") ? "results" : "manifest")
          + " file this command reads; give the output its own path\n", o.err());
      assertTrue(fake.seen().isEmpty());
      assertEquals(List.of(), Files.list(tmp.resolve("own")).toList());
    }
  }

  @Test
  void aScenarioFileSuppliesTheArchsWorkloadSeedsAndSetsTheCommandLineDoesNotGive()
      throws IOException {
    Path sc = tmp.resolve("s.scenario");
    Files.writeString(sc, "arch = v3\nworkload = udp:2MB/s\nseeds = 2\nduration = 3s\n"
        + "set fw.rxPoolFrames = 16\n");
    Cli.Outcome o = Cli.run(new FakeRunner(), false, "sweep", "--scenario", sc.toString(),
        "--vary", "air.mcs=3,4", "--duration", "2s", "--out", dir("sc"));

    assertEquals(0, o.exit(), o.err());
    // 1 arch (scenario) x 2 MCS x 2 seeds (scenario); --duration 2s wins over the scenario's 3s.
    assertTrue(o.out().startsWith("sweep: 1 arch x 2 air.mcs x 2 seeds = 4 points, 2s simulated"),
        o.out());
    List<String> lines = Files.readAllLines(tmp.resolve("sc/results.csv"));
    assertEquals(5, lines.size());
    assertTrue(lines.get(1).contains(",v3,") && lines.get(1).contains("udp:2MB/s"), lines.get(1));
    assertTrue(Files.readString(tmp.resolve("sc/sweep.json")).contains("\"fw.rxPoolFrames\": \"16\""),
        "the scenario's set line reached the grid's platform");
  }

  @Test
  void progressOnATerminalNamesEachPointByKeyAndIsErasedAtTheEnd() {
    Cli.Outcome o = Cli.run(new FakeRunner(), true,
        cat(GRID, "--threads", "1", "--out", dir("p")));

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().startsWith(
        "\r[1/48] arch=baseline|workload=udp:1MB/s|fw.rxPoolFrames=8|seed=1 ..."), o.err());
    assertTrue(o.err().contains("\r[48/48] arch=v3|workload=udp:4MB/s|fw.rxPoolFrames=16|seed=2"),
        o.err());
    assertTrue(o.err().endsWith("\r"), "the line is erased: " + o.err());
  }

  @Test
  void killedMidwayAndResumedGivesTheRowsOfAnUninterruptedSweep() throws IOException {
    assertEquals(0, sweep(new FakeRunner(), "whole", "--threads", "2").exit());

    // The runner dies at its 21st point: the points already running finish and are written.
    FakeRunner fake = new FakeRunner();
    AtomicInteger calls = new AtomicInteger();
    Function<RunSpec, RunResult> dying = spec -> {
      if (calls.incrementAndGet() > 20) throw new IllegalStateException("killed");
      return fake.apply(spec);
    };
    Cli.Outcome killed = sweep(dying, "cut", "--threads", "2");
    assertEquals(1, killed.exit(), killed.err());
    assertTrue(killed.err().contains("rerun with --resume"), killed.err());
    // Calls 1..20 all finish and are written, even those still running when 21 threw.
    int kept = rows(tmp.resolve("cut")).size();
    assertEquals(20, kept);

    FakeRunner rest = new FakeRunner();
    Cli.Outcome resumed = sweep(rest, "cut", "--threads", "2", "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(POINTS - kept, rest.seen().size(), "finished points must not run again");
    assertTrue(resumed.out().contains(kept + " already done, " + (POINTS - kept) + " ran now"),
        resumed.out());
    assertEquals(rows(tmp.resolve("whole")), rows(tmp.resolve("cut")));
  }

  @Test
  void aPartialLastRowIsDroppedAndItsPointRunsAgain() throws IOException {
    assertEquals(0, sweep(new FakeRunner(), "whole", "--threads", "2").exit());
    assertEquals(0, sweep(new FakeRunner(), "cut", "--threads", "2").exit());
    // Keep the header and 10 rows, plus half of the 11th, as if killed mid-write.
    Path file = tmp.resolve("cut/results.csv");
    List<String> lines = Files.readAllLines(file);
    String cut = String.join("\n", lines.subList(0, 11)) + "\n"
        + lines.get(11).substring(0, lines.get(11).length() / 2);
    Files.writeString(file, cut);

    FakeRunner rest = new FakeRunner();
    Cli.Outcome resumed = sweep(rest, "cut", "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.err().contains("dropped the partial last row"), resumed.err());
    assertEquals(POINTS - 10, rest.seen().size());
    assertEquals(rows(tmp.resolve("whole")), rows(tmp.resolve("cut")));

    // Resuming a finished sweep runs nothing and writes nothing.
    FakeRunner none = new FakeRunner();
    assertEquals(0, sweep(none, "cut", "--resume").exit());
    assertEquals(0, none.seen().size());
    assertEquals(POINTS + 1, Files.readAllLines(file).size());
  }

  /**
   * Killed while writing the header: resume said it 'dropped the partial last row', though no
   * row had been written and no point was to run again. It names the header.
   */
  @Test
  void aPartialHeaderIsNamedAsTheHeaderWhenDropped() throws IOException {
    assertEquals(0, sweep(new FakeRunner(), "whole", "--threads", "2").exit());
    assertEquals(0, sweep(new FakeRunner(), "cut", "--threads", "2").exit());
    Path file = tmp.resolve("cut/results.csv");
    Files.writeString(file, Files.readAllLines(file).get(0).substring(0, 20));

    FakeRunner rest = new FakeRunner();
    Cli.Outcome resumed = sweep(rest, "cut", "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals("bessim: dropped the partial header of " + file + " (20 bytes) left by an"
        + " interrupted sweep; no row had been written", resumed.err().strip());
    assertEquals(POINTS, rest.seen().size());
    assertEquals(rows(tmp.resolve("whole")), rows(tmp.resolve("cut")));
  }

  /**
   * {@code --shard 5/10} of a 2-point grid ran nothing, exit 0, leaving an empty results.csv: a
   * shard that gets no point is refused before --out is made.
   */
  @Test
  void aShardThatGetsNoPointIsRefused() {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "sweep", "--arch", "v3", "--seeds", "2", "--duration", "1s",
        "--shard", "5/10", "--out", dir("empty-shard"));
    assertOneLineExitTwo("--shard 5/10 gets no point: the grid has 2 points, one each for shards"
        + " 1..2 at most; use at most 2 shards", o);
    assertEquals(0, runner.seen().size());
    assertFalse(Files.exists(tmp.resolve("empty-shard")), "--out was created");
    // The last shard that gets a point runs it.
    assertEquals(0, Cli.run(runner, "sweep", "--arch", "v3", "--seeds", "2", "--duration", "1s",
        "--shard", "2/10", "--out", dir("last-shard")).exit());
    assertEquals(1, runner.seen().size());
  }

  @Test
  void oneThreadAndTwoThreadsGiveTheSameRowsFromTheRealSimulator() throws IOException {
    String[] small = {"sweep", "--arch", "baseline,v3", "--vary", "workload=udp:1MB/s,tcp:2MB/s",
        "--duration", "1s"};
    assertEquals(0, Cli.run(Experiment::run, cat(small, "--threads", "1", "--out", dir("t1")))
        .exit());
    assertEquals(0, Cli.run(Experiment::run, cat(small, "--threads", "2", "--out", dir("t2")))
        .exit());

    List<String> one = rows(tmp.resolve("t1"));
    assertEquals(4, one.size());
    assertEquals(one, rows(tmp.resolve("t2")));
  }

  @Test
  void shardsMergedGiveTheRowsOfTheWholeSweep() throws IOException {
    assertEquals(0, sweep(new FakeRunner(), "whole").exit());
    FakeRunner s1 = new FakeRunner();
    FakeRunner s2 = new FakeRunner();
    FakeRunner s3 = new FakeRunner();
    assertEquals(0, sweep(s1, "s1", "--shard", "1/3").exit());
    assertEquals(0, sweep(s2, "s2", "--shard", "2/3").exit());
    assertEquals(0, sweep(s3, "s3", "--shard", "3/3").exit());
    // 48 points mod 3: 16 each, and shard 2/3 holds points 1, 4, 7, ...
    assertEquals(16, s2.seen().size());
    assertTrue(Files.readString(tmp.resolve("s2/results.csv")).contains("\n1,arch=baseline|"));

    Cli.Outcome m = Cli.run(new FakeRunner(), "sweep", "merge", dir("s3"), dir("s1"), dir("s2"),
        dir("s1"), "--out", dir("merged"));
    assertEquals(2, m.exit(), "a folder given twice is refused: " + m.err());
    m = Cli.run(new FakeRunner(), "sweep", "merge", dir("s3"), dir("s1"), dir("s2"),
        "--out", dir("merged"));
    assertEquals(0, m.exit(), m.err());
    assertTrue(m.out().contains(": 48 rows (0 duplicates dropped); 48 of 48 grid points"),
        m.out());
    assertEquals(rows(tmp.resolve("whole")), rows(tmp.resolve("merged")));
    // Merged rows are in point order: 0, 1, 2, ...
    List<String> lines = Files.readAllLines(tmp.resolve("merged/results.csv"));
    for (int i = 1; i < lines.size(); i++) {
      assertTrue(lines.get(i).startsWith((i - 1) + ",arch="), lines.get(i));
    }

    // Merging the whole sweep with a shard drops the shard's 16 rows as duplicates.
    m = Cli.run(new FakeRunner(), "sweep", "merge", dir("whole"), dir("s2"), "--out",
        dir("again"));
    assertTrue(m.out().contains(": 48 rows (16 duplicates dropped)"), m.out());
    assertTrue(m.out().startsWith("merged 2 folders into "), m.out());

    // One folder is a copy, and the line says "folder".
    m = Cli.run(new FakeRunner(), "sweep", "merge", dir("whole"), "--out", dir("one"));
    assertTrue(m.out().startsWith("merged 1 folder into "), m.out());
  }

  @Test
  void existingResultsWithoutResumeOrADifferentGridOnResumeAreRefused() {
    assertEquals(0, sweep(new FakeRunner(), "d").exit());

    assertOneLineExitTwo("already holds results: use --resume", sweep(new FakeRunner(), "d"));
    assertOneLineExitTwo("holds a different sweep (its grid differs in seedBase)",
        Cli.run(new FakeRunner(), cat(GRID, "--seed-base", "3", "--out", dir("d"), "--resume")));
    assertOneLineExitTwo(
        "holds a different sweep (its grid differs in platform parameter fw.numInpChBufs",
        Cli.run(new FakeRunner(),
            cat(GRID, "--set", "fw.numInpChBufs=30", "--out", dir("d"), "--resume")));

    assertEquals(0, sweep(new FakeRunner(), "other", "--seed-base", "7").exit());
    assertOneLineExitTwo("hold different sweeps (their grids differ in seedBase)",
        Cli.run(new FakeRunner(), "sweep", "merge", dir("d"), dir("other"), "--out", dir("m")));
  }

  @Test
  void badArgumentsAreOneLineExitTwoAndRunNothing() {
    String[][] cases = {
      {"unknown parameter 'no.such'", "--vary", "no.such=1,2"},
      {"malformed range", "--vary", "workload=udp:1MB/s..8MB/s"},
      {"needs at least 2 points, got 1", "--vary", "workload=udp:1MB/s..8MB/s:1"},
      {"malformed --vary", "--vary", "workload"},
      {"--out DIR is required"},
      {"malformed --shard 'x'", "--shard", "x"},
      {"--shard 3/2: expected i/n", "--shard", "3/2"},
      {"both given (--workload) and varied", "--vary", "workload=udp:1MB/s,udp:2MB/s",
        "--workload", "tcp:1MB/s"},
      {"both fixed with --set and varied", "--vary", "fw.rxPoolFrames=8,16",
        "--set", "fw.rxPoolFrames=11"},
      {"--vary fw.rxPoolFrames is given twice", "--vary", "fw.rxPoolFrames=8,16",
        "--vary", "fw.rxPoolFrames=11"},
      {"--threads must be at least 1", "--threads", "0"},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(List.of("sweep"));
      args.addAll(Arrays.asList(c).subList(1, c.length));
      if (!c[0].startsWith("--out")) args.addAll(List.of("--out", dir("bad")));
      FakeRunner runner = new FakeRunner();
      assertOneLineExitTwo(c[0], Cli.run(runner, args.toArray(String[]::new)));
      assertEquals(0, runner.seen().size(), String.join(" ", args));
    }
    assertFalse(Files.exists(tmp.resolve("bad/results.csv")));
  }

  @Test
  void aPointWhoseHostCannotBeBuiltIsRefusedBeforeAnythingRunsOrTheFolderIsMade() {
    // host.cpus=1 leaves the bh (host.bhCpu = 1) on no CPU: this used to run host.cpus=4, then
    // fail mid-sweep with exit 1, "internal error", and a half-filled folder.
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "sweep", "--arch", "v3", "--duration", "1s",
        "--vary", "host.cpus=4,1", "--out", dir("cpus"));

    assertEquals(2, o.exit(), o.err());
    assertEquals("bessim: point arch=v3|host.cpus=1|seed=1: host.bhCpu = 1 and host.appCpu = 2"
        + " are not CPUs of a 1-CPU host (CPUs are 0..0; set host.bhCpu and host.appCpu too when"
        + " changing host.cpus)",
        o.err().strip());
    assertEquals(0, runner.seen().size());
    assertFalse(Files.exists(tmp.resolve("cpus")), "--out was created");
  }

  private Cli.Outcome sweep(Function<RunSpec, RunResult> runner, String out, String... more) {
    return Cli.run(runner, cat(cat(GRID, more), "--out", dir(out)));
  }

  private String dir(String name) {
    return tmp.resolve(name).toString();
  }

  /** The rows of a sweep folder, without the wall-clock column, sorted; checks no repeats. */
  private static List<String> rows(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"), StandardCharsets.UTF_8);
    int wall = Arrays.asList(lines.get(0).split(",", -1)).indexOf("wallSeconds");
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
      cells.remove(wall);
      out.add(String.join(",", cells));
    }
    assertEquals(out.size(), new TreeSet<>(out).size(), "a row is written twice");
    return out.stream().sorted().collect(Collectors.toList());
  }

  private static void assertOneLineExitTwo(String expected, Cli.Outcome o) {
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().startsWith("bessim: "), o.err());
    assertTrue(o.err().contains(expected), expected + " in: " + o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
  }

  private static String[] cat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
