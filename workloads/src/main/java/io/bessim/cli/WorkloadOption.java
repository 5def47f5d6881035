package io.bessim.cli;

import io.bessim.experiment.WorkloadSpec;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --workload}: the traffic, parsed by picocli ({@link Converters.Workload}). Null when not
 * given, so a {@code --scenario} or measurements file can supply it.
 */
public final class WorkloadOption {
  /** The workload when neither the option nor a fallback gives one. */
  public static final String DEFAULT = "tcp:4MB/s";

  @Option(
      names = "--workload",
      paramLabel = "KIND:SPEC",
      descriptionKey = "workload",
      converter = Converters.Workload.class,
      description = {
        "Traffic: udp:RATE, tcp:RATE (e.g. tcp:4MB/s),",
        "ramp[-tcp]:RATE-RATE@TIME (ramp:1MB/s-4MB/s@60s),",
        "burst[-udp]:SIZE@RATE/PERIOD (burst:2MB@8MB/s/2s)",
        "or replay:FILE.csv (default: " + DEFAULT + ")."
      })
  WorkloadSpec workload;

  /** Whether {@code --workload} was given. */
  public boolean given() {
    return workload != null;
  }

  /** The workload given, else {@code fallback}'s, else {@link #DEFAULT}. */
  public WorkloadSpec workload(Optional<WorkloadSpec> fallback) {
    return workload != null ? workload : fallback.orElseGet(() -> WorkloadSpec.parse(DEFAULT));
  }
}
