package io.bessim.driver.mmc;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.chip.fw.Frame;
import io.bessim.chip.fw.Message;
import io.bessim.chip.sdio.SdioTiming;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.sim.EventHandler;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The SDIO host: bus timing to the cycle from {@link SdioTiming}, the completion path of each
 * request, and the card interrupt. Requests are serialised by the host claim in the driver; the
 * bus itself is also kept exclusive here as a check.
 */
public final class SdioHost {
  /**
   * The request kinds the bes2600 driver issues. {@code CMD52_IRQ_ENABLE} is the register write of
   * an explicit interrupt re-enable (upstream {@code __cw1200_irq_enable(1)}; bes2600's
   * {@code __bes2600_irq_enable} is a stub that returns 0, hwio.c l.327-330, and its call is
   * commented out, bh.c l.1526-1528).
   */
  public enum Cmd {
    CMD52_CTRL(false), CMD52_EMPTY(false), CMD53_READ(true), CMD53_WRITE(true),
    CMD52_IRQ_ENABLE(false);

    /** A CMD53, which moves data blocks (its completion raises dw_mmc's data IRQs too). */
    final boolean data;

    Cmd(boolean data) {
      this.data = data;
    }
  }

  /**
   * Who re-arms the card interrupt after it fired ({@code irq.reenable}; driver-topology.md 3.11,
   * open question 9). The MMC core masks it in the hard IRQ in every mode.
   */
  public enum IrqReenable {
    /** The MMC core re-arms it itself ({@code ack_sdio_irq} after the driver's handler). */
    AUTO,
    /** Nobody: the interrupt stays masked after it first fired. */
    NONE,
    /** The driver, with a CMD52 register write at the end of each bottom-half pass. */
    EXPLICIT;

    /** Parses {@code auto}, {@code none} or {@code explicit}. */
    public static IrqReenable fromName(String name) {
      for (IrqReenable r : values()) {
        if (r.name().equalsIgnoreCase(name.strip())) return r;
      }
      throw new IllegalArgumentException(
          "irq.reenable wants auto, none or explicit, got '" + name + "'");
    }
  }

  /** The MMC core's status for a data CRC error (-EILSEQ), which bes2600_sdio.c retries. */
  public static final int EILSEQ = -84;
  /** The MMC core's status for a command or data timeout. */
  public static final int ETIMEDOUT = -110;
  /**
   * How long a CMD53 waits before timing out: mmc_set_data_timeout gives SDIO cards their 1 s
   * upper limit on access (drivers/mmc/core/core.c). A CMD52 times out after its response window,
   * about as long as the command itself takes.
   */
  static final long DATA_TIMEOUT_PS = io.bessim.sim.Time.S;

  private final Kernel kernel;
  private final SdioTiming timing;
  private final Bes2600Firmware chip;
  private final int irqCpu;
  private final long completionIrqPs;
  private final int completionIrqsData;
  private final long completionBhPs;
  private final long cardIrqPs;
  private final boolean countBhWork;
  private final IrqReenable reenable;

  private WorkItem sdioIrqWork;
  private boolean sdioIrqMasked;
  private boolean irqPendingWhileMasked;
  private long cardIrqsWhileMasked;
  private long irqEnableWrites;
  private long busFreePs;
  private long busBusyPs;
  private long requests;
  private long bhWorkRuns;
  private long cardIrqs;

  // Fault what-ifs (io.bessim.driver.Faults), each drawn from its own stream so that one fault's
  // draws do not move with another's rate; null streams when the fault is off (no draws at all).
  private double crcRate;
  private double timeoutRate;
  private double lostIrqRate;
  private SplittableRandom crcRandom;
  private SplittableRandom timeoutRandom;
  private SplittableRandom lostIrqRandom;
  private int reqStatus;
  private int lastStatus;
  private boolean irqLost;
  private long crcErrors;
  private long timeouts;
  private long lostIrqs;
  private long lostIrqRecoveries;

