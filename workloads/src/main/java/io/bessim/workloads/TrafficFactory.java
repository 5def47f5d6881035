package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.bessim.sim.Simulator;
import java.util.Locale;

/**
 * Builds a flow from its kind and rate. Both models are deterministic, so no random streams are
 * taken; any variation between runs comes from the chip and the air link.
 */
public final class TrafficFactory {
  /** The transport of a flow. */
  public enum Kind {
    UDP,
    TCP;

    /** "udp" or "tcp", any case. */
    public static Kind parse(String s) {
      checkNotNull(s, "kind");
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "udp":
          return UDP;
        case "tcp":
          return TCP;
        default:
          throw new IllegalArgumentException("unknown traffic kind '" + s + "' (udp or tcp)");
      }
    }
  }

  private TrafficFactory() {}

  /**
   * A flow of {@code kind} whose application offers {@code rateBytesPerSec} of payload. UDP uses
   * only {@code cfg.wiredOneWayPs()}.
   */
  public static Traffic create(Kind kind, long rateBytesPerSec, Simulator sim, TcpConfig cfg) {
    checkNotNull(kind, "kind");
    checkNotNull(sim, "sim");
    checkNotNull(cfg, "cfg");
    checkArgument(rateBytesPerSec > 0, "rate must be positive: %s", rateBytesPerSec);
    switch (kind) {
      case UDP:
        return new UdpFlow(sim, rateBytesPerSec, cfg.wiredOneWayPs());
      case TCP:
        return new TcpFlow(sim, rateBytesPerSec, cfg);
    }
    throw new AssertionError(kind);
  }

  /** As {@link #create(Kind, long, Simulator, TcpConfig)} with {@link TcpConfig#defaults()}. */
  public static Traffic create(String kind, long rateBytesPerSec, Simulator sim) {
    return create(Kind.parse(kind), rateBytesPerSec, sim, TcpConfig.defaults());
  }
}
