package io.bessim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Platform#ps} reads a time in its declared unit. Before it, each call site scaled by hand
 * ({@code micros(x)} for us, {@code nanos(x)} for ns, {@code micros(x) * 1000} for ms,
 * {@code micros(x) * 1_000_000} for s); every default must give the same picoseconds as then.
 */
final class PlatformTimeUnitsTest {
  @TempDir Path dir;

  @Test
  void everyDefaultTimeGivesThePicosecondsTheCallSitesUsedToCompute() {
    Platform p = Platform.defaults();
    List<Platform.Param> times = p.params().stream().filter(Platform.Param::isTime).toList();

    assertEquals(48, times.size(), "time parameters in the shipped profile");
    for (Platform.Param q : times) {
      assertEquals(byHand(q), p.ps(q.name()), q.name());
    }
  }

  @Test
  void aTimeNameEndsInItsDeclaredUnit() {
    for (Platform.Param q : Platform.defaults().params()) {
      if (!q.isTime()) continue;
      String suffix = q.unit().substring(0, 1).toUpperCase(Locale.ROOT) + q.unit().substring(1);
      assertTrue(q.name().endsWith(suffix), q.name() + " is declared in " + q.unit());
    }
  }

  @Test
  void handWorkedConversions() {
    Platform p = Platform.defaults();

    assertEquals(5_000_000_000_000L, p.ps("bh.timeoutMs")); // 5000 ms = 5 s
    assertEquals(5_000_000_000_000L, p.ps("run.warmupS")); // 5 s
    assertEquals(6_400_000L, p.ps("sched.wakeCrossCpuUs")); // 6.4 us
    assertEquals(1_500_000L, p.ps("irq.hardIrqUs")); // 1.5 us
    assertEquals(1_000L, p.ps("cpu.loadNs")); // 1 ns
    assertEquals(9_500_000_000L, p.with("drv.gpioWakeSettleMs", "9.5")
        .ps("drv.gpioWakeSettleMs")); // 9.5 ms, a value docs/livelock.md sweeps
    assertEquals(1_000_000_000_000L, p.with("bh.timeoutMs", "1_000").ps("bh.timeoutMs"));
  }

  @Test
  void aParameterThatIsNotATimeHasNoPicoseconds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Platform.defaults().ps("sdio.clockHz"));

    assertEquals("parameter sdio.clockHz is in 'Hz', not a time unit (s, ms, us, ns, ps)",
        e.getMessage());
    assertFalse(Platform.defaults().params().stream()
        .filter(q -> q.name().equals("sdio.clockHz")).findFirst().orElseThrow().isTime());
  }

  @Test
  void aProfileFileMayLeaveTheUnitOutButNotChangeIt() throws IOException {
    Path bare = Files.writeString(dir.resolve("bare.profile"), "bh.timeoutMs = 2000\n");
    assertEquals(2_000_000_000_000L, Platform.load(bare).ps("bh.timeoutMs"));

    Path other = Files.writeString(dir.resolve("other.profile"), "bh.timeoutMs = 2 | s | x | y\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Platform.load(other));
    assertEquals(other + ": bh.timeoutMs is in ms, not s", e.getMessage());
  }

  /** The picoseconds as the call sites computed them before {@link Platform#ps}. */
  private static long byHand(Platform.Param q) {
    double v = Double.parseDouble(q.value().replace("_", ""));
    long micros = Math.round(v * 1_000_000.0);
    switch (q.unit()) {
      case "ns": return Math.round(v * 1_000.0);
      case "us": return micros;
      case "ms": return micros * 1000;
      case "s": return micros * 1_000_000L;
      default: throw new AssertionError(q.name() + " in " + q.unit());
    }
  }
}
