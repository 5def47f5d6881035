package io.bessim.driver.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Platform;
import io.bessim.driver.kernel.KernelCosts;
import org.junit.jupiter.api.Test;

/** The kernel's costs are the profile's times in ps (at the profile's 1.8 GHz, unscaled). */
final class KernelCostsFromTheProfileTest {
  @Test
  void kernelCostsAtTheDefaultClockAreTheProfileTimesInPs() {
    assertEquals(
        new KernelCosts(1_000, 1_000, 20_000, 80_000, 25_000, 35_000, 80_000, 30_000, 300_000,
            400_000, 2_000_000, 5_000_000, 6_400_000, 300_000_000, 500_000),
        Host.kernelCosts(Platform.defaults()));
  }
}
