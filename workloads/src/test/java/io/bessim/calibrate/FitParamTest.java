package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FitParamTest {
  @Test
  void defaultsAreTheProfilesNumericFittedParametersWithinAQuarterToFourTimesInsideTheirRange() {
    List<FitParam> ps = FitParam.resolve(Platform.defaults(), List.of());

    // pm.mcuFlagHeld is marked fitted too, but it is a boolean: not searchable.
    assertEquals(List.of("fw.rxPoolFrames", "fw.rxProcessingUs"),
        ps.stream().map(FitParam::name).toList());
    FitParam pool = ps.get(0);
    assertTrue(pool.integer());
    assertEquals(11, pool.start());
    assertEquals(2.75, pool.min()); // 11 / 4
    assertEquals(44, pool.max()); // 11 * 4
    FitParam rx = ps.get(1);
    assertFalse(rx.integer(), "us is a time unit, so 60 is not a count");
    assertEquals(15, rx.min()); // 60 / 4
    assertEquals(100, rx.max()); // 60 * 4 = 240, but the profile's range is 5..100
  }

  @Test
  void setPinsAParameterSoItIsNoLongerFittedByDefault() {
    Platform p = Platform.defaults().with("fw.rxPoolFrames", "10");

    assertEquals(List.of("fw.rxProcessingUs"),
        FitParam.resolve(p, List.of()).stream().map(FitParam::name).toList());
  }

  @Test
  void unknownParametersWithARangeAreFreeAndThoseWithoutOneAreNot() {
    Platform p = Platform.defaults()
        .replace(new Platform.Param("wq.dispatchUs", "8", "us", "unknown", "test", "4..50"))
        .replace(new Platform.Param("drv.bhLoopUs", "1", "us", "unknown", "test", ""));

    assertEquals(List.of("wq.dispatchUs", "fw.rxPoolFrames", "fw.rxProcessingUs"),
        FitParam.resolve(p, List.of()).stream().map(FitParam::name).toList());
    // predict samples the whole declared range, not a quarter to four times the value.
    List<FitParam> free = FitParam.free(p);
    assertEquals(List.of("wq.dispatchUs", "fw.rxPoolFrames", "fw.rxProcessingUs"),
        free.stream().map(FitParam::name).toList());
    assertEquals(4, free.get(0).min());
    assertEquals(50, free.get(0).max());
    assertEquals(1, free.get(1).min());
    assertEquals(128, free.get(1).max());
  }

  @Test
  void drawIsLogUniformOverWideRangesAndUniformOverNarrowOnes() {
    FitParam pool = new FitParam("n", "frames", 11, 1, 128, true);
    FitParam us = new FitParam("t", "us", 60, 5, 100, false);
    FitParam spin = new FitParam("s", "ns", 25, 15, 60, false);

    assertTrue(pool.logScale());
    assertEquals("1", pool.draw(0));
    assertEquals("11", pool.draw(0.5)); // floor(sqrt(129)) = floor(11.36)
    assertEquals("128", pool.draw(0.999999));
    assertTrue(us.logScale());
    assertEquals("22.4", us.draw(0.5)); // 5 x sqrt(20) = 22.36
    assertFalse(spin.logScale(), "60 / 15 = 4, under a factor of ten");
    assertEquals("37.5", spin.draw(0.5));
    assertEquals("15", spin.draw(0));
  }

  @Test
  void paramsMayNameAnyNumericParameterWithBounds() {
    List<FitParam> ps =
        FitParam.resolve(Platform.defaults(), List.of("wq.dispatchUs:5:20", "fw.numInpChBufs"));

    assertEquals(5, ps.get(0).min());
    assertEquals(20, ps.get(0).max());
    assertEquals(8, ps.get(0).start());
    FitParam bufs = ps.get(1);
    assertTrue(bufs.integer());
    assertEquals(8, bufs.min()); // 32 / 4
    assertEquals(64, bufs.max()); // 32 * 4 = 128, but the profile's range is 2..64
  }

  @Test
  void valuesAreRoundedToWholeNumbersOrThreeSignificantFiguresInsideTheBounds() {
    FitParam pool = new FitParam("n", "frames", 11, 2.75, 44, true);
    FitParam us = new FitParam("t", "us", 60, 15, 240, false);

    assertEquals("3", pool.valueAt(0)); // 2.75 rounds to 3, still inside
    assertEquals("44", pool.valueAt(1));
    assertEquals("11", pool.valueAt(pool.coordinate(11.4)));
    assertEquals("72.4", us.format(72.40000000000001));
    assertEquals("123", us.format(123.456));
    assertEquals("60", us.format(60));
    assertEquals("15", us.valueAt(-0.5)); // clamped to the box
    assertEquals(0.2, us.coordinate(60), 1e-12); // (60 - 15) / (240 - 15)
  }

  @Test
  void badParamsAreNamed() {
    Platform p = Platform.defaults();
    assertEquals("--params: unknown parameter 'fw.nope'", message(p, "fw.nope"));
    assertEquals("--params: pm.mcuFlagHeld is not numeric (value 'false'); only numbers can be"
        + " fitted", message(p, "pm.mcuFlagHeld"));
    assertEquals("malformed --params entry 'fw.rxProcessingUs:5': expected name or name:min:max",
        message(p, "fw.rxProcessingUs:5"));
    assertEquals("--params fw.rxProcessingUs: bounds must satisfy 0 <= min < max, got 90..20",
        message(p, "fw.rxProcessingUs:90:20"));
    assertEquals("malformed --params entry 'fw.rxProcessingUs:a:9': 'a' is not a number",
        message(p, "fw.rxProcessingUs:a:9"));
    assertEquals("--params: fw.rxPoolFrames given twice",
        message(p, "fw.rxPoolFrames", "fw.rxPoolFrames:2:9"));
    assertEquals("--params fw.rxPoolFrames: no whole number between 2.2 and 2.8",
        message(p, "fw.rxPoolFrames:2.2:2.8"));
    assertEquals("--params fw.rxProcessingUs: bounds 1..150 leave the profile's range 5..100 us",
        message(p, "fw.rxProcessingUs:1:150"));
  }

  @Test
  void aNumberWithOnlySomeValuesIsNotFittedOverTheRangeBetweenThem() {
    // sdio.busWidth is 1 or 4: a fit over 1..4 tried 2 and 3 and failed mid-run.
    String expected = "--params: sdio.busWidth takes only the values 1/4, not a range to fit;"
        + " compare them with bessim sweep --vary sdio.busWidth=1,4";
    assertEquals(expected, message(Platform.defaults(), "sdio.busWidth"));
    assertEquals(expected, message(Platform.defaults(), "sdio.busWidth:1:4"));
  }

  private static String message(Platform p, String... specs) {
    return assertThrows(IllegalArgumentException.class,
        () -> FitParam.resolve(p, List.of(specs))).getMessage();
  }
}
