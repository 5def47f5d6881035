package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BadWorkloadOrScenarioIsOneLineExitTwoTest {
  @TempDir Path dir;

  @Test
  void malformedRampZeroTimesNegativeSizesAndBadTraces() throws IOException {
    Files.write(dir.resolve("bad.csv"), List.of("time_s,bytes,direction", "0,10,down", "1,x,up"));
    expectOneLine("malformed ramp", "compare", "--workload", "ramp:1MB/s-4MB/s");
    expectOneLine("ramp time must be positive", "compare", "--workload", "ramp:1MB/s-4MB/s@0s");
    expectOneLine("burst period must be positive", "run", "--arch", "v3",
        "--workload", "burst:2MB@8MB/s/0ms");
    expectOneLine("negative size '-2MB'", "compare", "--workload", "burst:-2MB@8MB/s/2s");
    expectOneLine("does not exist", "compare", "--workload", "replay:" + dir.resolve("no.csv"));
    expectOneLine(dir.resolve("bad.csv") + " line 3: bytes must be a whole number, got 'x'",
        "compare", "--workload", "replay:" + dir.resolve("bad.csv"));
  }

  @Test
  void missingOrBadScenarioFiles() throws IOException {
    Path bad = Files.write(dir.resolve("bad.scenario"), List.of("arch = v3", "speed = 11"));
    expectOneLine("cannot read --scenario '" + dir.resolve("none.scenario") + "': no such file",
        "compare", "--scenario", dir.resolve("none.scenario").toString());
    expectOneLine(bad + " line 2: unknown key 'speed'", "compare", "--scenario", bad.toString());
    expectOneLine(bad + " line 2: unknown key 'speed'", "run", "--scenario", bad.toString());
    expectOneLine("Missing required option: '--arch=ARCH'", "run", "--seed", "3");
  }

  private static void expectOneLine(String expected, String... args) {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, args);
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().startsWith("bessim: "), o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
    assertEquals("", o.out());
    assertTrue(runner.seen().isEmpty(), "nothing may run before the input is checked");
  }
}
