package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class UdpFlowOffersExactRateTest {
  @Test
  void offersExactlyRBytesPerSecondOverTenSeconds() {
    // R = 1472 * 3000 B/s: one datagram every 1/3000 s = 333,333,333.33 ps, which does not round.
    // In [0, 10 s) that is exactly 30,000 datagrams = 44,160,000 B = 10 R. Without carrying the
    // fraction (a 333,333,333-ps period) the 30,001st would start 10 us before 10 s and be counted.
    Simulator sim = new Simulator();
    UdpFlow flow = new UdpFlow(sim, 4_416_000, Time.MS);
    new LoopbackNet(sim, flow, 0, 0);
    flow.start(0);
    sim.runUntil(10 * Time.S - 1);
    assertEquals(44_160_000L, flow.offeredAppBytes());
    assertEquals(30_000L, flow.counters().get("datagramsSent"));
    // Generated up to 10 s - 1 ps, delivered after the 1 ms wire: 9.999 s / (1/3000 s) -> 29,997.
    assertEquals(29_997L * 1472, flow.deliveredAppBytes());
  }

  @Test
  void datagramsLeaveOnTheExactPicosecondGridAfterTheWire() {
    Simulator sim = new Simulator();
    UdpFlow flow = new UdpFlow(sim, 4_416_000, Time.MS);
    List<Long> arrivals = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    flow.setDownlink(
        (t, f) -> {
          arrivals.add(t);
          frames.add(f);
          return true;
        });
    flow.start(5 * Time.MS);
    sim.runUntil(7 * Time.MS);
    // floor(k * 1e12 / 3000) after start + 1 ms of wire: +0, +333,333,333, +666,666,666, +1 ms.
    assertEquals(6 * Time.MS, arrivals.get(0));
    assertEquals(6 * Time.MS + 333_333_333L, arrivals.get(1));
    assertEquals(6 * Time.MS + 666_666_666L, arrivals.get(2));
    assertEquals(7 * Time.MS, arrivals.get(3));
    assertEquals(1554, frames.get(0).mpduBytes());
    assertEquals(1472, frames.get(0).appBytes());
  }

  @Test
  void receiverCountsBytesAndNeverAnswers() {
    Simulator sim = new Simulator();
    UdpFlow flow = new UdpFlow(sim, 1_000_000, 0);
    assertNull(flow.receive(0, new Frame(1, 1554, 1472, null)));
    assertEquals(1472, flow.deliveredAppBytes());
  }

  @Test
  void apDropsAndAirLossesAreCountedNotRecovered() {
    // R = 1,472,000 B/s is one datagram per ms; the AP takes every other one.
    Simulator sim = new Simulator();
    UdpFlow flow = new UdpFlow(sim, 1_472_000, 0);
    int[] n = {0};
    flow.setDownlink((t, f) -> n[0]++ % 2 == 0);
    flow.start(0);
    sim.runUntil(9 * Time.MS); // datagrams at 0..9 ms: 10 offered, 5 rejected
    flow.downlinkLost(sim.nowPs(), null);
    assertEquals(10L, flow.counters().get("datagramsSent"));
    assertEquals(5L, flow.counters().get("downlinkRejected"));
    assertEquals(1L, flow.counters().get("framesLost"));
    flow.resetCounters(sim.nowPs());
    assertEquals(0L, flow.offeredAppBytes());
    assertEquals(0L, flow.counters().get("downlinkRejected"));
  }
}
