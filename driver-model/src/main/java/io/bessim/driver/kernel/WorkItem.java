package io.bessim.driver.kernel;

/**
 * A {@code struct work_struct} with Linux's rules: queueing a pending item does nothing; an item
 * queued while it runs runs again afterwards on the same worker; it never runs concurrently with
 * itself. Each item has its own worker context, bound to the CPU that queued it.
 */
public final class WorkItem {
  private final String name;
  final String workqueue;
  final Routine fn;
  final long dispatchPs;
  final boolean countsAsWork;
  final Ctx worker;
  boolean pending;
  boolean running;
  long queued;
  long coalesced;
  long executions;
  long redispatches;

  WorkItem(String name, String workqueue, Routine fn, long dispatchPs, boolean countsAsWork,
      Ctx worker) {
    this.name = name;
    this.workqueue = workqueue;
    this.fn = fn;
    this.dispatchPs = dispatchPs;
    this.countsAsWork = countsAsWork;
    this.worker = worker;
  }

  public String name() {
    return name;
  }

  /** The work function. */
  public Routine fn() {
    return fn;
  }

  public String workqueue() {
    return workqueue;
  }

  /** workqueue_execute_start events for this item. */
  public long executions() {
    return executions;
  }

  /** Executions that followed a queue_work while the item was running. */
  public long redispatches() {
    return redispatches;
  }

  /** queue_work calls that found the item already pending (returned false). */
  public long coalesced() {
    return coalesced;
  }

  public long queued() {
    return queued;
  }

  public boolean isPending() {
    return pending;
  }

  public boolean isRunning() {
    return running;
  }

  public Ctx worker() {
    return worker;
  }

  @Override
  public String toString() {
    return name;
  }
}
