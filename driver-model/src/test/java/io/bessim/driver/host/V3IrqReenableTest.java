package io.bessim.driver.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * {@code irq.reenable}: who re-arms the card interrupt after it fired. v3 under a 2 MB/s UDP
 * downlink for 2 simulated seconds (about 2700 frames offered).
 */
final class V3IrqReenableTest {
  private record Outcome(long delivered, long cardIrqs, long whileMasked, long enableWrites) {}

  private static Outcome run(String reenable) {
    Simulator sim = new Simulator();
    UdpSource src = new UdpSource(sim, 2e6, false);
    Platform p = Platform.defaults().with("irq.reenable", reenable);
    Host h = new Host(sim, p, Architecture.V3, new RandomStreams(1), src);
    src.start(h.air());
    sim.runUntil(2 * Time.S);
    return new Outcome(h.driver().deliveredFrames(), h.sdio().cardIrqs(),
        h.sdio().cardIrqsWhileMasked(), h.sdio().irqEnableWrites());
  }

  @Test
  void withNobodyReArmingItTheInterruptFiresOnceAndV3Stalls() {
    Outcome auto = run("auto");
    Outcome none = run("none");

    assertEquals(1, none.cardIrqs());
    assertTrue(none.whileMasked() >= 1, "the chip kept asking: " + none);
    // The bh reads until the chip is empty once, then nothing wakes it again (UDP sends nothing,
    // so no post-TX irq_handler call and no buffers out for the 5 s timeout).
    assertTrue(none.delivered() < 50, "none delivered " + none);
    assertTrue(auto.delivered() > 1000, "auto delivered " + auto);
    assertTrue(auto.cardIrqs() > 100, "auto " + auto);
    assertEquals(0, auto.enableWrites());
  }

  @Test
  void explicitReenableCostsOneCmd52PerBhPassAndKeepsDelivering() {
    Outcome auto = run("auto");
    Outcome explicit = run("explicit");

    assertTrue(explicit.enableWrites() > 100, "explicit " + explicit);
    assertTrue(explicit.delivered() > 0.8 * auto.delivered(),
        "explicit " + explicit + " vs auto " + auto);
  }

  @Test
  void unknownModeIsRejectedNamingTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Platform.defaults().with("irq.reenable", "sometimes"));

    assertEquals("parameter irq.reenable is one of preset/auto/none/explicit, got 'sometimes'",
        e.getMessage());
  }
}
