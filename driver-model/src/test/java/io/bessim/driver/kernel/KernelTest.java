package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the host kernel model with round-number costs so every expected time can be worked
 * out by hand: loads, stores, atomics, cache lines, mutex, queue_work, wake_up calls and WARNs are
 * free; a spin_lock costs 2 ns (1 ns to take, 1 ns to release); a lock handoff 100 ns; a context
 * switch 2 us; a wake-up 5 us on the same CPU and 6 us across CPUs; the worker loop 1 us.
 */
final class KernelTest {
  private static final long SPIN = 2 * Time.NS;
  private static final long HANDOFF = 100 * Time.NS;
  private static final long SWITCH = 2 * Time.US;
  private static final long WAKE_SAME = 5 * Time.US;
  private static final long WAKE_CROSS = 6 * Time.US;
  private static final long WORK_LOOP = 1 * Time.US;

  private static final KernelCosts COSTS = new KernelCosts(
      0, 0, 0, 0, SPIN, SPIN, HANDOFF, 0, 0, 0, SWITCH, WAKE_SAME, WAKE_CROSS, 0, WORK_LOOP);

  private final Simulator sim = new Simulator();
  private final Kernel kernel = new Kernel(sim, COSTS, 2);
  /** Times at which the "mark" exec ops ran, in order. */
  private final List<Long> marks = new ArrayList<>();

  private void mark(Ctx c, long nowPs) {
    marks.add(nowPs);
  }

  private static Routine computeFor(long ps) {
    return Routine.define("compute", b -> b.compute("busy", ps));
  }

  // ---------------------------------------------------------------- workqueues

  @Test
  void queueWorkOnPendingItemDoesNothing() {
    WorkItem w = kernel.workItem("rx", "wq", Routine.define("rx_work", b -> b.exec("mark",
        this::mark)), 6 * Time.US, true);

    assertTrue(kernel.queueWork(w, 0, 0));
    assertFalse(kernel.queueWork(w, 0, 0));
    sim.run();

    assertEquals(1, w.executions());
    assertEquals(1, w.coalesced());
    assertEquals(1, w.queued());
    assertEquals(List.of(6 * Time.US), marks);
    assertFalse(w.isPending());
    assertFalse(w.isRunning());
  }

  @Test
  void workQueuedWhileRunningRunsAgain() {
    // Run 1: dispatched 6 us after queueing at 0, so 6 us .. 106 us. The queue_work at 50 us finds
    // it running (not pending), so it is pending again and the worker loops: run 2 starts at
    // 106 us + 1 us worker loop = 107 us and ends at 207 us.
    WorkItem w = kernel.workItem("tx", "wq", Routine.define("tx_work", b -> b
        .exec("mark", this::mark)
        .compute("send", 100 * Time.US)), 6 * Time.US, true);
    kernel.queueWork(w, 0, 0);
    sim.scheduleAt(50 * Time.US, (t, a) -> assertTrue(kernel.queueWork(w, 0, t)), 0);
    sim.run();

    assertEquals(2, w.executions());
    assertEquals(1, w.redispatches());
    assertEquals(0, w.coalesced());
    assertEquals(List.of(6 * Time.US, 107 * Time.US), marks);
    // On the CPU from 6 us to 207 us: two 100 us runs and the 1 us worker loop between them.
    assertEquals(201 * Time.US, w.worker().cpuTimePs());
    assertFalse(w.isRunning());
  }

  @Test
  void workQueuedOnIdleCpuStartsAfterItsDispatchLatency() {
    WorkItem w = kernel.workItem("bh", "wq", Routine.define("bh_work", b -> b.exec("mark",
        this::mark)), 6 * Time.US, true);
    kernel.queueWork(w, 1, 0);
    sim.run();

    assertEquals(List.of(6 * Time.US), marks);
    assertEquals(1, w.worker().cpuId());
  }

