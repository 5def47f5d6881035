package io.bessim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The steady-state harness counts what the scenario benchmark counts. */
final class SteadyStateTest {
  @Test
  void aMinuteOfV3FiresTheEventsTheScenarioBenchmarkPins() {
    SteadyState.Row r = SteadyState.measure("v3", 60);
    // ScenarioBenchmarkTest: v3, seed 1, 60 s of tcp:4MB/s fires 919,438 events.
    assertEquals(919_438, r.events());
    assertEquals(919_438 / 60.0 / r.framesPerSecond(), r.eventsPerFrame(), 1e-9);
    assertTrue(r.framesPerSecond() > 900,
        "about a thousand frames a second: " + r.framesPerSecond());
    assertTrue(r.cpuNs() > 0 && r.allocatedBytes() > 0);
  }
}
