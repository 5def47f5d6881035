package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --trace/--ftrace/--trace-max-events}: a too wide window is one line, exit 2. */
final class TraceOptionsTest {
  @Test
  void aWindowOverTheEventCapIsRefusedWithOneLineNamingAWindowThatFits(@TempDir Path dir) {
    Path t = dir.resolve("t.json");
    Cli.Outcome o = Cli.run(Experiment::run, "run", "--arch", "v3", "--duration", "1s",
        "--trace", t.toString(), "--trace-window", "0s..1s", "--trace-max-events", "2000");
    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().contains("holds more than 2000 events (--trace-max-events)"), o.err());
    assertTrue(o.err().contains("trace --trace-window 0s.."), o.err());
    assertFalse(Files.exists(t), "no partial trace");
  }

  /**
   * The ftrace text holds every event of its window until it is written: a 600 s window of v1
   * took 5.7 GB of heap, and one wider than the heap ended in an OutOfMemoryError stack trace.
   * It obeys --trace-max-events as the Perfetto trace does, and the window it names fits.
   */
  @Test
  void anFtraceWindowOverTheEventCapIsRefusedWithOneLineNamingAWindowThatFits(
      @TempDir Path dir) throws Exception {
    Path f = dir.resolve("f.txt");
    Cli.Outcome o = Cli.run(Experiment::run, "run", "--arch", "v3", "--duration", "1s",
        "--ftrace", f.toString(), "--trace-window", "0s..1s", "--trace-max-events", "2000");
    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().startsWith("bessim: --ftrace window 0s..1s holds more than 2000 events"
        + " (--trace-max-events)"), o.err());
    assertFalse(Files.exists(f), "no partial text");

    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("trace --trace-window (0s\\.\\.\\S+) or raise").matcher(o.err());
    assertTrue(m.find(), o.err());
    Cli.Outcome fits = Cli.run(Experiment::run, "run", "--arch", "v3", "--duration", "1s",
        "--ftrace", f.toString(), "--trace-window", m.group(1), "--trace-max-events", "2000");
    assertEquals(0, fits.exit(), fits.err());
    String count = fits.err().replaceAll("(?s).*ftrace: (\\d+) events.*", "$1");
    assertTrue(Integer.parseInt(count) <= 2000, fits.err());
  }

  @Test
  void traceAndFtraceCoverTheSameWindow(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("t.json");
    Path f = dir.resolve("f.txt");
    Cli.Outcome o = Cli.run(Experiment::run, "run", "--arch", "baseline", "--duration", "1s",
        "--trace", t.toString(), "--ftrace", f.toString(), "--trace-window", "0.5s..0.6s");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().contains("trace: ") && o.err().contains("ftrace: "), o.err());
    String text = Files.readString(f);
    assertTrue(text.contains("workqueue_execute_start") && text.contains("sched_switch"), text);
    assertTrue(text.lines().filter(l -> !l.startsWith("#"))
        .allMatch(l -> l.matches(".*\\] +0\\.[56]\\d{5}: .*")), "every line in 0.5..0.6 s");
  }

  /** {@code run --trace -} said {@code trace: ... written to -}: it names standard output. */
  @Test
  void aTraceToStandardOutputSaysStandardOutput() {
    Cli.Outcome o = Cli.run(Experiment::run, "run", "--arch", "v3", "--duration", "1s",
        "--trace", "-", "--trace-window", "0.5s..0.51s");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().matches("(?s).*trace: \\d+ events from 0\\.5s to 0\\.51s written to"
        + " standard output\n.*"), o.err());
    assertFalse(o.err().contains("written to -"), o.err());

    Cli.Outcome f = Cli.run(Experiment::run, "run", "--arch", "v3", "--duration", "1s",
        "--ftrace", "-", "--trace-window", "0.5s..0.51s");
    assertEquals(0, f.exit(), f.err());
    assertTrue(f.err().matches("(?s).*ftrace: \\d+ events from 0\\.5s to 0\\.51s written to"
        + " standard output\n.*"), f.err());
  }
}
