package io.bessim.workloads;

/**
 * A pure TCP ACK as a frame payload: cumulative acknowledgement {@code ack} (next byte expected),
 * the advertised receive window, and the echoed timestamp {@code tsEcr} (RFC 7323 TS.Recent).
 */
public record TcpAck(long ack, long rwndBytes, long tsEcr) {}
