package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.race.InterleavingsReport;
import io.bessim.experiment.WorkloadSpec;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The interleavings report of the contexts a short tcp run shows running the two routines. */
final class InterleavingsRunTest {
  @Test
  void reportShowsV3AsOneContextWithSequentialOrdersOnly() {
    InterleavingsReport.Section v1 = InterleavingsRun.section(Architecture.V1,
        Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"), 1, 5);
    InterleavingsReport.Section v3 = InterleavingsRun.section(Architecture.V3,
        Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"), 1, 5);

    assertEquals(6, v1.orders());
    assertEquals(6, v1.binomial());
    assertEquals(4, v1.lost());
    assertFalse(v1.oneContext());
    assertTrue(v3.oneContext());
    assertEquals(2, v3.orders());
    assertEquals(0, v3.lost());
    assertTrue(v3.text().contains("Single writer: both routines run in bes2600_bh"), v3.text());
    assertTrue(v1.text().lines().filter(l -> l.contains("LOST update")).count() == 4,
        v1.text().lines().collect(Collectors.joining("\n")));
  }
}
