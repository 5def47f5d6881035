package io.bessim.calibrate;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;

/**
 * One simulation setting a measurements file needs: an architecture under a workload for a
 * simulated time. Sections measured under the same architecture and workload share it, so the
 * pre-flight and capture B (both baseline at tcp:4MB/s) cost one run per seed, not two.
 */
public record Condition(Architecture arch, WorkloadSpec workload, long durationPs) {
  /** {@code baseline at tcp:4MB/s}. */
  public String describe() {
    return arch.cliName() + " at " + workload;
  }

  /** The run of this condition on {@code platform} with {@code seed}. */
  public RunSpec spec(Platform platform, long seed) {
    return new RunSpec(arch, platform, workload, durationPs, seed);
  }

  @Override
  public String toString() {
    return describe();
  }
}
