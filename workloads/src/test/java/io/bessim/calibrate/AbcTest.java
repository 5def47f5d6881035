package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Rejection ABC on a fake model whose baseline output is a known function of the two free
 * parameters of the built-in profile: delivered = rxPoolFrames / 10 MB/s and sdio_rx_work =
 * rxProcessingUs /s at tcp:4MB/s. Delivered 1.0 MB/s within 20% then means a pool of 8 to 12
 * frames, and 50 /s in 20..60 a processing time of 20 to 60 us: a candidate is inside exactly when
 * both hold, which the test checks candidate by candidate from the design. Asking for as many
 * profiles as there are candidates keeps every one inside.
 */
final class AbcTest {
  private static final String FILE = String.join("\n",
      "[fast]", "workload = tcp:4MB/s",
      "deliveredMBps = 1.0 | 20% | pool 8..12",
      "perSecond.sdio_rx_work = 50 | 20..60 | processing 20..60 us",
      "[slow]", "workload = tcp:1MB/s",
      "deliveredMBps = 1.0 | 10% | always inside",
      "");

  /** The fake model; records every spec, from any thread. */
  static final class Model implements Function<RunSpec, RunResult> {
    final List<RunSpec> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public RunResult apply(RunSpec spec) {
      seen.add(spec);
      Platform p = spec.platform();
      boolean slow = spec.workload().toString().equals("tcp:1MB/s");
      Map<String, Double> perSecond = new LinkedHashMap<>();
      perSecond.put("sdio_rx_work", p.number("fw.rxProcessingUs"));
      // pool / 10 rather than 0.1 x pool: 12 / 10 is the double nearest 1.2, 0.1 x 12 is above it.
      double delivered = slow ? 1.0 : p.number("fw.rxPoolFrames") / 10;
      return new RunResult(spec.arch().cliName(), spec.arch().spec(), spec.seed(),
          spec.workload().toString(), 10, 0, 4, delivered, 0.1, perSecond, 0, 0, null, null);
    }
  }

  private static Abc.Plan plan(int wanted, int max, int threads) {
    Scoring scoring = Scoring.of(Measurements.parse(FILE, "fake"), Architecture.BASELINE,
        WorkloadSpec.parse("tcp:4MB/s"), 10 * Time.S);
    Platform p = Platform.defaults();
    return new Abc.Plan(scoring, p, FitParam.free(p), 5, wanted, max, threads);
  }

  /** The candidates the test expects inside, worked out from the design alone. */
  private static List<Integer> insideByHand(Abc.Plan plan, int n) {
    Design d = new Design(2, plan.seed());
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] u = d.point(i);
      double pool = Double.parseDouble(plan.params().get(0).draw(u[0]));
      double us = Double.parseDouble(plan.params().get(1).draw(u[1]));
      if (pool >= 8 && pool <= 12 && us >= 20 && us <= 60) out.add(i);
    }
    return out;
  }

  @Test
  void keepsExactlyTheCandidatesInsideEveryBand() throws InterruptedException {
    Abc.Plan plan = plan(300, 300, 2);
    Model model = new Model();

    Abc.Result r = Abc.run(plan, model, Abc.Listener.NONE);

    List<Integer> expected = insideByHand(plan, 300);
    assertTrue(expected.size() >= 5, "the test needs some inside: " + expected);
    assertEquals(expected, r.kept().stream().map(Abc.Candidate::index).toList());
    assertEquals(300, r.tried());
    for (Abc.Candidate c : r.kept()) {
      assertEquals(plan.seed() + c.index(), c.seed());
      assertEquals(2, c.runs().size(), "kept: simulated under both conditions");
    }
  }

  @Test
  void aCandidateOutsideABandIsNotSimulatedFurther() throws InterruptedException {
    Abc.Plan plan = plan(100, 100, 2);
    Model model = new Model();

    Abc.Result r = Abc.run(plan, model, Abc.Listener.NONE);

    long slowRuns = model.seen.stream()
        .filter(s -> s.workload().toString().equals("tcp:1MB/s")).count();
    assertEquals(r.accepted(), slowRuns, "only the candidates inside at tcp:4MB/s run tcp:1MB/s");
    Abc.Tally slow = r.tallies().get(2);
    assertEquals(slowRuns, slow.scored());
    assertEquals(slowRuns, slow.inside());
    assertEquals(100, r.tallies().get(0).scored());
  }

  @Test
  void stopsAtTheCandidateThatCompletesTheWantedNumberWhateverTheThreads()
      throws InterruptedException {
    List<Integer> inside = insideByHand(plan(3, 1000, 1), 1000);

    for (int threads : new int[] {1, 3}) {
      Abc.Result r = Abc.run(plan(3, 1000, threads), new Model(), Abc.Listener.NONE);

      assertEquals(inside.subList(0, 3), r.kept().stream().map(Abc.Candidate::index).toList());
      assertEquals(inside.get(2) + 1, r.tried(), "tried up to the third kept candidate");
    }
  }

  @Test
  void aModelThatCountsNoneOfTheFittedFiguresIsBadInput() {
    Scoring scoring = Scoring.of(Measurements.parse("perSecond.irq = 5 | 10% | s", "odd"),
        Architecture.BASELINE, WorkloadSpec.parse("tcp:4MB/s"), 10 * Time.S);
    Abc.Plan plan = new Abc.Plan(scoring, Platform.defaults(), FitParam.free(Platform.defaults()),
        1, 1, 10, 1);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Abc.run(plan, new Model(), Abc.Listener.NONE));

    assertEquals("the model counts none of the fitted figures of odd (it lacks perSecond.irq):"
        + " nothing to match", e.getMessage());
  }

  @Test
  void noneKeptStillReportsTheClosest() throws InterruptedException {
    Scoring scoring = Scoring.of(Measurements.parse("deliveredMBps = 50 | 1% | impossible", "x"),
        Architecture.BASELINE, WorkloadSpec.parse("tcp:4MB/s"), 10 * Time.S);
    Abc.Plan plan = new Abc.Plan(scoring, Platform.defaults(), FitParam.free(Platform.defaults()),
        1, 2, 40, 2);

    Abc.Result r = Abc.run(plan, new Model(), Abc.Listener.NONE);

    assertTrue(r.kept().isEmpty());
    assertEquals(40, r.tried());
    assertFalse(r.closest().accepted());
    // Closest to 50 MB/s is the largest pool drawn: delivered 0.1 x pool.
    double best = r.closest().runs().values().iterator().next().deliveredMBps();
    for (int i = 0; i < 40; i++) {
      double pool = Double.parseDouble(plan.params().get(0)
          .draw(new Design(2, 1).point(i)[0]));
      assertTrue(0.1 * pool <= best + 1e-12);
    }
  }
}
