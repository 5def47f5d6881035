package io.bessim.workloads;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayDeque;

/**
 * A fixed one-way delay (the wired LAN plus AP forwarding) with unlimited capacity. Because every
 * frame takes the same time and the simulator fires same-time events in scheduling order, frames
 * leave in the order they entered, so a FIFO replaces a per-frame event object.
 */
final class Wire {
  interface Sink {
    void arrive(long nowPs, Frame f);
  }

  private final Simulator sim;
  private final long delayPs;
  private final Sink sink;
  private final ArrayDeque<Frame> inTransit = new ArrayDeque<>();
  private final EventHandler exit = (t, a) -> exit(t);

  Wire(Simulator sim, long delayPs, Sink sink) {
    this.sim = sim;
    this.delayPs = delayPs;
    this.sink = sink;
  }

  void enter(long nowPs, Frame f) {
    inTransit.add(f);
    sim.scheduleAt(nowPs + delayPs, exit, 0);
  }

  private void exit(long nowPs) {
    sink.arrive(nowPs, inTransit.poll());
  }
}
