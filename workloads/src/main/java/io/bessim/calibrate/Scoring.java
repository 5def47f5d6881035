package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A measurements file bound to the simulations that reproduce it: each section gets a
 * {@link Condition} (its architecture and workload, or the fallbacks where the file says nothing,
 * at the simulated duration), and sections with the same condition share its runs.
 *
 * <p>The file's {@code duration} lines record how long the rig ran; every condition is simulated
 * for the same {@code durationPs} instead. The model leaves the firmware's ageing with uptime out
 * and is in steady state within a minute, so a longer run only narrows the seed noise, and the
 * caller chooses that trade against time.
 */
public final class Scoring {
  private final Measurements measurements;
  private final Map<String, Condition> bySection;
  private final List<Condition> conditions;

  private Scoring(Measurements measurements, Map<String, Condition> bySection) {
    this.measurements = measurements;
    this.bySection = bySection;
    List<Condition> distinct = new ArrayList<>();
    for (Condition c : bySection.values()) {
      if (!distinct.contains(c)) distinct.add(c);
    }
    this.conditions = List.copyOf(distinct);
  }

  /**
   * Binds {@code ms}: a section without an {@code arch} line runs {@code arch}, one without a
   * {@code workload} line runs {@code workload}.
   */
  public static Scoring of(
      Measurements ms, Architecture arch, WorkloadSpec workload, long durationPs) {
    checkArgument(durationPs > 0, "duration must be positive");
    Map<String, Condition> by = new LinkedHashMap<>();
    for (Section s : ms.sections()) {
      by.put(s.name(), new Condition(s.arch() != null ? s.arch() : arch,
          s.workload() != null ? s.workload() : workload, durationPs));
    }
    return new Scoring(ms, by);
  }

  public Measurements measurements() {
    return measurements;
  }

  /** The distinct conditions, in the order their sections first appear. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** The condition the figures of {@code section} were measured under. */
  public Condition condition(Section section) {
    return bySection.get(section.name());
  }

  /** The condition of the first section: where predictions are made unless asked otherwise. */
  public Condition primary() {
    return conditions.get(0);
  }

  /** The sections measured under {@code c}. */
  public List<Section> sections(Condition c) {
    return measurements.sections().stream().filter(s -> condition(s).equals(c)).toList();
  }

  /**
   * Scores the figures of every condition {@code runs} holds (one result per seed); figures of
   * conditions not in it are left out, so a caller can score a profile condition by condition.
   */
  public Score score(Map<Condition, List<RunResult>> runs) {
    List<Score.Figure> out = new ArrayList<>();
    for (Section s : measurements.sections()) {
      Condition c = condition(s);
      List<RunResult> rs = runs.get(c);
      if (rs == null) continue;
      for (Measurement m : s.figures()) {
        Quantity q = m.quantity();
        Double model = q.model(rs);
        Summary spread = model == null || q.isRatio() ? null
            : Summary.of(rs.stream().mapToDouble(r -> q.numerator().number(r)).toArray());
        out.add(new Score.Figure(m, c, model, spread, q.missing(rs)));
      }
    }
    return new Score(out);
  }
}
