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
    RunResult r = b.tcp4MBps();
    assertEquals(ScenarioBenchmark.SIM_SECONDS, r.simSeconds(), 0.0);
    assertEquals("tcp:4MB/s", r.workload());
    assertTrue(r.deliveredMBps() > 1.0, "the run delivered traffic");
  }
}
