package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An open-loop UDP source on the server. At a constant rate ({@code iperf -u -b} style) it sends
 * one full-sized datagram (1472 B of payload, a 1554-B MPDU) every {@code 1472 / R} seconds, exact
 * to the picosecond in the long run; given an {@link OfferSchedule} (a ramp, bursts, a replayed
 * trace) it sends each unit of the schedule as one datagram of that payload. The tablet sends
 * nothing back, so a lost datagram is simply lost.
 */
public final class UdpFlow implements Traffic {
  private final Simulator sim;
  private final long rateBytesPerSec;
  private final OfferSchedule schedule;
  private final Wire wire;
  private final EventHandler generate = (t, a) -> generate(t);
  private Downlink downlink;
  private long nextId = 1;
  private boolean started;

  private long datagramsSent;
  private long datagramsReceived;
  private long downlinkRejected;
  private long framesLost;
  private long uplinkFrames;
  private long offeredBytes;
  private long deliveredBytes;

  /**
   * @param rateBytesPerSec application payload rate R
   * @param wiredOneWayPs server-to-AP delay each datagram takes before reaching the AP queue
   */
  public UdpFlow(Simulator sim, long rateBytesPerSec, long wiredOneWayPs) {
    this(sim, new RateClock(rateBytesPerSec, WifiFrames.UDP_PAYLOAD_BYTES), rateBytesPerSec,
        wiredOneWayPs);
  }

  /** A source that sends one datagram per unit of {@code schedule}. */
  UdpFlow(Simulator sim, OfferSchedule schedule, long wiredOneWayPs) {
    this(sim, schedule, 0, wiredOneWayPs);
  }

  private UdpFlow(
      Simulator sim, OfferSchedule schedule, long rateBytesPerSec, long wiredOneWayPs) {
    checkArgument(wiredOneWayPs >= 0, "negative wired delay %s", wiredOneWayPs);
    this.sim = sim;
    this.rateBytesPerSec = rateBytesPerSec;
    this.schedule = schedule;
    this.wire = new Wire(sim, wiredOneWayPs, this::toAp);
  }

  /** The constant rate R, or 0 for a flow driven by a varying schedule. */
  public long rateBytesPerSec() {
    return rateBytesPerSec;
  }

  @Override
  public void setDownlink(Downlink d) {
    this.downlink = d;
  }

  @Override
  public void start(long atPs) {
    checkState(downlink != null, "setDownlink before start");
    checkState(!started, "already started");
    started = true;
    schedule.start(atPs);
    if (schedule.nextPs() != OfferSchedule.END) sim.scheduleAt(schedule.nextPs(), generate, 0);
  }

  private void generate(long nowPs) {
    int payload = schedule.unitBytes();
    Frame f = new Frame(nextId++, WifiFrames.udpMpduBytes(payload), payload, null);
    datagramsSent++;
    offeredBytes += payload;
    wire.enter(nowPs, f);
    long next = schedule.advance();
    if (next != OfferSchedule.END) sim.scheduleAt(next, generate, 0);
  }

  private void toAp(long nowPs, Frame f) {
    if (!downlink.send(nowPs, f)) downlinkRejected++;
  }

  @Override
  public Frame receive(long nowPs, Frame f) {
    datagramsReceived++;
    deliveredBytes += f.appBytes();
    return null;
  }

  @Override
  public void uplinkDelivered(long atPs, Frame f) {
    // The UDP receiver sends nothing; anything here came from someone else. Count it, no more.
    uplinkFrames++;
  }

  @Override
  public void downlinkLost(long atPs, Frame f) {
    framesLost++;
  }

  @Override
  public long offeredAppBytes() {
    return offeredBytes;
  }

  @Override
  public long deliveredAppBytes() {
    return deliveredBytes;
  }

  @Override
  public void resetCounters(long nowPs) {
    datagramsSent = 0;
    datagramsReceived = 0;
    downlinkRejected = 0;
    framesLost = 0;
    uplinkFrames = 0;
    offeredBytes = 0;
    deliveredBytes = 0;
  }

  @Override
  public Map<String, Long> counters() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("datagramsSent", datagramsSent);
    m.put("datagramsReceived", datagramsReceived);
    m.put("framesLost", framesLost);
    m.put("downlinkRejected", downlinkRejected);
    m.put("uplinkFrames", uplinkFrames);
    m.put("offeredAppBytes", offeredBytes);
    m.put("deliveredAppBytes", deliveredBytes);
    return m;
  }
}
