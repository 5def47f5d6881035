package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * race table and race interleavings run one simulation and take its seed as --seed or
 * --seed-base, as run does (and compare, sweep, race window): a script that passes --seed-base to
 * every command is not refused by these two.
 */
final class RaceSeedTakesSeedBaseAsRunDoesTest {
  private static Object parsed(String... args) {
    CommandLine cl = Bessim.commandLine(new CliContext(new FakeRunner(), () -> false, false));
    CommandLine.ParseResult r = cl.parseArgs(args);
    while (r.hasSubcommand()) r = r.subcommand();
    return r.commandSpec().userObject();
  }

  @Test
  void raceTable() {
    assertEquals(7L, ((RaceTableCommand) parsed("race", "table", "--seed-base", "7")).seed);
    assertEquals(7L, ((RaceTableCommand) parsed("race", "table", "--seed", "7")).seed);
  }

  @Test
  void raceInterleavings() {
    assertEquals(7L, ((RaceInterleavingsCommand) parsed("race", "interleavings", "--seed-base",
        "7")).seed);
    assertEquals(7L, ((RaceInterleavingsCommand) parsed("race", "interleavings", "--seed",
        "7")).seed);
  }
}
