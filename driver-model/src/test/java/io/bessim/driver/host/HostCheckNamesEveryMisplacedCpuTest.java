package io.bessim.driver.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.driver.Platform;
import org.junit.jupiter.api.Test;

/**
 * `--set host.cpus=1` was refused for host.bhCpu = 1; set that too, it was refused again for
 * host.appCpu = 2: three tries to learn two names. Every CPU placement outside the host is named
 * in the one line (the defaults put the IRQ on CPU 0, the bh on 1 and the reader on 2).
 */
final class HostCheckNamesEveryMisplacedCpuTest {
  private static String refusal(Platform p) {
    return assertThrows(IllegalArgumentException.class, () -> Host.check(p)).getMessage();
  }

  @Test
  void oneCpuNamesTheBhAndTheApplicationCpuTogether() {
    assertEquals("host.bhCpu = 1 and host.appCpu = 2 are not CPUs of a 1-CPU host (CPUs are"
        + " 0..0; set host.bhCpu and host.appCpu too when changing host.cpus)",
        refusal(Platform.defaults().with("host.cpus", "1")));
  }

  @Test
  void oneMisplacedCpuReadsAsBefore() {
    assertEquals("host.appCpu = 2 is not a CPU of a 2-CPU host (CPUs are 0..1; set host.appCpu"
        + " too when changing host.cpus)", refusal(Platform.defaults().with("host.cpus", "2")));
  }

  @Test
  void threeMisplacedCpusAreListed() {
    Platform p = Platform.defaults().with("host.cpus", "1").with("host.irqCpu", "3");
    assertEquals("host.irqCpu = 3, host.bhCpu = 1 and host.appCpu = 2 are not CPUs of a 1-CPU"
        + " host (CPUs are 0..0; set host.irqCpu, host.bhCpu and host.appCpu too when changing"
        + " host.cpus)", refusal(p));
  }
}
