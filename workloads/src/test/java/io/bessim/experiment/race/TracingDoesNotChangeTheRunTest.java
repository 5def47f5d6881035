package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.KernelTracer;
import io.bessim.driver.kernel.Op;
import io.bessim.driver.kernel.Routine;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TracingDoesNotChangeTheRunTest {
  private static final KernelTracer COUNTING = new KernelTracer() {
    @Override
    public void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {}

    @Override
    public void running(Ctx ctx, int cpu, long fromPs, long toPs) {}

    @Override
    public void hardIrq(int cpu, long startPs, long endPs, String what) {}

    @Override
    public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {}

    @Override
    public void workStart(long atPs, WorkItem w) {}
  };

  private static String run(boolean traced) {
    Experiment.Setup s = Experiment.build(new RunSpec(Architecture.V1, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), Time.S, 3));
    Host h = s.host();
    if (traced) h.kernel().setTracer(COUNTING);
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
