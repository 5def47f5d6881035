package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProgressLineTest {
  @Test
  void etaIsTheTimeLeftAtThePaceSoFar() {
    // 2 of 8 done in 10 s: 6 left at 5 s each.
    assertEquals(" ETA 30s", ProgressLine.eta(2, 8, 10_000_000_000L));
    assertEquals(" ETA 1m 30s", ProgressLine.eta(1, 10, 10_000_000_000L));
    assertEquals("", ProgressLine.eta(0, 8, 10_000_000_000L));
  }

  @Test
  void showsTheEtaFromTheSecondRunOn() {
    StringWriter w = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressLine p = new ProgressLine(new PrintWriter(w), now::get);
    p.started(1, 4, "v3 seed 1");
    now.set(4_000_000_000L);
    p.started(2, 4, "v3 seed 2");
    assertTrue(w.toString().contains("[1/4] v3 seed 1 ...\r") || w.toString().contains(
        "[1/4] v3 seed 1 ..."), w.toString());
    assertTrue(w.toString().contains("[2/4] v3 seed 2 ... ETA 12s"), w.toString());
  }
}
