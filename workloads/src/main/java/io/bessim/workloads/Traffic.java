package io.bessim.workloads;

import io.bessim.chip.air.AirLink;
import io.bessim.chip.fw.Frame;
import io.bessim.driver.NetStack;
import java.util.Map;

/**
 * One traffic flow from a server on the wired LAN to the tablet. It is the AP's far side (told
 * when an uplink frame reaches the AP and when a downlink frame is dropped) and the tablet's
 * network stack (told when a downlink frame reaches the transport layer).
 *
 * <p>Wiring: {@code flow.setDownlink(air::apSend); air.setPeer(flow);} and give the flow to the
 * driver model as its {@link NetStack}; then {@link #start(long)}.
 */
public interface Traffic extends AirLink.Peer, NetStack {
  /** Where the server's frames go once they have crossed the wired LAN: the AP's queue. */
  @FunctionalInterface
  interface Downlink {
    /** Queues {@code f} at the AP at {@code atPs}; returns false if it was dropped (queue full). */
    boolean send(long atPs, Frame f);
  }

  /** The sender's congestion window in bytes, for traces; -1 for a flow without one (UDP). */
  default long congestionWindowBytes() {
    return -1;
  }

  /** Must be called before {@link #start(long)}. */
  void setDownlink(Downlink d);

  /** Begins sending at {@code atPs}; the sender's events go on the flow's simulator. */
  void start(long atPs);

  /**
   * Application bytes offered since the last reset: for TCP the bytes the rate-capped application
   * wrote into the socket, for UDP the bytes of datagrams generated.
   */
  long offeredAppBytes();

  /** In-order application bytes delivered to the receiving application since the last reset. */
  long deliveredAppBytes();

  /** Zeroes every counter (after a warm-up); protocol state is untouched. */
  void resetCounters(long nowPs);

  /** Event counts since the last reset, by name, in a stable order. */
  Map<String, Long> counters();
}
