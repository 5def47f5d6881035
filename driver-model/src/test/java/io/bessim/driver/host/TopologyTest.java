package io.bessim.driver.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import org.junit.jupiter.api.Test;

final class TopologyTest {
  @Test
  void v3HasNoRxWorkAndTheIrqWakesTheBhDirectly() {
    Topology t = Topology.of(Architecture.V3, Platform.defaults());
    assertFalse(t.nodes().containsKey("sdio_rx_work"));
    assertTrue(t.edges().stream().anyMatch(
        e -> e.from().equals("sdio_irq_work") && e.to().equals("bes2600_bh")));
    assertTrue(t.toText().contains("1 work dispatch and 1 wait-queue wake-up"));
  }

  @Test
  void baselineRelaysThroughRxWorkAndRxQueue() {
    Topology t = Topology.of(Architecture.BASELINE, Platform.defaults());
    assertTrue(t.edges().stream().anyMatch(
        e -> e.from().equals("sdio_rx_work") && e.to().equals("bes2600_bh")
            && e.how().contains("rx_queue")));
    assertTrue(t.toText().contains("2 work dispatches and 1 wait-queue wake-up"));
  }

  @Test
  void dotHasOneLineForEveryEdge() {
    Topology t = Topology.of(Architecture.V1, Platform.defaults());
    long arrows = t.toDot().lines().filter(l -> l.contains("->")).count();
    assertEquals(t.edges().size(), arrows);
    assertTrue(t.toDot().startsWith("digraph"));
  }

  @Test
  void aKnobMovesAPresetToAnotherPoint() {
    Architecture s = Architecture.V1.under(Platform.defaults().with("arch.counters", "atomic"));
    assertEquals(Architecture.V2.counters(), s.counters());
    assertEquals(Architecture.RxPath.DIRECT, s.rxPath());
  }
}
