package io.bessim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireKeepsOneExitPendingTest {
  private static final long DELAY = 1_000;

  private final Simulator sim = new Simulator();
  private final List<String> arrivals = new ArrayList<>();
  private final Wire wire = new Wire(sim, DELAY, (t, f) -> arrivals.add(f.id() + "@" + t));

  private static Frame frame(long id) {
    return new Frame(id, 1554, 1448, null);
  }

  @Test
  void framesLeaveInOrderEachAfterTheDelay() {
    wire.enter(0, frame(1));
    sim.scheduleAt(300, (t, a) -> wire.enter(t, frame(2)), 0);
    sim.scheduleAt(300, (t, a) -> wire.enter(t, frame(3)), 0);
    sim.scheduleAt(1_200, (t, a) -> wire.enter(t, frame(4)), 0);
    sim.run();
    assertEquals(List.of("1@1000", "2@1300", "3@1300", "4@2200"), arrivals);
  }

  @Test
  void aThousandFramesInTransitCostOnePendingEvent() {
    // More than the exit-time ring's first 64 slots: it grows with the heads in order.
    for (int i = 0; i < 1_000; i++) {
      long t = i;
      sim.scheduleAt(t, (now, a) -> wire.enter(now, frame(t)), 0);
    }
    sim.runUntil(999);
    assertEquals(1, sim.pendingEvents());
    sim.run();
    assertEquals(1_000, arrivals.size());
    for (int i = 0; i < 1_000; i++) assertEquals(i + "@" + (i + DELAY), arrivals.get(i));
  }

  @Test
  void aBurstArrivesBeforeWhatItsFirstFrameSchedulesForTheSameInstant() {
    // The AP's first arrival schedules its TXOP at once; the rest of the burst must be queued by
    // then, as when each frame had its own exit event.
    Wire w = new Wire(sim, DELAY, (t, f) -> {
      arrivals.add(f.id() + "@" + t);
      if (f.id() == 1) sim.scheduleAt(t, (now, a) -> arrivals.add("txop@" + now), 0);
    });
    for (int i = 1; i <= 3; i++) w.enter(0, frame(i));
    sim.run();
    assertEquals(List.of("1@1000", "2@1000", "3@1000", "txop@1000"), arrivals);
  }
}
