package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stands in for the simulator: the result is a pure function of the spec (wallSeconds aside), and
 * every spec it was given is recorded.
 */
final class FakeRunner implements Function<RunSpec, RunResult> {
  private final List<RunSpec> seen = new ArrayList<>();

  @Override
  public RunResult apply(RunSpec spec) {
    synchronized (seen) {
      seen.add(spec);
    }
    int a = Math.max(0, Architecture.presets().stream().map(Architecture::label).toList()
        .indexOf(spec.arch().label().split("\\+")[0]));
    long seed = spec.seed();
    double offered = spec.workload().bytesPerSecond() / 1e6;
    Map<String, Double> perSecond = new LinkedHashMap<>();
    perSecond.put("sdio_rx_work", 1000.0 + 10 * a + seed);
    perSecond.put("sdio_tx_work", 900.0 + a + 0.5 * seed);
    perSecond.put("workqueue_execute_start", 2500.0 + 3 * seed);
    perSecond.put("bh_wakeups", 3000.0 - 100 * a + seed);
    perSecond.put("lock_contention", 5.0 * a + 0.1 * seed);
    boolean warns = a == 1 && seed % 2 == 1; // v1 warns on odd seeds
    return new RunResult(
        spec.arch().cliName(),
        spec.arch().spec(),
        seed,
        spec.workload().toString(),
        Time.toSeconds(spec.durationPs()),
        System.nanoTime() % 1000 / 1000.0, // wall time really does vary
        offered,
        offered * (0.9 + 0.01 * a) - 0.001 * seed,
        0.2 + 0.05 * a + 0.001 * seed,
        perSecond,
        a == 1 ? 3 * seed : 0,
        warns ? 1 : 0,
        warns ? 10.0 + seed : null,
        a == 1 && seed == 1 ? 42.5 : null);
  }

  /** The specs run so far, in the order they started. */
  List<RunSpec> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }
}
