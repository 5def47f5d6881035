package io.bessim.driver;

import io.bessim.chip.fw.Frame;

/**
 * The network stack above mac80211 (IP, TCP or UDP, the socket), as the traffic model implements
 * it. The driver model charges the CPU cost of getting there; this says what the stack does.
 */
public interface NetStack {
  /**
   * A received frame reached the transport layer at {@code nowPs} (NET_RX softirq on the host).
   * Returns a frame the stack transmits at once in the same context (a TCP ACK), or null.
   */
  Frame receive(long nowPs, Frame f);

  /** Called once at start: lets the stack send frames from a timer (the delayed-ACK timer). */
  default void attach(TimerTx tx) {}

  /** Sends a frame from a timer softirq on the host (tcp_delack_timer -> tcp_send_ack). */
  interface TimerTx {
    void sendFromTimer(long nowPs, Frame f);
  }
}
