package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's one-line summary says what it does the same way, "Compares ...", "Lists ...",
 * as the command lists of 'bessim --help', 'bessim arch --help' and 'bessim sweep --help' show
 * them (not "List ..." beside "Compares ..."). The race analyses are titled by what they show,
 * and picocli's own help command is left as picocli words it.
 */
final class CommandSummariesReadAlikeTest {
  @Test
  void everySummaryStartsWithAVerbInTheThirdPerson() {
    CommandLine top = Bessim.commandLine(new CliContext(new FakeRunner(), () -> false, false));
    List<String> odd = new ArrayList<>();
    check(top, odd);
    assertEquals(List.of(), odd);
  }

  private static void check(CommandLine group, List<String> odd) {
    if (group.getCommandName().equals("race")) return;
    for (Map.Entry<String, CommandLine> e : group.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      String summary = e.getValue().getCommandSpec().usageMessage().description()[0];
      String verb = summary.split(" ")[0];
      if (!verb.endsWith("s")) {
        odd.add(e.getValue().getCommandSpec().qualifiedName() + ": " + summary);
      }
      check(e.getValue(), odd);
    }
  }
}