  // One in-flight request at a time (the host claim guarantees it).
  private Ctx reqCtx;
  private Cmd reqCmd;
  private int reqBytes;
  private List<Frame> reqFrames;
  /** What the request read, handed to the sleeper when it completes. */
  private long reqResult;
  private List<Message> reqRead;

  private final EventHandler busDone = (t, a) -> onBusDone(t);
  private final EventHandler completionDone = (t, a) -> onCompletion(t);
  private final EventHandler cardIrqDone = (t, a) -> onCardIrq(t);

  public SdioHost(Kernel kernel, SdioTiming timing, Bes2600Firmware chip, int irqCpu,
      long completionIrqPs, int completionIrqsData, long completionBhPs, long cardIrqPs,
      boolean countBhWork, IrqReenable reenable) {
    this.kernel = kernel;
    this.timing = timing;
    this.chip = chip;
    this.irqCpu = irqCpu;
    this.completionIrqPs = completionIrqPs;
    this.completionIrqsData = completionIrqsData;
    this.completionBhPs = completionBhPs;
    this.cardIrqPs = cardIrqPs;
    this.countBhWork = countBhWork;
    this.reenable = reenable;
  }

  public IrqReenable irqReenable() {
    return reenable;
  }

  public SdioTiming timing() {
    return timing;
  }

  /**
   * Injects SDIO faults: a CMD53 fails its CRC with probability {@code crcRate}, a CMD52 length
   * read or a CMD53 times out with {@code timeoutRate}, a card interrupt is lost with
   * {@code lostIrqRate}; each is drawn from the stream {@code streams} gives for its name.
   */
  public void setFaults(double crcRate, double timeoutRate, double lostIrqRate,
      java.util.function.Function<String, SplittableRandom> streams) {
    this.crcRate = crcRate;
    this.timeoutRate = timeoutRate;
    this.lostIrqRate = lostIrqRate;
    crcRandom = crcRate > 0 ? streams.apply("fault.sdioCrc") : null;
    timeoutRandom = timeoutRate > 0 ? streams.apply("fault.sdioTimeout") : null;
    lostIrqRandom = lostIrqRate > 0 ? streams.apply("fault.lostIrq") : null;
  }

  /**
   * The MMC core's status of the last request completed: 0, {@link #EILSEQ} or
   * {@link #ETIMEDOUT}. The requester holds the host claim, so it is the requester's own.
   */
  public int lastStatus() {
    return lastStatus;
  }

  /** The MMC core's {@code sdio_irq_work}, queued by the hard IRQ. */
  public void setSdioIrqWork(WorkItem w) {
    this.sdioIrqWork = w;
  }

  // ------------------------------------------------------------ requests

  /**
   * Starts a CMD52 register access for a sleeping context. It completes with a result:
   * {@code CMD52_CTRL} the length in 512-byte units, {@code CMD52_EMPTY} 1 when the chip says
   * really empty (else 0); {@code CMD52_IRQ_ENABLE} with none.
   */
  public void request(Ctx c, long t, Cmd cmd) {
    if (cmd != Cmd.CMD52_CTRL && cmd != Cmd.CMD52_EMPTY && cmd != Cmd.CMD52_IRQ_ENABLE) {
      throw new IllegalArgumentException(cmd + " is not a CMD52 request");
    }
    start(c, t, cmd, timing.cmd52Cycles());
  }

  /**
   * Starts a CMD53 read of {@code lengthUnits} 512-byte units for a sleeping context; it
   * completes with the list of messages read.
   */
  public void read(Ctx c, long t, long lengthUnits) {
    reqBytes = (int) (lengthUnits * chip.config().lengthUnitBytes());
    start(c, t, Cmd.CMD53_READ, timing.cmd53ReadCycles(reqBytes));
  }

