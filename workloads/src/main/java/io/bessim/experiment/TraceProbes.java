package io.bessim.experiment;

import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.TraceSinkTracer;

/**
 * The counter tracks of a {@code run --trace}: every shared driver cell (hw_bufs_used, bh_rx,
 * gpio_wakup_flags: the chip's wake reasons, the model's power state, ...; sequence numbers
 * left out), rx_queue's depth, the chip's RX pool level and TCP's congestion window.
 */
public final class TraceProbes {
  private TraceProbes() {}

  public static void attach(TraceSinkTracer t, Experiment.Setup s) {
    var clock = (java.util.function.LongSupplier) s.sim()::nowPs;
    for (Cell c : s.host().kernel().cells()) {
      if (!c.name().contains("_seq")) t.probe(c.name(), c::peek, clock);
    }
    t.probe("rx_queue depth", s.host().driver()::rxQueueDepth, clock);
    t.probe("chip RX pool used (frames)", s.host().chip()::rxPoolUsed, clock);
    if (s.traffic().congestionWindowBytes() >= 0) {
      t.probe("TCP cwnd (bytes)", s.traffic()::congestionWindowBytes, clock);
    }
  }
}
