package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TcpFlowRecoversFromSingleLossTest {
  static Map<String, Long> runWithDrop(long dropNth, double[] goodputOut) {
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, TcpFlowDeliversPvCapOnFastPipeTest.RATE, TcpConfig.defaults());
    new LoopbackNet(
        sim,
        flow,
        TcpFlowDeliversPvCapOnFastPipeTest.ONE_WAY_PS,
        TcpFlowDeliversPvCapOnFastPipeTest.SERVICE_PS,
        dropNth);
    flow.start(0);
    sim.runUntil(2 * Time.S);
    flow.resetCounters(sim.nowPs());
    sim.runUntil(22 * Time.S);
    goodputOut[0] = flow.deliveredAppBytes() / 20.0;
    return flow.counters();
  }

  @Test
  void oneDroppedSegmentCostsExactlyOneFastRetransmit() {
    // Frame 5000 leaves the server at about 5000 * 724 us = 3.6 s, inside the measured window.
    double[] goodput = new double[1];
    Map<String, Long> c = runWithDrop(5000, goodput);
    assertEquals(1L, c.get("framesLost"));
    assertEquals(1L, c.get("fastRetransmits"));
    assertEquals(1L, c.get("retransmits"));
    assertEquals(0L, c.get("timeouts"));
    // The three segments after the hole each draw an immediate dupACK.
    assertTrue(c.get("dupAcksReceived") >= 3, "dupACKs " + c.get("dupAcksReceived"));
    assertTrue(c.get("outOfOrderSegments") >= 3);
    assertEquals(0L, c.get("duplicateSegments"));
    assertEquals(TcpFlowDeliversPvCapOnFastPipeTest.RATE, goodput[0], 20_000, "goodput B/s");
  }

  @Test
  void identicalRunsGiveIdenticalCounters() {
    double[] g1 = new double[1];
    double[] g2 = new double[1];
    assertEquals(runWithDrop(5000, g1), runWithDrop(5000, g2));
    assertEquals(g1[0], g2[0]);
  }
}
