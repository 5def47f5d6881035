package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkState;

import io.bessim.chip.fw.Frame;
import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bulk TCP stream from the server to the tablet whose sending application is capped at R bytes/s
 * like {@code pv -L R} feeding an unbounded socket send buffer.
 *
 * <p>Sender (server): NewReno (RFC 5681, RFC 6582): slow start from an initial window of 10
 * segments, congestion avoidance by byte counting, fast retransmit after three duplicate ACKs with
 * fast recovery and partial-ACK retransmission, retransmission timeout with exponential backoff and
 * go-back-N. The window is {@code min(cwnd, rwnd)}. RTT comes from the echoed timestamp on every
 * ACK (RFC 7323), smoothed per RFC 6298, with Linux's RTO floor on the variance term ({@code
 * tcp_rtt_estimator}: RTO = SRTT + max(4 RTTVAR, 200 ms)). The window grows only while the sender
 * is window-limited (RFC 7661, Linux {@code tcp_is_cwnd_limited}), so an application-limited
 * stream does not inflate it without bound.
 *
 * <p>Receiver (the tablet, {@link #receive}): delivers in-order data, buffers out-of-order
 * segments, and ACKs as Linux {@code __tcp_ack_snd_check} does: at once when more than one
 * full-sized segment is unacknowledged (every second segment), while in quick-ack mode (the first
 * 16 segments), on out-of-order or duplicate data (an immediate dupACK) and when a segment fills a
 * hole; otherwise it arms the 40 ms delayed-ACK timer and sends from it. Simplifications: ACKs are
 * cumulative only (no SACK, so the sender repairs one hole per RTT); the delayed-ACK timeout is
 * fixed (Linux adapts {@code ato} to the arrival pattern); the advertised window is constant (the
 * reading application always keeps up); all segments are full-sized (the application writes whole
 * MSS chunks, so Nagle never holds a partial one).
 *
 * <p>Deterministic: no random numbers. Loss reports from the air link ({@link #downlinkLost}) are
 * counted but never used for recovery; the sender finds losses through dupACKs and its RTO.
 */
public final class TcpFlow implements Traffic {
  /** RFC 6298 (2.1): RTO before the first RTT sample. */
  static final long RTO_INITIAL_PS = Time.S;

  /** Linux TCP_RTO_MAX. */
  static final long RTO_MAX_PS = 120 * Time.S;

  private static final int DUPACK_THRESHOLD = 3;

  private final Simulator sim;
  private final TcpConfig cfg;
  private final long rateBytesPerSec;
  private final int mss;
  private final Wire toAp;
  private final Wire toServer;
  private Downlink downlink;
  private TimerTx timerTx;
  private long nextFrameId = 1;
  private boolean started;

  // Application (pv -L): one MSS per mss/R seconds after an initial burst, or one MSS per unit of
  // a varying schedule (a ramp, chunk fetches). The writes are not events: what the application
  // has written by an instant follows from the schedule, so the flow catches up on the writes due
  // whenever it looks (catchUpWrites), and schedules a wake only while the sender waits for data.
  // One event per MSS written used to be 15-25% of all events.
  private final OfferSchedule appSchedule;
  private final EventHandler appWake = (t, a) -> appWake(t);
  private long appWritten;
  /** When the next write is due, or {@link OfferSchedule#END}. */
  private long nextWritePs = OfferSchedule.END;
  private boolean wakeArmed;

  // Sender. Sequence numbers are stream byte offsets starting at 0.
  private long sndUna;
  private long sndNxt;
  private long sndMax;
  private long cwnd;
  private long ssthresh = Long.MAX_VALUE;
  private long cwndCount;
  private boolean cwndLimited;
  private long peerRwnd;
  private int dupAcks;
  private boolean inRecovery;
  private long recover;
  private boolean partialAckSeen;
  private long srttPs;
  private long rttvarPs;
  private boolean rttSampled;
  private long rtoPs = RTO_INITIAL_PS;
  private final OneShotTimer rtoTimer;

  // Receiver.
  private long rcvNxt;
  private long rcvWup;
  private long tsRecent;
  private int quickAcksLeft;
  private final TreeMap<Long, TcpSegment> outOfOrder = new TreeMap<>();
  private final OneShotTimer delAckTimer;

  // Counters.
  private long segmentsSent;
  private long retransmits;
  private long fastRetransmits;
  private long timeouts;
  private long acksReceived;
  private long dupAcksReceived;
  private long downlinkRejected;
  private long framesLost;
  private long segmentsReceived;
  private long outOfOrderSegments;
  private long duplicateSegments;
  private long acksSent;
  private long delayedAcksSent;
  private long quickAcksSent;
  private long offeredBase;
  private long deliveredBase;

  public TcpFlow(Simulator sim, long rateBytesPerSec, TcpConfig cfg) {
    this(sim, new RateClock(rateBytesPerSec, cfg.mss()), rateBytesPerSec, cfg);
  }

  /**
   * A stream whose application writes one MSS at each unit of {@code appSchedule} after the
   * initial {@link TcpConfig#pvBurstBytes()} write at the start (the schedule's unit sizes are
   * ignored: the caller gives one with whole MSS units).
   */
  TcpFlow(Simulator sim, OfferSchedule appSchedule, TcpConfig cfg) {
    this(sim, appSchedule, 0, cfg);
  }

  private TcpFlow(Simulator sim, OfferSchedule appSchedule, long rateBytesPerSec, TcpConfig cfg) {
    this.sim = sim;
    this.cfg = cfg;
    this.rateBytesPerSec = rateBytesPerSec;
    this.mss = cfg.mss();
    this.appSchedule = appSchedule;
    this.toAp = new Wire(sim, cfg.wiredOneWayPs(), this::arriveAtAp);
    this.toServer = new Wire(sim, cfg.wiredOneWayPs(), this::arriveAtServer);
    this.rtoTimer = new OneShotTimer(sim, this::onRetransmissionTimeout);
    this.delAckTimer = new OneShotTimer(sim, this::onDelayedAckTimer);
    this.cwnd = (long) cfg.initialCwndSegments() * mss;
    this.peerRwnd = cfg.rwndBytes();
    this.quickAcksLeft = cfg.quickAcks();
  }

  public TcpConfig config() {
    return cfg;
  }

  /** The constant rate cap R, or 0 for a flow driven by a varying schedule. */
  public long rateBytesPerSec() {
    return rateBytesPerSec;
  }

  /** Congestion window now, bytes. */
  public long cwndBytes() {
    return cwnd;
  }

  /** Smoothed RTT, ps (0 before the first sample). */
  public long srttPs() {
    return srttPs;
  }

  /** Current retransmission timeout including backoff, ps. */
  public long rtoPs() {
    return rtoPs;
  }

  @Override
  public void setDownlink(Downlink d) {
    this.downlink = d;
  }

  @Override
  public void attach(TimerTx tx) {
    this.timerTx = tx;
  }

  @Override
  public void start(long atPs) {
    checkState(downlink != null, "setDownlink before start");
    checkState(!started, "already started");
    started = true;
    // The burst is whole segments, at least one, so the stream starts at once; it stands in for
    // the schedule's first unit, due at atPs.
    long burstSegments = Math.max(1, cfg.pvBurstBytes() / mss);
    appSchedule.start(atPs);
    appWritten = burstSegments * mss;
    sim.scheduleAt(atPs, (t, a) -> trySend(t), 0);
    nextWritePs = appSchedule.advance();
  }

  // ---------------------------------------------------------------- application (server side)

  /** Adds the writes due by {@code nowPs} (one MSS each) to {@link #appWritten}. */
  private void catchUpWrites(long nowPs) {
    while (nextWritePs <= nowPs) {
      appWritten += mss;
      nextWritePs = appSchedule.advance();
    }
  }

  /** The sender has sent all that was written: wake it when the next write is due. */
  private void awaitWrite() {
    if (wakeArmed || nextWritePs == OfferSchedule.END) return;
    wakeArmed = true;
    sim.scheduleAt(nextWritePs, appWake, 0);
  }

  private void appWake(long nowPs) {
    wakeArmed = false;
    trySend(nowPs);
  }

  // ---------------------------------------------------------------- sender

  /** Sends new (or, after a timeout, go-back-N) segments while the window and the data allow. */
  private void trySend(long nowPs) {
    catchUpWrites(nowPs);
    while (true) {
      if (sndNxt + mss > appWritten) {
        cwndLimited = false;
        awaitWrite();
        return;
      }
      long window = Math.min(cwnd, peerRwnd);
      if (sndNxt + mss - sndUna > window) {
        cwndLimited = cwnd <= peerRwnd;
        return;
      }
      transmit(nowPs, sndNxt);
      sndNxt += mss;
      sndMax = Math.max(sndMax, sndNxt);
    }
  }

  private void transmit(long nowPs, long seq) {
    segmentsSent++;
    if (seq < sndMax) retransmits++;
    TcpSegment s = new TcpSegment(seq, mss, nowPs);
    toAp.enter(nowPs, new Frame(nextFrameId++, WifiFrames.DATA_MPDU_BYTES, mss, s));
    // RFC 6298 (5.1): start the timer when sending data if it is not running.
    if (!rtoTimer.armed()) rtoTimer.arm(nowPs + rtoPs);
  }

  private void arriveAtAp(long nowPs, Frame f) {
    if (!downlink.send(nowPs, f)) downlinkRejected++;
  }

  private void arriveAtServer(long nowPs, Frame f) {
    onAck(nowPs, (TcpAck) f.payload());
  }

  private void onAck(long nowPs, TcpAck a) {
    acksReceived++;
    peerRwnd = a.rwndBytes();
    long ack = a.ack();
    if (ack > sndMax) return; // acknowledges data never sent: not possible here, ignore
    if (ack > sndUna) {
      onNewAck(nowPs, a);
    } else if (ack == sndUna && sndMax > sndUna) {
      onDupAck(nowPs);
    }
    // else: an old ACK, reordered behind a newer one; nothing to learn.
  }

  private void onNewAck(long nowPs, TcpAck a) {
    long ack = a.ack();
    long acked = ack - sndUna;
    long flightBefore = sndNxt - sndUna;
    sampleRtt(nowPs - a.tsEcr());
    sndUna = ack;
    // After a timeout the originals may still arrive and be acknowledged past sndNxt.
    if (sndNxt < sndUna) sndNxt = sndUna;
    if (inRecovery) {
      if (ack >= recover) {
        // RFC 6582 (3.2 step 3, full ACK): deflate to min(ssthresh, FlightSize + SMSS).
        cwnd = Math.min(ssthresh, Math.max(sndMax - sndUna, 0) + mss);
        inRecovery = false;
        dupAcks = 0;
      } else {
        // Partial ACK: the next hole is lost too; resend it, deflate by what was acknowledged.
        transmit(nowPs, sndUna);
        cwnd = Math.max(mss, cwnd - acked + (acked >= mss ? mss : 0));
        if (!partialAckSeen) {
          partialAckSeen = true;
          rtoTimer.arm(nowPs + rtoPs); // RFC 6582 "impatient": reset only on the first one
        }
      }
    } else {
      dupAcks = 0;
      growCwnd(acked, flightBefore);
    }
    // RFC 6298 (5.2, 5.3): stop the timer when all is acknowledged, else restart it.
    if (sndUna == sndMax) {
      rtoTimer.cancel();
    } else if (!inRecovery || ack >= recover) {
      rtoTimer.arm(nowPs + rtoPs);
    }
    trySend(nowPs);
  }

  /** Slow start by byte counting (Linux tcp_slow_start), then +1 MSS per window (RFC 5681 3.1). */
  private void growCwnd(long acked, long flightBefore) {
    boolean limited =
        cwndLimited || (cwnd < ssthresh && cwnd < 2 * flightBefore); // tcp_is_cwnd_limited
    if (!limited) return;
    if (cwnd < ssthresh) {
      cwnd = Math.min(cwnd + acked, ssthresh);
      return;
    }
    cwndCount += acked;
    if (cwndCount >= cwnd) {
      cwndCount -= cwnd;
      cwnd += mss;
    }
  }

  private void onDupAck(long nowPs) {
    dupAcksReceived++;
    dupAcks++;
    if (inRecovery) {
      cwnd += mss; // RFC 5681 (3.2 step 4): each dupACK means a segment left the network
      trySend(nowPs);
      return;
    }
    // RFC 6582 (3.2 step 2): no second fast retransmit for losses from before a timeout or an
    // earlier recovery; recover holds the end of what was outstanding then.
    if (dupAcks != DUPACK_THRESHOLD || sndUna < recover) return;
    fastRetransmits++;
    long flight = sndMax - sndUna;
    ssthresh = Math.max(flight / 2, 2L * mss); // RFC 5681 eq. (4)
    recover = sndMax;
    inRecovery = true;
    partialAckSeen = false;
    transmit(nowPs, sndUna);
    cwnd = ssthresh + (long) DUPACK_THRESHOLD * mss;
    rtoTimer.arm(nowPs + rtoPs);
    trySend(nowPs);
  }

  /** RFC 6298 (2.2, 2.3) with Linux's floor: RTO = SRTT + max(4 RTTVAR, rto_min). */
  private void sampleRtt(long rttPs) {
    if (rttPs < 0) return;
    if (!rttSampled) {
      srttPs = rttPs;
      rttvarPs = rttPs >> 1;
      rttSampled = true;
    } else {
      // Shifts, not / 4 and / 8 (the same for these non-negative times): C1 calls the runtime for
      // a long division, and this runs on every ACK.
      rttvarPs = (3 * rttvarPs + Math.abs(srttPs - rttPs)) >> 2;
      srttPs = (7 * srttPs + rttPs) >> 3;
    }
    // A fresh sample also ends any backoff (RFC 6298 5.7 lets the RTO be recomputed).
    rtoPs = Math.min(RTO_MAX_PS, srttPs + Math.max(4 * rttvarPs, cfg.rtoMinPs()));
  }

  private void onRetransmissionTimeout(long nowPs) {
    if (sndUna == sndMax) return;
    timeouts++;
    // RFC 5681 (3.1 eq. 4 and "loss window"), RFC 6298 (5.4-5.6): back off, resend from sndUna.
    ssthresh = Math.max((sndMax - sndUna) / 2, 2L * mss);
    cwnd = mss;
    cwndCount = 0;
    recover = sndMax;
    inRecovery = false;
    dupAcks = 0;
    sndNxt = sndUna;
    rtoPs = Math.min(RTO_MAX_PS, 2 * rtoPs);
    trySend(nowPs);
  }

  // ---------------------------------------------------------------- receiver (the tablet)

  @Override
  public Frame receive(long nowPs, Frame f) {
    if (!(f.payload() instanceof TcpSegment s)) return null;
    segmentsReceived++;
    boolean ackNow;
    if (s.end() <= rcvNxt) {
      // A retransmission of data we have: Linux tcp_data_queue forces an immediate (dup)ACK and
      // enters quick-ack mode (tcp_enter_quickack_mode(sk, TCP_MAX_QUICKACKS), out_of_window).
      duplicateSegments++;
      quickAcksLeft = Math.max(quickAcksLeft, cfg.quickAcks());
      ackNow = true;
    } else if (s.seq() > rcvNxt) {
      // A hole before it: queue it and send an immediate dupACK (RFC 5681 4.2, tcp_data_queue_ofo).
      outOfOrderSegments++;
      outOfOrder.putIfAbsent(s.seq(), s);
      ackNow = true;
    } else {
      // RFC 7323 (4.3): the timestamp to echo is from the segment at the left edge.
      if (s.seq() <= rcvWup) tsRecent = s.tsVal();
      boolean hadHole = !outOfOrder.isEmpty();
      rcvNxt = s.end();
      while (!outOfOrder.isEmpty() && outOfOrder.firstKey() <= rcvNxt) {
        TcpSegment q = outOfOrder.pollFirstEntry().getValue();
        rcvNxt = Math.max(rcvNxt, q.end());
      }
      if (hadHole) {
        ackNow = true; // filling a hole is ACKed at once (RFC 5681 4.2, ICSK_ACK_NOW)
      } else if (rcvNxt - rcvWup > mss) {
        ackNow = true; // more than one full-sized segment unacknowledged
      } else if (quickAcksLeft > 0) {
        quickAcksLeft--;
        quickAcksSent++;
        ackNow = true;
      } else {
        ackNow = false;
      }
    }
    if (ackNow) return buildAck(nowPs);
    // Linux tcp_send_delayed_ack keeps an earlier pending deadline.
    if (!delAckTimer.armed()) delAckTimer.arm(nowPs + cfg.delAckPs());
    return null;
  }

  private Frame buildAck(long nowPs) {
    rcvWup = rcvNxt;
    delAckTimer.cancel();
    acksSent++;
    TcpAck a = new TcpAck(rcvNxt, cfg.rwndBytes(), tsRecent);
    return new Frame(nextFrameId++, WifiFrames.ACK_MPDU_BYTES, 0, a);
  }

  private void onDelayedAckTimer(long nowPs) {
    if (rcvNxt == rcvWup) return;
    checkState(timerTx != null, "attach(TimerTx) was never called");
    delayedAcksSent++;
    timerTx.sendFromTimer(nowPs, buildAck(nowPs));
  }

  // ---------------------------------------------------------------- air link callbacks

  @Override
  public void uplinkDelivered(long atPs, Frame f) {
    if (f.payload() instanceof TcpAck) toServer.enter(atPs, f);
  }

  @Override
  public void downlinkLost(long atPs, Frame f) {
    framesLost++; // statistics only: the sender must find the loss by itself
  }

  // ---------------------------------------------------------------- counters

  @Override
  public long offeredAppBytes() {
    catchUpWrites(sim.nowPs());
    return appWritten - offeredBase;
  }

  @Override
  public long congestionWindowBytes() {
    return cwnd;
  }

  @Override
  public long deliveredAppBytes() {
    return rcvNxt - deliveredBase;
  }

  @Override
  public void resetCounters(long nowPs) {
    segmentsSent = 0;
    retransmits = 0;
    fastRetransmits = 0;
    timeouts = 0;
    acksReceived = 0;
    dupAcksReceived = 0;
    downlinkRejected = 0;
    framesLost = 0;
    segmentsReceived = 0;
    outOfOrderSegments = 0;
    duplicateSegments = 0;
    acksSent = 0;
    delayedAcksSent = 0;
    quickAcksSent = 0;
    catchUpWrites(nowPs);
    offeredBase = appWritten;
    deliveredBase = rcvNxt;
  }

  @Override
  public Map<String, Long> counters() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("segmentsSent", segmentsSent);
    m.put("retransmits", retransmits);
    m.put("fastRetransmits", fastRetransmits);
    m.put("timeouts", timeouts);
    m.put("acksReceived", acksReceived);
    m.put("dupAcksReceived", dupAcksReceived);
    m.put("downlinkRejected", downlinkRejected);
    m.put("framesLost", framesLost);
    m.put("segmentsReceived", segmentsReceived);
    m.put("outOfOrderSegments", outOfOrderSegments);
    m.put("duplicateSegments", duplicateSegments);
    m.put("acksSent", acksSent);
    m.put("delayedAcksSent", delayedAcksSent);
    m.put("quickAcksSent", quickAcksSent);
    m.put("offeredAppBytes", offeredAppBytes());
    m.put("deliveredAppBytes", deliveredAppBytes());
    return m;
  }
}
