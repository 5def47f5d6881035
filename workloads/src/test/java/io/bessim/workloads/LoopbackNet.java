package io.bessim.workloads;

import io.bessim.chip.fw.Frame;
import io.bessim.driver.NetStack;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayDeque;

/**
 * A stand-in for AP + air + chip + driver: downlink frames queue at a FIFO bottleneck that takes
 * {@code serviceTimePs} per frame, then arrive at the host {@code oneWayPs} later, where the flow's
 * {@code receive} runs as the NET_RX softirq would; any ACK (returned, or sent from the delayed-ACK
 * timer) reaches the AP {@code oneWayPs} later via {@code uplinkDelivered}. Optionally the Nth
 * downlink frame (1-based) is lost on the air, reported through {@code downlinkLost} as the air
 * link does.
 */
final class LoopbackNet implements Traffic.Downlink, NetStack.TimerTx {
  private final Simulator sim;
  private final Traffic flow;
  private final long oneWayPs;
  private final long serviceTimePs;
  private final Loss loss;
  private final ArrayDeque<Frame> down = new ArrayDeque<>();
  private final ArrayDeque<Frame> up = new ArrayDeque<>();
  private final EventHandler atHost = (t, a) -> atHost(t);
  private final EventHandler atAp = (t, a) -> atAp(t);
  private long bottleneckFreePs;
  private long downlinkFrames;
  long uplinkFrames;

  /** Decides which downlink frames the air loses; {@code n} counts from 1. */
  interface Loss {
    boolean lose(long n, Frame f);
  }

  LoopbackNet(Simulator sim, Traffic flow, long oneWayPs, long serviceTimePs, Loss loss) {
    this.sim = sim;
    this.flow = flow;
    this.oneWayPs = oneWayPs;
    this.serviceTimePs = serviceTimePs;
    this.loss = loss;
    flow.setDownlink(this);
    flow.attach(this);
  }

  /** Loses only the {@code dropNth} downlink frame (0: none). */
  LoopbackNet(Simulator sim, Traffic flow, long oneWayPs, long serviceTimePs, long dropNth) {
    this(sim, flow, oneWayPs, serviceTimePs, (n, f) -> n == dropNth);
  }

  /** Lossless. */
  LoopbackNet(Simulator sim, Traffic flow, long oneWayPs, long serviceTimePs) {
    this(sim, flow, oneWayPs, serviceTimePs, 0);
  }

  private void atAp(long nowPs) {
    flow.uplinkDelivered(nowPs, up.poll());
  }

  @Override
  public boolean send(long atPs, Frame f) {
    downlinkFrames++;
    if (loss.lose(downlinkFrames, f)) {
      flow.downlinkLost(atPs, f);
      return true; // accepted by the AP, lost on the air
    }
    long departPs = Math.max(atPs, bottleneckFreePs) + serviceTimePs;
    bottleneckFreePs = departPs;
    down.add(f);
    sim.scheduleAt(departPs + oneWayPs, atHost, 0);
    return true;
  }

  private void atHost(long nowPs) {
    Frame ack = flow.receive(nowPs, down.poll());
    if (ack != null) uplink(nowPs, ack);
  }

  @Override
  public void sendFromTimer(long nowPs, Frame f) {
    uplink(nowPs, f);
  }

  private void uplink(long nowPs, Frame f) {
    uplinkFrames++;
    up.add(f);
    sim.scheduleAt(nowPs + oneWayPs, atAp, 0);
  }
}
