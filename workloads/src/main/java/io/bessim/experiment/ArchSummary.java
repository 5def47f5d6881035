package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One architecture's runs reduced to mean and 95% interval across seeds, for each measured
 * {@link Metric} (a counter only if some run counted it). An {@link Metric.Kind#EVENT} is
 * summarised over the seeds where it happened; its {@code n} says how many did (0 and NaN mean if
 * none).
 *
 * @param arch the architecture's label, as in its runs
 * @param archSpec every knob's resolved value, as in its runs
 * @param summaries by metric, in declaration order
 */
public record ArchSummary(
    String arch, Map<String, String> archSpec, int n, Map<Metric, Summary> summaries) {
  public ArchSummary {
    Map<Metric, Summary> copy = new EnumMap<>(Metric.class);
    copy.putAll(summaries);
    summaries = Collections.unmodifiableMap(copy);
  }

  /** The summary of {@code m}; null for a counter no run counted, or a label. */
  public Summary get(Metric m) {
    return summaries.get(m);
  }

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
    Map<Metric, Summary> out = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      if (!m.measured()) continue;
      if (m.kind() == Metric.Kind.COUNTER
          && runs.stream().noneMatch(r -> r.perSecond().containsKey(m.counter()))) {
        continue;
      }
      out.put(m, summarise(runs, m));
    }
    return new ArchSummary(arch, runs.get(0).archSpec(), runs.size(), out);
  }

  /** Summary over the runs where {@code m} is present. */
  private static Summary summarise(List<RunResult> runs, Metric m) {
    return Summary.of(runs.stream().map(m::number).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).toArray());
  }
}