  @Test
  void workItemNeverRunsOnTheCpuBeforeTheThreadThereFinishes() {
    // A thread computes 0 .. 100 us on CPU 0; a queue_work at 10 us from an IRQ finds CPU 0 busy,
    // so the worker waits in the run queue and starts at 100 us + 2 us context switch.
    kernel.startThread("t", 0, computeFor(100 * Time.US), 0);
    WorkItem w = kernel.workItem("bh", "wq", Routine.define("bh_work", b -> b.exec("mark",
        this::mark)), 6 * Time.US, true);
    sim.scheduleAt(10 * Time.US, (t, a) -> kernel.queueWork(w, 0, t), 0);
    sim.run();

    assertEquals(List.of(102 * Time.US), marks);
  }

  // ---------------------------------------------------------------- shared memory

  @Test
  void unlockedReadModifyWriteOnTwoCpusLosesAnUpdate() {
    // CPU 0 loads 0 at 0 ns and stores 1 at 10 ns; CPU 1 loads 0 at 5 ns (inside that window)
    // and stores 1 at 15 ns over the first update: one lost.
    Cell cell = kernel.cell("tx_pending", false);
    kernel.startThread("a", 0, TestRoutines.unlockedIncrement(cell), 0);
    kernel.startThread("b", 1, TestRoutines.unlockedIncrement(cell), 5 * Time.NS);
    sim.run();

    assertEquals(1, cell.peek());
    assertEquals(1, cell.lostUpdates());
    assertEquals(1, kernel.lostUpdates());
    assertEquals(15 * Time.NS, cell.firstLostUpdatePs());
    assertEquals(1, cell.overlaps());
    assertEquals(2, cell.rmwWindows());
    assertEquals(20 * Time.NS, cell.rmwWindowPsTotal());
  }

  @Test
  void atomicAddOnTwoCpusLosesNothing() {
    Cell cell = kernel.cell("tx_pending", true);
    Routine inc = Routine.define("inc", b -> b
        .compute("think", 10 * Time.NS)
        .atomicAdd(cell, c -> 1));
    kernel.startThread("a", 0, inc, 0);
    kernel.startThread("b", 1, inc, 5 * Time.NS);
    sim.run();

    assertEquals(2, cell.peek());
    assertEquals(0, cell.lostUpdates());
    assertEquals(0, kernel.lostUpdates());
  }

  @Test
  void unlockedReadModifyWritesThatDoNotOverlapLoseNothing() {
    // Windows 0 .. 10 ns and 1000 .. 1010 ns.
    Cell cell = kernel.cell("tx_pending", false);
    kernel.startThread("a", 0, TestRoutines.unlockedIncrement(cell), 0);
    kernel.startThread("b", 1, TestRoutines.unlockedIncrement(cell), 1 * Time.US);
    sim.run();

    assertEquals(2, cell.peek());
    assertEquals(0, cell.lostUpdates());
    assertEquals(0, kernel.lostUpdates());
    assertEquals(0, cell.overlaps());
  }

  @Test
  void storeToACellMovesItsWholeCacheLineToTheWritersCpu() {
    // A 50 ns line transfer, loads and stores free. CPU 0 writes ba_cnt at 0; CPU 1 loads
    // ba_cnt_rx at 1 us. In one line (bes2600.h declares them side by side) the load fetches the
    // line CPU 0 wrote and the next op starts at 1 us + 50 ns; in lines of their own, at 1 us.
    assertEquals(List.of(1050 * Time.NS), loadAfterNeighbourStore(true));
    assertEquals(List.of(1000 * Time.NS), loadAfterNeighbourStore(false));
  }

