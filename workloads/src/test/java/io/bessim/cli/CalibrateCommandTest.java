package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny calibration against a fake model whose figures are known functions of two parameters, so
 * the right answer is worked out by hand: delivered = 1 + 0.01 x rxProcessingUs MB/s is 1.8 at
 * 80 us, and sdio_rx_work = 10 x rxPoolFrames /s is 140 at 14 frames. Each seed adds noise that
 * cancels over seeds 1..3 (seed - 2 = -1, 0, +1), so the mean is exact. v1 warns twice a run
 * from 15 frames on, so only the sensitivity study's +1 frame probe sees it. At tcp:1MB/s the
 * model delivers half as much, which the two-section test uses.
 */
final class CalibrateCommandTest {
  private static final String MEASURED = String.join("\n",
      "arch = baseline",
      "workload = tcp:4MB/s",
      "deliveredMBps = 1.8 | 0.1 | fake: 1 + 0.01 x rxProcessingUs, so 80 us",
      "perSecond.sdio_rx_work = 140 | 10% | fake: 10 x rxPoolFrames, so 14 frames",
      "perSecond.workqueue_execute_start = 600 | report-only | printed, not fitted",
      "");

  @TempDir Path dir;

  /** The fake model: a pure function of the spec, safe to call from many threads. */
  static final class LinearModel implements Function<RunSpec, RunResult> {
    final List<RunSpec> seen = new ArrayList<>();

    @Override
    public RunResult apply(RunSpec spec) {
      synchronized (seen) {
        seen.add(spec);
      }
      Platform p = spec.platform();
      double noise = spec.seed() - 2;
      Map<String, Double> perSecond = new LinkedHashMap<>();
      perSecond.put("sdio_rx_work", 10 * p.number("fw.rxPoolFrames") + noise);
      perSecond.put("workqueue_execute_start", 500.0 + 5 * Architecture.presets().indexOf(spec.arch()));
      double delivered = (1 + 0.01 * p.number("fw.rxProcessingUs") + 0.002 * noise
          + 0.1 * Architecture.presets().indexOf(spec.arch()))
          * (spec.workload().toString().equals("tcp:1MB/s") ? 0.5 : 1);
      boolean warns = spec.arch().cliName().equals("v1") && p.number("fw.rxPoolFrames") >= 15;
      return new RunResult(spec.arch().cliName(), spec.arch().spec(), spec.seed(),
          spec.workload().toString(),
          Time.toSeconds(spec.durationPs()), 0.0, 4.0, delivered, 0.1, perSecond, 0,
          warns ? 2 : 0, warns ? 1.0 : null, null);
    }
  }

  private Path measurements() throws IOException {
    Path f = dir.resolve("fake.measurements");
    Files.writeString(f, MEASURED);
    return f;
  }

