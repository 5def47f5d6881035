package io.bessim.driver.host;

import io.bessim.chip.air.AirLink;
import io.bessim.chip.fw.Frame;
import io.bessim.driver.NetStack;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;

/**
 * A minimal constant-rate downlink source for driver-model tests (the real flows are in workloads):
 * 1472-byte datagrams, and optionally a 106-byte uplink frame for every second one received (the
 * shape of a TCP receiver's ACKs), so that the driver's TX path and the chip's input buffers work.
 */
final class UdpSource implements NetStack, AirLink.Peer {
  private final Simulator sim;
  private final long periodPs;
  private AirLink link;
  private long sent;
  long delivered;
  long lost;
  private final EventHandler tick = this::tick;

  private final boolean acks;
  private long received;

  UdpSource(Simulator sim, double bytesPerSecond, boolean acks) {
    this.sim = sim;
    this.acks = acks;
    this.periodPs = Math.round(1472 / bytesPerSecond * 1e12);
  }

  void start(AirLink l) {
    this.link = l;
    l.setPeer(this);
    sim.scheduleAt(0, tick, 0);
  }

  private void tick(long t, int a) {
    link.apSend(t, new Frame(sent++, 1554, 1472, null));
    sim.scheduleAt(t + periodPs, tick, 0);
  }

  @Override
  public Frame receive(long nowPs, Frame f) {
    delivered += f.appBytes();
    received++;
    return acks && received % 2 == 0 ? new Frame(-received, 106, 0, null) : null;
  }

  @Override
  public void uplinkDelivered(long atPs, Frame f) {}

  @Override
  public void downlinkLost(long atPs, Frame f) {
    lost++;
  }
}
