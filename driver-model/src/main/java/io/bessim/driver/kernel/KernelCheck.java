package io.bessim.driver.kernel;

import io.bessim.sim.Violations;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel's invariants, checked after every event by {@code --check} (Kernel#check attaches
 * it):
 *
 * <ul>
 *   <li>time never goes backwards: events fire in time order, and a running context is never
 *       behind the clock;
 *   <li>a CPU runs one context at a time: the context a CPU says it runs is running there, and no
 *       other context is running (or spinning) on it; interrupts nest: the IRQ-off, BH-off and
 *       softirq depths never go negative, and softirq frames sit on the context's own stack;
 *   <li>a work item never runs on two CPUs at once: at most one context executes its function;
 *   <li>no lock is held across a sleep in a context that may not sleep: a sleeping context holds
 *       no spinlock, has interrupts and bottom halves on and is not in a softirq (a mutex may be
 *       held: mutex_lock may sleep);
 *   <li>every shared cell holds the sum of the updates made to it; a store that overwrote another
 *       context's update breaks this, and is counted as a lost update on the cell (reported, not
 *       thrown: it is what the racy architectures do).
 * </ul>
 *
 * <p>It is the kernel's access log while attached, to follow each cell's intended value: a plain
 * store means "what I loaded, changed by my delta", so its intended change is the stored value
 * less what the same context last loaded.
 */
public final class KernelCheck implements AccessLog {
  /** Told of every update of a shared cell, with the change its writer meant to make. */
  public interface CellUpdates {
    void updated(Cell cell, Ctx ctx, long intendedDelta);
  }

  private final Scheduler sched;
  private final List<Cell> cells;
  private final List<WorkItem> workItems;
  private final Violations v;
  private final long spinLockMask;
  private final String[] lostNames;
  /** Each cell's value had no update been lost. */
  private final long[] intended;
  /** The lost-update drift last reported for each cell. */
  private final long[] drift;
  /** [ctx][cell]: the value the context last loaded from the cell. */
  private long[][] loadedValue = new long[0][];
  private boolean[][] hasLoaded = new boolean[0][];
  private long lastEventPs = Long.MIN_VALUE;
  private CellUpdates listener;

  KernelCheck(Scheduler sched, Memory memory, Locks locks, WorkQueues work, Violations v) {
    this.sched = sched;
    this.cells = memory.cells;
    this.workItems = work.workItems;
    this.v = v;
    long mask = 0;
    for (SpinLock l : locks.spinLocks) mask |= 1L << l.id;
    this.spinLockMask = mask;
    int n = cells.size();
    this.intended = new long[n];
    this.drift = new long[n];
    this.lostNames = new String[n];
    for (Cell c : cells) {
      intended[c.id] = c.value;
      lostNames[c.id] = "lost update on " + c.name();
    }
  }

  /** Adds a listener told of every cell update (the driver's buffer ledger). */
  public void setListener(CellUpdates l) {
    this.listener = l;
  }

  /** The value {@code cell} would hold had no update been lost. */
  public long intended(Cell cell) {
    return intended[cell.id];
  }

  @Override
  public void access(long atPs, Cell cell, Ctx ctx, String routine, char kind, long valueBefore,
      long valueAfter, long lockMask, boolean lost) {
    long[] loaded = loaded(ctx);
    boolean[] has = hasLoaded[ctx.id];
    if (kind == 'R' || kind == 'r') {
      loaded[cell.id] = valueBefore;
      has[cell.id] = true;
      return;
    }
    long delta;
    if (kind == 'W') {
      // A store the context made without loading first sets a value: it means what it stores.
      delta = valueAfter - (has[cell.id] ? loaded[cell.id] : valueBefore);
      has[cell.id] = false;
    } else {
      delta = valueAfter - valueBefore;
    }
    intended[cell.id] += delta;
    if (listener != null) listener.updated(cell, ctx, delta);
  }

  private long[] loaded(Ctx ctx) {
    if (ctx.id >= loadedValue.length) {
      int n = Math.max(ctx.id + 1, sched.contexts.size());
      loadedValue = Arrays.copyOf(loadedValue, n);
      hasLoaded = Arrays.copyOf(hasLoaded, n);
    }
    long[] row = loadedValue[ctx.id];
    if (row == null || row.length < cells.size()) {
      row = row == null ? new long[cells.size()] : Arrays.copyOf(row, cells.size());
      loadedValue[ctx.id] = row;
      boolean[] h = hasLoaded[ctx.id];
      hasLoaded[ctx.id] = h == null ? new boolean[cells.size()] : Arrays.copyOf(h, cells.size());
    }
    return row;
  }

  /** Checks every invariant; called after each event at {@code nowPs}. */
  public void afterEvent(long nowPs) {
    v.expect(nowPs >= lastEventPs, "time went backwards: an event fired before the one before it");
    lastEventPs = nowPs;
    boolean cpuOk = true;
    for (Cpu cpu : sched.cpus) {
      Ctx cur = cpu.current;
      if (cur != null && (cur.cpu != cpu || !onCpu(cur))) cpuOk = false;
    }
    boolean oneEach = true;
    boolean behind = false;
    boolean nesting = true;
    boolean atomicSleep = false;
    for (Ctx c : sched.contexts) {
      if (onCpu(c) && c.cpu.current != c) oneEach = false;
      if (c.state == Ctx.State.RUNNING && c.tPs < nowPs) behind = true;
      if (c.irqOff < 0 || c.bhOff < 0 || c.softirqDepth < 0 || c.softirqDepth > c.depth) {
        nesting = false;
      }
      if ((c.state == Ctx.State.BLOCKED || c.state == Ctx.State.IDLE)
          && ((c.lockMask & spinLockMask) != 0 || c.irqOff != 0 || c.bhOff != 0
              || c.softirqDepth != 0)) {
        atomicSleep = true;
      }
    }
    v.expect(cpuOk, "a CPU's current context is not the one running on it");
    v.expect(oneEach, "a CPU runs two contexts at once");
    v.expect(!behind, "time went backwards: a running context is behind the clock");
    v.expect(nesting, "interrupt or softirq nesting unbalanced");
    v.expect(!atomicSleep,
        "slept in atomic context (spinlock held, IRQs or BHs off, or in a softirq)");
    boolean single = true;
    for (WorkItem w : workItems) {
      int running = 0;
      for (Ctx c : sched.contexts) {
        if (c.depth > 0 && c.stack[0] == w.fn) running++;
      }
      if (running > 1) single = false;
    }
    v.expect(single, "a work item runs on two CPUs at once");
    for (Cell c : cells) {
      long d = c.value - intended[c.id];
      if (d != drift[c.id]) {
        drift[c.id] = d;
        v.count(lostNames[c.id]);
      }
    }
  }

  private static boolean onCpu(Ctx c) {
    return c.state == Ctx.State.RUNNING || c.state == Ctx.State.SPINNING;
  }
}
