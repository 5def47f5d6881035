package io.bessim.chip.air;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.chip.fw.Frame;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One 20 MHz channel shared by the access point (downlink, A-MPDUs to the tablet) and the chip
 * (uplink: the tablet's frames, TCP ACKs mostly). Each TXOP is won by EDCA contention (AIFS plus a
 * random backoff in [0, CWmin]); the winner sends an A-MPDU of up to the aggregation limit and gets
 * a BlockAck. Subframes the chip cannot take (its RX pool is full) are not acknowledged and the AP
 * retries them, up to a retry limit, after which they are lost. Collisions are not modelled.
 */
public final class AirLink {
  /** The far side of the link: told when an uplink frame reaches the AP or a downlink is lost. */
  public interface Peer {
    void uplinkDelivered(long atPs, Frame f);

    void downlinkLost(long atPs, Frame f);
  }

  private final Simulator sim;
  private final Airtime airtime;
  private final Bes2600Firmware chip;
  private final SplittableRandom backoff;
  private final int apQueueFrames;
  private final int retryLimit;
  private Peer peer;

  private final ArrayDeque<Frame> apQueue = new ArrayDeque<>();
  private final ArrayDeque<Frame> staQueue = new ArrayDeque<>();
  private final List<Frame> inFlight = new ArrayList<>();
  /** The downlink frames the chip refused in one TXOP, in order: they go back to the AP queue. */
  private final List<Frame> rejected = new ArrayList<>();
  private boolean busy;
  private boolean inFlightDownlink;
  private long airBusyPs;
  private long apDrops;
  private long retryDrops;
  private long retries;
  private long downlinkTxops;

  private final EventHandler txopEnd = (t, a) -> onTxopEnd(t);
  private final EventHandler kick = (t, a) -> startTxop(t);

  public AirLink(Simulator sim, AirConfig cfg, Bes2600Firmware chip, SplittableRandom backoff,
      int apQueueFrames, int retryLimit) {
    this.sim = sim;
    this.airtime = new Airtime(cfg);
    this.chip = chip;
    this.backoff = backoff;
    this.apQueueFrames = apQueueFrames;
    this.retryLimit = retryLimit;
  }

  public void setPeer(Peer p) {
    this.peer = p;
  }

  public Airtime airtime() {
    return airtime;
  }

  /** The AP queues a frame for the tablet; returns false if its queue is full (tail drop). */
  public boolean apSend(long t, Frame f) {
    if (apQueue.size() >= apQueueFrames) {
      apDrops++;
      if (peer != null) peer.downlinkLost(t, f);
      return false;
    }
    apQueue.add(f);
    wake(t);
    return true;
  }

  /** The chip queues a frame for the AP (firmware TX path). */
  public void staSend(long t, Frame f) {
    staQueue.add(f);
    wake(t);
  }

  private void wake(long t) {
    if (!busy) {
      busy = true;
      sim.scheduleAt(t, kick, 0);
    }
  }

  private void startTxop(long t) {
    boolean ap = !apQueue.isEmpty();
    boolean sta = !staQueue.isEmpty();
    if (!ap && !sta) {
      busy = false;
      return;
    }
    int cw = airtime.config().cwMin();
    long apSlots = backoff.nextInt(cw + 1);
    long staSlots = backoff.nextInt(cw + 1);
    boolean downlink = ap && (!sta || apSlots <= staSlots);
    ArrayDeque<Frame> q = downlink ? apQueue : staQueue;
    int mpdu = q.peek().mpduBytes();
    int n = Math.min(q.size(), airtime.maxSubframes(mpdu));
    inFlight.clear();
    int maxBytes = 0;
    for (int i = 0; i < n; i++) {
      Frame f = q.poll();
      maxBytes = Math.max(maxBytes, f.mpduBytes());
      inFlight.add(f);
    }
    inFlightDownlink = downlink;
    long dur = airtime.txopPs(n, maxBytes, downlink ? apSlots : staSlots);
    airBusyPs += dur;
    if (downlink) downlinkTxops++;
    sim.scheduleAt(t + dur, txopEnd, 0);
  }

  private void onTxopEnd(long t) {
    if (inFlightDownlink) {
      // Indexed loops and a kept list: C1 does not remove an iterator's allocation, and this
      // runs once per TXOP.
      List<Frame> rejected = this.rejected;
      rejected.clear();
      for (int i = 0, n = inFlight.size(); i < n; i++) {
        Frame f = inFlight.get(i);
        if (!chip.receiveFromAir(t, f)) {
          if (f.airRetries < retryLimit) {
            f.airRetries++;
            retries++;
            rejected.add(f);
          } else {
            retryDrops++;
            if (peer != null) peer.downlinkLost(t, f);
          }
        }
      }
      for (int i = rejected.size() - 1; i >= 0; i--) apQueue.addFirst(rejected.get(i));
      rejected.clear();
    } else {
      for (int i = 0, n = inFlight.size(); i < n; i++) {
        Frame f = inFlight.get(i);
        chip.transmitted(t, f);
        if (peer != null) peer.uplinkDelivered(t, f);
      }
    }
    inFlight.clear();
    startTxop(t);
  }

  public long airBusyPs() {
    return airBusyPs;
  }

  public long apDrops() {
    return apDrops;
  }

  public long retryDrops() {
    return retryDrops;
  }

  public long retries() {
    return retries;
  }

  public int apQueued() {
    return apQueue.size();
  }

  public long downlinkTxops() {
    return downlinkTxops;
  }
}
