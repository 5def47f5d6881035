package io.bessim.chip.fw;

/**
 * An 802.11 data frame on its way through the chip. {@code payload} is the traffic generator's own
 * description of it (a TCP segment, say); the chip never looks inside.
 */
public final class Frame {
  private final long id;
  private final int mpduBytes;
  private final int appBytes;
  private final Object payload;
  /** MAC-level retransmissions this frame has had on the air. */
  public int airRetries;

  public Frame(long id, int mpduBytes, int appBytes, Object payload) {
    this.id = id;
    this.mpduBytes = mpduBytes;
    this.appBytes = appBytes;
    this.payload = payload;
  }

  public long id() {
    return id;
  }

  /** Bytes of the MPDU on the air (header, CCMP, LLC, payload, FCS). */
  public int mpduBytes() {
    return mpduBytes;
  }

  /** Bytes of application payload the frame carries (what throughput counts). */
  public int appBytes() {
    return appBytes;
  }

  public Object payload() {
    return payload;
  }
}
