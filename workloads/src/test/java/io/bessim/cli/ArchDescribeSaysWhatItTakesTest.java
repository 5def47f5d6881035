package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code arch describe}'s help names every ARCH it takes and what '-' does with --dot. */
final class ArchDescribeSaysWhatItTakesTest {
  @Test
  void helpNamesVariantsAndStandardOutput() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "arch", "describe", "--help");
    assertEquals(0, o.exit(), o.err());
    // Each example whole on one line: picocli may break a dotted name after its dot.
    assertTrue(o.out().contains(" v3+rx.delivery=batch."), o.out());
    assertTrue(o.out().contains(" arch.afterTx=wake-bh."), o.out());
    String help = o.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("A preset (baseline, v1, v2, v3) or a variant, e.g."), help);
    assertTrue(help.contains("('-': standard output, the description then goes to standard"
        + " error)"), help);
  }

  @Test
  void dotOnStandardOutputSaysSo() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "arch", "describe", "v3+rx.delivery=batch",
        "--dot", "-");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().startsWith("digraph"), o.out());
    assertTrue(o.err().contains("DOT written to standard output"), o.err());
    assertFalse(o.err().contains("dot -Tsvg - "), o.err());
  }
}
