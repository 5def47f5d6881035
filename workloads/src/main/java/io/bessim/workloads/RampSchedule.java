package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.Time;

/**
 * Instants of a source whose rate rises (or falls) linearly from {@code r0} to {@code r1} over
 * {@code T}, then holds {@code r1}: unit k is due when the offered bytes, the integral of the rate,
 * reach {@code k * unitBytes}. Over the ramp that integral is {@code B(t) = r0 t + (r1 - r0) t^2 /
 * (2T)}; unit k's instant solves {@code B(t) = k u}. Each instant is computed afresh from k, so no
 * error accumulates; doubles carry about 0.02 ps of error at 100 s, far below any event spacing.
 * Java's double arithmetic and {@code Math.sqrt} are exactly specified, so the instants are the
 * same on every machine.
 */
final class RampSchedule implements OfferSchedule {
  private final double fromBps;
  private final double toBps;
  private final double rampS;
  private final double rampBytes;
  private final int unitBytes;
  private long startPs;
  private long k;
  private long nextPs;

  RampSchedule(long fromBytesPerSec, long toBytesPerSec, long rampPs, int unitBytes) {
    checkArgument(fromBytesPerSec >= 0, "negative ramp start rate %s", fromBytesPerSec);
    checkArgument(toBytesPerSec > 0, "ramp end rate must be positive: %s", toBytesPerSec);
    checkArgument(rampPs > 0, "ramp time must be positive: %s", rampPs);
    checkArgument(unitBytes > 0, "unit must be positive: %s", unitBytes);
    this.fromBps = fromBytesPerSec;
    this.toBps = toBytesPerSec;
    this.rampS = Time.toSeconds(rampPs);
    this.rampBytes = (fromBps + toBps) / 2 * rampS;
    this.unitBytes = unitBytes;
  }

  @Override
  public void start(long atPs) {
    startPs = atPs;
    k = 0;
    nextPs = atPs;
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
    k++;
    long due = startPs + (long) Math.floor(secondsToOffer((double) k * unitBytes) * Time.S);
    nextPs = Math.max(nextPs, due); // rounding must never move time backwards
    return nextPs;
  }

  /** The instant, in seconds after the start, at which {@code bytes} have been offered. */
  double secondsToOffer(double bytes) {
    if (bytes <= 0) return 0;
    if (bytes > rampBytes) return rampS + (bytes - rampBytes) / toBps;
    // r0 t + a t^2 = b with a = (r1 - r0) / 2T. This form of the root has no cancellation when a
    // is small and stays finite when a = 0 (a flat "ramp") or r0 = 0.
    double a = (toBps - fromBps) / (2 * rampS);
    return 2 * bytes / (fromBps + Math.sqrt(fromBps * fromBps + 4 * a * bytes));
  }
}
