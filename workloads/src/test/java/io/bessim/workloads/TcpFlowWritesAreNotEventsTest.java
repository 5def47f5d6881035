package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * The application's writes are caught up when the sender looks, not fired one event per MSS: a
 * window-limited flow runs the same events whatever its application's rate, and still counts
 * every byte written.
 */
final class TcpFlowWritesAreNotEventsTest {
  private record Run(long events, long delivered, long offered, long segmentsSent) {}

  private static Run windowLimited(long appBytesPerSec) {
    // 64 kB window over a 50 ms RTT: about 1.3 MB/s, far below either application rate.
    TcpConfig cfg = TcpConfig.defaults().withRwndBytes(64 * 1024);
    Simulator sim = new Simulator();
    TcpFlow flow = new TcpFlow(sim, appBytesPerSec, cfg);
    new LoopbackNet(sim, flow, 24 * Time.MS, 10 * Time.US);
    flow.start(0);
    sim.runUntil(5 * Time.S);
    return new Run(sim.eventsFired(), flow.deliveredAppBytes(), flow.offeredAppBytes(),
        flow.counters().get("segmentsSent"));
  }

  @Test
  void aWindowLimitedFlowFiresTheSameEventsAtTenAndAtAHundredMegabytesPerSecond() {
    Run slow = windowLimited(10_000_000);
    Run fast = windowLimited(100_000_000);
    assertEquals(slow.events(), fast.events(), "events");
    assertEquals(slow.delivered(), fast.delivered(), "delivered bytes");
    assertEquals(slow.segmentsSent(), fast.segmentsSent(), "segments sent");
    // Whole MSS writes at the cap, plus pv's start-up burst, for 5 s.
    long mss = TcpConfig.defaults().mss();
    long burst = Math.max(1, TcpConfig.defaults().pvBurstBytes() / mss) * mss;
    assertEquals(burst + 5 * 10_000_000L, slow.offered(), mss);
    assertEquals(burst + 5 * 100_000_000L, fast.offered(), mss);
  }
}
