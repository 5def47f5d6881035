package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.List;

/**
 * Spinlocks, mutexes and the MMC host claim. A contended spinlock keeps the waiter spinning on its
 * CPU until the holder's unlock hands it over (FIFO, after a handoff latency); the irqsave and bh
 * variants hold off hard IRQs (delivered at the irqrestore) and softirqs meanwhile. A contended
 * mutex or host claim puts the waiter to sleep until the unlock hands it over and wakes it. Each
 * lock is one bit of a context's lock mask while held (at most 63 locks).
 */
final class Locks {
  private final KernelCosts costs;
  private final Scheduler sched;
  private final Interrupts interrupts;
  final List<SpinLock> spinLocks = new ArrayList<>();
  final List<Mutex> mutexes = new ArrayList<>();
  private long contentions;
  private long hostClaimWaits;

  KernelTracer tracer;

  Locks(KernelCosts costs, Scheduler sched, Interrupts interrupts) {
    this.costs = costs;
    this.sched = sched;
    this.interrupts = interrupts;
  }

  SpinLock spinLock(String name) {
    checkState(spinLocks.size() + mutexes.size() < 63, "too many locks");
    SpinLock l = new SpinLock(name, spinLocks.size() + mutexes.size());
    spinLocks.add(l);
    sched.addSpinLock(l);
    return l;
  }

  Mutex mutex(String name, boolean hostClaim) {
    Mutex m = new Mutex(name, spinLocks.size() + mutexes.size(), hostClaim);
    mutexes.add(m);
    return m;
  }

  /** Contended spinlocks and mutexes: what the lock:contention_begin tracepoint counts. */
  long contentions() {
    return contentions;
  }

  long hostClaimWaits() {
    return hostClaimWaits;
  }

  /**
   * Takes the op's spinlock (half the lock cost now, the other half at the unlock), or starts
   * spinning and returns false: the context resumes when the holder hands the lock over.
   */
  boolean spinLock(Ctx c, Op op, long t) {
    SpinLock l = op.lock;
    if (op.irqSave) c.irqOff++;
    if (op.bh) c.bhOff++;
    long cost = op.irqSave ? costs.spinLockIrqPs() : costs.spinLockPs();
    if (l.holder == null) {
      l.holder = c;
      l.acquisitions++;
      c.lockMask |= 1L << l.id;
      // Costs are never negative, so a shift halves them as / 2 does; C1 compiles a long division
      // as a call into the runtime.
      c.tPs = t + (cost >> 1);
      return true;
    }
    checkState(l.holder != c, "%s: recursive spin_lock(%s) deadlocks", c, l);
    l.contentions++;
    contentions++;
    if (tracer != null) contention(c, t, true, l.name(), "SPIN");
    c.state = Ctx.State.SPINNING;
    c.spinningOn = l;
    c.tPs = t;
    l.spinners.add(c);
    return false;
  }

  /**
   * Releases the op's spinlock, handing it to the first spinner; an irqrestore delivers the IRQs
   * it held off, which delay this context. Returns the time after it. (Softirqs a bh unlock lets
   * run are the interpreter's to start.)
   */
  long spinUnlock(Ctx c, Op op, long t) {
    SpinLock l = op.lock;
    checkState(l.holder == c, "%s: spin_unlock(%s) not held", c, l);
    c.lockMask &= ~(1L << l.id);
    long cost = op.irqSave ? costs.spinLockIrqPs() : costs.spinLockPs();
    t += cost - (cost >> 1);
    // Nearly every unlock finds nobody spinning: test before polling (C1 inlines isEmpty, not poll).
    Ctx next = l.spinners.isEmpty() ? null : l.spinners.poll();
    if (next != null) {
      l.holder = next;
      l.acquisitions++;
      l.spinPs += t - next.tPs;
      next.lockMask |= 1L << l.id;
      next.spinningOn = null;
      next.state = Ctx.State.RUNNING;
      next.tPs = t + costs.lockHandoffPs();
      if (tracer != null) contention(next, next.tPs, false, l.name(), "SPIN");
      sched.reschedule(next);
    } else {
      l.holder = null;
    }
    if (op.irqSave && --c.irqOff == 0) {
      // The deferred IRQs preempt this context now: they delay it by their duration.
      c.tPs = t;
      interrupts.deliverDeferred(c.cpu, t);
      t = c.tPs;
    }
    if (op.bh) c.bhOff--;
    return t;
  }

  /** Takes {@code m}, or puts {@code c} to sleep and returns false until it is handed over. */
  boolean mutexLock(Ctx c, Mutex m, long t) {
    if (m.holder == null) {
      m.holder = c;
      m.acquisitions++;
      c.lockMask |= 1L << m.id;
      return true;
    }
    checkState(m.holder != c, "%s: recursive %s", c, m);
    m.contentions++;
    // lock:contention_begin does not fire for the MMC host claim (a wait queue, not a lock).
    if (m.isHostClaim()) {
      hostClaimWaits++;
    } else {
      contentions++;
      if (tracer != null) contention(c, t, true, m.name(), "MUTEX");
    }
    m.waiters.add(c);
    sched.block(c, t);
    return false;
  }

  /** lock:contention_begin / contention_end, the lock named by a stable made-up address. */
  private void contention(Ctx c, long t, boolean begin, String lock, String flags) {
    String addr = String.format("0x%08x", lock.hashCode());
    tracer.tracepoint(t, c.cpu.id, c, begin ? "contention_begin" : "contention_end",
        begin ? addr + " (" + lock + "): flags=" + flags : addr + " (" + lock + "): ret=0");
  }

  /** Releases {@code m}, handing it to the first sleeper and waking it. */
  void mutexUnlock(Ctx c, Mutex m, long t) {
    checkState(m.holder == c, "%s: releasing %s it does not hold", c, m);
    c.lockMask &= ~(1L << m.id);
    Ctx next = m.waiters.poll();
    if (next != null) {
      m.holder = next;
      m.acquisitions++;
      next.lockMask |= 1L << m.id;
      if (tracer != null && !m.isHostClaim()) contention(next, t, false, m.name(), "MUTEX");
      // The waiter was blocked inside mutex_lock; it resumes after the op (pc already advanced).
      sched.wake(next, t, sched.wakeLatency(c.cpu.id, next));
    } else {
      m.holder = null;
    }
  }
}
