package io.bessim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimulatorTest {
  @Test
  void stepLeavesTheNextEventTimeAtTheEventStillPending() {
    Simulator sim = new Simulator();
    List<Long> fired = new ArrayList<>();
    sim.scheduleAt(10, (t, a) -> fired.add(t), 0);
    sim.scheduleAt(20, (t, a) -> fired.add(t), 0);
    assertEquals(10, sim.nextEventPs());
    sim.step(Long.MAX_VALUE);
    // --check fires one event at a time: the time it had cached was the fired event's.
    assertEquals(20, sim.nextEventPs());
    sim.step(Long.MAX_VALUE);
    assertEquals(Long.MAX_VALUE, sim.nextEventPs());
    assertEquals(List.of(10L, 20L), fired);
  }

  @Test
  void runUntilFiresEventsUpToAndIncludingEndAndLeavesTheClockThere() {
    Simulator sim = new Simulator();
    List<Long> fired = new ArrayList<>();
    EventHandler record = (now, arg) -> fired.add(now);
    sim.scheduleAt(10 * Time.NS, record, 0);
    sim.scheduleAt(20 * Time.NS, record, 0);
    sim.scheduleAt(30 * Time.NS, record, 0);
    sim.runUntil(20 * Time.NS);
    assertEquals(List.of(10 * Time.NS, 20 * Time.NS), fired);
    assertEquals(20 * Time.NS, sim.nowPs());
    assertEquals(1, sim.pendingEvents());
    assertEquals(30 * Time.NS, sim.nextEventPs());
    sim.runUntil(25 * Time.NS);
    assertEquals(25 * Time.NS, sim.nowPs(), "clock advances to the end even with no event there");
    assertEquals(2, sim.eventsFired());
  }

  @Test
  void runUntilAdvancesTheClockWhenTheQueueDrains() {
    Simulator sim = new Simulator();
    sim.runUntil(Time.MS);
    assertEquals(Time.MS, sim.nowPs());
  }

  @Test
  void eventsFireInTimeOrderAndTiesInSchedulingOrder() {
    Simulator sim = new Simulator();
    List<Integer> order = new ArrayList<>();
    EventHandler record = (now, arg) -> order.add(arg);
    sim.scheduleAt(5, record, 3);
    sim.scheduleAt(1, record, 1);
    sim.scheduleAt(5, record, 4);
    sim.scheduleAt(2, record, 2);
    sim.run();
    assertEquals(List.of(1, 2, 3, 4), order);
    assertEquals(5, sim.nowPs(), "run() leaves the clock at the last event");
  }

  @Test
  void handlersCanScheduleFurtherEvents() {
    Simulator sim = new Simulator();
    int[] ticks = {0};
    EventHandler tick =
        new EventHandler() {
          @Override
          public void fire(long now, int arg) {
            ticks[0]++;
            sim.schedule(Time.US, this, 0);
          }
        };
    sim.schedule(0, tick, 0);
    sim.runUntil(10 * Time.US);
    // Ticks at 0, 1, ..., 10 us.
    assertEquals(11, ticks[0]);
    assertEquals(11 * Time.US, sim.nextEventPs());
  }

  @Test
  void aHandlerSeesTheNextEventIncludingThoseItJustScheduled() {
    // Pending at 10 and 50 ns; the handler at 10 ns asks before and after adding one at 30 ns,
    // then one at 20 ns with schedule(): 50, 30, 20. Once the queue drains: Long.MAX_VALUE.
    Simulator sim = new Simulator();
    List<Long> seen = new ArrayList<>();
    EventHandler noop = (now, arg) -> {};
    sim.scheduleAt(50 * Time.NS, noop, 0);
    sim.scheduleAt(10 * Time.NS, (now, arg) -> {
      seen.add(sim.nextEventPs() / Time.NS);
      sim.scheduleAt(30 * Time.NS, noop, 0);
      seen.add(sim.nextEventPs() / Time.NS);
      sim.schedule(10 * Time.NS, noop, 0);
      seen.add(sim.nextEventPs() / Time.NS);
    }, 0);
    sim.run();
    assertEquals(List.of(50L, 30L, 20L), seen);
    assertEquals(Long.MAX_VALUE, sim.nextEventPs());
  }

  @Test
  void stopReturnsAfterTheCurrentEventWithoutAdvancingTheClock() {
    Simulator sim = new Simulator();
    List<Integer> fired = new ArrayList<>();
    sim.scheduleAt(100, (now, arg) -> fired.add(arg), 1);
    sim.scheduleAt(
        200,
        (now, arg) -> {
          fired.add(arg);
          sim.stop();
        },
        2);
    sim.scheduleAt(200, (now, arg) -> fired.add(arg), 3);
    sim.runUntil(Time.S);
    assertEquals(List.of(1, 2), fired);
    assertEquals(200, sim.nowPs());
    // A later run resumes where it stopped; the stop request does not linger.
    sim.runUntil(Time.S);
    assertEquals(List.of(1, 2, 3), fired);
    assertEquals(Time.S, sim.nowPs());
  }

  @Test
  void schedulingInThePastIsRejected() {
    Simulator sim = new Simulator();
    sim.runUntil(Time.US);
    EventHandler noop = (now, arg) -> {};
    assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(Time.US - 1, noop, 0));
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, noop, 0));
    sim.scheduleAt(Time.US, noop, 0); // now itself is allowed
    assertEquals(1, sim.pendingEvents());
  }

  @Test
  void delayThatWouldOverflowTheClockIsRejected() {
    Simulator sim = new Simulator();
    sim.runUntil(Time.US);
    assertThrows(
        IllegalArgumentException.class, () -> sim.schedule(Long.MAX_VALUE, (now, arg) -> {}, 0));
  }
}
