package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.Time;

/**
 * Parameters of a {@link TcpFlow}.
 *
 * @param mss sender maximum segment size; 1448 = 1500 - IP 20 - TCP 20 - timestamps 12
 * @param initialCwndSegments initial congestion window (RFC 6928, Linux TCP_INIT_CWND = 10)
 * @param rwndBytes the tablet's advertised receive window (fixed: the reading application keeps up)
 * @param delAckPs delayed-ACK timeout (Linux TCP_DELACK_MIN = HZ/25 = 40 ms)
 * @param quickAcks segments ACKed one-for-one at the start (Linux TCP_MAX_QUICKACKS = 16)
 * @param rtoMinPs floor of the RTO's variance term (Linux TCP_RTO_MIN = 200 ms)
 * @param wiredOneWayPs server to AP one way: LAN plus AP forwarding (1 ms, estimate)
 * @param pvBurstBytes bytes the rate-capped application may write at once when it starts
 */
public record TcpConfig(
    int mss,
    int initialCwndSegments,
    long rwndBytes,
    long delAckPs,
    int quickAcks,
    long rtoMinPs,
    long wiredOneWayPs,
    long pvBurstBytes) {

  public TcpConfig {
    checkArgument(mss > 0 && mss <= WifiFrames.IP_MTU_BYTES - 40, "bad mss %s", mss);
    checkArgument(initialCwndSegments >= 1, "initial cwnd must be >= 1: %s", initialCwndSegments);
    checkArgument(rwndBytes >= mss, "rwnd %s below one mss", rwndBytes);
    checkArgument(delAckPs > 0, "delayed-ACK timeout must be positive: %s", delAckPs);
    checkArgument(quickAcks >= 0, "negative quickAcks %s", quickAcks);
    checkArgument(rtoMinPs > 0, "rto min must be positive: %s", rtoMinPs);
    checkArgument(wiredOneWayPs >= 0, "negative wired delay %s", wiredOneWayPs);
    checkArgument(pvBurstBytes >= 0, "negative burst %s", pvBurstBytes);
  }

  /**
   * Linux defaults; rwnd 3 MB (a tuned tcp_rmem ceiling, estimate) and a 16 KB application burst
   * (estimate: pv writes in buffer-sized chunks).
   */
  public static TcpConfig defaults() {
    return new TcpConfig(1448, 10, 3L << 20, 40 * Time.MS, 16, 200 * Time.MS, Time.MS, 16 << 10);
  }

  public TcpConfig withRwndBytes(long v) {
    return new TcpConfig(
        mss, initialCwndSegments, v, delAckPs, quickAcks, rtoMinPs, wiredOneWayPs, pvBurstBytes);
  }

  public TcpConfig withWiredOneWayPs(long v) {
    return new TcpConfig(
        mss, initialCwndSegments, rwndBytes, delAckPs, quickAcks, rtoMinPs, v, pvBurstBytes);
  }

  public TcpConfig withQuickAcks(int v) {
    return new TcpConfig(
        mss, initialCwndSegments, rwndBytes, delAckPs, v, rtoMinPs, wiredOneWayPs, pvBurstBytes);
  }

  public TcpConfig withPvBurstBytes(long v) {
    return new TcpConfig(
        mss, initialCwndSegments, rwndBytes, delAckPs, quickAcks, rtoMinPs, wiredOneWayPs, v);
  }
}
