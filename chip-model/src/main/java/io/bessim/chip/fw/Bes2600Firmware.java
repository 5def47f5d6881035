package io.bessim.chip.fw;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The chip's firmware, seen from the SDIO bus.
 *
 * <pre>
 *   air --frame--> [RX pool, full = drop] --fw rx processing--> [messages for the host] --IRQ-->
 *   host --CMD52 length (clears IRQ)--> --CMD53 read--> batch of up to 16 messages
 *   host --CMD53 write--> [input buffer taken] --fw tx processing--> air --sent--> TX confirm
 * </pre>
 *
 * A host write when all {@code numInpChBufs} input buffers are taken wedges the chip: no more
 * interrupts, confirms or reads, and frames from the air are no longer accepted.
 */
public final class Bes2600Firmware {
  /** The chip's interrupt line as the host sees it (DAT1, or the GPIO). */
  public interface InterruptLine {
    void assertIrq(long atPs);
  }

  /** Where transmitted frames go (the air link's uplink queue). */
  public interface Uplink {
    void send(long atPs, Frame f);
  }

  private final Simulator sim;
  private final FirmwareConfig cfg;
  private InterruptLine irqLine;
  private Uplink uplink;

  private final ArrayDeque<Message> forHost = new ArrayDeque<>();
  private final ArrayDeque<Frame> rxProcessing = new ArrayDeque<>();
  private final ArrayDeque<Frame> txProcessing = new ArrayDeque<>();
  private final List<Message> latched = new ArrayList<>();
  private int poolUsed;
  private long fwRxBusyUntilPs;
  private long fwTxBusyUntilPs;
  private int inputBufsInUse;
  private boolean irqAsserted;
  private long wedgedAtPs = -1;
  private boolean nextToggle;

  private long rxAccepted;
  private long rxIndicationsRead;
  private long rxDroppedPoolFull;
  private long rxDroppedWedged;
  private long txAccepted;
  private long confirmsSent;
  private long irqsRaised;
  private long overcommitWrites;
  private long txDroppedWedged;
  /** The firmware is stalled (a fault what-if) until then; -1 when it never was. */
  private long stalledUntilPs = -1;
  private long stalls;
  private final ArrayDeque<Frame> stalledConfirms = new ArrayDeque<>();

  private final EventHandler rxDone = (t, a) -> onRxProcessed(t);
  private final EventHandler txDone = (t, a) -> onTxProcessed(t);
  private final EventHandler stalledConfirm = (t, a) -> transmitted(t, stalledConfirms.poll());

  public Bes2600Firmware(Simulator sim, FirmwareConfig cfg) {
    this.sim = sim;
    this.cfg = cfg;
  }

  public void connect(InterruptLine irq, Uplink up) {
    this.irqLine = irq;
    this.uplink = up;
  }

  public FirmwareConfig config() {
    return cfg;
  }

  // ------------------------------------------------------------------ air side

  /** A frame arrives from the air; returns false if it was not accepted (no MAC ack). */
  public boolean receiveFromAir(long t, Frame f) {
    if (wedgedAtPs >= 0) {
      rxDroppedWedged++;
      return false;
    }
    if (poolUsed >= cfg.rxPoolFrames()) {
      rxDroppedPoolFull++;
      return false;
    }
    poolUsed++;
    rxAccepted++;
    rxProcessing.add(f);
    long done = Math.max(t, fwRxBusyUntilPs) + cfg.rxProcessingPs();
    fwRxBusyUntilPs = done;
    sim.scheduleAt(done, rxDone, 0);
    return true;
  }

  private void onRxProcessed(long t) {
    if (t < stalledUntilPs) {
      // Stalled: the frame's processing ends when the firmware runs again (FIFO order kept).
      sim.scheduleAt(stalledUntilPs, rxDone, 0);
      return;
    }
    Frame f = rxProcessing.poll();
    if (wedgedAtPs >= 0) return;
    int bytes = cfg.rxIndicationOverheadBytes() + f.mpduBytes() - 4;
    forHost.add(new Message(Message.Kind.RX_INDICATION, bytes, f));
    raise(t);
  }

  /** The air link has sent a frame the host wrote: the firmware confirms it. */
  public void transmitted(long t, Frame f) {
    if (wedgedAtPs >= 0) return;
    if (t < stalledUntilPs) {
      stalledConfirms.add(f);
      sim.scheduleAt(stalledUntilPs, stalledConfirm, 0);
      return;
    }
    inputBufsInUse--;
    confirmsSent++;
    forHost.add(new Message(Message.Kind.TX_CONFIRM, cfg.confirmBytes(), f));
    raise(t);
  }

