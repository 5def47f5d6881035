package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bessim help race window} prints the help of {@code race window}: picocli's help command
 * takes one name and printed the help of {@code race}.
 */
final class HelpOfANestedCommandTest {
  @Test
  void aNestedNameIsAskedForAsTheCommandsOwnHelp() {
    assertArrayEquals(new String[] {"race", "window", "--help"},
        Bessim.nestedHelp(new String[] {"help", "race", "window"}));
    assertArrayEquals(new String[] {"arch", "describe", "--help"},
        Bessim.nestedHelp(new String[] {"help", "arch", "describe"}));
  }

  @Test
  void oneNameAndOtherCommandsAreLeftAsGiven() {
    String[] one = {"help", "race"};
    String[] run = {"race", "window", "--arch", "v1"};
    assertArrayEquals(one, Bessim.nestedHelp(one));
    assertArrayEquals(run, Bessim.nestedHelp(run));
  }

  @Test
  void theRewrittenArgumentsPrintTheNestedCommandsUsage() {
    Cli.Outcome o = Cli.run(new FakeRunner(),
        Bessim.nestedHelp(new String[] {"help", "race", "window"}));
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().startsWith("Usage: bessim race window "), o.out());
  }
}
