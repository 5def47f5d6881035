package io.bessim.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class CounterTest {
  @Test
  void rateIsCountPerSimulatedSecond() {
    Counter c = new Counter();
    for (int i = 0; i < 3; i++) c.increment();
    c.add(997);
    assertEquals(1000, c.count());
    // 1000 events in 2 ms = 500,000 per second.
    assertEquals(500_000.0, c.rate(2 * Time.MS), 1e-6);
  }

  @Test
  void resetStartsFromZero() {
    Counter c = new Counter();
    c.add(5);
    c.reset();
    assertEquals(0, c.count());
  }

  @Test
  void rateOverZeroDurationIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Counter().rate(0));
  }
}
