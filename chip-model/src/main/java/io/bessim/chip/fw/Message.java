package io.bessim.chip.fw;

/** A WSM message waiting for the host: a received frame's indication or a TX confirm. */
public record Message(Kind kind, int bytes, Frame frame) {
  /** What the message is. */
  public enum Kind {
    /** {@code 0x0804} receive indication carrying a frame from the air. */
    RX_INDICATION,
    /** {@code 0x0404} TX confirm: frees one input buffer. */
    TX_CONFIRM
  }

  /** WSM_CONFIRM_CONDITION: the id class is 0x04xx. */
  public boolean isConfirm() {
    return kind == Kind.TX_CONFIRM;
  }
}
