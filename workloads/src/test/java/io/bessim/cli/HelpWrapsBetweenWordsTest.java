package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help wraps between words only: picocli may also wrap after a '.', ':' or '/' inside a
 * token, which printed 'v3+rx.delivery=batch' as 'v3+rx.' and, on the next line,
 * 'delivery=batch', and '1.5s' as '1.5' and 's'. A break is a cut when the help printed on one
 * wide line has the two pieces joined with no space (or a comma). The usage synopsis is
 * picocli's own.
 */
final class HelpWrapsBetweenWordsTest {
  private static final String[][] COMMANDS = {
    {}, {"compare"}, {"run"}, {"arch"}, {"arch", "list"}, {"arch", "describe"}, {"sweep"},
    {"sweep", "merge"}, {"sweep", "table"}, {"calibrate"}, {"predict"}, {"report"}, {"race"},
    {"race", "table"}, {"race", "window"}, {"race", "explain"}, {"race", "interleavings"},
    {"generate-completion"}
  };

  private static String help(String[] path, int width) {
    CommandLine cl = Bessim.commandLine(new CliContext(new FakeRunner(), () -> false, false));
    for (String name : path) cl = cl.getSubcommands().get(name);
    cl.setUsageHelpWidth(width);
    return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  @Test
  void noWordIsCutAtALineEnd() {
    List<String> cuts = new ArrayList<>();
    for (String[] path : COMMANDS) {
      String wide = help(path, 2000);
      List<String> lines = help(path, 80).lines().toList();
      // Past the synopsis: the "Usage:" line and the indented lines that continue it.
      int first = 1;
      while (first < lines.size() && lines.get(first).startsWith(" ")) first++;
      for (int i = first; i + 1 < lines.size(); i++) {
        String end = lines.get(i).stripTrailing();
        String next = lines.get(i + 1).strip();
        if (end.isEmpty() || next.isEmpty()) continue;
        String last = end.substring(end.lastIndexOf(' ') + 1);
        String head = next.split(" ")[0];
        // After a comma is a fair place to wrap a list such as a default of NAME,NAME,...
        boolean joined = wide.contains(last + head) && !wide.contains(last + " " + head);
        if (joined && !last.endsWith(",")) {
          cuts.add(String.join(" ", path) + ": '" + last + "' / '" + head + "'");
        }
      }
    }
    assertEquals(List.of(), cuts);
  }
}
