package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class UnexpectedFailureIsOneLineExitOneTest {
  @Test
  void runnerFailureIsAnInternalErrorNamingTheRun() {
    Cli.Outcome o = Cli.run(spec -> {
      throw new IllegalStateException("boom");
    }, "compare", "--arch", "v2", "--seeds", "1");

    assertEquals(1, o.exit());
    assertEquals("bessim: internal error: run v2 seed 1 failed: boom"
        + " (set BESSIM_DEBUG=1 for details)", o.err().strip());
  }

  @Test
  void illegalArgumentInsideTheSimulatorIsNotBlamedOnTheUser() {
    Cli.Outcome o = Cli.run(spec -> {
      throw new IllegalArgumentException("bad internal state");
    }, "run", "--arch", "v1");

    assertEquals(1, o.exit());
    assertTrue(o.err().startsWith("bessim: internal error: "), o.err());
    assertEquals(1, o.err().strip().lines().count());
  }
}
