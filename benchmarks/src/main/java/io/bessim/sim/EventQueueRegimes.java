package io.bessim.sim;

/**
 * For {@code HoldBenchmark} only: bessim's {@link EventQueue} held in one regime, to measure each
 * against the other at every size (the measurement behind {@link EventQueue#TO_HEAP}). It sits in
 * sim-core's package to reach the queue's package-private constructor; the public API stays as it
 * is.
 */
public final class EventQueueRegimes {
  private EventQueueRegimes() {}

  /** A queue that stays a sorted array at any size. */
  public static EventQueue sortedOnly(int initialCapacity) {
    return new EventQueue(initialCapacity, Integer.MAX_VALUE, 0);
  }

  /** A queue that is a 4-ary heap from its first event on. */
  public static EventQueue heapOnly(int initialCapacity) {
    return new EventQueue(initialCapacity, 1, 0);
  }
}
