package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkState;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Sleeping until something else wakes the context: {@code wait_event} on a {@link WaitQueue}
 * until {@code wake_up} or its timeout, and blocking requests (an SDIO command) until their
 * completion, which may hand a result to the variable the blocking op names. Each wait queue has
 * one sleeper at most and one timeout event in the heap at most.
 */
final class Waits {
  private final Simulator sim;
  private final KernelCosts costs;
  private final Scheduler sched;
  final List<WaitQueue> waitQueues = new ArrayList<>();
  private final EventHandler waitTimeout = this::onWaitTimeout;

  Waits(Simulator sim, KernelCosts costs, Scheduler sched) {
    this.sim = sim;
    this.costs = costs;
    this.sched = sched;
  }

  WaitQueue waitQueue(String name, Ctx.Test condition) {
    WaitQueue q = new WaitQueue(name, condition, waitQueues.size());
    waitQueues.add(q);
    return q;
  }

  /** {@code wait_event_timeout}: {@code c} sleeps on the op's queue (its condition is false). */
  void waitEvent(Ctx c, Op op, long t) {
    WaitQueue q = op.waitQueue;
    q.waiter = c;
    c.waitingOn = q;
    sched.block(c, t);
    long timeout = op.cost == null ? -1 : op.cost.ps(c);
    q.deadlinePs = timeout > 0 ? t + timeout : -1;
    // One timer event per queue at most: a waiter that sleeps thousands of times a second with a
    // 5 s timeout would otherwise leave thousands of stale events in the heap. A timer that fires
    // before the current deadline re-arms itself for it.
    if (q.deadlinePs >= 0 && !q.timerPending) {
      q.timerPending = true;
      sim.scheduleAt(q.deadlinePs, waitTimeout, q.index);
    }
  }

  private void onWaitTimeout(long nowPs, int index) {
    WaitQueue q = waitQueues.get(index);
    q.timerPending = false;
    Ctx c = q.waiter;
    if (q.deadlinePs < 0 || c == null || c.state != Ctx.State.BLOCKED) return;
    if (nowPs < q.deadlinePs) {
      q.timerPending = true;
      sim.scheduleAt(q.deadlinePs, waitTimeout, q.index);
      return;
    }
    q.waiter = null;
    q.deadlinePs = -1;
    q.timeouts++;
    c.waitingOn = null;
    c.timedOut = true;
    sched.wake(c, nowPs, costs.wakeSameCpuPs());
  }

  /** {@code wake_up(q)}: wakes its sleeping waiter, if any. */
  boolean wakeUp(WaitQueue q, int fromCpu, long atPs) {
    Ctx w = q.waiter;
    if (w == null || w.state != Ctx.State.BLOCKED) return false;
    q.waiter = null;
    q.wakeups++;
    q.deadlinePs = -1;
    w.waitingOn = null;
    w.timedOut = false;
    return sched.wake(w, atPs, sched.wakeLatency(fromCpu, w));
  }

  /** A blocking op: {@code c} sleeps and its request starts. */
  void block(Ctx c, Op op, long t) {
    c.blockedIn = op;
    sched.block(c, t);
    op.blocking.start(c, t);
  }

  /** Ends the request {@code c} sleeps in, which takes no result. */
  void complete(Ctx c, long atPs, int fromCpu) {
    checkState(c.state == Ctx.State.BLOCKED, "%s completed while %s", c, c.state);
    checkState(c.blockedIn != null && c.blockedIn.result == null,
        "%s: '%s' expects a result", c, c.blockedIn);
    wakeFromRequest(c, atPs, fromCpu);
  }

  /** Ends the request {@code c} sleeps in; {@code result} lands in the op's {@link Local}. */
  void complete(Ctx c, long atPs, int fromCpu, long result) {
    checkState(c.state == Ctx.State.BLOCKED, "%s completed while %s", c, c.state);
    Var v = c.blockedIn == null ? null : c.blockedIn.result;
    checkState(v instanceof Local, "%s: '%s' takes no numeric result", c, c.blockedIn);
    c.set((Local) v, result);
    wakeFromRequest(c, atPs, fromCpu);
  }

  /** Ends the request {@code c} sleeps in; {@code result} lands in the op's {@link Ref}. */
  @SuppressWarnings("unchecked")
  void complete(Ctx c, long atPs, int fromCpu, Object result) {
    checkState(c.state == Ctx.State.BLOCKED, "%s completed while %s", c, c.state);
    Var v = c.blockedIn == null ? null : c.blockedIn.result;
    checkState(v instanceof Ref, "%s: '%s' takes no object result", c, c.blockedIn);
    c.set((Ref<Object>) v, result);
    wakeFromRequest(c, atPs, fromCpu);
  }

  private void wakeFromRequest(Ctx c, long atPs, int fromCpu) {
    c.blockedIn = null;
    sched.wake(c, atPs, sched.wakeLatency(fromCpu, c));
  }
}
