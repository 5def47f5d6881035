package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReplayReproducesTheTraceTest {
  static final List<String> TRACE = List.of(
      "# a tiny capture",
      "time_s,bytes,direction",
      "0.5,3000,down",
      "0.5,100,up",
      "",
      "1.25,1472,down",
      "2,1,DOWN");

  @Test
  void rowsBecomeMtuSizedDatagramsAtTheirTimes(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("t.csv"), TRACE);
    ReplayTrace trace = ReplayTrace.read(file);
    assertEquals(1L, trace.upRows());
    assertEquals(100L, trace.upBytes());
    assertEquals(4473L, trace.downBytes());

    Simulator sim = new Simulator();
    Traffic flow = TrafficFactory.create(new TrafficSpec.Replay(file, trace), sim,
        TcpConfig.defaults()); // 1 ms on the wire
    List<Long> atAp = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    flow.setDownlink((t, f) -> atAp.add(t) && frames.add(f));
    flow.start(0);
    sim.runUntil(10 * Time.S);

    // 3000 B = 1472 + 1472 + 56, all at 0.5 s; then 1472 at 1.25 s and 1 at 2 s; each +1 ms.
    assertEquals(List.of(501 * Time.MS, 501 * Time.MS, 501 * Time.MS, 1251 * Time.MS,
        2001 * Time.MS), atAp);
    assertEquals(List.of(1472, 1472, 56, 1472, 1),
        frames.stream().map(Frame::appBytes).toList());
    assertEquals(List.of(1554, 1554, 138, 1554, 83),
        frames.stream().map(Frame::mpduBytes).toList());
    assertEquals(4473L, flow.offeredAppBytes());
    // Mean offered rate: 4473 B over the 2 s up to the last row.
    assertEquals(2236.5, new TrafficSpec.Replay(file, trace).meanBytesPerSecond(), 1e-9);
  }

  @Test
  void badRowsAreNamedByLine() {
    assertMessage("t.csv line 2: bytes must be a whole number, got 'abc'",
        List.of("0,10,down", "1,abc,down"));
    assertMessage("t.csv line 1: bytes must be positive, got '-5'", List.of("0,-5,down"));
    assertMessage("t.csv line 1: time_s must not be negative, got '-1'", List.of("-1,5,down"));
    assertMessage("t.csv line 1: time_s must be a number of seconds, got 'noon'",
        List.of("noon,5,down"));
    assertMessage("t.csv line 1: direction must be 'down' or 'up', got 'sideways'",
        List.of("0,5,sideways"));
    assertMessage("t.csv line 3: expected time_s,bytes,direction, got '3,5'",
        List.of("# c", "time_s,bytes,direction", "3,5"));
    assertMessage("t.csv line 2: time 0.5 s is before the previous row's; rows must be in time"
        + " order", List.of("1,5,down", "0.5,5,down"));
    assertMessage("replay trace t.csv has no 'down' rows: nothing to replay",
        List.of("time_s,bytes,direction", "0,5,up"));
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReplayTrace.read(missing));
    assertEquals("replay trace '" + missing + "' does not exist", e.getMessage());
  }

  @Test
  void timesAreKeptToThePicosecond() {
    ReplayTrace t = ReplayTrace.parse(List.of("0.000000000001,1,down", "1e-3,1,down"), "t.csv");
    assertEquals(1L, t.down().get(0).atPs());
    assertEquals(Time.MS, t.down().get(1).atPs());
    assertEquals(0L, t.upRows());
  }

  private static void assertMessage(String expected, List<String> lines) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReplayTrace.parse(lines, "t.csv"));
    assertEquals(expected, e.getMessage());
  }
}
