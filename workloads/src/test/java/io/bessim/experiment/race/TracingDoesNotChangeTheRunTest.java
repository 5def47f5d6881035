package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.driver.kernel.KernelTracer;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TracingDoesNotChangeTheRunTest {
  // Any tracer switches the interpreter to op by op; this one reads nothing.
  private static final KernelTracer READS_NOTHING = new KernelTracer() {};

  private static String run(boolean traced) {
    Experiment.Setup s = Experiment.build(new RunSpec(Architecture.V1, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), Time.S, 3));
    Host h = s.host();
    if (traced) h.kernel().setTracer(READS_NOTHING);
    s.sim().runUntil(300 * Time.MS);
    Map<String, Long> counts = h.counts();
    return counts + " lost " + h.kernel().lostUpdates() + " events " + s.sim().eventsFired()
        + " delivered " + s.traffic().deliveredAppBytes();
  }

  @Test
  void sameEventsCountsAndLostUpdatesWithOrWithoutTheTracer() {
    assertEquals(run(false), run(true));
  }
}