  @Test
  void aCellIsInOneCacheLineAtMost() {
    Cell a = kernel.cell("ba_cnt", true);
    Cell b = kernel.cell("ba_cnt_rx", true);
    Cell c = kernel.cell("ba_acc", true);
    kernel.sameCacheLine(a, b);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> kernel.sameCacheLine(b, c));
    assertEquals("ba_cnt_rx already shares a cache line: declare a line's cells in one call",
        e.getMessage());
  }

  private List<Long> loadAfterNeighbourStore(boolean oneLine) {
    Simulator s = new Simulator();
    Kernel k = new Kernel(s, new KernelCosts(
        0, 0, 0, 50 * Time.NS, SPIN, SPIN, HANDOFF, 0, 0, 0, SWITCH, WAKE_SAME, WAKE_CROSS, 0,
        WORK_LOOP), 2);
    Cell tx = k.cell("ba_cnt", true);
    Cell rx = k.cell("ba_cnt_rx", true);
    if (oneLine) k.sameCacheLine(tx, rx);
    List<Long> at = new ArrayList<>();
    k.startThread("tx", 0, Routine.define("tx", b -> b.atomicAdd(tx, c -> 1)), 0);
    k.startThread("rx", 1, Routine.define("rx", b -> {
      Local v = b.local("v");
      b.load(rx, v).exec("mark", (c, t) -> at.add(t));
    }), 1 * Time.US);
    s.run();
    return at;
  }

  // ---------------------------------------------------------------- locks

  @Test
  void contendedSpinLockIsHandedOverWhenReleased() {
    // a: takes the lock at 0 (done at 1 ns), computes 10 us, releases at 10 us + 2 ns.
    // b: tries at 1 us, spins; gets it at 10 us + 2 ns + 100 ns handoff = 10.102 us.
    SpinLock l = kernel.spinLock("queue_lock");
    kernel.startThread("a", 0, Routine.define("a", b -> b
        .spinLock(l).compute("hold", 10 * Time.US).spinUnlock(l)), 0);
    kernel.startThread("b", 1, Routine.define("b", b -> b
        .spinLock(l).exec("mark", this::mark).spinUnlock(l)), 1 * Time.US);
    sim.run();

    assertEquals(1, l.contentions());
    assertEquals(2, l.acquisitions());
    assertEquals(1, kernel.lockContentions());
    assertEquals(List.of(10 * Time.US + 102 * Time.NS), marks);
  }

  @Test
  void spinLockCostIsSplitBetweenLockAndUnlockWhenOdd() {
    // A 3 ps lock: 1 ps at the lock (3 / 2 rounded down), the other 2 ps at the unlock.
    Simulator oddSim = new Simulator();
    Kernel odd = new Kernel(oddSim, new KernelCosts(
        0, 0, 0, 0, 3, 3, HANDOFF, 0, 0, 0, SWITCH, WAKE_SAME, WAKE_CROSS, 0, WORK_LOOP), 1);
    SpinLock l = odd.spinLock("odd_lock");
    odd.startThread("a", 0, Routine.define("a", b -> b
        .spinLock(l).exec("mark", this::mark).spinUnlock(l).exec("mark", this::mark)), 0);
    oddSim.run();

    assertEquals(List.of(1L, 3L), marks);
  }

  @Test
  void negativeSpinLockCostIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KernelCosts(
        0, 0, 0, 0, -2, 2, HANDOFF, 0, 0, 0, SWITCH, WAKE_SAME, WAKE_CROSS, 0, WORK_LOOP));
    assertTrue(e.getMessage().contains("negative spinlock cost"), e.getMessage());
  }

  @Test
  void contendedMutexSleepsAndFreesTheCpu() {
    // a on CPU 0 holds the mutex 0 .. 10 us. b on CPU 1 blocks at 1 us, so c, started on CPU 1 at
    // 2 us, runs at once. a's unlock at 10 us wakes b across CPUs: 10 + 6 = 16 us.
    Mutex m = kernel.mutex("conf_mutex");
    List<String> order = new ArrayList<>();
    kernel.startThread("a", 0, Routine.define("a", b -> b
        .mutexLock(m).compute("hold", 10 * Time.US).mutexUnlock(m)), 0);
    kernel.startThread("b", 1, Routine.define("b", b -> b
        .mutexLock(m).exec("mark", (c, t) -> order.add("b@" + t)).mutexUnlock(m)), 1 * Time.US);
    kernel.startThread("c", 1, Routine.define("c", b -> b
        .exec("mark", (c, t) -> order.add("c@" + t))), 2 * Time.US);
    sim.run();

    assertEquals(1, m.contentions());
    assertEquals(2, m.acquisitions());
    assertEquals(1, kernel.lockContentions());
    assertEquals(List.of("c@" + 2 * Time.US, "b@" + 16 * Time.US), order);
    assertFalse(m.isHeld());
  }

  // ---------------------------------------------------------------- hard IRQs

  @Test
  void hardIrqDelaysTheThreadItPreempts() {
    // 0 .. 100 us compute, plus a 10 us IRQ landing at 30 us: the thread reaches its mark at 110 us;
    // the IRQ's action fires at its end, 40 us.
    kernel.startThread("t", 0, Routine.define("t", b -> b
        .compute("busy", 100 * Time.US).exec("mark", this::mark)), 0);
    List<Long> irqEnd = new ArrayList<>();
    sim.scheduleAt(30 * Time.US,
        (t, a) -> kernel.hardIrq(0, t, 10 * Time.US, (t2, a2) -> irqEnd.add(t2), 0), 0);
    sim.run();

    assertEquals(List.of(110 * Time.US), marks);
    assertEquals(List.of(40 * Time.US), irqEnd);
    assertEquals(1, kernel.irqs());
  }

  @Test
  void hardIrqUnderSpinLockIrqsaveWaitsForTheIrqrestore() {
    // Lock taken 0 .. 1 ns, 50 us held, released at 50 us + 2 ns. The IRQ raised at 20 us is
    // deferred to then: it runs 50.002 .. 60.002 us, and the thread, preempted by it, reaches its
    // mark at 60.002 us.
    SpinLock l = kernel.spinLock("irq_lock");
    kernel.startThread("t", 0, Routine.define("t", b -> b
        .spinLockIrqsave(l)
        .compute("hold", 50 * Time.US)
        .spinUnlockIrqrestore(l)
        .exec("mark", this::mark)), 0);
    List<Long> irqEnd = new ArrayList<>();
    sim.scheduleAt(20 * Time.US,
        (t, a) -> kernel.hardIrq(0, t, 10 * Time.US, (t2, a2) -> irqEnd.add(t2), 0), 0);
    sim.run();

    long release = 50 * Time.US + SPIN;
    assertEquals(List.of(release + 10 * Time.US), irqEnd);
    assertEquals(List.of(release + 10 * Time.US), marks);
  }

  // ---------------------------------------------------------------- wait queues

  @Test
  void waitEventSleepsUntilWokenFromTheSameCpu() {
    boolean[] cond = {false};
    WaitQueue q = kernel.waitQueue("bh_wq", c -> cond[0]);
    Ctx t = kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .waitEvent(q, c -> 0).exec("mark", this::mark)), 0);
    sim.scheduleAt(10 * Time.US, (now, a) -> {
      cond[0] = true;
      assertTrue(kernel.wakeUp(q, 0, now));
    }, 0);
    sim.run();

    // Woken at 10 us from CPU 0: 5 us same-CPU wake latency.
    assertEquals(List.of(15 * Time.US), marks);
    assertEquals(1, q.wakeups());
    assertFalse(t.timedOut());
  }

  @Test
  void wakeUpFromAnotherCpuCostsTheCrossCpuLatency() {
    boolean[] cond = {false};
    WaitQueue q = kernel.waitQueue("bh_wq", c -> cond[0]);
    kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .waitEvent(q, c -> 0).exec("mark", this::mark)), 0);
    sim.scheduleAt(10 * Time.US, (now, a) -> {
      cond[0] = true;
      kernel.wakeUp(q, 1, now);
    }, 0);
    sim.run();

    assertEquals(List.of(16 * Time.US), marks);
  }

  @Test
  void waitEventWhoseConditionHoldsDoesNotSleep() {
    WaitQueue q = kernel.waitQueue("bh_wq", c -> true);
    kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .compute("x", 1 * Time.US).waitEvent(q, c -> 0).exec("mark", this::mark)), 0);
    sim.run();

    assertEquals(List.of(1 * Time.US), marks);
  }

  @Test
  void waitEventTimesOut() {
    // Sleeps at 0 with a 100 us timeout; nobody wakes it: resumes at 100 + 5 us, timed out.
    WaitQueue q = kernel.waitQueue("bh_wq", c -> false);
    boolean[] timedOut = {false};
    Ctx t = kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .waitEvent(q, c -> 100 * Time.US)
        .exec("mark", (c, now) -> {
          timedOut[0] = c.timedOut();
          mark(c, now);
        })), 0);
    sim.run();

    assertTrue(timedOut[0]);
    assertTrue(t.timedOut());
    assertEquals(1, q.timeouts());
    assertEquals(0, q.wakeups());
    assertEquals(List.of(105 * Time.US), marks);
  }

  // ---------------------------------------------------------------- CPU time

  @Test
  void busyTimeCountsEachThreadsCompute() {
    // 2 threads x 100 us on 2 CPUs = 200 us of CPU time.
    Ctx a = kernel.startThread("a", 0, computeFor(100 * Time.US), 0);
    Ctx b = kernel.startThread("b", 1, computeFor(100 * Time.US), 0);
    sim.run();

    assertEquals(200 * Time.US, kernel.busyPs(sim.nowPs()));
    assertEquals(100 * Time.US, a.cpuTimePs());
    assertEquals(100 * Time.US, b.cpuTimePs());
  }

  @Test
  void threadsSharingACpuRunOneAfterTheOther() {
    // a runs 0 .. 100 us; b, woken at 10 us on the same busy CPU, waits in the run queue and
    // starts after a 2 us context switch: 102 .. 202 us. CPU 0 is busy 200 us plus the switch.
    kernel.startThread("a", 0, computeFor(100 * Time.US), 0);
    kernel.startThread("b", 0, Routine.define("b", b -> b
        .exec("mark", this::mark).compute("busy", 100 * Time.US)), 10 * Time.US);
    sim.run();

    assertEquals(List.of(102 * Time.US), marks);
    assertEquals(202 * Time.US, kernel.busyPs(sim.nowPs()));
  }

  // ---------------------------------------------------------------- softirqs

  @Test
  void softirqRaisedUnderBhLockRunsAtSpinUnlockBhInTheRaiser() {
    // Lock at 0 .. 1 ns, raise, 1 us compute, unlock_bh done at 1 us + 2 ns: the handler runs
    // there in the same thread, then the thread goes on.
    SpinLock l = kernel.spinLock("rx_lock");
    List<String> seen = new ArrayList<>();
    Routine handler = Routine.define("net_rx_action", b -> b.exec("rx",
        (c, t) -> seen.add(c.name() + (c.inSoftirq() ? " in softirq@" : "@") + t)));
    kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .spinLockBh(l)
        .raiseSoftirq("raise", handler)
        .compute("x", 1 * Time.US)
        .exec("before unlock", (c, t) -> seen.add("unlocking@" + t))
        .spinUnlockBh(l)
        .exec("after", (c, t) -> seen.add("after@" + t))), 0);
    sim.run();

    long unlocked = 1 * Time.US + SPIN;
    assertEquals(List.of("unlocking@" + (1 * Time.US + 1 * Time.NS),
        "bh in softirq@" + unlocked, "after@" + unlocked), seen);
  }

  @Test
  void softirqRaisedByAThreadThatSleepsRunsInKsoftirqd() {
    // Raised at 0, the raiser sleeps at 1 us: ksoftirqd/0 is woken, 1 + 5 = 6 us.
    List<String> seen = new ArrayList<>();
    Routine handler = Routine.define("net_rx_action", b -> b.exec("rx",
        (c, t) -> seen.add(c.name() + (c.inSoftirq() ? " in softirq@" : "@") + t)));
    kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .raiseSoftirq("raise", handler)
        .compute("x", 1 * Time.US)
        .sleep("msleep", 100 * Time.US)), 0);
    sim.run();

    assertEquals(List.of("ksoftirqd/0 in softirq@" + 6 * Time.US), seen);
  }

  @Test
  void softirqHandlerIsHandedTheObjectAndANullObjectRaisesNothing() {
    List<String> seen = new ArrayList<>();
    Routine handler = Routine.define("ieee80211_rx", b -> {
      Ref<String> skb = b.refParam("skb");
      b.exec("rx", (c, t) -> seen.add(c.get(skb) + "@" + t));
    });
    kernel.startThread("bh", 0, Routine.define("bh", b -> b
        .raiseSoftirq("nothing to hand over", handler, c -> null)
        .raiseSoftirq("ieee80211_rx_irqsafe", handler, c -> "skb")
        .localBhEnable()), 0);
    sim.run();

    assertEquals(List.of("skb@0"), seen);
  }
}
