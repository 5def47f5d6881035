package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Instants of an on/off source, like a video player fetching one chunk per segment period: every
 * {@code periodPs} a chunk of {@code chunkBytes} is offered at {@code burstBytesPerSec}, then the
 * source is idle until the next period. A chunk is cut into units of {@code unitBytes}, the last
 * one shorter if the chunk is not a whole number of units; within a chunk the units follow a
 * {@link RateClock}, so chunk c's unit j is due at {@code start + c P + floor(j u / R)}.
 */
final class BurstSchedule implements OfferSchedule {
  private final long chunkBytes;
  private final long periodPs;
  private final int unitBytes;
  private final RateClock clock;
  private long chunkStartPs;
  private long leftInChunk;

  BurstSchedule(long chunkBytes, long burstBytesPerSec, long periodPs, int unitBytes) {
    checkArgument(chunkBytes > 0, "chunk must be positive: %s", chunkBytes);
    checkArgument(periodPs > 0, "burst period must be positive: %s", periodPs);
    checkArgument(unitBytes > 0, "unit must be positive: %s", unitBytes);
    this.chunkBytes = chunkBytes;
    this.periodPs = periodPs;
    this.unitBytes = unitBytes;
    this.clock = new RateClock(burstBytesPerSec, unitBytes);
    long units = (chunkBytes + unitBytes - 1) / unitBytes;
    // The last unit of a chunk must start before the next chunk does, or chunks would overlap.
    checkArgument(
        TrafficSpec.Burst.fitsInPeriod((units - 1) * unitBytes, burstBytesPerSec, periodPs - 1),
        "a %s-B chunk at %s B/s does not fit in its %s-ps period", chunkBytes, burstBytesPerSec,
        periodPs);
  }

  @Override
  public void start(long atPs) {
    chunkStartPs = atPs;
    leftInChunk = chunkBytes;
    clock.start(atPs);
  }

  @Override
  public long nextPs() {
    return clock.nextPs();
  }

  @Override
  public int unitBytes() {
    return (int) Math.min(unitBytes, leftInChunk);
  }

  @Override
  public long advance() {
    leftInChunk -= unitBytes();
    if (leftInChunk > 0) return clock.advance();
    chunkStartPs += periodPs;
    leftInChunk = chunkBytes;
    clock.start(chunkStartPs);
    return chunkStartPs;
  }
}
