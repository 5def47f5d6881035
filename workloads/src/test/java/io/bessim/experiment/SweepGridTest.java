package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

final class SweepGridTest {
  private static final Platform BASE = Platform.defaults();

  @Test
  void udpRangeGivesSixteenRatesHalfAMegabyteApart() {
    SweepGrid.Dimension d = SweepGrid.parseVary("workload=udp:0.5MB/s..8MB/s:16", BASE);

    assertEquals("workload", d.name());
    assertEquals(16, d.values().size());
    // 0.5 + i * (8 - 0.5) / 15 = 0.5 + 0.5 i MB/s.
    for (int i = 0; i < 16; i++) {
      WorkloadSpec w = WorkloadSpec.parse(d.values().get(i));
      assertEquals(WorkloadSpec.Kind.UDP, w.kind());
      assertEquals(0.5e6 * (i + 1), w.bytesPerSecond(), 1e-6, d.values().get(i));
    }
    assertEquals("udp:0.5MB/s", d.values().get(0));
    assertEquals("udp:1MB/s", d.values().get(1));
    assertEquals("udp:7.5MB/s", d.values().get(14));
    assertEquals("udp:8MB/s", d.values().get(15));
  }

  @Test
  void workloadRangeKeepsTheKindAndAcceptsAFullSecondEnd() {
    assertEquals(List.of("tcp:1MB/s", "tcp:2.5MB/s", "tcp:4MB/s"),
        SweepGrid.parseVary("workload=tcp:1MB/s..tcp:4MB/s:3", BASE).values());
    // 8 Mbit/s is 1 MB/s; 500 KB/s is 0.5 MB/s: printed canonically.
    assertEquals(List.of("udp:0.5MB/s", "udp:0.75MB/s", "udp:1MB/s"),
        SweepGrid.parseVary("workload=udp:500KB/s..8Mbit/s:3", BASE).values());
  }

  @Test
  void workloadListIsPrintedCanonically() {
    assertEquals(List.of("tcp:1MB/s", "udp:4MB/s"),
        SweepGrid.parseVary("workload=tcp:1000KB/s, udp:32Mbit/s", BASE).values());
  }

  @Test
  void aReplayPathGoingUpIsAValueNotARange(@TempDir Path dir) throws IOException {
    Path traces = Files.createDirectories(dir.resolve("traces"));
    Files.createDirectories(dir.resolve("runs"));
    Files.writeString(traces.resolve("t.csv"), "time_s,bytes,direction\n0.1,100,down\n");
    String up = dir.resolve("runs").resolve("..").resolve("traces").resolve("t.csv").toString();

    // A value, kept by its absolute, normalised path (the grid's, whatever the directory).
    String file = traces.resolve("t.csv").toAbsolutePath().normalize().toString();
    assertEquals(List.of("replay:" + file, "udp:1MB/s"),
        SweepGrid.parseVary("workload=replay:" + up + ",udp:1MB/s", BASE).values());
    assertEquals(List.of("replay:" + file),
        SweepGrid.parseVary("workload=replay:" + up, BASE).values());
  }

