package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command offers {@code --version} (mixinStandardHelpOptions), and {@code arch},
 * {@code arch list}, {@code arch describe} and {@code generate-completion} printed an empty line
 * for it, exit 0: they named no version provider. Each prints the line {@code bessim --version}
 * prints.
 */
final class EveryCommandPrintsTheVersionTest {
  @Test
  void everyCommandWithAVersionOptionPrintsTheVersionLine() {
    String expected = Cli.run(new FakeRunner(), "--version").out();
    assertTrue(expected.startsWith(Bessim.VERSION + " (commit "), expected);
    CommandLine full = Bessim.commandLine(new CliContext(new FakeRunner(), () -> false, false));
    List<List<String>> paths = new ArrayList<>();
    collect(full, List.of(), paths);
    // 17 today: nine top-level commands, sweep's two, race's four and arch's two, help aside.
    assertTrue(paths.size() >= 17 && paths.contains(List.of("arch", "describe"))
        && paths.contains(List.of("generate-completion")), paths.toString());
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--version");
      Cli.Outcome o = Cli.run(new FakeRunner(), args.toArray(String[]::new));
      assertEquals(0, o.exit(), path + ": " + o.err());
      assertEquals(expected, o.out(), path.toString());
    }
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      if (e.getValue().getCommandSpec().findOption("--version") != null) out.add(p);
      collect(e.getValue(), p, out);
    }
  }
}
