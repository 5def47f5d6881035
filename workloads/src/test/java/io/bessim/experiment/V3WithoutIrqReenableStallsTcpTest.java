package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * The open v3 question under TCP: with nobody re-arming the card interrupt, only the post-TX
 * irq_handler call and the bh's 5 s timeout ("Missed interrupt?") make the bh read the chip.
 */
final class V3WithoutIrqReenableStallsTcpTest {
  private record Outcome(long deliveredBytes, long timeouts, long cardIrqs) {}

  private static Outcome run(String reenable, long durationPs) {
    Experiment.Setup s = Experiment.build(new RunSpec(Architecture.V3,
        Platform.defaults().with("irq.reenable", reenable), WorkloadSpec.parse("tcp:4MB/s"),
        durationPs, 1));
    s.sim().runUntil(durationPs);
    return new Outcome(s.traffic().deliveredAppBytes(), s.host().driver().missedIrqTimeouts(),
        s.host().sdio().cardIrqs());
  }

  @Test
  void recoversOnlyByTheFiveSecondTimeout() {
    Outcome auto = run("auto", 2 * Time.S);
    Outcome none = run("none", 11 * Time.S);

    assertEquals(0, auto.timeouts());
    assertTrue(auto.deliveredBytes() > 1_000_000, "auto " + auto);
    assertEquals(1, none.cardIrqs());
    // 11 s: the bh times out at about 5 s and 10 s (buffers are out, so it waits with a timeout).
    assertTrue(none.timeouts() >= 1 && none.timeouts() <= 2, "none " + none);
    assertTrue(none.deliveredBytes() < auto.deliveredBytes() / 20, "none " + none);
  }
}