  /** Starts a CMD53 write of {@code frames} in {@code bytes} for a sleeping context. */
  public void write(Ctx c, long t, List<Frame> frames, long bytes) {
    reqBytes = (int) bytes;
    reqFrames = frames;
    start(c, t, Cmd.CMD53_WRITE, timing.cmd53WriteCycles(reqBytes));
  }

  private void start(Ctx c, long t, Cmd cmd, long cycles) {
    if (reqCtx != null) {
      throw new IllegalStateException("SDIO bus in use by " + reqCtx + " for " + c);
    }
    reqCtx = c;
    reqCmd = cmd;
    long busPs = timing.cyclesToPs(cycles + timing.commandGapCycles());
    reqStatus = crcRandom != null || timeoutRandom != null ? drawFault(cmd) : 0;
    if (reqStatus == ETIMEDOUT && cmd.data) busPs += DATA_TIMEOUT_PS;
    long start = Math.max(t, busFreePs);
    busFreePs = start + busPs;
    busBusyPs += busPs;
    requests++;
    if (kernel.tracing()) {
      kernel.tracepoint(t, c.cpuId(), c, "mmc_request_start", "mmc1: start struct mmc_request: "
          + requestFields(cmd));
    }
    kernel.sim().scheduleAt(busFreePs, busDone, 0);
  }

  /** The status a request will end with under the fault what-ifs. */
  private int drawFault(Cmd cmd) {
    if (timeoutRandom != null && (cmd.data || cmd == Cmd.CMD52_CTRL)
        && timeoutRandom.nextDouble() < timeoutRate) {
      return ETIMEDOUT;
    }
    if (crcRandom != null && cmd.data && crcRandom.nextDouble() < crcRate) {
      return EILSEQ;
    }
    return 0;
  }

  private void onBusDone(long t) {
    if (reqStatus != 0) {
      failed();
    } else {
      transfer(t);
    }
    // Completion: dw_mmc hard IRQ(s), then its BH work, then complete() wakes the sleeper.
    int irqs = reqCmd.data ? completionIrqsData : 1;
    long irq = completionIrqPs * irqs + completionBhPs;
    if (countBhWork) bhWorkRuns += irqs;
    kernel.hardIrq(irqCpu, t, irq, completionDone, 0, "dw_mmc: request done");
  }

  /** A failed request leaves the chip as it was: the read data or the write never arrived. */
  private void failed() {
    if (reqStatus == EILSEQ) crcErrors++;
    if (reqStatus == ETIMEDOUT) timeouts++;
    reqResult = 0;
    reqRead = null;
    reqFrames = null;
  }

  private void transfer(long t) {
    switch (reqCmd) {
      case CMD52_CTRL:
        reqResult = chip.readCtrl(t);
        if (irqLost) {
          // The read cleared the interrupt whose edge was lost: a poll found its data.
          irqLost = false;
          lostIrqRecoveries++;
        }
        break;
      case CMD52_EMPTY:
        reqResult = chip.readReallyEmpty(t) ? 1 : 0;
        break;
      case CMD53_READ:
        reqRead = chip.readBatch(t);
        break;
      case CMD53_WRITE:
        chip.write(t, reqFrames);
        reqFrames = null;
        break;
      case CMD52_IRQ_ENABLE:
        irqEnableWrites++;
        unmask(t);
        break;
      default:
        throw new AssertionError(reqCmd);
    }
  }

  private void onCompletion(long t) {
    Ctx c = reqCtx;
    reqCtx = null;
    lastStatus = reqStatus;
    if (kernel.tracing()) {
      // The dw_mmc BH work the completion IRQs queued ran inside the IRQ time (one per IRQ where
      // the kernel runs it as work); it ends the request.
      for (int i = countBhWork ? (reqCmd.data ? completionIrqsData : 1) : 0; i > 0; i--) {
        kernel.tracepoint(t, irqCpu, null, "workqueue_execute_start",
            "work struct 0xffffd0d0: function dw_mci_work_func");
        kernel.tracepoint(t, irqCpu, null, "workqueue_execute_end",
            "work struct 0xffffd0d0: function dw_mci_work_func");
      }
      kernel.tracepoint(t, irqCpu, null, "mmc_request_done", "mmc1: end struct mmc_request: "
          + requestFields(reqCmd) + " cmd_err=0");
    }
    switch (reqCmd) {
      case CMD52_CTRL:
      case CMD52_EMPTY:
        kernel.complete(c, t, irqCpu, reqResult);
        break;
      case CMD53_READ:
        Object read = reqRead;
        reqRead = null;
        kernel.complete(c, t, irqCpu, read);
        break;
      default:
        kernel.complete(c, t, irqCpu);
    }
  }

