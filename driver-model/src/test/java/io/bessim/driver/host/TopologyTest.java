package io.bessim.driver.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import org.junit.jupiter.api.Test;

/** The topology is derived from the routines each architecture builds, never written by hand. */
final class TopologyTest {
  @Test
  void v3HasNoRxWorkAndTheIrqWakesTheBhDirectly() {
    Topology t = Topology.of(Architecture.V3, Platform.defaults());

    assertFalse(t.nodes().containsKey("sdio_rx_work"));
    assertFalse(t.toText().contains("sdio_rx_work"));
    assertTrue(hasEdge(t, "sdio_irq_work", "bes2600_bh"));
    assertTrue(t.toText().contains("1 work dispatch and 1 wait-queue wake-up"), t.toText());
  }

  @Test
  void baselineRelaysThroughRxWorkWhichWakesTheBh() {
    Topology t = Topology.of(Architecture.BASELINE, Platform.defaults());

    assertTrue(hasEdge(t, "sdio_irq_work", "sdio_rx_work"));
    assertTrue(hasEdge(t, "sdio_rx_work", "bes2600_bh"));
    // pipe_read's speculative poll: an empty rx_queue with buffers out queues rx_work again.
    assertTrue(hasEdge(t, "bes2600_bh", "sdio_rx_work"));
    assertTrue(t.toText().contains("2 work dispatches and 1 wait-queue wake-up"), t.toText());
  }

  @Test
  void v3WithThePostWritePollQueuedAsRxWorkRunsRxWork() {
    // The case a hand-written topology got wrong: the knob brings sdio_rx_work back.
    Topology t = Topology.of(Architecture.V3,
        Platform.defaults().with("arch.afterTx", "queue-rx-work"));

    assertTrue(t.nodes().containsKey("sdio_rx_work"));
    assertTrue(hasEdge(t, "sdio_tx_work", "sdio_rx_work"));
  }

  @Test
  void withoutThePostWritePollTxWorkWakesNothing() {
    Topology t = Topology.of(Architecture.V3,
        Platform.defaults().with("tx.pollAfterWrite", "false"));

    assertTrue(t.edges().stream().noneMatch(e -> e.from().equals("sdio_tx_work")));
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

  private static boolean hasEdge(Topology t, String from, String to) {
    return t.edges().stream().anyMatch(e -> e.from().equals(from) && e.to().equals(to));
  }
}
