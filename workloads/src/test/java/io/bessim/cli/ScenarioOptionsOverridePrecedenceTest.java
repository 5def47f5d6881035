package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.experiment.RunSpec;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioOptionsOverridePrecedenceTest {
  static final List<String> SCENARIO = List.of(
      "arch = baseline,v3",
      "workload = ramp:1MB/s-4MB/s@60s",
      "duration = 90s",
      "seeds = 2",
      "set fw.rxPoolFrames = 16",
      "set sdio.clockHz = 25000000");

  @Test
  void compareTakesEveryPartFromTheScenario(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("s.scenario"), SCENARIO);
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "compare", "--scenario", file.toString());

    assertEquals(0, o.exit(), o.err());
    List<RunSpec> seen = runner.seen();
    assertEquals(4, seen.size()); // 2 architectures x 2 seeds
    assertEquals(List.of(Architecture.BASELINE, Architecture.V3),
        seen.stream().map(RunSpec::arch).distinct().toList());
    RunSpec first = seen.get(0);
    assertEquals("ramp:1MB/s-4MB/s@60s", first.workload().toString());
    assertEquals(90 * Time.S, first.durationPs());
    assertEquals("16", first.platform().string("fw.rxPoolFrames"));
    assertEquals("25000000", first.platform().string("sdio.clockHz"));
    assertTrue(o.out().contains("workload ramp:1MB/s-4MB/s@60s, duration 90s simulated, "
        + "2 seeds (1..2)"), o.out());
    assertTrue(o.out().contains("with set fw.rxPoolFrames=16, sdio.clockHz=25000000 (scenario "
        + file + ")"), o.out());
  }

  @Test
  void commandLineOptionsWinOverTheScenario(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("s.scenario"), SCENARIO);
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "compare", "--scenario", file.toString(), "--arch", "v1",
        "--workload", "udp:2MB/s", "--duration", "3s", "--seeds", "1",
        "--set", "sdio.clockHz=50000000");

    assertEquals(0, o.exit(), o.err());
    RunSpec only = runner.seen().get(0);
    assertEquals(1, runner.seen().size());
    assertEquals(Architecture.V1, only.arch());
    assertEquals("udp:2MB/s", only.workload().toString());
    assertEquals(3 * Time.S, only.durationPs());
    assertEquals("50000000", only.platform().string("sdio.clockHz")); // --set wins per name
    assertEquals("16", only.platform().string("fw.rxPoolFrames")); // the scenario's stays
  }

  @Test
  void runTakesItsArchitectureFromAScenarioNamingOne(@TempDir Path dir) throws IOException {
    Path one = Files.write(dir.resolve("one.scenario"), List.of("arch = v2", "duration = 2s"));
    Path two = Files.write(dir.resolve("two.scenario"), SCENARIO);
    FakeRunner runner = new FakeRunner();

    Cli.Outcome o = Cli.run(runner, "run", "--scenario", one.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("arch: v2\n"), o.out());
    assertTrue(o.out().contains("simSeconds: 2.0 s\n"), o.out());

    Cli.Outcome pick = Cli.run(runner, "run", "--scenario", two.toString(), "--arch", "v3");
    assertEquals(0, pick.exit(), pick.err());
    assertTrue(pick.out().contains("workload: ramp:1MB/s-4MB/s@60s\n"), pick.out());

    Cli.Outcome both = Cli.run(new FakeRunner(), "run", "--scenario", two.toString());
    assertEquals(2, both.exit());
    assertEquals("bessim: run takes one architecture but scenario " + two
        + " names 2: choose one with --arch\n", both.err());
  }

  @Test
  void withoutAScenarioTheDefaultsStand() {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "compare");

    assertEquals(0, o.exit(), o.err());
    assertEquals(12, runner.seen().size()); // 4 architectures x 3 seeds
    assertEquals("tcp:4MB/s", runner.seen().get(0).workload().toString());
    assertEquals(180 * Time.S, runner.seen().get(0).durationPs());
    assertTrue(o.out().contains("all rows share one platform profile: built-in defaults\n"),
        o.out());
  }

  /**
   * A scenario whose set line gives another value to a knob its arch line's variant writes was
   * refused with '--set or the profile gives rx.delivery=per-frame', naming neither the scenario
   * nor its set line; the message now names every place a platform setting comes from.
   */
  @Test
  void aKnobClashFromAScenarioSetLineNamesTheScenariosSetLines(@TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve("k.scenario"),
        List.of("arch = v3+rx.delivery=batch", "set rx.delivery = per-frame", "duration = 1s"));
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "compare", "--scenario", file.toString(), "--seeds", "1");

    assertEquals(2, o.exit(), o.err());
    assertEquals("bessim: architecture 'v3+rx.delivery=batch' sets rx.delivery itself, and the"
        + " platform's settings (--set, the profile or a scenario's set lines) give"
        + " rx.delivery=per-frame: give the knob in one place", o.err().strip());
    assertEquals(0, runner.seen().size());
  }
}
