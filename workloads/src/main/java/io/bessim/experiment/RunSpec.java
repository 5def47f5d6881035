package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;

/**
 * One simulation to run: an architecture on a platform under a workload for a duration. The
 * platform's architecture knobs are applied to {@code arch} here (and its label says so).
 */
public record RunSpec(
    Architecture arch, Platform platform, WorkloadSpec workload, long durationPs, long seed) {
  public RunSpec {
    checkArgument(durationPs > 0, "duration must be positive");
    arch = arch.under(platform);
  }
}
