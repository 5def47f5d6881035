package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script passing {@code --quiet} to every command got exit 2 ('Unknown option: '--quiet'') from
 * the commands that print no progress line: sweep table, sweep merge, arch list, arch describe and
 * race interleavings. They accept it, change nothing for it, and their help says so.
 */
final class QuietIsAcceptedByEveryCommandTest {
  @TempDir Path tmp;

  @Test
  void commandsWithoutAProgressLineAcceptQuietAndPrintTheSame() {
    String sweep = tmp.resolve("s").toString();
    assertEquals(0, Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--seeds", "2",
        "--duration", "1s", "--out", sweep, "--quiet").exit());
    String[][] commands = {
      {"sweep", "table", sweep, "--metrics", "deliveredMBps"},
      {"sweep", "merge", sweep, "--out", sweep},
      {"arch", "list"},
      {"arch", "describe", "v3"},
      {"race", "interleavings", "--arch", "v2"},
    };
    for (String[] c : commands) {
      Cli.Outcome plain = Cli.run(new FakeRunner(), c);
      List<String> withQuiet = new ArrayList<>(List.of(c));
      withQuiet.add("--quiet");
      Cli.Outcome quiet = Cli.run(new FakeRunner(), withQuiet.toArray(String[]::new));
      String what = String.join(" ", c) + " --quiet -> " + quiet.err();
      assertEquals(0, plain.exit(), plain.err());
      assertEquals(0, quiet.exit(), what);
      assertEquals(plain.out(), quiet.out(), what);
      assertEquals(plain.err(), quiet.err(), what);

      List<String> help = new ArrayList<>(List.of(c).subList(0, 2));
      help.add("--help");
      String text = Cli.run(new FakeRunner(), help.toArray(String[]::new)).out();
      // Wherever the help wraps it.
      String words = "--quiet Accepted and ignored: this command prints no progress line";
      assertTrue(text.matches("(?s).*" + words.replace(" ", "\\s+") + "\\..*"),
          String.join(" ", help) + ":\n" + text);
    }
  }
}
