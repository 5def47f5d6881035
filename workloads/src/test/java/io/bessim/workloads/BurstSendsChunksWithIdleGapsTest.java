package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import io.bessim.workloads.TrafficFactory.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BurstSendsChunksWithIdleGapsTest {
  @Test
  void udpChunkIsSentAtTheBurstRateThenTheSourceIsIdle() {
    // 2 MB at 8 MB/s every 2 s: 1358 full datagrams (1,998,976 B) and one of 1024 B per chunk.
    // Datagram j of a chunk leaves 1472 / 8e6 s = 184 us after datagram j - 1, so the last one
    // (j = 1358) at 249,872 us, and the source is idle for the 1.750128 s left of the period.
    Simulator sim = new Simulator();
    Traffic flow = TrafficFactory.create(
        new TrafficSpec.Burst(Kind.UDP, 2_000_000, 8_000_000, 2 * Time.S), sim,
        TcpConfig.defaults().withWiredOneWayPs(0));
    List<Long> sentPs = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    flow.setDownlink((t, f) -> sentPs.add(t) && frames.add(f));
    flow.start(0);
    sim.runUntil(6 * Time.S - 1);

    assertEquals(6_000_000L, flow.offeredAppBytes()); // three chunks, exactly
    assertEquals(3 * 1359, sentPs.size());
    assertEquals(184 * Time.US, sentPs.get(1));
    assertEquals(249_872 * Time.US, sentPs.get(1358));
    assertEquals(1024, frames.get(1358).appBytes());
    assertEquals(1024 + 82, frames.get(1358).mpduBytes());
    assertEquals(2 * Time.S, sentPs.get(1359)); // the next chunk starts on the period
    assertEquals(4 * Time.S + 249_872 * Time.US, sentPs.get(3 * 1359 - 1));
    assertEquals(1472, frames.get(1359).appBytes());
  }

  @Test
  void tcpChunkIsDeliveredThenNothingUntilTheNextPeriod() {
    // TCP rounds the chunk up to whole segments: ceil(2e6 / 1448) = 1382 segments = 2,001,136 B,
    // written one per 1448 / 8e6 s = 181 us, so the last at 0.24742 s; pv's start-up burst is off.
    Simulator sim = new Simulator();
    Traffic flow = TrafficFactory.create(
        new TrafficSpec.Burst(Kind.TCP, 2_000_000, 8_000_000, 2 * Time.S), sim,
        TcpConfig.defaults());
    new LoopbackNet(sim, flow, 500 * Time.US, 100 * Time.US); // 15.5 MB/s: faster than the burst
    flow.start(0);
    sim.runUntil(Time.S / 2);
    assertEquals(2_001_136L, flow.offeredAppBytes());
    assertEquals(2_001_136L, flow.deliveredAppBytes()); // all of it, in well under 0.5 s
    sim.runUntil(2 * Time.S - 1);
    assertEquals(2_001_136L, flow.deliveredAppBytes()); // idle gap: nothing more
    sim.runUntil(6 * Time.S - 1);
    assertEquals(3 * 2_001_136L, flow.offeredAppBytes());
    assertEquals(3 * 2_001_136L, flow.deliveredAppBytes());
    assertEquals(3 * 1382L, flow.counters().get("segmentsSent"));
  }

  @Test
  void aChunkThatDoesNotFitItsPeriodIsRefused() {
    // 2 MB at 1 MB/s takes 2 s: longer than a 1.5 s period.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrafficSpec.Burst(Kind.TCP, 2_000_000, 1_000_000, 1_500 * Time.MS));
    assertEquals("a 2000000-B chunk at 1000000 B/s takes longer than its 1500000000000-ps period",
        e.getMessage());
  }
}
