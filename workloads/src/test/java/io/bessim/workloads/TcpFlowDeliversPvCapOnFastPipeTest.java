package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TcpFlowDeliversPvCapOnFastPipeTest {
  static final long RATE = 2_000_000; // B/s
  // 100 us per frame is 15.5 MB/s of 1554-B frames: far above the cap, so the pipe never limits.
  static final long SERVICE_PS = 100 * Time.US;
  static final long ONE_WAY_PS = 500 * Time.US;

  @Test
  void deliversTheCapAndAcksEverySecondSegment() {
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, RATE, TcpConfig.defaults());
    LoopbackNet net = new LoopbackNet(sim, flow, ONE_WAY_PS, SERVICE_PS);
    flow.start(0);
    sim.runUntil(2 * Time.S); // warm-up: slow start and the 16 quick ACKs are behind us
    flow.resetCounters(sim.nowPs());
    sim.runUntil(22 * Time.S);
    Map<String, Long> c = flow.counters();

    // The app writes one 1448-B chunk per 724 us: 2e6 * 20 / 1448 = 27,624.3 chunks in 20 s.
    long offered = flow.offeredAppBytes();
    assertTrue(Math.abs(offered - 40_000_000L) <= 1448, "offered " + offered);
    double delivered = flow.deliveredAppBytes() / 20.0;
    assertEquals(RATE, delivered, RATE * 0.01, "goodput B/s");

    // Segments arrive 724 us apart, far under 40 ms: the 2nd of every pair is ACKed at once
    // (rcv_nxt - rcv_wup = 2896 > 1448), the 1st arms the timer which never fires.
    double ratio = c.get("acksSent") / (double) c.get("segmentsReceived");
    assertEquals(0.5, ratio, 0.01, "ACKs per segment");
    assertEquals(0L, c.get("delayedAcksSent"));
    assertEquals(0L, c.get("quickAcksSent"));
    assertEquals(0L, c.get("retransmits"));
    assertEquals(0L, c.get("timeouts"));
    assertEquals(c.get("acksSent"), c.get("acksReceived"), 2.0);
    assertTrue(net.uplinkFrames > 0);
  }

  @Test
  void firstSixteenSegmentsAreAckedOneForOne() {
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, RATE, TcpConfig.defaults());
    new LoopbackNet(sim, flow, ONE_WAY_PS, SERVICE_PS);
    flow.start(0);
    sim.runUntil(Time.S);
    assertEquals(16L, flow.counters().get("quickAcksSent"));
  }
}
