package io.bessim.experiment.race;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.race.InterleavingsReport;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short run behind a {@code race interleavings} section: simulates the architecture for
 * {@link InterleavingsReport#OBSERVE_PS} to see which contexts execute the two routines that update
 * hw_bufs_used, then lets {@link InterleavingsReport} enumerate their interleavings.
 */
public final class InterleavingsRun {
  private InterleavingsRun() {}

  public static InterleavingsReport.Section section(Architecture arch, Platform platform,
      WorkloadSpec workload, long seed, long start) {
    Experiment.Setup s = Experiment.build(new RunSpec(arch, platform, workload,
        InterleavingsReport.OBSERVE_PS, seed));
    Bes2600Driver d = s.host().driver();
    Map<String, Map<String, Integer>> who = observeWriters(s, d.hw_bufs_used);
    return InterleavingsReport.section(arch, d, who, workload.toString(), seed, start);
  }

  /** Which contexts wrote {@code cell} from which routine, in a short run. */
  private static Map<String, Map<String, Integer>> observeWriters(Experiment.Setup s,
      Cell cell) {
    Map<String, Map<String, Integer>> who = new LinkedHashMap<>();
    s.host().kernel().setAccessLog((at, c, ctx, routine, kind, before, after, locks, lost) -> {
      if (c == cell && (kind == 'W' || kind == 'A')) {
        who.computeIfAbsent(routine, k -> new LinkedHashMap<>())
            .putIfAbsent(ctx.name(), ctx.cpuId());
      }
    });
    s.sim().runUntil(InterleavingsReport.OBSERVE_PS);
    s.host().kernel().setAccessLog(null);
    return who;
  }
}
