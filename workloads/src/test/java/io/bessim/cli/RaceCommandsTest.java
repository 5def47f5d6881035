package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The race subcommands: what they print, determinism across thread counts, bad input. */
final class RaceCommandsTest {
  private static Cli.Outcome run(String... args) {
    return Cli.run(new FakeRunner(), args);
  }

  @Test
  void tableOfAllArchitecturesListsTheCountersAndFlagsV1() {
    Cli.Outcome o = run("race", "table", "--arch", "baseline,v1,v2,v3", "--duration", "3s");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("hw_bufs_used_vif[0]"), o.out());
    assertTrue(o.out().contains("wsm_tx_pending[0]"), o.out());
    assertTrue(o.out().contains("baseline: none; v1: hw_bufs_used, hw_bufs_used_vif[0],"
        + " wsm_tx_pending[0]; v2: none; v3: none"), o.out());
  }

  @Test
  void windowOutputDoesNotDependOnThreads() {
    String[] args = {"race", "window", "--arch", "v1,v3", "--seeds", "3", "--duration", "4s"};
    Cli.Outcome one = Cli.run(new FakeRunner(), concat(args, "--threads", "1"));
    Cli.Outcome three = Cli.run(new FakeRunner(), concat(args, "--threads", "3"));
    assertEquals(0, one.exit(), one.err());
    assertEquals(one.out(), three.out());
    // Seeds 2 and 3 warn within 4 s, seed 1 does not (the race is timing).
    assertTrue(one.out().contains("first WARN in 2 of 3 seeds"), one.out());
    assertTrue(one.out().contains("why no lost update: only bes2600_bh writes it"), one.out());
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args : new String[][] {
        {"race", "table", "--arch", "v9"},
        {"race", "table", "--arch", "v1,v1"},
        {"race", "table", "--arch", "v1", "--duration", "-3s"},
        {"race", "window", "--seeds", "0"},
        {"race", "window", "--workload", "tcp:fast"},
        {"race", "window", "--threads", "0"},
        {"race", "table", "--arch", "v1", "--set", "host.irqCpu=9"},
        {"race"}}) {
      Cli.Outcome o = run(args);
      assertEquals(2, o.exit(), String.join(" ", args) + ": " + o.err());
      if (args.length > 1) {
        assertEquals(1, o.err().strip().lines().count(), String.join(" ", args) + ": " + o.err());
      }
      assertEquals("", o.out());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
