package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the tablet side directly with hand-made segments. */
final class TcpReceiverAckPolicyTest {
  private static final int MSS = 1448;

  private final Simulator sim = new Simulator();
  private final TcpFlow flow = new TcpFlow(sim, 1_000_000, TcpConfig.defaults());
  private final List<Long> timerAckTimes = new ArrayList<>();
  private final List<TcpAck> timerAcks = new ArrayList<>();

  TcpReceiverAckPolicyTest() {
    flow.attach(
        (t, f) -> {
          timerAckTimes.add(t);
          timerAcks.add((TcpAck) f.payload());
        });
  }

  /** Segment number k (0-based) of the stream arriving now. */
  private TcpAck deliver(long k) {
    Frame f = new Frame(k, 1554, MSS, new TcpSegment(k * MSS, MSS, 0));
    Frame ack = flow.receive(sim.nowPs(), f);
    if (ack == null) return null;
    assertEquals(106, ack.mpduBytes());
    return (TcpAck) ack.payload();
  }

  @Test
  void delayedAckFiresFortyMsAfterAnOddLastSegment() {
    for (int k = 0; k < 16; k++) {
      sim.runUntil(k * Time.MS);
      assertEquals((k + 1L) * MSS, deliver(k).ack(), "quick ACK " + k);
    }
    sim.runUntil(16 * Time.MS);
    assertNull(deliver(16)); // quick-ack spent; one segment unacked -> delayed
    sim.runUntil(56 * Time.MS - 1);
    assertEquals(List.of(), timerAckTimes);
    sim.runUntil(200 * Time.MS);
    assertEquals(List.of(56 * Time.MS), timerAckTimes); // 16 ms + 40 ms
    assertEquals(17L * MSS, timerAcks.get(0).ack());
    assertEquals(1L, flow.counters().get("delayedAcksSent"));
  }

  @Test
  void secondSegmentIsAckedAtOnceAndCancelsTheTimer() {
    for (int k = 0; k < 16; k++) deliver(k);
    sim.runUntil(10 * Time.MS);
    assertNull(deliver(16));
    sim.runUntil(11 * Time.MS);
    TcpAck a = deliver(17);
    assertNotNull(a); // rcv_nxt - rcv_wup = 2896 > 1448
    assertEquals(18L * MSS, a.ack());
    sim.runUntil(Time.S);
    assertEquals(List.of(), timerAckTimes);
  }

  @Test
  void outOfOrderSegmentDrawsAnImmediateDupAckAndTheHoleFillerAcksAll() {
    for (int k = 0; k < 16; k++) deliver(k); // rcv_nxt = 16 * 1448 = 23,168
    assertEquals(16L * MSS, deliver(17).ack()); // 16 is missing: dupACK
    assertEquals(16L * MSS, deliver(18).ack());
    assertEquals(16L * MSS, deliver(19).ack());
    assertEquals(20L * MSS, deliver(16).ack()); // fills the hole: ACK 20 * 1448 at once
    assertEquals(20L * MSS, flow.deliveredAppBytes());
    assertEquals(20L * MSS, deliver(3).ack()); // an old duplicate is answered at once too
    assertEquals(3L, flow.counters().get("outOfOrderSegments"));
    assertEquals(1L, flow.counters().get("duplicateSegments"));
  }
}
