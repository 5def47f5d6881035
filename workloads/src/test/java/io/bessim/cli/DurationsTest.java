package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class DurationsTest {
  @Test
  void acceptsTheDocumentedForms() {
    assertEquals(180 * Time.S, Durations.parse("180s"));
    assertEquals(500 * Time.MS, Durations.parse("500ms"));
    assertEquals(180 * Time.S, Durations.parse("3m"));
    assertEquals(1500 * Time.MS, Durations.parse("1.5s"));
    assertEquals(7200 * Time.S, Durations.parse("2h"));
    assertEquals(250 * Time.US, Durations.parse(" 250us "));
  }

  @Test
  void rejectsNonPositiveMalformedAndHugeDurations() {
    for (String bad : new String[] {"-5s", "0s", "banana", "5", "s", "1e3s", "1000000h"}) {
      assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
    }
  }

  @Test
  void formatsAsPlainSeconds() {
    assertEquals("180s", Durations.format(180 * Time.S));
    assertEquals("1.5s", Durations.format(1500 * Time.MS));
    assertEquals("0.0005s", Durations.format(500 * Time.US));
  }
}