  @Test
  void workloadRangeOfARampBurstOrReplayIsRefusedRatherThanRunAsAConstantRate() {
    // These used to run udp:2MB/s..udp:4MB/s, tcp:1MB/s and tcp:4MB/s, udp:0.002MB/s and
    // udp:4MB/s, or be refused as starting and ending at the same rate.
    String[] ranges = {
      "workload=ramp:1MB/s-2MB/s@1s..ramp:1MB/s-4MB/s@1s:3",
      "workload=burst:1MB@8MB/s/1s..4MB/s:2",
      "workload=replay:x.csv..4MB/s:2",
      "workload=burst:1MB@2MB/s/1s..burst:1MB@8MB/s/1s:2",
      "workload=udp:1MB/s..ramp:1MB/s-4MB/s@1s:2",
    };
    for (String vary : ranges) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SweepGrid.parseVary(vary, BASE), vary);
      assertEquals("range in --vary '" + vary + "': a range varies the rate of a udp: or tcp:"
          + " workload; give other kinds as a list of values, e.g."
          + " workload=ramp:1MB/s-2MB/s@1s,ramp:1MB/s-4MB/s@1s", e.getMessage());
    }
  }

  @Test
  void rampsAndBurstsAreVariedAsAListKeepingTheirKind() {
    assertEquals(List.of("ramp:1MB/s-2MB/s@1s", "ramp:1MB/s-4MB/s@1s"),
        SweepGrid.parseVary("workload=ramp:1MB/s-2MB/s@1s,ramp:1MB/s-4MB/s@1s", BASE)
            .values());
    assertEquals(List.of("burst:1MB@2MB/s/1s", "burst:1MB@8MB/s/1s"),
        SweepGrid.parseVary("workload=burst:1MB@2MB/s/1s,burst:1MB@8MB/s/1s", BASE).values());
  }

  @Test
  void numberRangeIsExactAndListKeepsTheGivenText() {
    assertEquals(List.of("8", "10", "12", "14", "16"),
        SweepGrid.parseVary("fw.rxPoolFrames=8..16:5", BASE).values());
    assertEquals(List.of("20", "17.5", "15"),
        SweepGrid.parseVary("fw.rxProcessingUs=20.0..15:3", BASE).values());
    assertEquals(List.of("8", "11", "16"),
        SweepGrid.parseVary("fw.rxPoolFrames=8,11,16", BASE).values());
    assertEquals(List.of("true", "false"),
        SweepGrid.parseVary("fw.rxMultiple=true,false", BASE).values());
  }

  @Test
  void badVaryNamesTheProblem() {
    assertMessage("unknown parameter 'no.such'", "no.such=1,2");
    assertMessage("malformed range", "workload=udp:1MB/s..8MB/s");
    assertMessage("needs at least 2 points, got 1", "workload=udp:1MB/s..8MB/s:1");
    assertMessage("is not a whole number", "fw.rxPoolFrames=8..16:x");
    assertMessage("'x' is not a number", "fw.rxPoolFrames=x..16:3");
    // (16 - 8) / 3 = 2.67: the model would round, so whole ends refuse a fractional step.
    assertMessage("gives 10.6666666666666", "fw.rxPoolFrames=8..16:4");
    assertMessage("malformed --vary", "fw.rxPoolFrames");
    assertMessage("wants a number", "fw.rxPoolFrames=8,many");
    assertMessage("gives the value 8 twice", "fw.rxPoolFrames=8,8");
    assertMessage("mixes workload kinds", "workload=udp:1MB/s..tcp:4MB/s:3");
    assertMessage("give architectures with --arch", "arch=v1,v3");
  }

  /**
   * A list keeps each value as written, so 8 and 08 passed the check for a value given twice and
   * ran one platform under two keys (arch=v3|fw.rxPoolFrames=8 and ...=08), as did 8.0, 6e1 beside
   * 60 and 1.8e9 beside 1800000000.
   */
  @Test
  void oneNumberWrittenTwoWaysIsAValueGivenTwice() {
    assertMessage("gives the value 8 twice (as 8 and 08)", "fw.rxPoolFrames=8,08");
    assertMessage("gives the value 8 twice (as 8 and 8.0)", "fw.rxPoolFrames=8,11,8.0");
    assertMessage("gives the value 60 twice (as 60 and 6e1)", "fw.rxProcessingUs=60,6e1");
    assertMessage("gives the value 1800000000 twice (as 1.8e9 and 1800000000)",
        "host.cpuHz=1.8e9,1800000000");
    // Distinct values are kept as written.
    assertEquals(List.of("8.0", "11"), SweepGrid.parseVary("fw.rxPoolFrames=8.0,11", BASE)
        .values());
    assertEquals(List.of("0@0", "500@0.1"),
        SweepGrid.parseVary("fault.fwStallMs=0@0,500@0.1", BASE).values());
  }

  @Test
  void pointsRunArchOutermostThenDimensionsThenSeed() {
    SweepGrid g = new SweepGrid(
        List.of(Architecture.BASELINE, Architecture.V3),
        List.of(SweepGrid.parseVary("workload=udp:1MB/s..2MB/s:2", BASE),
            SweepGrid.parseVary("fw.rxPoolFrames=8,16", BASE)),
        2, 5, 2 * Time.S, null, BASE);

    // 2 archs x 2 workloads x 2 pool sizes x 2 seeds.
    assertEquals(16, g.size());
    assertEquals("arch=baseline|workload=udp:1MB/s|fw.rxPoolFrames=8|seed=5", g.point(0).key());
    assertEquals("arch=baseline|workload=udp:1MB/s|fw.rxPoolFrames=8|seed=6", g.point(1).key());
    assertEquals("arch=baseline|workload=udp:1MB/s|fw.rxPoolFrames=16|seed=5", g.point(2).key());
    assertEquals("arch=baseline|workload=udp:2MB/s|fw.rxPoolFrames=8|seed=5", g.point(4).key());
    // 11 = 1*8 + 0*4 + 1*2 + 1.
    assertEquals("arch=v3|workload=udp:1MB/s|fw.rxPoolFrames=16|seed=6", g.point(11).key());

    RunSpec s = g.spec(g.point(11));
    assertEquals(Architecture.V3, s.arch());
    assertEquals(6, s.seed());
    assertEquals("udp:1MB/s", s.workload().toString());
    assertEquals(16, s.platform().intValue("fw.rxPoolFrames"));
  }

  @Test
  void checkPlatformsNamesTheFirstPointOfACombinationTheHostCannotTake() {
    // Each value is in its range alone; host.cpus=2 with host.appCpu=2 is not a host.
    SweepGrid g = new SweepGrid(List.of(Architecture.BASELINE, Architecture.V3),
        List.of(SweepGrid.parseVary("workload=udp:1MB/s,udp:2MB/s", BASE),
            SweepGrid.parseVary("host.cpus=4,2", BASE),
            SweepGrid.parseVary("host.appCpu=1,2", BASE)),
        2, 5, Time.S, null, BASE);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.checkPlatforms(io.bessim.driver.host.Host::check));

    assertEquals("point arch=baseline|workload=udp:1MB/s|host.cpus=2|host.appCpu=2|seed=5:"
        + " host.appCpu = 2 is not a CPU of a 2-CPU host (CPUs are 0..1; set host.appCpu too"
        + " when changing host.cpus)", e.getMessage());
  }

  @Test
  void checkPlatformsSeesEveryCombinationOfThePlatformParametersOnce() {
    SweepGrid g = new SweepGrid(List.of(Architecture.BASELINE, Architecture.V3),
        List.of(SweepGrid.parseVary("fw.rxPoolFrames=8,16", BASE),
            SweepGrid.parseVary("workload=udp:1MB/s,udp:2MB/s", BASE),
            SweepGrid.parseVary("air.mcs=3,4,5", BASE)),
        2, 1, Time.S, null, BASE);
    List<String> seen = new java.util.ArrayList<>();

    g.checkPlatforms(p -> seen.add(p.string("fw.rxPoolFrames") + "/" + p.string("air.mcs")));

    assertEquals(List.of("8/3", "8/4", "8/5", "16/3", "16/4", "16/5"), seen);
  }

  @Test
  void workloadGivenAndVariedIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SweepGrid(List.of(Architecture.V3),
            List.of(SweepGrid.parseVary("workload=udp:1MB/s,udp:2MB/s", BASE)),
            1, 1, Time.S, WorkloadSpec.parse("tcp:4MB/s"), BASE));
    assertTrue(e.getMessage().contains("drop one"), e.getMessage());
  }

  private static void assertMessage(String expected, String vary) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.parseVary(vary, BASE));
    assertTrue(e.getMessage().contains(expected), vary + " -> " + e.getMessage());
  }
}
