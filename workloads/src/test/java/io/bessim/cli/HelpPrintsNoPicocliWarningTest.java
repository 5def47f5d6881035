package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every help text renders as written. picocli formats descriptions with String.format, so a bare
 * '%' (as in "95% intervals") made it print "[picocli WARN] Could not format ..." on standard
 * error above the usage of `bessim --help` and `bessim report --help`. picocli's warnings bypass
 * the command line's own writers, so standard error itself is captured here.
 */
final class HelpPrintsNoPicocliWarningTest {
  @Test
  void everyCommandsUsageRendersWithoutAWarning() {
    CommandLine root = Bessim.commandLine(new FakeRunner());
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    // The tree as help lists it, nested commands (race explain, arch list) included.
    assertTrue(all.size() >= 12, "only " + all.size() + " commands");
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter usage = new StringWriter();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine c : all) c.usage(new PrintWriter(usage));
    } finally {
      System.setErr(saved);
    }
    String warnings = captured.toString(StandardCharsets.UTF_8);
    assertEquals("", warnings, "help printed warnings");
    assertTrue(usage.toString().contains("bars with 95% intervals"), "the report's help");
    assertFalse(usage.toString().contains("95%% intervals"), "an escape shown as typed");
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    for (CommandLine sub : c.getSubcommands().values()) {
      // Aliases map to the same command; each is rendered once.
      if (!into.contains(sub)) collect(sub, into);
    }
  }
}
