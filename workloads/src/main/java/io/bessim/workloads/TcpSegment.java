package io.bessim.workloads;

/**
 * A TCP data segment as a frame payload: bytes {@code [seq, seq + len)} of the stream, sent at
 * {@code tsVal} (the timestamp option, RFC 7323, which Linux enables by default).
 */
public record TcpSegment(long seq, int len, long tsVal) {
  public long end() {
    return seq + len;
  }
}