  private Cli.Outcome calibrate(Function<RunSpec, RunResult> model, String... extra)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("calibrate", "--measurements",
        measurements().toString(), "--duration", "10s", "--out",
        dir.resolve("fit.profile").toString()));
    args.addAll(List.of(extra));
    return Cli.run(model, args.toArray(String[]::new));
  }

  @Test
  void recoversTheParametersOfAKnownModel() throws IOException {
    Cli.Outcome o = calibrate(new LinearModel(), "--threads", "2");

    assertEquals(0, o.exit(), o.err());
    Matcher m = Pattern.compile(
        "best fit \\(point \\d+\\): fw.rxPoolFrames = (\\d+) frames, fw.rxProcessingUs = ([0-9.]+)"
            + " us").matcher(o.out());
    assertTrue(m.find(), o.out());
    assertEquals("14", m.group(1), o.out());
    // The search stops once its simplex is within 1% of the start value (0.6 us) on that axis.
    assertEquals(80, Double.parseDouble(m.group(2)), 0.6, o.out());
    assertTrue(o.out().contains("the simplex is small"), o.out());
    assertTrue(o.out().matches("(?s).*\\nperSecond.sdio_rx_work\\s+140\\.0 /s\\s+±10%"
        + "\\s+140\\.0 ±2\\.5 /s\\s+\\+0\\.0%\\s+\\+0\\.00\\s+inside\\n.*"), o.out());
    assertTrue(o.out().matches("(?s).*\\nperSecond.workqueue_execute_start\\s+600\\.0 /s\\s+-"
        + "\\s+500\\.0 ±0\\.0 /s\\s+-16\\.7%\\s+-\\s+report-only\\n.*"), o.out());
  }

  @Test
  void calibrateToStandardOutputSuggestsAFileNotProfileDash()
      throws IOException {
    List<String> args = new ArrayList<>(List.of("calibrate", "--measurements",
        measurements().toString(), "--duration", "10s", "--max-evals", "3", "--out", "-"));
    Cli.Outcome o = Cli.run(new LinearModel(), args.toArray(String[]::new));

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("fw.rxPoolFrames"), o.out());
    // 'compare --profile -' is refused ("no such file -"), so the hint must not suggest it.
    assertFalse(o.err().contains("--profile -"), o.err());
    assertTrue(o.err().contains("wrote the profile to standard output; save it as FILE and"
        + " predict the other architectures with: bessim compare --profile FILE --workload"
        + " tcp:4MB/s\n"), o.err());
    assertEquals(2, Cli.run(new LinearModel(), "compare", "--profile", "-").exit());
  }

  @Test
  void writesAProfileThatCompareReads() throws IOException {
    LinearModel model = new LinearModel();
    assertEquals(0, calibrate(model).exit());
    Path out = dir.resolve("fit.profile");

    Platform p = Platform.load(out);
    assertEquals(14, p.intValue("fw.rxPoolFrames"));
    Platform.Param pool = p.params().stream()
        .filter(q -> q.name().equals("fw.rxPoolFrames")).findFirst().orElseThrow();
    assertEquals("fitted", pool.kind());
    assertEquals("frames", pool.unit());
    assertTrue(pool.source().startsWith("fitted by 'bessim calibrate --measurements "),
        pool.source());
    assertFalse(pool.source().matches(".*\\d{4}-\\d{2}-\\d{2}.*"), "no date: " + pool.source());
    assertEquals(Platform.defaults().string("fw.numInpChBufs"), p.string("fw.numInpChBufs"));
    assertEquals(Platform.defaults().params().size(), p.params().size());

    LinearModel again = new LinearModel();
    Cli.Outcome c = Cli.run(again, "compare", "--profile", out.toString(), "--seeds", "1");
    assertEquals(0, c.exit(), c.err());
    assertTrue(again.seen.stream().allMatch(s -> s.platform().intValue("fw.rxPoolFrames") == 14));
  }

  @Test
  void printsEveryPointThenResidualsThenSensitivityOfEveryArchitecture() throws IOException {
    Cli.Outcome o = calibrate(new LinearModel());

    String out = o.out();
    // By hand at the start: delivered (1.6 - 1.8) / 1.8 / 0.1 = -1.1111, squared 1.2346;
    // rx_work (110 - 140) / 140 / 0.1 = -2.1429, squared 4.5918; the sum is 5.8264.
    assertTrue(out.contains("point  1: fw.rxPoolFrames=11 frames, fw.rxProcessingUs=60 us ->"
        + " objective 5.826; 0 of 2 fitted figures inside, worst perSecond.sdio_rx_work -2.14\n"),
        out);
    int best = out.indexOf("best fit");
    int residuals = out.indexOf("residuals at the best fit");
    int sensitivity = out.indexOf("sensitivity (mean across 3 seeds");
    assertTrue(0 < best && best < residuals && residuals < sensitivity, out);
    for (String arch : List.of("v1", "v2", "v3")) {
      assertTrue(out.contains(arch + " deliveredMBps at tcp:4MB/s"), out);
    }
    assertTrue(out.contains("fw.rxPoolFrames=13 (-1)"), out);
    assertTrue(out.contains("fw.rxPoolFrames=15 (+1)"), out);
    // v1 warns only at the +1 frame probe: its row shows 0 at the best fit and 2 there.
    assertTrue(out.matches("(?s).*\\nv1 warns at tcp:4MB/s\\s+count\\s+0\\.000\\s+0\\.000 \\(-\\)"
        + "\\s+2\\.000 \\(-\\).*"), out);
    assertFalse(out.contains("v2 warns"), out);
  }

  @Test
  void sensitivityWithOneSeedSaysSeedNotSeeds() throws IOException {
    Cli.Outcome o = calibrate(new LinearModel(), "--seeds", "1");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("sensitivity (mean across 1 seed; "), o.out());
    assertFalse(o.out().contains("1 seeds"), o.out());
  }

  @Test
  void resultDoesNotDependOnTheNumberOfThreads() throws IOException {
    Cli.Outcome one = calibrate(new LinearModel(), "--threads", "1");
    String profileOne = Files.readString(dir.resolve("fit.profile"));
    Cli.Outcome four = calibrate(new LinearModel(), "--threads", "4");

    assertEquals(one.out(), four.out());
    assertEquals(profileOne, Files.readString(dir.resolve("fit.profile")));
  }

  @Test
  void aFigureTheModelDoesNotCountIsLeftOutOfTheFitAndSaidSo() throws IOException {
    Path f = dir.resolve("partial.measurements");
    // perSecond.irq is declared, but this runner leaves it out of perSecond.
    Files.writeString(f, MEASURED + "perSecond.irq = 5 | 0.1 | a counter the model lacks\n");

    Cli.Outcome o = Cli.run(new LinearModel(), "calibrate", "--measurements", f.toString(),
        "--duration", "10s", "--out", dir.resolve("x.profile").toString());

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("note: the model counts no perSecond.irq, so 1 figure cannot be"
        + " scored and is left out of the fit (rows marked 'not counted')\n"), o.out());
    assertTrue(o.out().contains("0 of 2 fitted figures inside"), o.out());
    assertTrue(o.out().matches("(?s).*\\nperSecond.irq\\s+5\\.000 /s\\s+±10%\\s+-\\s+-\\s+-"
        + "\\s+not counted\\n.*"), o.out());
  }

  @Test
  void aFileWhoseFittedFiguresTheModelAllLacksIsBadInput() throws IOException {
    Path f = dir.resolve("odd.measurements");
    Files.writeString(f, "perSecond.irq = 5 | 0.1 | made up\n");

    Cli.Outcome o = Cli.run(new LinearModel(), "calibrate", "--measurements", f.toString(),
        "--out", dir.resolve("x.profile").toString());

    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("bessim: the model counts none of the fitted figures of "
        + f + " (it lacks perSecond.irq): nothing to fit"), o.err());
    assertFalse(Files.exists(dir.resolve("x.profile")));
  }

  @Test
  void aRatioOverACountTheModelKeepsAtZeroIsNoFitAndWritesNoProfile() throws IOException {
    Path f = dir.resolve("ratio.measurements");
    Files.writeString(f, MEASURED
        + "perSecond.sdio_rx_work / perSecond.bh_wakeups = 2 | 10% | bh_wakeups is 0 here\n");
    LinearModel linear = new LinearModel();
    Function<RunSpec, RunResult> zeroBh = spec -> {
      RunResult r = linear.apply(spec);
      Map<String, Double> perSecond = new LinkedHashMap<>(r.perSecond());
      perSecond.put("bh_wakeups", 0.0);
      return new RunResult(r.arch(), r.archSpec(), r.seed(), r.workload(), r.simSeconds(),
          r.wallSeconds(), r.offeredMBps(), r.deliveredMBps(), r.cpuUtilization(), perSecond,
          r.lostUpdates(), r.warns(), r.firstWarnSec(), r.wedgedAtSec());
    };
    Path out = dir.resolve("none.profile");

    Cli.Outcome o = Cli.run(zeroBh, "calibrate", "--measurements", f.toString(), "--duration",
        "10s", "--max-evals", "6", "--out", out.toString());

    assertEquals(3, o.exit(), o.err());
    assertEquals("bessim: no fit: at every point the model gives no finite value for"
        + " perSecond.sdio_rx_work / perSecond.bh_wakeups (a ratio over zero); no profile"
        + " written; mark it report-only or measure another figure\n", o.err());
    assertTrue(o.out().contains("residuals at the best fit"), o.out());
    assertFalse(Files.exists(out));
  }

  @Test
  void fitsEverySectionAtOnceEachUnderItsOwnWorkload() throws IOException {
    Path f = dir.resolve("two.measurements");
    // Only the 1 MB/s section pins rxProcessingUs (0.5 x (1 + 0.01 x 80) = 0.9), only the 4 MB/s
    // section pins the pool: the fit needs both.
    Files.writeString(f, String.join("\n",
        "[fast]", "workload = tcp:4MB/s",
        "perSecond.sdio_rx_work = 140 | 10% | 14 frames",
        "[slow]", "workload = tcp:1MB/s", "duration = 10m",
        "deliveredMBps = 0.9 | 0.1 | 80 us", ""));
    LinearModel model = new LinearModel();

    Cli.Outcome o = Cli.run(model, "calibrate", "--measurements", f.toString(), "--duration",
        "10s", "--out", dir.resolve("two.profile").toString());

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().startsWith("calibrating to " + f + ": 2 figures fitted, 0 report-only,"
        + " under 2 conditions: baseline at tcp:4MB/s ([fast]); baseline at tcp:1MB/s ([slow])\n"),
        o.out());
    Platform p = Platform.load(dir.resolve("two.profile"));
    assertEquals(14, p.intValue("fw.rxPoolFrames"));
    assertEquals(80, p.number("fw.rxProcessingUs"), 0.6);
    assertTrue(o.out().matches("(?s).*\\nslow\\s+deliveredMBps\\s+0\\.900 MB/s.*"), o.out());
    // Every baseline run is 10 s long, the 10-minute section's too: its duration is a record.
    assertTrue(model.seen.stream().allMatch(s -> s.durationPs() == 10 * Time.S));
    long at1 = model.seen.stream()
        .filter(s -> s.arch().cliName().equals("baseline")
            && s.workload().toString().equals("tcp:1MB/s")).count();
    long at4 = model.seen.stream()
        .filter(s -> s.arch().cliName().equals("baseline")
            && s.workload().toString().equals("tcp:4MB/s")).count();
    assertEquals(at1, at4, "every point runs both conditions");
  }

  @Test
  void aCounterNoMetricDeclaresIsRefusedBeforeAnythingRuns() throws IOException {
    Path f = dir.resolve("odd.measurements");
    Files.writeString(f, "perSecond.no_such_counter = 5 | 0.1 | made up\n");
    LinearModel model = new LinearModel();

    Cli.Outcome o = Cli.run(model, "calibrate", "--measurements", f.toString(),
        "--out", dir.resolve("x.profile").toString());

    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("bessim: " + f + ":1: unknown counter 'no_such_counter' in"
        + " 'perSecond.no_such_counter' (known: sdio_rx_work, "), o.err());
    assertTrue(model.seen.isEmpty());
  }

  @Test
  void everyPointRunsTheSameSeedsAndNoPointRunsTwice() throws IOException {
    LinearModel model = new LinearModel();
    Cli.Outcome o = calibrate(model, "--seeds", "2", "--seed-base", "7", "--max-evals", "12");

    assertEquals(0, o.exit(), o.err());
    List<RunSpec> baseline = model.seen.stream()
        .filter(s -> s.arch().cliName().equals("baseline")).toList();
    Map<String, List<Long>> seedsByPoint = new LinkedHashMap<>();
    for (RunSpec s : baseline) {
      String key = s.platform().string("fw.rxPoolFrames") + "/"
          + s.platform().string("fw.rxProcessingUs");
      seedsByPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(s.seed());
    }
    for (List<Long> seeds : seedsByPoint.values()) {
      assertEquals(List.of(7L, 8L), seeds.stream().sorted().toList());
    }
    long points = o.out().lines().filter(l -> l.startsWith("point ")).count();
    assertTrue(points <= 12, "at most max-evals points: " + points);
  }
}
