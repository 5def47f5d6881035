package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ScenarioFileIsReadWithPathsBesideItTest {
  @Test
  void everyKeyIsReadAndRelativePathsAreTheFilesFolder(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.write(sub.resolve("rig.profile"), List.of("fw.rxPoolFrames = 12"));
    Files.write(sub.resolve("t.csv"), List.of("0,3000,down"));
    Path file = Files.write(sub.resolve("x.scenario"), List.of(
        "# the rig's stress ramp",
        "arch = baseline, v3",
        "workload = replay:t.csv   # beside this file",
        "",
        "duration = 1.5m",
        "seeds=5",
        "profile = rig.profile",
        "set fw.rxPoolFrames = 16",
        "set sdio.clockHz=25000000"));

    Scenario s = Scenario.load(file);

    assertEquals(List.of(Architecture.BASELINE, Architecture.V3), s.archs().orElseThrow());
    assertEquals(WorkloadSpec.parse("replay:" + sub.resolve("t.csv")), s.workload().orElseThrow());
    assertEquals(90 * Time.S, s.durationPs().getAsLong());
    assertEquals(5, s.seeds().getAsInt());
    assertEquals(sub.resolve("rig.profile"), s.profile().orElseThrow());
    assertEquals(Map.of("fw.rxPoolFrames", "16", "sdio.clockHz", "25000000"), s.sets());
    assertEquals(List.of("fw.rxPoolFrames", "sdio.clockHz"), List.copyOf(s.sets().keySet()));
  }

  @Test
  void everyPartIsOptional(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("empty.scenario"), List.of("# nothing yet"));
    assertEquals(Scenario.NONE, Scenario.load(file));
  }

    /**
   * A profile line naming a folder said the folder "does not exist", and 'profile = .' beside a
   * scenario in the working directory named it '' ("profile '' does not exist").
   */
  @Test
  void aProfileLineNamingAFolderSaysItIsAFolder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("profiles"));
    Path file = Files.write(dir.resolve("f.scenario"), List.of("profile = profiles"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scenario.load(file));
    assertEquals(file + " line 1: profile '" + dir.resolve("profiles")
        + "' is a folder, not a profile file", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> Scenario.parse(List.of("profile = ."), "g.scenario", Path.of("")));
    assertEquals("g.scenario line 1: profile '.' is a folder, not a profile file",
        e.getMessage());
  }

@ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "colour = blue              | x.scenario line 2: unknown key 'colour' (known: arch, workload",
    "seeds = 3                  | x.scenario line 2: 'seeds' given twice (first on line 1)",
    "seeds                      | x.scenario line 2: expected 'key = value', 'set NAME = VALUE' or 'variant NAME",
    "duration = 0s              | x.scenario line 2: duration must be positive",
    "duration = soon            | x.scenario line 2: malformed duration 'soon'",
    "workload = ramp:1MB/s@60s  | x.scenario line 2: malformed ramp",
    "workload = replay:no.csv   | x.scenario line 2: replay trace '",
    "arch = v3,v9               | x.scenario line 2: unknown architecture 'v9'",
    "arch = v3,v3               | x.scenario line 2: architecture 'v3' given twice",
    "set no.such.knob = 1       | x.scenario line 2: unknown parameter 'no.such.knob'",
    "set sdio.clockHz = abc     | x.scenario line 2: parameter sdio.clockHz wants a number",
    "profile = missing.profile  | x.scenario line 2: profile '",
    "workload =                 | x.scenario line 2: no value for 'workload'",
  })
  void badLinesAreNamedByFileAndLine(String line, String expected, @TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve("x.scenario"), List.of("seeds = 3", line));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scenario.load(file));
    String message = e.getMessage().replace(dir + "/", "");
    assertTrue(message.startsWith(expected), message);
  }
}
