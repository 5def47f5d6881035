package io.bessim.driver.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Work items with Linux's {@code queue_work} rules: queueing a pending item does nothing;
 * queueing an idle one wakes its worker on the queueing CPU after the item's dispatch latency;
 * queueing a running one makes it run again when it ends (after the worker-loop cost), on the same
 * worker, so an item never runs concurrently with itself.
 */
final class WorkQueues {
  private final KernelCosts costs;
  private final Scheduler sched;
  final List<WorkItem> workItems = new ArrayList<>();
  KernelTracer tracer;

  WorkQueues(KernelCosts costs, Scheduler sched) {
    this.costs = costs;
    this.sched = sched;
  }

  WorkItem workItem(String name, String workqueue, Routine fn, long dispatchPs,
      boolean countsAsWork, Ctx worker) {
    WorkItem w = new WorkItem(name, workqueue, fn, dispatchPs, countsAsWork, worker);
    worker.work = w;
    workItems.add(w);
    return w;
  }

  /** {@code queue_work(w)} on {@code cpu}; returns false when the item was already pending. */
  boolean queueWork(WorkItem w, int cpu, long atPs) {
    if (tracer != null) tracer.queueWork(atPs, w, sched.executing, cpu, !w.pending);
    if (w.pending) {
      w.coalesced++;
      return false;
    }
    w.pending = true;
    w.queued++;
    if (w.running) return true;
    Ctx worker = w.worker;
    if (worker.state == Ctx.State.IDLE) {
      worker.cpu = sched.cpus[cpu];
      sched.wake(worker, atPs, w.dispatchPs);
    }
    return true;
  }

  /**
   * The worker {@code c} finished what it ran: if it is a worker whose item is pending (queued
   * while it ran, or just dispatched), starts the next execution and returns the routine to run
   * (after the worker-loop cost when it loops); else returns null.
   */
  Routine nextExecution(Ctx c) {
    WorkItem w = c.work;
    if (w == null) return null;
    if (w.running && tracer != null) tracer.workEnd(c.tPs, w);
    if (!w.running || w.pending) {
      if (w.running) {
        w.redispatches++;
        c.tPs += costs.workLoopPs();
      }
      w.running = true;
      w.pending = false;
      w.executions++;
      if (tracer != null) tracer.workStart(c.tPs, w);
      return w.fn;
    }
    w.running = false;
    return null;
  }
}
