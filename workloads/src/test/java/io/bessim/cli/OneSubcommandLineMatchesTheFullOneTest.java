package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code main} builds only the subcommand its first argument names: that command must be the one
 * the full command line has, its nested subcommands and help included.
 */
class OneSubcommandLineMatchesTheFullOneTest {
  private static CliContext context() {
    return new CliContext(new FakeRunner(), () -> false, false);
  }

  @Test
  void eachSubcommandAloneHasTheFullTreesHelpAndNestedCommands() {
    CommandLine full = Bessim.commandLine(context());
    Map<String, CommandLine> all = full.getSubcommands();
    assertEquals(Bessim.SUBCOMMANDS.size(), all.size());
    for (String name : all.keySet()) {
      CommandLine one = Bessim.commandLine(context(), name);
      CommandLine mine = one.getSubcommands().get(name);
      if (name.equals("help") || name.equals("generate-completion")) {
        // The help index and the completion script are about the whole tree.
        assertEquals(all.keySet(), one.getSubcommands().keySet(), name + " sees every command");
        continue;
      }
      assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()), name);
      assertEquals(all.get(name).getUsageMessage(), mine.getUsageMessage(), name);
      for (var nested : all.get(name).getSubcommands().entrySet()) {
        assertEquals(nested.getValue().getUsageMessage(),
            mine.getSubcommands().get(nested.getKey()).getUsageMessage(),
            name + " " + nested.getKey());
      }
    }
  }

  @Test
  void noOrAnUnknownFirstArgumentGetsEveryCommand() {
    for (String first : new String[] {null, "--version", "compre", "help"}) {
      assertEquals(Bessim.SUBCOMMANDS.size(),
          Bessim.commandLine(context(), first).getSubcommands().size(), String.valueOf(first));
    }
  }
}
