package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TcpFlowRecoversByTimeoutTest {
  @Test
  void lostFastRetransmitIsRepairedByOneTimeoutWithoutASecondFastRetransmit() {
    // Frame 5000 and its fast retransmission are both lost. Only the RTO (SRTT 3.8 ms + the
    // 200 ms floor) can repair that. Meanwhile the later segments keep drawing dupACKs, which must
    // not start a second fast retransmit (RFC 6582 "recover" guard; NewReno is in recovery). The
    // resent hole is the only gap, so the tablet's cumulative ACK jumps over everything it holds
    // and go-back-N resends nothing it already has.
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, TcpFlowDeliversPvCapOnFastPipeTest.RATE, TcpConfig.defaults());
    long[] lostSeq = {-1};
    int[] losses = {0};
    LoopbackNet.Loss loss =
        (n, f) -> {
          long seq = ((TcpSegment) f.payload()).seq();
          if (n == 5000) lostSeq[0] = seq;
          boolean lose = seq == lostSeq[0] && losses[0] < 2;
          if (lose) losses[0]++;
          return lose;
        };
    new LoopbackNet(
        sim,
        flow,
        TcpFlowDeliversPvCapOnFastPipeTest.ONE_WAY_PS,
        TcpFlowDeliversPvCapOnFastPipeTest.SERVICE_PS,
        loss);
    flow.start(0);
    sim.runUntil(2 * Time.S);
    flow.resetCounters(sim.nowPs());
    sim.runUntil(22 * Time.S);
    Map<String, Long> c = flow.counters();
    assertEquals(2L, c.get("framesLost"));
    assertEquals(1L, c.get("fastRetransmits"));
    assertEquals(1L, c.get("timeouts"));
    assertEquals(2L, c.get("retransmits"));
    assertEquals(0L, c.get("duplicateSegments"));
    // Fast recovery halved the window, so for the ~204 ms until the RTO the sender runs at about
    // half the 1381 segments/s cap: roughly 140 segments, each drawing a dupACK.
    long dupAcks = c.get("dupAcksReceived");
    assertTrue(dupAcks > 100 && dupAcks < 282, "dupACKs " + dupAcks);
    assertEquals(
        TcpFlowDeliversPvCapOnFastPipeTest.RATE, flow.deliveredAppBytes() / 20.0, 20_000);
  }

  @Test
  void ackFramesAreSmallAndCarryNoAppBytes() {
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, 1_000_000, TcpConfig.defaults());
    Frame ack = flow.receive(0, new Frame(1, 1554, 1448, new TcpSegment(0, 1448, 0)));
    assertEquals(106, ack.mpduBytes());
    assertEquals(0, ack.appBytes());
    assertEquals(new TcpAck(1448, 3L << 20, 0), ack.payload());
  }
}
