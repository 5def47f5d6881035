package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One architecture's runs reduced to mean and 95% interval across seeds. {@code firstWarnSec} and
 * {@code wedgedAtSec} summarise only the seeds where the event happened; their {@code n} says how
 * many did (0 and NaN mean if none).
 */
public record ArchSummary(
    String arch,
    Map<String, String> archSpec,
    int n,
    Summary offeredMBps,
    Summary deliveredMBps,
    Summary cpuUtilization,
    Map<String, Summary> perSecond,
    Summary lostUpdates,
    Summary warns,
    Summary firstWarnSec,
    Summary wedgedAtSec) {

  /** Groups results by architecture, in order of first appearance. */
  public static List<ArchSummary> of(List<RunResult> results) {
    Map<String, List<RunResult>> byArch = new LinkedHashMap<>();
    for (RunResult r : results) byArch.computeIfAbsent(r.arch(), a -> new ArrayList<>()).add(r);
    List<ArchSummary> out = new ArrayList<>();
    byArch.forEach((arch, runs) -> out.add(ofArch(arch, runs)));
    return out;
  }

  /** Summarises the runs of one architecture. */
  public static ArchSummary ofArch(String arch, List<RunResult> runs) {
    checkArgument(!runs.isEmpty(), "no runs for %s", arch);
    Map<String, Summary> perSecond = new LinkedHashMap<>();
    for (RunResult r : runs) {
      for (String key : r.perSecond().keySet()) {
        perSecond.computeIfAbsent(
            key,
            k -> summarise(runs, x -> x.perSecond().get(k)));
      }
    }
    return new ArchSummary(
        arch,
        runs.get(0).archSpec(),
        runs.size(),
        summarise(runs, RunResult::offeredMBps),
        summarise(runs, RunResult::deliveredMBps),
        summarise(runs, RunResult::cpuUtilization),
        perSecond,
        summarise(runs, r -> (double) r.lostUpdates()),
        summarise(runs, r -> (double) r.warns()),
        summarise(runs, RunResult::firstWarnSec),
        summarise(runs, RunResult::wedgedAtSec));
  }

  /** Summary over the runs where {@code metric} is present. */
  private static Summary summarise(List<RunResult> runs, Function<RunResult, Double> metric) {
    return Summary.of(
        runs.stream().map(metric).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
            .toArray());
  }
}
