package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class TcpFlowIsWindowLimitedTest {
  @Test
  void sixtyFourKilobyteWindowOverFiftyMsRttGivesAboutOnePointThreeMegabytesPerSecond() {
    // RTT = 2 * (wired 1 ms + loopback 24 ms) = 50 ms; 10 us per frame keeps the pipe idle-fast.
    // The app could do 10 MB/s, so the window rules: 65,536 B / 50 ms = 1,310,720 B/s (whole
    // segments: 45 * 1448 = 65,160 B -> 1,303,200 B/s).
    TcpConfig cfg = TcpConfig.defaults().withRwndBytes(64 * 1024);
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, 10_000_000, cfg);
    new LoopbackNet(sim, flow, 24 * Time.MS, 10 * Time.US);
    flow.start(0);
    sim.runUntil(2 * Time.S);
    flow.resetCounters(sim.nowPs());
    sim.runUntil(12 * Time.S);
    double goodput = flow.deliveredAppBytes() / 10.0;
    assertEquals(1_310_720, goodput, 1_310_720 * 0.05, "goodput B/s");
    assertEquals(0L, flow.counters().get("retransmits"));
  }
}