  /** The mmc_request tracepoints' opcode and size fields for a request of kind {@code cmd}. */
  private String requestFields(Cmd cmd) {
    boolean data = cmd.data;
    return "cmd_opcode=" + (data ? 53 : 52) + " blocks=" + (data ? (reqBytes + 511) / 512 : 0)
        + " blksz=" + (data ? 512 : 0) + " (" + cmd.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  // ------------------------------------------------------------ the card interrupt

  /** The chip asserted DAT1. */
  public void cardInterrupt(long t) {
    if (sdioIrqMasked) {
      cardIrqsWhileMasked++;
      irqPendingWhileMasked = true;
      return;
    }
    if (lostIrqRandom != null && lostIrqRandom.nextDouble() < lostIrqRate) {
      // Lost on the way: the host never sees it, and the chip, whose line stays asserted until
      // the length register is read, raises no other.
      lostIrqs++;
      irqLost = true;
      return;
    }
    sdioIrqMasked = true;
    cardIrqs++;
    kernel.hardIrq(irqCpu, t, cardIrqPs, cardIrqDone, 0, "SDIO card IRQ (DAT1)");
  }

  private void onCardIrq(long t) {
    // sdio_signal_irq: queue sdio_irq_work on system_wq (the CPU that took the IRQ).
    kernel.queueWork(sdioIrqWork, irqCpu, t);
  }

  /**
   * {@code ack_sdio_irq} after the driver's handler: re-arms the interrupt when the MMC core
   * manages it ({@link IrqReenable#AUTO}); otherwise it stays masked for the driver to re-enable.
   */
  public void ackSdioIrq(long t) {
    if (reenable == IrqReenable.AUTO) unmask(t);
  }

  /** Unmasks the card interrupt; an interrupt that came while masked fires now. */
  private void unmask(long t) {
    sdioIrqMasked = false;
    if (irqPendingWhileMasked) {
      irqPendingWhileMasked = false;
      cardInterrupt(t);
    }
  }

  // ------------------------------------------------------------ counters

  public long busBusyPs() {
    return busBusyPs;
  }

  public long requests() {
    return requests;
  }

  /** dw_mmc BH work executions (workqueue_execute_start on system_bh_wq kernels). */
  public long bhWorkRuns() {
    return bhWorkRuns;
  }

  public long cardIrqs() {
    return cardIrqs;
  }

  /** Chip interrupts that found the card interrupt masked (held pending until it is re-armed). */
  public long cardIrqsWhileMasked() {
    return cardIrqsWhileMasked;
  }

  /** Explicit re-enables written ({@link IrqReenable#EXPLICIT}). */
  public long irqEnableWrites() {
    return irqEnableWrites;
  }

  /** CMD53 transfers that failed their data CRC (each retried attempt counts). */
  public long crcErrors() {
    return crcErrors;
  }

  /** Requests that timed out. */
  public long timeouts() {
    return timeouts;
  }

  /** Card interrupts lost before they reached the host. */
  public long lostIrqs() {
    return lostIrqs;
  }

  /** Lost card interrupts whose data a later length read found (a poll, or the bh's timeout). */
  public long lostIrqRecoveries() {
    return lostIrqRecoveries;
  }

  public boolean isIrqMasked() {
    return sdioIrqMasked;
  }
}
