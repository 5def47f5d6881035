package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import io.bessim.sim.Violations;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --check}'s kernel invariants on small hand-made models: each one that a routine can break
 * is broken once, and counted once; the legal counterpart is not counted.
 */
final class KernelCheckTest {
  private static final KernelCosts COSTS = new KernelCosts(
      0, 0, 0, 0, 2 * Time.NS, 2 * Time.NS, 100 * Time.NS, 0, 0, 0, 2 * Time.US, 5 * Time.US,
      6 * Time.US, 0, 1 * Time.US);
  private static final String ATOMIC_SLEEP =
      "slept in atomic context (spinlock held, IRQs or BHs off, or in a softirq)";

  private final Simulator sim = new Simulator();
  private final Kernel kernel = new Kernel(sim, COSTS, 2);
  private final Violations violations = new Violations();

  private Map<String, Long> runChecked() {
    KernelCheck check = kernel.check(violations);
    while (sim.step(Long.MAX_VALUE)) check.afterEvent(sim.nowPs());
    return violations.counts();
  }

  @Test
  void sleepingWithASpinlockHeldIsCountedOnce() {
    SpinLock l = kernel.spinLock("l");
    kernel.startThread("t", 0, Routine.define("t", b -> b
        .spinLock(l).sleep("msleep(10)", 10 * Time.MS).spinUnlock(l)), 0);

    // One sleep: broken from the sleep to the wake-up, counted once however many events pass.
    assertEquals(Map.of(ATOMIC_SLEEP, 1L), runChecked());
  }

  @Test
  void sleepingWithBottomHalvesOffIsCounted() {
    SpinLock l = kernel.spinLock("l");
    kernel.startThread("t", 0, Routine.define("t", b -> b
        .spinLockBh(l).spinUnlock(l).sleep("msleep(1)", Time.MS)), 0);

    // spin_unlock (not _bh) leaves bottom halves off: across the sleep (one), and again when the
    // thread ends and goes idle with them still off (two).
    assertEquals(Map.of(ATOMIC_SLEEP, 2L), runChecked());
  }

  @Test
  void sleepingWithAMutexHeldIsAllowed() {
    Mutex m = kernel.mutex("m");
    kernel.startThread("t", 0, Routine.define("t", b -> b
        .mutexLock(m).sleep("msleep(10)", 10 * Time.MS).mutexUnlock(m)), 0);

    assertEquals(Map.of(), runChecked());
  }

  @Test
  void eachLostUpdateIsCountedOnTheCell() {
    // As KernelTest: CPU 1 loads inside CPU 0's window and stores over its update, twice over
    // (two pairs of threads): the cell ends at 2 where its updates sum to 4.
    Cell cell = kernel.cell("hw_bufs_used", false);
    kernel.startThread("a", 0, TestRoutines.unlockedIncrement(cell), 0);
    kernel.startThread("b", 1, TestRoutines.unlockedIncrement(cell), 5 * Time.NS);
    kernel.startThread("c", 0, TestRoutines.unlockedIncrement(cell), Time.MS);
    kernel.startThread("d", 1, TestRoutines.unlockedIncrement(cell), Time.MS + 5 * Time.NS);

    Map<String, Long> found = runChecked();

    assertEquals(2, cell.peek());
    assertEquals(2, kernel.lostUpdates());
    assertEquals(Map.of("lost update on hw_bufs_used", 2L), found);
  }

  @Test
  void readModifyWritesUnderALockLoseNothing() {
    Cell cell = kernel.cell("hw_bufs_used", false);
    SpinLock l = kernel.spinLock("tx_lock");
    Routine locked = Routine.define("inc", b -> {
      Local v = b.local("v");
      b.spinLock(l).loadForUpdate(cell, v).compute("think", 10 * Time.NS)
          .exec("v += 1", (c, t) -> c.set(v, c.get(v) + 1)).store(cell, v).spinUnlock(l);
    });
    kernel.startThread("a", 0, locked, 0);
    kernel.startThread("b", 1, locked, 5 * Time.NS);

    assertEquals(Map.of(), runChecked());
    assertEquals(2, cell.peek());
  }
}
