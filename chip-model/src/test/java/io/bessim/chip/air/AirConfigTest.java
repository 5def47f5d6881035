package io.bessim.chip.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class AirConfigTest {
  @Test
  void defaultsMatchSuggestedParameters() {
    AirConfig c = AirConfig.defaults();
    assertEquals(7, c.mcs());
    assertEquals(true, c.shortGi());
    assertEquals(16, c.ampduMaxSubframes());
    assertEquals(5_484_000_000L, c.maxPpduPs());
    assertEquals(10 * Time.US, c.sifsPs());
    assertEquals(9 * Time.US, c.slotPs());
    assertEquals(3, c.aifsn());
    assertEquals(15, c.cwMin());
    assertEquals(24.0, c.basicRateMbps());
  }

  @Test
  void rejectsOutOfRangeValues() {
    AirConfig d = AirConfig.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withRate(8, true));
    assertThrows(IllegalArgumentException.class, () -> d.withRate(-1, true));
    assertThrows(IllegalArgumentException.class, () -> d.withAmpduMaxSubframes(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AirConfig(7, true, 16, 5_484 * Time.US, 10 * Time.US, 9 * Time.US, 3, 16, 24));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AirConfig(7, true, 16, 5_484 * Time.US, 10 * Time.US, 9 * Time.US, 3, 15, 5.5));
  }
}
