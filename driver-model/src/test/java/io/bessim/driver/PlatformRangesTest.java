package io.bessim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.host.Host;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter has a type and a range in its one declaration (issue 10): a parameter added
 * without a range, or in a unit that does not say whether it is whole, fails here.
 */
final class PlatformRangesTest {
  @TempDir Path dir;

  @Test
  void everyNumericParameterDeclaresARangeHoldingItsDefault() {
    for (Platform.Param p : Platform.defaults().params()) {
      if (p.type() != Platform.Type.INTEGER && p.type() != Platform.Type.REAL) continue;
      double[] b = p.bounds();
      assertNotNull(b, p.name() + " declares no range lo..hi");
      assertTrue(b[0] >= 0 && b[0] <= b[1], p.name() + " range " + p.range());
      double v = Platform.defaults().number(p.name());
      assertTrue(v >= b[0] && v <= b[1], p.name() + " default " + v + " outside " + p.range());
      assertTrue(p.unitClassified(), p.name() + ": unit '" + p.unit()
          + "' is in neither Platform.INTEGER_UNITS nor REAL_UNITS nor a time unit");
    }
  }

  @Test
  void noTimeParameterReachesAnHour() {
    // An hour of ps is 3.6e15: far from a long's 9.2e18 even summed over a long run's timers,
    // which is what 1e15 ms (an "event in the past" by overflow) broke.
    for (Platform.Param p : Platform.defaults().params()) {
      if (!p.isTime()) continue;
      Platform q = Platform.defaults().with(p.name(), fmt(p.bounds()[1]));
      assertTrue(q.ps(p.name()) <= 3600 * Time.S, p.name() + " may reach " + p.range());
    }
  }

  @Test
  void sdioBusWidthIsOneOrFourTheWidthsTheBusModelTakes() {
    // Declared 1..4 it let 2 and 3 through, which SdioBusConfig refuses when a run starts.
    for (String w : new String[] {"2", "3", "8"}) {
      assertEquals("parameter sdio.busWidth is one of 1/4, got '" + w + "'",
          assertThrows(IllegalArgumentException.class,
              () -> Platform.defaults().with("sdio.busWidth", w)).getMessage());
    }
    assertEquals(1, Platform.defaults().with("sdio.busWidth", "1").intValue("sdio.busWidth"));
    assertEquals(4, Platform.defaults().intValue("sdio.busWidth"));
  }

  @Test
  void everyValueOfANumericChoiceBuildsAHost() {
    int numeric = 0;
    for (Platform.Param p : Platform.defaults().params()) {
      if (p.type() != Platform.Type.CHOICE || !p.value().matches("[0-9]+")) continue;
      numeric++;
      for (String v : p.range().split("/")) {
        Host.check(Platform.defaults().with(p.name(), v));
      }
    }
    assertEquals(1, numeric, "sdio.busWidth is the one numeric choice");
  }

  @Test
  void integerParameterRefusesAFraction() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Platform.defaults().with("fw.rxPoolFrames", "11.5"));
    assertEquals("parameter fw.rxPoolFrames wants a whole number in 1..128 frames, got '11.5'",
        e.getMessage());
  }

  @Test
  void integerParameterTakesAWholeNumberWrittenWithAnExponent() {
    assertEquals(100, Platform.defaults().with("fw.rxPoolFrames", "1e2").intValue(
        "fw.rxPoolFrames"));
  }

  @Test
  void timeParameterTakesAFraction() {
    assertEquals(2_500_000L, Platform.defaults().with("mmc.completionIrqUs", "2.5")
        .ps("mmc.completionIrqUs"));
  }

  @Test
  void zeroAndHugeValuesAreRefusedNamingTheRange() {
    assertEquals("parameter tcp.mss must be in 536..1460 bytes, got '0'",
        assertThrows(IllegalArgumentException.class,
            () -> Platform.defaults().with("tcp.mss", "0")).getMessage());
    assertEquals("parameter tcp.delAckMs must be in 1..200 ms, got '1e15'",
        assertThrows(IllegalArgumentException.class,
            () -> Platform.defaults().with("tcp.delAckMs", "1e15")).getMessage());
    assertEquals("parameter bh.timeoutMs must be in 100..60000 ms, got '0.0001'",
        assertThrows(IllegalArgumentException.class,
            () -> Platform.defaults().with("bh.timeoutMs", "0.0001")).getMessage());
  }

  @Test
  void javaNumberSpellingsAreNotNumbers() {
    for (String v : new String[] {"NaN", "Infinity", "0x10", "5d", "1e", "--1", ""}) {
      assertThrows(IllegalArgumentException.class,
          () -> Platform.defaults().with("tcp.initialCwnd", v), v);
    }
  }

  @Test
  void profileWithADuplicatedKeyIsRefusedNamingBothLines() throws IOException {
    Path f = dir.resolve("dup.profile");
    Files.writeString(f, "host.cpus = 4\n# comment\nhost.cpus = 2\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Platform.load(f));
    assertEquals(f + ":3: host.cpus is given twice (line 1)", e.getMessage());
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