  private void raise(long t) {
    if (!irqAsserted && wedgedAtPs < 0) {
      irqAsserted = true;
      irqsRaised++;
      irqLine.assertIrq(t);
    }
  }

  // ------------------------------------------------------------------ host side (SDIO)

  /**
   * CMD52 of register 0x1 ({@code bes2600_sdio_read_ctrl}): the next batch's length in
   * {@code lengthUnitBytes} units, 0 if nothing is ready. Reading it clears the interrupt.
   */
  public int readCtrl(long t) {
    if (wedgedAtPs >= 0) return 0;
    irqAsserted = false;
    latched.clear();
    int max = cfg.rxMultiple() ? cfg.rxMultipleMax() : 1;
    int total = 0;
    for (Message m : forHost) {
      int b = (m.bytes() + 3) & ~3;
      if (latched.size() >= max || total + b > cfg.rxBatchMaxBytes()) break;
      latched.add(m);
      total += b;
    }
    nextToggle = !nextToggle;
    int unit = cfg.lengthUnitBytes();
    return (total + unit - 1) / unit;
  }

  /** CMD52 of register 0x0: bit 0 set means really empty (nothing ready, nothing in progress). */
  public boolean readReallyEmpty(long t) {
    return wedgedAtPs >= 0 || (forHost.isEmpty() && rxProcessing.isEmpty());
  }

  /** The CMD53 read of the batch announced by the last {@link #readCtrl}. */
  public List<Message> readBatch(long t) {
    List<Message> out = new ArrayList<>(latched);
    for (int i = 0; i < out.size(); i++) {
      Message m = forHost.poll();
      if (m.kind() == Message.Kind.RX_INDICATION) {
        poolUsed--;
        rxIndicationsRead++;
      }
    }
    latched.clear();
    // Messages left behind keep the line asserted (level-held interrupt).
    if (!forHost.isEmpty()) raise(t);
    return out;
  }

  /** A CMD53 write of {@code frames}: each takes an input buffer, or wedges the chip. */
  public void write(long t, List<Frame> frames) {
    if (wedgedAtPs >= 0) {
      txDroppedWedged += frames.size();
      return;
    }
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      if (inputBufsInUse >= cfg.numInpChBufs()) {
        overcommitWrites++;
        txDroppedWedged += frames.size() - i;
        wedgedAtPs = t;
        irqAsserted = false;
        return;
      }
      inputBufsInUse++;
      txAccepted++;
      txProcessing.add(f);
      long done = Math.max(t, fwTxBusyUntilPs) + cfg.txProcessingPs();
      fwTxBusyUntilPs = done;
      sim.scheduleAt(done, txDone, 0);
    }
  }

  private void onTxProcessed(long t) {
    if (t < stalledUntilPs) {
      sim.scheduleAt(stalledUntilPs, txDone, 0);
      return;
    }
    Frame f = txProcessing.poll();
    if (wedgedAtPs >= 0) return;
    uplink.send(t, f);
  }

  /**
   * A firmware stall (a fault what-if): from {@code t} for {@code durationPs} the firmware
   * processes no received frame, sends no frame and confirms none; the SDIO registers and the
   * receive pool's DMA keep working. What was due meanwhile happens, in order, when it ends.
   */
  public void stall(long t, long durationPs) {
    stalledUntilPs = Math.max(stalledUntilPs, t + durationPs);
    stalls++;
  }

  /** Firmware stalls so far. */
  public long stalls() {
    return stalls;
  }

  // ------------------------------------------------------------------ state and counters

  public boolean isWedged() {
    return wedgedAtPs >= 0;
  }

  /** When the chip wedged, or -1. */
  public long wedgedAtPs() {
    return wedgedAtPs;
  }

  public int inputBuffersInUse() {
    return inputBufsInUse;
  }

  public int rxPoolUsed() {
    return poolUsed;
  }

  public int messagesForHost() {
    return forHost.size();
  }

  public long rxAccepted() {
    return rxAccepted;
  }

  /** Received frames the host has read over SDIO (receive indications). */
  public long rxIndicationsRead() {
    return rxIndicationsRead;
  }

  public long rxDroppedPoolFull() {
    return rxDroppedPoolFull;
  }

  public long rxDroppedWedged() {
    return rxDroppedWedged;
  }

  public long txAccepted() {
    return txAccepted;
  }

  public long confirmsSent() {
    return confirmsSent;
  }

  public long irqsRaised() {
    return irqsRaised;
  }

  /** Frames a host write brought to a wedged chip, which took none of them. */
  public long txDroppedWedged() {
    return txDroppedWedged;
  }

  public long overcommitWrites() {
    return overcommitWrites;
  }
}
