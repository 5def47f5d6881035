package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * The report's "CPU seconds by context" summed the contexts' CPU time over the whole run, warm-up
 * included, and left out the hard IRQs that found their CPU idle, while CPU % is the busy time of
 * every CPU after the warm-up. `compare --report` on baseline, tcp:4MB/s, 20 s, seed 1 showed
 * bars adding up to 0.715 CPU s beside a CPU % of 0.994 (0.716 CPU s over the 18 s measured on 4
 * CPUs) only by chance: over the whole run the contexts held 0.715 of 0.806 busy CPU seconds.
 * Each bar must add up to cpuUtilization x CPUs x measured seconds.
 */
final class CpuByContextAddsUpToCpuUtilizationTest {
  private static void assertAddsUp(Architecture arch, long durationPs) {
    Platform p = Platform.defaults().with("run.detail", "true");
    RunResult r = Experiment.run(new RunSpec(arch, p, WorkloadSpec.parse("tcp:4MB/s"),
        durationPs, 1));
    double warm = Math.min(p.ps("run.warmupS"), durationPs / 10) / (double) Time.S;
    double measured = r.simSeconds() - warm;
    double busy = r.cpuUtilization() * p.intValue("host.cpus") * measured;
    double sum = r.detail().cpuSecondsByContext().values().stream()
        .mapToDouble(Double::doubleValue).sum();
    assertEquals(busy, sum, busy * 1e-9, r.detail().cpuSecondsByContext().toString());
  }

  @Test
  void baselineBarsAddUpToItsCpuSecondsAfterTheWarmUp() {
    assertAddsUp(Architecture.BASELINE, 4 * Time.S);
  }

  @Test
  void v3BarsAddUpToItsCpuSecondsAfterTheWarmUp() {
    assertAddsUp(Architecture.V3, 4 * Time.S);
  }
}
