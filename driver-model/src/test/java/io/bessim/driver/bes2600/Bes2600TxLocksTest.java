package io.bessim.driver.bes2600;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.driver.kernel.Op;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The locks {@code bes2600_tx} holds where it puts a frame on its TX queue (txrx.c l.1181-1192).
 */
final class Bes2600TxLocksTest {
  @Test
  void queuePutRunsInsidePsStateLock() {
    assertEquals(List.of("ps_state_lock", "queue->lock"),
        locksHeldAtQueuePut(Architecture.BASELINE));
  }

  @Test
  void skippingPsStateLockLeavesTheQueueLockAlone() {
    assertEquals(List.of("queue->lock"), locksHeldAtQueuePut(
        Architecture.BASELINE.withPsStateLock(Architecture.PsStateLock.SKIPPED)));
  }

  /** Walks the routine's ops in order (it has no jumps) and lists the spinlocks held. */
  private static List<String> locksHeldAtQueuePut(Architecture a) {
    Simulator sim = new Simulator();
    // Nothing runs: the routine is walked as built, so the stack never receives a frame.
    Host h = new Host(sim, Platform.defaults(), a, new RandomStreams(1), (t, f) -> null);
    List<String> held = new ArrayList<>();
    for (Op op : h.driver().bes2600_tx.ops()) {
      switch (op.kind()) {
        case SPIN_LOCK -> held.add(op.spinLock().name());
        case SPIN_UNLOCK -> held.remove(op.spinLock().name());
        case EXEC -> {
          if (op.text().equals("bes2600_queue_put")) return held;
        }
        default -> { }
      }
    }
    throw new AssertionError("bes2600_tx has no bes2600_queue_put");
  }
}
