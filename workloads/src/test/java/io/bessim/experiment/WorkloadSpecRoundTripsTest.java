package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Time;
import io.bessim.workloads.TrafficFactory;
import io.bessim.workloads.TrafficSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WorkloadSpecRoundTripsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "tcp:4MB/s                      | tcp:4MB/s",
    "udp:32Mbit/s                   | udp:4MB/s",
    "UDP: 1.5KiB/s                  | udp:0.001536MB/s",
    "ramp:1MB/s-4MB/s@60s           | ramp:1MB/s-4MB/s@60s",
    "ramp-udp:1MB/s - 4MB/s@1m      | ramp:1MB/s-4MB/s@60s",
    "ramp-tcp:0MB/s-2MB/s@500ms     | ramp-tcp:0MB/s-2MB/s@0.5s",
    "ramp:4MB/s-1MB/s@10s           | ramp:4MB/s-1MB/s@10s",
    "ramp:1e-1MB/s-4MB/s@60s        | ramp:0.1MB/s-4MB/s@60s",
    "burst:2MB@8MB/s/2s             | burst:2MB@8MB/s/2s",
    "burst-tcp:2MB@8MB/s/2s         | burst:2MB@8MB/s/2s",
    "burst-udp:512KiB@64Mbit/s/500ms | burst-udp:0.524288MB@8MB/s/0.5s",
  })
  void parsePrintsTheCanonicalFormWhichParsesBackEqual(String text, String canonical) {
    WorkloadSpec w = WorkloadSpec.parse(text);
    assertEquals(canonical, w.toString());
    assertEquals(w, WorkloadSpec.parse(w.toString()));
  }

  @Test
  void meanRateKindAndModelUnits() {
    WorkloadSpec ramp = WorkloadSpec.parse("ramp-tcp:1MB/s-4MB/s@60s");
    assertEquals(WorkloadSpec.Kind.TCP, ramp.kind());
    assertEquals(4e6, ramp.bytesPerSecond()); // the rate it holds after the ramp
    assertEquals(new TrafficSpec.Ramp(TrafficFactory.Kind.TCP, 1_000_000, 4_000_000,
        60 * Time.S), ramp.traffic());
    assertEquals(150e6, ((TrafficSpec.Ramp) ramp.traffic()).bytesBy(60 * Time.S), 1e-3);

    WorkloadSpec burst = WorkloadSpec.parse("burst:2MB@8MB/s/2s");
    assertEquals(WorkloadSpec.Kind.TCP, burst.kind());
    assertEquals(1e6, burst.bytesPerSecond()); // 2 MB per 2 s

    WorkloadSpec udp = new WorkloadSpec(WorkloadSpec.Kind.UDP, 3e6);
    assertEquals("udp:3MB/s", udp.toString());
    assertEquals(3e6, udp.bytesPerSecond());
    assertEquals(WorkloadSpec.Kind.UDP, udp.kind());
  }

  @Test
  void replayResolvesAgainstTheBaseDirAndRoundTrips(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("t.csv"), List.of("0,3000,down", "4,1000,down"));
    WorkloadSpec w = WorkloadSpec.parse("replay:t.csv", dir);
    assertEquals("replay:" + dir.resolve("t.csv"), w.toString());
    assertEquals(w, WorkloadSpec.parse(w.toString()));
    assertEquals(WorkloadSpec.Kind.UDP, w.kind());
    assertEquals(1000.0, w.bytesPerSecond()); // 4000 B up to the last row at 4 s
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "ramp:1MB/s-4MB/s@0s      | ramp time must be positive in 'ramp:1MB/s-4MB/s@0s'",
    "ramp:1MB/s-4MB/s@-5s     | ramp time must be positive",
    "ramp:1MB/s-4MB/s         | malformed ramp 'ramp:1MB/s-4MB/s': expected ramp:RATE-RATE@TIME",
    "ramp:1MB/s@60s           | malformed ramp",
    "ramp:-1MB/s-4MB/s@60s    | negative rate '-1MB/s'",
    "ramp:1MB/s-0MB/s@60s     | rate must be positive",
    "ramp:1MB/s-4MB/s@soon    | malformed ramp time 'soon'",
    "burst:-2MB@8MB/s/2s      | negative size '-2MB'",
    "burst:0MB@8MB/s/2s       | size must be at least 1 B",
    "burst:2MB@8MB/s          | malformed burst 'burst:2MB@8MB/s': expected burst:SIZE@RATE/PERIOD",
    "burst:2MB@8MB/s/0s       | burst period must be positive",
    "burst:2 apples@8MB/s/2s  | malformed size '2 apples'",
    "burst:2MB@1MB/s/1.5s     | a 2MB chunk at 1MB/s takes longer than the 1.5s period",
    "udp:0.2B/s               | rate below 1 B/s",
    "replay:                  | malformed replay 'replay:': expected replay:FILE.csv",
    "replay:/no/such/t.csv    | replay trace '/no/such/t.csv' does not exist",
    "pigeon:3MB/s             | unknown workload kind 'pigeon' in 'pigeon:3MB/s' (known: udp, tcp",
  })
  void badWorkloadsAreOneNamedLine(String text, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WorkloadSpec.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
