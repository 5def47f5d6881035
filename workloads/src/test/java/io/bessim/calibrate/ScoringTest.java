package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A measurements file with a ratio and an interval, scored against two hand-made runs. The
 * numbers are chosen so that every residual is exact in binary floating point.
 */
final class ScoringTest {
  private static final String FILE = String.join("\n",
      "[capture]",
      "workload = tcp:4MB/s",
      "perSecond.workqueue_execute_start / perSecond.bes2600_rx_cb = 10 | 20% | ratio",
      "perSecond.wsm_cmd_send = 13 | 0..30 | interval",
      "perSecond.irq = 5 | report-only | not counted by these runs",
      "[slow]",
      "workload = tcp:1MB/s",
      "deliveredMBps = 1.0 | 25% | another condition",
      "");

  private static RunResult run(long seed, double wq, double rxCb, double wsm) {
    Map<String, Double> perSecond = new LinkedHashMap<>();
    perSecond.put("workqueue_execute_start", wq);
    perSecond.put("bes2600_rx_cb", rxCb);
    perSecond.put("wsm_cmd_send", wsm);
    return new RunResult("baseline", Map.of(), seed, "tcp:4MB/s", 10, 0, 4, 1.25, 0.1,
        perSecond, 0, 0, null, null);
  }

  @Test
  void aRatioIsTheRatioOfTheMeansAndAnIntervalScoresOnItsSide() {
    Measurements ms = Measurements.parse(FILE, "t");
    Scoring scoring = Scoring.of(ms, Architecture.BASELINE, WorkloadSpec.parse("udp:1MB/s"),
        10 * Time.S);
    Condition capture = scoring.conditions().get(0);
    Map<Condition, List<RunResult>> runs = new LinkedHashMap<>();
    // Means: 1200 work items over 100 frames = 12 per frame (the mean of the per-seed ratios
    // would be 12.02); 6.5 commands per second.
    runs.put(capture, List.of(run(1, 1100, 90, 6), run(2, 1300, 110, 7)));

    Score score = scoring.score(runs);

    assertEquals(3, score.figures().size(), "the other condition was not run: left out");
    Score.Figure ratio = score.figures().get(0);
    assertEquals(12.0, ratio.model(), 1e-12);
    // (12 - 10) / (10 x 20%) = 1: on the band's edge, still inside.
    assertEquals(1.0, ratio.residual(), 1e-12);
    assertTrue(ratio.inside());
    assertNull(ratio.spread(), "no per-seed interval for a ratio");
    Score.Figure interval = score.figures().get(1);
    // Below 13, the band is 13 - 0 wide: (6.5 - 13) / 13 = -0.5.
    assertEquals(-0.5, interval.residual(), 1e-12);
    assertEquals(0.5, interval.spread().halfWidth95() / 12.706, 1e-12); // sd/sqrt(2) = 0.5
    Score.Figure irq = score.figures().get(2);
    assertFalse(irq.counted());
    assertEquals(List.of("perSecond.irq"), score.missingMetrics());
    assertEquals(1.0 + 0.25, score.objective(), 1e-12);
    assertTrue(score.allInside());
    assertEquals(ratio, score.worst());
  }

  @Test
  void sectionsUnderTheSameArchitectureAndWorkloadShareOneCondition() {
    Measurements ms = Measurements.parse(String.join("\n",
        "[a]", "workload = tcp:4MB/s", "deliveredMBps = 1.3 | 15% | x",
        "[b]", "arch = baseline", "workload = tcp:4MB/s", "duration = 3m", "warns = 1 | 1 | y",
        "[c]", "deliveredMBps = 1.0 | 15% | z"), "t");

    Scoring scoring = Scoring.of(ms, Architecture.BASELINE, WorkloadSpec.parse("tcp:1MB/s"),
        60 * Time.S);

    assertEquals(List.of("baseline at tcp:4MB/s", "baseline at tcp:1MB/s"),
        scoring.conditions().stream().map(Condition::describe).toList());
    assertEquals(60 * Time.S, scoring.primary().durationPs(), "the rig's duration is a record");
    assertEquals(List.of("a", "b"),
        scoring.sections(scoring.primary()).stream().map(Section::name).toList());
  }

  @Test
  void aRatioOverZeroIsOutside() {
    Measurements ms = Measurements.parse(FILE, "t");
    Scoring scoring = Scoring.of(ms, Architecture.BASELINE, WorkloadSpec.parse("udp:1MB/s"),
        10 * Time.S);
    Map<Condition, List<RunResult>> runs =
        Map.of(scoring.conditions().get(0), List.of(run(1, 1100, 0, 13)));

    Score score = scoring.score(runs);

    assertTrue(Double.isNaN(score.figures().get(0).model()));
    assertFalse(score.allInside());
    assertEquals(Double.POSITIVE_INFINITY, score.objective());
  }
}
