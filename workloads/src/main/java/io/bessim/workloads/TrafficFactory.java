package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.bessim.sim.Simulator;
import java.util.Locale;

/**
 * Builds a flow from its description. The models are deterministic, so no random streams are
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
   * The flow {@code spec} describes. UDP flows use only {@code cfg.wiredOneWayPs()}. TCP chunk
   * fetches round each chunk up to whole MSS segments (the sender only sends full-sized ones) and
   * drop pv's start-up burst, so that every period offers the same bytes.
   */
  public static Traffic create(TrafficSpec spec, Simulator sim, TcpConfig cfg) {
    checkNotNull(spec, "spec");
    checkNotNull(sim, "sim");
    checkNotNull(cfg, "cfg");
    if (spec instanceof TrafficSpec.Steady s) return create(s.kind(), s.bytesPerSec(), sim, cfg);
    int unit = spec.kind() == Kind.TCP ? cfg.mss() : WifiFrames.UDP_PAYLOAD_BYTES;
    OfferSchedule schedule;
    TcpConfig tcp = cfg;
    if (spec instanceof TrafficSpec.Ramp r) {
      schedule = new RampSchedule(r.fromBytesPerSec(), r.toBytesPerSec(), r.rampPs(), unit);
    } else if (spec instanceof TrafficSpec.Burst b) {
      long chunk = b.chunkBytes();
      if (spec.kind() == Kind.TCP) {
        chunk = (chunk + unit - 1) / unit * unit;
        tcp = cfg.withPvBurstBytes(0);
      }
      schedule = new BurstSchedule(chunk, b.burstBytesPerSec(), b.periodPs(), unit);
    } else if (spec instanceof TrafficSpec.Replay p) {
      schedule = new ReplaySchedule(p.trace(), unit);
    } else {
      throw new AssertionError(spec);
    }
    return spec.kind() == Kind.TCP
        ? new TcpFlow(sim, schedule, tcp)
        : new UdpFlow(sim, schedule, cfg.wiredOneWayPs());
  }

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
