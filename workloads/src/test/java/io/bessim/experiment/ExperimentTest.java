package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class ExperimentTest {
  private static RunResult run(String arch, String workload, double seconds, long seed) {
    return Experiment.run(new RunSpec(Architecture.fromName(arch), Platform.defaults(),
        WorkloadSpec.parse(workload), Time.seconds(seconds), seed));
  }

  private static RunResult withoutWall(RunResult r) {
    return new RunResult(r.arch(), r.archSpec(), r.seed(), r.workload(), r.simSeconds(), 0, r.offeredMBps(),
        r.deliveredMBps(), r.cpuUtilization(), r.perSecond(), r.lostUpdates(), r.warns(),
        r.firstWarnSec(), r.wedgedAtSec());
  }

  @Test
  void sameSeedGivesTheSameResultApartFromWallTime() {
    assertEquals(withoutWall(run("v1", "tcp:4MB/s", 20, 3)), withoutWall(run("v1", "tcp:4MB/s", 20, 3)));
  }

  @Test
  void everyArchitectureIsOfferedTheSameTraffic() {
    double offered = run("baseline", "udp:3MB/s", 10, 1).offeredMBps();
    for (String a : new String[] {"v1", "v2", "v3"}) {
      assertEquals(offered, run(a, "udp:3MB/s", 10, 1).offeredMBps(), 0.0, a);
    }
    // 3 MB/s of 1472-byte datagrams over the 9 s after the 1 s warm-up, to within one datagram.
    assertEquals(3.0, offered, 1472 / 9e6);
  }

  @Test
  void baselineDeliversWhatTheRigDeliveredWithinFifteenPercent() {
    RunResult r = run("baseline", "tcp:4MB/s", 60, 1);
    assertEquals(1.362, r.deliveredMBps(), 0.15 * 1.362);
    assertEquals(86.4, r.perSecond().get("sdio_rx_work"), 0.30 * 86.4);
    assertEquals(0, r.lostUpdates());
    assertNull(r.firstWarnSec());
  }

  @Test
  void v1WarnsAndWedgesTheChipWhileV2DoesNot() {
    // Seed 3 is one whose lost increments over-commit the chip within 30 s (seed 1 loses none
    // in the first minute: the race depends on timing, which is the point).
    RunResult v1 = run("v1", "tcp:4MB/s", 30, 3);
    assertTrue(v1.lostUpdates() > 0);
    assertNotNull(v1.firstWarnSec());
    assertNotNull(v1.wedgedAtSec(), "a lost increment over-commits the chip's input buffers");
    RunResult v2 = run("v2", "tcp:4MB/s", 30, 3);
    assertEquals(0, v2.lostUpdates());
    assertNull(v2.wedgedAtSec());
    assertTrue(v2.deliveredMBps() > 1.0);
  }
}
