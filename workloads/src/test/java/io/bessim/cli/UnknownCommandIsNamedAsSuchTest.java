package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A mistyped command name is named as an unknown command, with the commands there are. */
final class UnknownCommandIsNamedAsSuchTest {
  @Test
  void atTheTop() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "comapre", "--duration", "1s");

    assertEquals(2, o.exit());
    assertEquals("bessim: unknown command 'comapre' (commands: compare, run, arch, sweep,"
        + " calibrate, predict, report, race, help, generate-completion)\n", o.err());
  }

  @Test
  void underACommandGroup() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "race", "tabel");

    assertEquals(2, o.exit());
    assertEquals("bessim: unknown command 'race tabel' (commands: race table, race window,"
        + " race explain, race interleavings)\n", o.err());
  }

  @Test
  void anExtraArgumentToACommandIsStillNamedAsOne() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "generate-completion", "zsh");

    assertEquals(2, o.exit());
    assertEquals("bessim: Unmatched argument at index 1: 'zsh' (see 'bessim generate-completion"
        + " --help')\n", o.err());
  }
}
