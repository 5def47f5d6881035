package io.bessim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.RunResult;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: the rig's workload, simulated for the stated time. */
final class ScenarioBenchmarkTest {
  @Test
  void benchmarkRunSimulatesSixtySecondsOfTheRigWorkload() {
    ScenarioBenchmark b = new ScenarioBenchmark();
    b.arch = "v3";
    ScenarioBenchmark.Counters counters = new ScenarioBenchmark.Counters();
    RunResult r = b.tcp4MBps(counters);
    assertEquals(ScenarioBenchmark.SIM_SECONDS, r.simSeconds(), 0.0);
    assertEquals("tcp:4MB/s", r.workload());
    assertTrue(r.deliveredMBps() > 1.0, "the run delivered traffic");
    // The counters report the run: its delivered rate, and its events (v3, seed 1, 60 s fires
    // 919,438, counted with Simulator.eventsFired; 1,009,412 before a wire's burst left in one
    // event) per simulated second.
    assertEquals(r.deliveredMBps(), counters.deliveredMBps, 0.0);
    assertEquals(919_438 / 60.0, counters.eventsPerSimSecond, 1e-9);
  }
}
