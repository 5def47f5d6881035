package io.bessim.driver;

import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class HostSmokeTest {
  @Test
  void runsEachArchitecture() {
    for (Architecture a : Architecture.values()) {
      Simulator sim = new Simulator();
      UdpSource src = new UdpSource(sim, Double.parseDouble(System.getenv().getOrDefault("RATE", "2e6")));
      Host h = new Host(sim, Platform.defaults(), a, new RandomStreams(1), src);
      src.start(h.air());
      long w0 = System.nanoTime();
      sim.runUntil(Time.seconds(5));
      System.out.printf("%s delivered %.3f MB/s lost %d events %d wall %.2fs %s busy %.1f%%%n", a,
          src.delivered / 5e6, src.lost, sim.eventsFired(), (System.nanoTime() - w0) / 1e9, h.counts(),
          100.0 * h.kernel().busyPs(sim.nowPs()) / (4 * sim.nowPs()));
    }
  }
}
