package io.bessim.workloads;

/** MPDU sizes of the frames the flows send (timing-facts 4.2 and 5, derived). */
public final class WifiFrames {
  /** QoS data header 26 + CCMP 16 + LLC/SNAP 8 + FCS 4 around the IP packet. */
  public static final int MPDU_OVERHEAD_BYTES = 26 + 16 + 8 + 4;

  /** IP MTU of the path (Ethernet). */
  public static final int IP_MTU_BYTES = 1500;

  /** A full-sized IP packet on the air: 1554 B. */
  public static final int DATA_MPDU_BYTES = MPDU_OVERHEAD_BYTES + IP_MTU_BYTES;

  /** UDP payload of a full-sized datagram: 1500 - IP 20 - UDP 8. */
  public static final int UDP_PAYLOAD_BYTES = IP_MTU_BYTES - 20 - 8;

  /** IPv4 20 + UDP 8. */
  public static final int UDP_IP_HEADER_BYTES = 20 + 8;

  /** A pure TCP ACK with timestamps: IP 20 + TCP 20 + options 12 = 52 B. */
  public static final int TCP_ACK_IP_BYTES = 52;

  /** The ACK on the air: 106 B. */
  public static final int ACK_MPDU_BYTES = MPDU_OVERHEAD_BYTES + TCP_ACK_IP_BYTES;

  /** The MPDU on the air of a datagram with {@code payloadBytes} of UDP payload (1472 -> 1554). */
  public static int udpMpduBytes(int payloadBytes) {
    return MPDU_OVERHEAD_BYTES + UDP_IP_HEADER_BYTES + payloadBytes;
  }

  private WifiFrames() {}
}
