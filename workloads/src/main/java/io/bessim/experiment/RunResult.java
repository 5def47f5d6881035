package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run measured; {@link Metric} declares each component (key, unit, meaning) in this
 * order, and {@code perSecond} holds declared counters only, in insertion order. Rates are per
 * simulated second; MB are 10^6 bytes. {@code cpuUtilization} is the busy fraction of all host
 * CPUs together (1.0 = every CPU busy all the time; reports show it as a percentage).
 * {@code firstWarnSec} and {@code wedgedAtSec} are simulated seconds, null if it never happened.
 * {@code arch} is the architecture's label as written ({@code v3+rx.delivery=batch}) and
 * {@code archSpec} every knob's resolved value. {@code checkViolations} is null unless the run
 * was checked ({@code --check}): then the invariant violations by name, empty when none.
 * {@code detail} feeds the HTML report's charts.
 */
public record RunResult(
    String arch,
    Map<String, String> archSpec,
    long seed,
    String workload,
    double simSeconds,
    double wallSeconds,
    double offeredMBps,
    double deliveredMBps,
    double cpuUtilization,
    Map<String, Double> perSecond,
    long lostUpdates,
    long warns,
    Double firstWarnSec,
    Double wedgedAtSec,
    Map<String, Long> checkViolations,
    RunDetail detail) {

  /** A run made without {@code --check} and without {@link RunDetail} (tests, fakes, files). */
  public RunResult(String arch, Map<String, String> archSpec, long seed, String workload,
      double simSeconds, double wallSeconds, double offeredMBps, double deliveredMBps,
      double cpuUtilization, Map<String, Double> perSecond, long lostUpdates, long warns,
      Double firstWarnSec, Double wedgedAtSec) {
    this(arch, archSpec, seed, workload, simSeconds, wallSeconds, offeredMBps, deliveredMBps,
        cpuUtilization, perSecond, lostUpdates, warns, firstWarnSec, wedgedAtSec, null,
        RunDetail.NONE);
  }

  /** This run with what {@code --check} found: violations by invariant, empty when none. */
  public RunResult withCheckViolations(Map<String, Long> violations) {
    return new RunResult(arch, archSpec, seed, workload, simSeconds, wallSeconds, offeredMBps,
        deliveredMBps, cpuUtilization, perSecond, lostUpdates, warns, firstWarnSec, wedgedAtSec,
        // In name order, as RunCheck gives them: Map.copyOf's order changes with every JVM, so
        // the check line and the JSON differed between two runs of one seed.
        Collections.unmodifiableMap(new TreeMap<>(violations)), detail);
  }

  public RunResult {
    for (String name : perSecond.keySet()) {
      checkArgument(Metric.counter(name) != null,
          "perSecond.%s is not a counter Metric declares", name);
    }
  }
}
