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
}
