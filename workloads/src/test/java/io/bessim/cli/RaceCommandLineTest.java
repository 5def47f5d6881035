package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.bessim.experiment.Experiment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RaceCommandLineTest {
  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(String... args) {
    var cl = Bessim.commandLine(Experiment::run);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void raceAloneShowsItsSubcommandsAndExitsTwo() {
    Outcome o = run("race");

    assertEquals(2, o.exit());
    assertTrue(o.err().contains("explain") && o.err().contains("interleavings"), o.err());
  }

  /** The README promises --quiet on every race command; race explain refused it. */
  @Test
  void explainTakesQuietAsTheOtherRaceCommandsDo() {
    Outcome o = run("race", "explain", "--arch", "v2", "--duration", "1s", "--quiet");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains(
        "No update of hw_bufs_used was lost in 1.000 s simulated (seed 1)."), o.out());
  }

  @Test
  void interleavingsShowLostAndAtomic() {
    Outcome o = run("race", "interleavings", "--arch", "v1");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("LOST update"), o.out());
    assertTrue(o.out().contains("atomic"), o.out());
    assertTrue(o.out().contains("6 interleavings = C(4, 2) = 6 (checked); 2 correct, 4 lose"),
        o.out());
    assertTrue(o.out().contains("2 interleavings = C(2, 1) = 2 (checked); 2 correct, 0 lose"),
        o.out());
    assertTrue(o.out().contains("Why the fixes work:"), o.out());
  }

  @Test
  void explainWritesATraceThatParses(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("t.json");
    Outcome o = run("race", "explain", "--arch", "v1", "--after", "200ms", "--window-us", "300",
        "--trace", trace.toString());

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("hw_bufs_used"), o.out());
    assertTrue(JsonParser.parseString(Files.readString(trace)).getAsJsonObject()
        .getAsJsonArray("traceEvents").size() > 10);
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  /** {@code race explain --trace -} said {@code Trace: - (...)}: it names standard output. */
  @Test
  void explainsTraceToStandardOutputSaysStandardOutput() {
    Outcome o = run("race", "explain", "--arch", "v1", "--after", "200ms", "--window-us", "300",
        "--trace", "-");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().contains("\nTrace: standard output ("), o.err());
    assertTrue(JsonParser.parseString(o.out()).getAsJsonObject().has("traceEvents"));
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args : new String[][] {
        {"race", "explain", "--field", "nope", "--duration", "10ms"},
        {"race", "explain", "--arch", "v9"},
        {"race", "explain", "--window-us", "0"},
        {"race", "explain", "--trace", "/no/such/dir/t.json"},
        {"race", "explain", "--set", "irq.reenable=maybe"},
        {"race", "interleavings", "--arch", "v1,v1"},
        {"race", "interleavings", "--start", "-5000000"}}) {
      Outcome o = run(args);
      assertEquals(2, o.exit(), String.join(" ", args) + ": " + o.err());
      assertEquals(1, o.err().lines().count(), o.err());
      assertTrue(o.err().startsWith("bessim: "), o.err());
    }
  }
}
