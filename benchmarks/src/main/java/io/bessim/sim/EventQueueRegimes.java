package io.bessim.sim;

/**
 * For {@code HoldBenchmark} only: bessim's {@link EventQueue} held in one regime, to measure each
 * against the other at every size (the measurement behind {@link EventQueue#TO_HEAP}). It sits in
 * sim-core's package to reach the queue's package-private constructor; the public API stays as it
 * is.
 */
public final class EventQueueRegimes {
  private EventQueueRegimes() {}

  /**
   * A queue that stays a sorted array as long as it can: up to {@link EventQueue#MAX_SORTED}
   * events (one per key slot).
   */
  public static EventQueue sortedOnly(int initialCapacity) {
    return new EventQueue(initialCapacity, EventQueue.MAX_SORTED, 0);
  }

  /** A queue that is a 4-ary heap from its first event on. */
  public static EventQueue heapOnly(int initialCapacity) {
    return new EventQueue(initialCapacity, 1, 0);
  }
}
