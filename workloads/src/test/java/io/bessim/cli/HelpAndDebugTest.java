package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class HelpAndDebugTest {
  @Test
  void everySubcommandHasHelpListingTheSharedOptions() {
    for (String cmd : new String[] {"compare", "run"}) {
      Cli.Outcome o = Cli.run(new FakeRunner(), cmd, "--help");
      assertEquals(0, o.exit(), o.err());
      for (String opt : new String[] {"--arch", "--workload", "--duration", "--seed-base", "--set",
          "--profile", "--json", "--csv", "--threads", "--quiet"}) {
        assertTrue(o.out().contains(opt), cmd + " help lacks " + opt);
      }
    }
  }

  @Test
  void noSubcommandShowsUsageAndExitsTwo() {
    Cli.Outcome o = Cli.run(new FakeRunner());
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("compare"), o.err());
  }

  @Test
  void debugAddsTheStackTraceToInternalErrors() {
    StringWriter err = new StringWriter();
    int code = Bessim.executionError(new IllegalStateException("boom"), new PrintWriter(err), true);
    assertEquals(1, code);
    assertTrue(err.toString().startsWith("bessim: internal error: boom\n"), err.toString());
    assertTrue(err.toString().contains("\tat "), err.toString());
  }
}
