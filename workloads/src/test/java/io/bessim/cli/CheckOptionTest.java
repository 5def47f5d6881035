package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --check} on compare, run and sweep puts checkViolations in every run (and only then), and
 * a malformed fault what-if is refused like any bad --set.
 */
final class CheckOptionTest {
  @TempDir Path tmp;

  @Test
  void compareWithCheckReportsEmptyViolationsForEveryCleanRun() throws IOException {
    Path json = tmp.resolve("c.json");
    Cli.Outcome o = Cli.run(Experiment::run, "compare", "--check", "--arch", "baseline,v3",
        "--duration", "3s", "--seeds", "1", "--quiet", "--json", json.toString());

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("check: every invariant held after every event of every run"),
        o.out());
    for (JsonElement r : runs(json)) {
      assertEquals(new JsonObject(), r.getAsJsonObject().get("checkViolations"));
    }
  }

  @Test
  void withoutCheckRunsHaveNoViolationsField() throws IOException {
    Path json = tmp.resolve("c.json");
    Cli.Outcome o = Cli.run(Experiment::run, "compare", "--arch", "v3", "--duration", "2s",
        "--seeds", "1", "--quiet", "--json", json.toString());

    assertEquals(0, o.exit(), o.err());
    assertFalse(runs(json).get(0).getAsJsonObject().has("checkViolations"));
    assertFalse(o.out().contains("check:"), o.out());
  }

  @Test
  void aCheckedRunGivesTheSameResultsAsAnUncheckedOne() {
    // v1 seed 2 loses updates within 10 s: the check reports them and changes nothing else.
    RunSpec plain = new RunSpec(Architecture.V1, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), 10 * Time.S, 2);
    RunSpec checked = new RunSpec(Architecture.V1, Platform.defaults().with("run.check", "true"),
        WorkloadSpec.parse("tcp:4MB/s"), 10 * Time.S, 2);

    RunResult a = Experiment.run(plain);
    RunResult b = Experiment.run(checked);

    assertEquals(null, a.checkViolations());
    // Each lost update moves its cell off the sum of its updates (two in one event count once).
    long reported = b.checkViolations().values().stream().mapToLong(Long::longValue).sum();
    assertTrue(a.lostUpdates() > 0 && reported > 0 && reported <= a.lostUpdates(),
        a.lostUpdates() + " lost, " + b.checkViolations());
    assertTrue(b.checkViolations().keySet().stream().allMatch(k -> k.startsWith("lost update on")),
        b.checkViolations().toString());
    assertEquals(withoutWallAndCheck(a), withoutWallAndCheck(b));
  }

  private static RunResult withoutWallAndCheck(RunResult r) {
    return new RunResult(r.arch(), r.archSpec(), r.seed(), r.workload(), r.simSeconds(), 0,
        r.offeredMBps(), r.deliveredMBps(), r.cpuUtilization(), r.perSecond(), r.lostUpdates(),
        r.warns(), r.firstWarnSec(), r.wedgedAtSec());
  }

  @Test
  void runWithCheckSaysNoneFound() {
    Cli.Outcome o = Cli.run(Experiment::run, "run", "--check", "--arch", "v2", "--duration",
        "2s", "--quiet");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("checkViolations: none"), o.out());
  }

  @Test
  void sweepWithCheckHasAViolationsColumn() throws IOException {
    Path dir = tmp.resolve("s");
    Cli.Outcome o = Cli.run(Experiment::run, "sweep", "--check", "--arch", "v3", "--vary",
        "fw.rxPoolFrames=8,11", "--duration", "2s", "--quiet", "--out", dir.toString());

    assertEquals(0, o.exit(), o.err());
    String header = Files.readAllLines(dir.resolve("results.csv")).get(0);
    assertTrue(header.endsWith(",checkViolations"), header);
  }

  @Test
  void aMalformedFirmwareStallIsRefusedNamingIt() {
    Cli.Outcome o = Cli.run(Experiment::run, "compare", "--set", "fault.fwStallMs=200",
        "--duration", "2s", "--quiet");

    assertEquals(2, o.exit());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("fault.fwStallMs wants MS@RATE"), o.err());
  }

  private static com.google.gson.JsonArray runs(Path json) throws IOException {
    return JsonParser.parseString(Files.readString(json)).getAsJsonObject()
        .getAsJsonArray("runs");
  }
}
