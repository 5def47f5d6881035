package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The shared option mixins are declared once, but each command keeps its own help wording and
 * defaults (Options.properties); users and scripts read these.
 */
final class SharedOptionsKeepEachCommandsHelpTest {
  @Test
  void compareAndRunUseTheMixinsOwnWording() {
    for (String cmd : new String[] {"compare", "run"}) {
      String help = oneLine(cmd);
      assertTrue(help.contains("--duration=TIME Simulated time per run, e.g. 180s, 500ms, 3m,"),
          help);
      assertTrue(help.contains("1.5s (default: " + DurationOption.DEFAULT + ")."), help);
      assertTrue(help.contains("(default: " + WorkloadOption.DEFAULT + ")."), help);
      assertTrue(help.contains("--quiet No progress line on the terminal."), help);
    }
    String compare = oneLine("compare");
    assertTrue(compare.contains("First seed; runs use seed-base, seed-base+1, ... (default: 1)."),
        compare);
    assertTrue(compare.contains("Runs in parallel (default: number of processors). Results do"
        + " not depend on it."), compare);
    assertTrue(compare.contains("--seeds=N Seeds per architecture, at least 1 (default: 3)."));
    // run is one simulation: one seed, one thread, and its help says so.
    String run = oneLine("run");
    assertFalse(run.contains("--seeds"), "run takes one seed");
    assertTrue(run.contains("--seed-base=N Seed of the run (default: 1)."), run);
    assertTrue(run.contains("--threads=N Accepted as compare takes it; a run is one simulation"
        + " on one thread, so it changes nothing (default: number of processors)."), run);
    assertFalse(run.contains("runs use seed-base"), run);
  }

  @Test
  void sweepWordsThemPerPoint() {
    String help = oneLine("sweep");

    assertTrue(help.contains("--seeds=N Seeds per point, at least 1 (default: the --scenario's,"
        + " else 1)."), help);
    assertTrue(help.contains("First seed; points use seed-base, seed-base+1, ... (default: 1)."),
        help);
    assertTrue(help.contains("--workload=KIND:SPEC Traffic of every point when not varied"
        + " (default: the --scenario's, else " + WorkloadOption.DEFAULT + ")."), help);
    assertTrue(help.contains("--duration=TIME Simulated time per point, e.g. 60s, 500ms, 3m"
        + " (default: the --scenario's, else " + DurationOption.DEFAULT + ")."), help);
    assertTrue(help.contains("--threads=N Points run in parallel (default: number of"
        + " processors). Rows do not depend on it."), help);
  }

  @Test
  void calibrateWordsThemForAFit() {
    String help = oneLine("calibrate");

    assertTrue(help.contains("--workload=KIND:SPEC Workload of the sections that do not name"
        + " one (default: " + WorkloadOption.DEFAULT + "); a section that names another is bad"
        + " input."), help);
    assertTrue(help.contains("--duration=TIME Simulated time per run, the same under every"
        + " condition; the file's duration lines record the rig's (default: "
        + DurationOption.DEFAULT + ")."), help);
    assertTrue(help.contains("--seeds=N Seeds per point, the same at every point (default: "
        + CalibrateCommand.DEFAULT_SEEDS + ")."), help);
    assertTrue(help.contains("--seed, --seed-base=N First seed (default: 1)."), help);
    assertTrue(help.contains("--set=NAME=VALUE Fix one platform parameter (it is then not"
        + " fitted unless named in --params); repeatable, each name once."), help);
    assertTrue(help.contains("--profile=FILE Platform profile to start from; parameters it"
        + " omits keep their defaults."), help);
    // Issue 9: calibrate shows progress on a terminal too, so it takes --quiet like the others.
    assertTrue(help.contains("--quiet"), help);
  }

  @Test
  void predictWordsThemForSampling() {
    String help = oneLine("predict");

    assertTrue(help.contains("--duration=TIME Simulated time of every run, the sampling's and the"
        + " predictions' (default: " + PredictCommand.DEFAULT_DURATION + ")."), help);
    assertTrue(help.contains("--profiles=N Profiles to keep: sampling stops once this many match"
        + " every figure (default: " + PredictCommand.DEFAULT_PROFILES + ")."), help);
    assertTrue(help.contains("--seed, --seed-base=N Seed of the design's shift; candidate i (from"
        + " 0) runs seed N+i (default: 1)."), help);
    assertTrue(help.contains("--quiet No progress line on the terminal."), help);
    assertTrue(help.contains("3 no profile kept"), help);
  }

  /** The command's help with every run of blanks and line breaks made one space. */
  private static String oneLine(String command) {
    Cli.Outcome o = Cli.run(new FakeRunner(), command, "--help");
    assertEquals(0, o.exit(), o.err());
    return o.out().replaceAll("\\s+", " ");
  }
}
