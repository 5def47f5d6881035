package io.bessim.workloads;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayDeque;

/**
 * A fixed one-way delay (the wired LAN plus AP forwarding) with unlimited capacity. Because every
 * frame takes the same time, frames leave in the order they entered: a FIFO of frames and their
 * exit times, with one pending event, the head's exit, replaces an event per frame in transit. A
 * TCP window's worth of frames in transit kept the simulator's queue at 30-60 pending events
 * (its heap regime); with one per wire it stays at the few the rest of the model has.
 */
final class Wire {
  interface Sink {
    void arrive(long nowPs, Frame f);
  }

  private final Simulator sim;
  private final long delayPs;
  private final Sink sink;
  private final ArrayDeque<Frame> inTransit = new ArrayDeque<>();
  /** Exit times of the frames in transit, a ring in the order of {@link #inTransit}. */
  private long[] exitPs = new long[64];
  private int head;
  /** True while {@link #exit} delivers: it schedules the next exit itself. */
  private boolean exiting;
  private final EventHandler exit = (t, a) -> exit(t);

  Wire(Simulator sim, long delayPs, Sink sink) {
    this.sim = sim;
    this.delayPs = delayPs;
    this.sink = sink;
  }

  void enter(long nowPs, Frame f) {
    int n = inTransit.size();
    if (n == exitPs.length) grow();
    long at = nowPs + delayPs;
    exitPs[(head + n) & (exitPs.length - 1)] = at;
    inTransit.add(f);
    if (n == 0 && !exiting) sim.scheduleAt(at, exit, 0);
  }

  private void exit(long nowPs) {
    // Frames that entered together (a sender's burst) leave together, before anything their
    // arrival schedules for the same instant: an event per frame, scheduled when it entered, fired
    // them back to back.
    exiting = true;
    do {
      Frame f = inTransit.poll();
      head = (head + 1) & (exitPs.length - 1);
      sink.arrive(nowPs, f);
    } while (!inTransit.isEmpty() && exitPs[head] == nowPs);
    exiting = false;
    if (!inTransit.isEmpty()) sim.scheduleAt(exitPs[head], exit, 0);
  }

  private void grow() {
    int n = exitPs.length;
    long[] bigger = new long[2 * n];
    for (int i = 0; i < n; i++) bigger[i] = exitPs[(head + i) & (n - 1)];
    exitPs = bigger;
    head = 0;
  }
}
