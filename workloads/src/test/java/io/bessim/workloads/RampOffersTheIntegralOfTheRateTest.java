package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import io.bessim.workloads.TrafficFactory.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RampOffersTheIntegralOfTheRateTest {
  @Test
  void udpRampOffersTheAreaUnderTheRateThenHoldsTheTopRate() {
    // 1 -> 4 MB/s over 60 s: B(t) = 1e6 t + 3e6 t^2 / 120 B, so B(30 s) = 52.5e6 B and B(60 s) =
    // 150e6 B. Datagram k (1472 B) leaves when B reaches 1472 k, so before t the source has sent
    // the k with 1472 k < B(t): ceil(52.5e6 / 1472) = 35,666 and ceil(150e6 / 1472) = 101,903.
    Simulator sim = new Simulator();
    Traffic flow = TrafficFactory.create(
        new TrafficSpec.Ramp(Kind.UDP, 1_000_000, 4_000_000, 60 * Time.S), sim,
        TcpConfig.defaults());
    flow.setDownlink((t, f) -> true);
    flow.start(0);
    sim.runUntil(30 * Time.S - 1);
    assertEquals(35_666L * 1472, flow.offeredAppBytes());
    sim.runUntil(60 * Time.S - 1);
    assertEquals(101_903L * 1472, flow.offeredAppBytes());

    // Then 4 MB/s: B(70 s) = 190e6 B, ceil(190e6 / 1472) = 129,077, so 27,174 more in 10 s.
    flow.resetCounters(sim.nowPs());
    sim.runUntil(70 * Time.S - 1);
    assertEquals(27_174L * 1472, flow.offeredAppBytes());
    assertEquals(27_174L, flow.counters().get("datagramsSent"));
  }

  @Test
  void spacingShrinksAsTheRateRises() {
    // 0 -> 1,472,000 B/s over 1 s: B(t) = 736,000 t^2, so datagram k leaves at sqrt(k / 500) s.
    Simulator sim = new Simulator();
    Traffic flow = TrafficFactory.create(
        new TrafficSpec.Ramp(Kind.UDP, 0, 1_472_000, Time.S), sim,
        TcpConfig.defaults().withWiredOneWayPs(0));
    List<Long> sentPs = new ArrayList<>();
    flow.setDownlink((t, f) -> sentPs.add(t));
    flow.start(0);
    sim.runUntil(Time.S);
    assertEquals(0L, sentPs.get(0));
    assertEquals(Time.S / 10, sentPs.get(5), 1.0); // sqrt(5 / 500) = 0.1 s
    assertEquals(Time.S / 5, sentPs.get(20), 1.0); // sqrt(20 / 500) = 0.2 s
    assertEquals(Time.S, sentPs.get(500), 1.0); // the ramp's end: 736,000 B = 500 datagrams
    assertEquals(501, sentPs.size());
  }

  @Test
  void tcpCapFollowsTheRamp() {
    // 0.5 -> 2 MB/s over 10 s: B(10 s) = 12.5e6 B. The application writes pv's 16 KB burst (11
    // segments) at once, then segment k when B reaches 1448 k: k = 1..8632 before 10 s, since
    // 8632 * 1448 = 12,499,136 < 12.5e6 < 8633 * 1448. So 8643 segments = 12,515,064 B offered.
    Simulator sim = new Simulator();
    Traffic flow = TrafficFactory.create(
        new TrafficSpec.Ramp(Kind.TCP, 500_000, 2_000_000, 10 * Time.S), sim,
        TcpConfig.defaults());
    new LoopbackNet(sim, flow, 500 * Time.US, 100 * Time.US); // 15.5 MB/s: never the limit
    flow.start(0);
    sim.runUntil(9 * Time.S);
    long delivered9 = flow.deliveredAppBytes();
    sim.runUntil(10 * Time.S - 1);
    assertEquals(12_515_064L, flow.offeredAppBytes());

    // Over the last second the cap offers B(10) - B(9) = 12.5e6 - 10.575e6 = 1.925e6 B, and a
    // fast pipe delivers it, give or take the segments in flight at either end.
    long lastSecond = flow.deliveredAppBytes() - delivered9;
    assertEquals(1_925_000, lastSecond, 4 * 1448, "delivered in [9 s, 10 s)");
    assertEquals(0L, flow.counters().get("retransmits"));
  }
}
