package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExperimentRunsEveryWorkloadKindTest {
  @Test
  void rampBurstAndReplayRunThroughTheWholeTabletDeterministically(@TempDir Path dir)
      throws IOException {
    Files.write(dir.resolve("t.csv"), List.of("0.1,30000,down", "0.5,30000,down"));
    for (String w : List.of("ramp:0.5MB/s-1MB/s@1s", "ramp-tcp:0.5MB/s-1MB/s@1s",
        "burst:200KB@4MB/s/0.25s", "burst-udp:200KB@4MB/s/0.25s", "replay:t.csv")) {
      RunSpec spec = new RunSpec(Architecture.V3, Platform.defaults(),
          WorkloadSpec.parse(w, dir), Time.S, 1);
      RunResult a = Experiment.run(spec);
      RunResult b = Experiment.run(spec);
      assertTrue(a.offeredMBps() > 0, w);
      assertTrue(a.deliveredMBps() > 0, w);
      assertEquals(a.deliveredMBps(), b.deliveredMBps(), w + " is deterministic");
      assertEquals(a.perSecond(), b.perSecond(), w);
      assertEquals(spec.workload().toString(), a.workload());
    }
  }

  @Test
  void offeredRateIsTheRampsAreaOverTheMeasuredWindow() {
    // A 1 s run measures [0.1 s, 1 s) (the warm-up is capped at a tenth). With B(t) = 0.5e6 t +
    // 0.25e6 t^2: B(1) - B(0.1) = 0.75e6 - 0.0525e6 = 0.6975e6 B in 0.9 s = 0.775 MB/s, give or
    // take one 1472-B datagram at either end (0.0016 MB/s).
    RunSpec spec = new RunSpec(Architecture.V3, Platform.defaults(),
        WorkloadSpec.parse("ramp:0.5MB/s-1MB/s@1s"), Time.S, 1);
    assertEquals(0.775, Experiment.run(spec).offeredMBps(), 0.0017);
  }
}
