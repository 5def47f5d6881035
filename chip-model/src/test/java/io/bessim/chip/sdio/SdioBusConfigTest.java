package io.bessim.chip.sdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class SdioBusConfigTest {
  @Test
  void defaultsMatchSuggestedParameters() {
    assertEquals(
        new SdioBusConfig(50_000_000L, 4, 512, 8, 2, 2, 2, 2, 2, 8, 511),
        SdioBusConfig.defaults());
  }

  @Test
  void rejectsValuesOutsideTheSpec() {
    SdioBusConfig d = SdioBusConfig.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withClockHz(0));
    assertThrows(IllegalArgumentException.class, () -> d.withBusWidth(8));
    assertThrows(IllegalArgumentException.class, () -> d.withBlockSize(0));
    assertThrows(IllegalArgumentException.class, () -> d.withBlockSize(2049));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxBlocksPerCmd(512));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxBlocksPerCmd(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SdioBusConfig(50_000_000L, 4, 512, 1, 2, 2, 2, 2, 2, 8, 511));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SdioBusConfig(50_000_000L, 4, 512, 8, 2, 2, 2, 2, -1, 8, 511));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SdioBusConfig(50_000_000L, 4, 512, 8, 2, 2, 2, 2, 2, 7, 511));
  }

  @Test
  void acceptsTheExtremes() {
    SdioBusConfig d = SdioBusConfig.defaults();
    assertEquals(1, d.withBusWidth(1).busWidth());
    assertEquals(2048, d.withBlockSize(2048).blockSize());
    assertEquals(1, d.withBlockSize(1).blockSize());
  }
}
