package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--arch V3` is the preset v3 (names of presets are read in any case), yet a scenario could define
 * `variant V1 = v3 + rx.delivery=batch`: `--arch V1,v1` then compared v3 with batch delivery
 * (row "V1") against the preset v1 (row "v1"). A variant may not take a preset's name in any case.
 */
final class ScenarioVariantNamedLikeAPresetIsRefusedTest {
  @Test
  void aVariantNamedV1IsRefusedLikeOneNamedv1(@TempDir Path dir) throws Exception {
    Path sc = dir.resolve("s.scenario");
    Files.writeString(sc, "variant V1 = v3 + rx.delivery=batch\n");
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--scenario", sc.toString(), "--arch",
        "V1,v1", "--seeds", "1", "--duration", "1s");
    assertEquals(2, o.exit(), o.err() + o.out());
    assertTrue(o.err().strip().endsWith("s.scenario line 1: variant 'V1' has the name of a"
        + " preset (v1)"), o.err());
  }
}
