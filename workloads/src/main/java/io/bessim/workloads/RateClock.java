package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.Time;

/**
 * Instants of a constant-rate source of fixed-size units: unit k is due at {@code start +
 * floor(k * unitBytes * 1e12 / rate)} ps. The fractional picosecond is carried from one gap to the
 * next, so the long-run rate is exact however the period rounds.
 */
final class RateClock implements OfferSchedule {
  private final long rateBytesPerSec;
  private final int unitBytes;
  private final long wholePs;
  private final long remainder;
  private long nextPs;
  private long carry;

  RateClock(long rateBytesPerSec, int unitBytes) {
    checkArgument(rateBytesPerSec > 0, "rate must be positive: %s", rateBytesPerSec);
    checkArgument(unitBytes > 0, "unit must be positive: %s", unitBytes);
    this.rateBytesPerSec = rateBytesPerSec;
    this.unitBytes = unitBytes;
    // unitBytes * 1e12 stays below 2^63 for any unit under 9.2 MB.
    long num = unitBytes * Time.S;
    this.wholePs = num / rateBytesPerSec;
    this.remainder = num % rateBytesPerSec;
  }

  @Override
  public void start(long atPs) {
    nextPs = atPs;
    carry = 0;
  }

  @Override
  public long nextPs() {
    return nextPs;
  }

  @Override
  public int unitBytes() {
    return unitBytes;
  }

  @Override
  public long advance() {
    nextPs += wholePs;
    carry += remainder;
    if (carry >= rateBytesPerSec) {
      carry -= rateBytesPerSec;
      nextPs++;
    }
    return nextPs;
  }
}
