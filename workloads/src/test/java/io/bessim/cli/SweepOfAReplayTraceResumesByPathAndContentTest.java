package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of a replay trace kept the path as written, relative to the directory the command ran
 * in: the same sweep resumed from another directory (the path written another way) was refused
 * with 'grid differs in workload', and a trace edited between the sweep and its --resume mixed
 * rows of two traces silently. The grid now names the trace by its absolute path and records its
 * SHA-256 in sweep.json.
 */
final class SweepOfAReplayTraceResumesByPathAndContentTest {
  @TempDir Path tmp;

  private static final String TRACE = "time_s,bytes,direction\n0.1,100000,down\n0.5,200000,down\n";

  /** The path of {@code file} relative to the working directory, as a user elsewhere writes it. */
  private static String relative(Path file) {
    return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
  }

  private Cli.Outcome sweep(FakeRunner runner, String workloadOption, String workload,
      String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("sweep", "--arch", "v3", "--seeds", "2",
        "--duration", "1s", workloadOption, workload, "--out", tmp.resolve("s").toString()));
    a.addAll(List.of(more));
    return Cli.run(runner, a.toArray(String[]::new));
  }

  /** Keeps the header and the first row, as a sweep stopped after one point. */
  private void stopAfterOneRow() throws IOException {
    Path results = tmp.resolve("s/results.csv");
    List<String> lines = Files.readAllLines(results);
    Files.writeString(results, lines.get(0) + "\n" + lines.get(1) + "\n");
  }

  @Test
  void aReplaySweepResumesWithTheTraceWrittenAnotherWay() throws IOException {
    Path trace = Files.writeString(tmp.resolve("t.csv"), TRACE);
    for (String option : List.of("--workload", "--vary")) {
      String w = option.equals("--vary") ? "workload=replay:" : "replay:";
      Cli.Outcome first = sweep(new FakeRunner(), option, w + trace);
      assertEquals(0, first.exit(), first.err());
      stopAfterOneRow();

      // From another working directory the same file is written another way.
      FakeRunner rest = new FakeRunner();
      Cli.Outcome resumed = sweep(rest, option, w + relative(trace), "--resume");
      assertEquals(0, resumed.exit(), option + ": " + resumed.err());
      assertEquals(1, rest.seen().size(), option);
      assertEquals(trace.toAbsolutePath().normalize(), rest.seen().get(0).workload().inputFile());
      JsonObject grid = JsonParser.parseString(Files.readString(tmp.resolve("s/sweep.json")))
          .getAsJsonObject().getAsJsonObject("grid");
      assertEquals(64, grid.getAsJsonObject("traces")
          .get(trace.toAbsolutePath().normalize().toString()).getAsString().length());
      deleteSweep();
    }
  }

  @Test
  void aTraceEditedBeforeResumeIsRefusedSayingTheTraceChanged() throws IOException {
    Path trace = Files.writeString(tmp.resolve("t.csv"), TRACE);
    assertEquals(0, sweep(new FakeRunner(), "--workload", "replay:" + trace).exit());
    stopAfterOneRow();
    String before = Files.readString(tmp.resolve("s/results.csv"));
    Files.writeString(trace, TRACE + "0.9,5,down\n");

    FakeRunner rest = new FakeRunner();
    Cli.Outcome resumed = sweep(rest, "--workload", "replay:" + trace, "--resume");
    assertEquals(2, resumed.exit(), resumed.err());
    assertEquals("bessim: the replay trace " + trace.toAbsolutePath().normalize()
        + " changed since the sweep in " + tmp.resolve("s") + " began (its SHA-256 is not the"
        + " one sweep.json records): restore it, or use another --out", resumed.err().strip());
    assertEquals(0, rest.seen().size());
    assertEquals(before, Files.readString(tmp.resolve("s/results.csv")));
  }

  @Test
  void anOlderSweepJsonWithoutTheTraceHashIsNamedOnResume() throws IOException {
    Path trace = Files.writeString(tmp.resolve("t.csv"), TRACE);
    assertEquals(0, sweep(new FakeRunner(), "--workload", "replay:" + trace).exit());
    stopAfterOneRow();
    Path meta = tmp.resolve("s/sweep.json");
    JsonObject o = JsonParser.parseString(Files.readString(meta)).getAsJsonObject();
    o.getAsJsonObject("grid").remove("traces");
    Files.writeString(meta, o.toString());

    Cli.Outcome resumed = sweep(new FakeRunner(), "--workload", "replay:" + trace, "--resume");
    assertEquals(2, resumed.exit(), resumed.err());
    assertEquals("bessim: " + meta + " records no SHA-256 of the replay trace its rows came from"
        + " (an older bessim wrote it), so it cannot be checked to be this sweep's trace: use"
        + " another --out", resumed.err().strip());
    // Still readable: its table prints.
    Cli.Outcome table = Cli.run(new FakeRunner(), "sweep", "table", tmp.resolve("s").toString(),
        "--metrics", "deliveredMBps");
    assertEquals(0, table.exit(), table.err());
    assertFalse(table.out().isEmpty());
  }

  private void deleteSweep() throws IOException {
    try (var files = Files.list(tmp.resolve("s"))) {
      for (Path f : files.toList()) Files.delete(f);
    }
    Files.delete(tmp.resolve("s"));
    assertTrue(Files.notExists(tmp.resolve("s")));
  }
}
