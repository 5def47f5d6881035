package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.experiment.RunSpec;
import io.bessim.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompareOutputTest {
  @Test
  void printsOneRowPerArchitectureInTheOrderGiven() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--arch", "v3,baseline,v1");

    assertEquals(0, o.exit(), o.err());
    List<String> lines = o.out().lines().toList();
    int header = indexOfLineStarting(lines, "arch ");
    // The rows, then the legend of the short headers.
    List<String> rows = lines.subList(header + 1, lines.size() - 2);
    assertEquals(3, rows.size(), o.out());
    assertTrue(rows.get(0).startsWith("v3 "));
    assertTrue(rows.get(1).startsWith("baseline "));
    assertTrue(rows.get(2).startsWith("v1 "));
  }

  @Test
  void headerNamesWorkloadDurationSeedsSharedProfileAndUnits() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--workload", "udp:2MB/s",
        "--duration", "3m", "--set", "sdio.clockHz=25000000", "--wide");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("workload udp:2MB/s"), o.out());
    assertTrue(o.out().contains("duration 180s"), o.out());
    assertTrue(o.out().contains("3 seeds (1..3)"), o.out());
    assertTrue(o.out().contains("all rows share one platform profile"), o.out());
    assertTrue(o.out().contains("sdio.clockHz=25000000"), o.out());
    assertTrue(o.out().contains("MB = 10^6 bytes"), o.out());
    for (String unit : List.of("delivered MB/s", "offered MB/s", "CPU %", "sdio_rx_work /s",
        "sdio_tx_work /s", "workqueue_execute_start /s", "bh_wakeups /s", "lock_contention /s",
        "lost updates (count)", "first WARN (s)", "wedged at (s)")) {
      assertTrue(o.out().contains(unit), unit);
    }
  }

  @Test
  void cellsShowMeanAndIntervalOrJustTheMeanForOneSeed() {
    Cli.Outcome three = Cli.run(new FakeRunner(), "compare", "--arch", "baseline");
    Cli.Outcome one = Cli.run(new FakeRunner(), "compare", "--arch", "baseline", "--seeds", "1");

    // baseline delivers 4 * 0.9 - 0.001 * seed MB/s: 3.599, 3.598, 3.597.
    assertTrue(three.out().contains("3.598±0.002"), three.out());
    assertTrue(one.out().contains(" 3.599 "), one.out());
    assertFalse(one.out().contains("±"), one.out());
  }

  @Test
  void eventColumnsCountTheSeedsThatHadThem() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--arch", "v1,v2");

    // v1 warns on seeds 1 and 3 (at 11 s and 13 s) and wedges on seed 1 only; v2 never.
    String v1 = row(o.out(), "v1");
    String v2 = row(o.out(), "v2");
    assertTrue(v1.contains("12.00 (2/3)"), v1);
    assertTrue(v1.contains("42.50 (1/3)"), v1);
    String wide = row(Cli.run(new FakeRunner(), "compare", "--arch", "v1,v2", "--wide").out(),
        "v1");
    assertTrue(wide.contains("12.00 (2/3 seeds)"), wide);
    assertTrue(v2.endsWith("-  -") || v2.matches(".*-\\s+-$"), v2);
  }

  @Test
  void seedsStartAtTheSeedBase() {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "compare", "--arch", "v2", "--seeds", "3", "--seed-base", "5");

    assertEquals(0, o.exit(), o.err());
    assertEquals(List.of(5L, 6L, 7L),
        runner.seen().stream().map(RunSpec::seed).sorted().toList());
  }

  @Test
  void everyRunSharesOnePlatformWorkloadAndDuration() {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "compare", "--duration", "1.5s", "--threads", "3");

    assertEquals(0, o.exit(), o.err());
    assertEquals(12, runner.seen().size());
    assertEquals(1, runner.seen().stream().map(RunSpec::platform).distinct().count());
    assertTrue(runner.seen().stream().allMatch(s -> s.durationPs() == Time.ms(1500)));
    assertEquals(Architecture.presets(),
        runner.seen().stream().map(RunSpec::arch).distinct().toList());
  }

  @Test
  void progressGoesToTheTerminalOnlyAndIsCleared() {
    Cli.Outcome tty = Cli.run(new FakeRunner(), true, "compare", "--arch", "v1", "--seeds", "2");
    Cli.Outcome quiet =
        Cli.run(new FakeRunner(), true, "compare", "--arch", "v1", "--seeds", "2", "--quiet");
    Cli.Outcome pipe = Cli.run(new FakeRunner(), false, "compare", "--arch", "v1", "--seeds", "2");

    assertTrue(tty.err().contains("\r[2/2] v1 seed "), tty.err());
    assertTrue(tty.err().endsWith("\r"), "progress line is erased at the end");
    assertEquals("", quiet.err());
    assertEquals("", pipe.err());
  }

  private static String row(String out, String arch) {
    return out.lines().filter(l -> l.startsWith(arch + " ")).findFirst().orElseThrow();
  }

  private static int indexOfLineStarting(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) return i;
    }
    throw new AssertionError("no line starting with " + prefix);
  }
}
