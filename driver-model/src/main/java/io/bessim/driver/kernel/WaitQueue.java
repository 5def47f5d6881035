package io.bessim.driver.kernel;

/**
 * A wait queue with its condition ({@code wait_event(wq, cond)}): a waiter sleeps while the
 * condition is false; {@code wake_up} wakes it to re-check.
 */
public final class WaitQueue {
  private final String name;
  final Ctx.Test condition;
  Ctx waiter;
  long wakeups;
  long timeouts;
  final int index;
  long deadlinePs = -1;
  boolean timerPending;

  WaitQueue(String name, Ctx.Test condition, int index) {
    this.name = name;
    this.condition = condition;
    this.index = index;
  }

  public String name() {
    return name;
  }

  /** Times a sleeping waiter was woken. */
  public long wakeups() {
    return wakeups;
  }

  public long timeouts() {
    return timeouts;
  }

  @Override
  public String toString() {
    return name;
  }
}
