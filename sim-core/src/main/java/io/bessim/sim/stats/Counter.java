package io.bessim.sim.stats;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.Time;

/** A count of occurrences (packets, interrupts, bytes) and its rate over a simulated duration. */
public final class Counter {
  private long count;

  public void increment() {
    count++;
  }

  public void add(long n) {
    count += n;
  }

  public long count() {
    return count;
  }

  /** Occurrences per simulated second over {@code durationPs}. */
  public double rate(long durationPs) {
    checkArgument(durationPs > 0, "duration must be positive: %s", durationPs);
    return count / Time.toSeconds(durationPs);
  }

  /** Sets the count back to zero, e.g. at the end of a warm-up. */
  public void reset() {
    count = 0;
  }

  @Override
  public String toString() {
    return "Counter[" + count + "]";
  }
}
