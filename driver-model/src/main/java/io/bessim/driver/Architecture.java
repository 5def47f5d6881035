package io.bessim.driver;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The driver architectures, each a point over a few orthogonal choices. This is the one place the
 * presets are listed; everything else (platform, workload, seed) is shared by all of them.
 */
public enum Architecture {
  /** "Patch B": IRQ work queues sdio_rx_work, which reads the chip onto rx_queue; bh delivers. */
  BASELINE("baseline", RxPath.RELAY_QUEUE, Counters.PLAIN, AfterTx.QUEUE_RX_WORK,
      "Patch B: relay through sdio_rx_work and rx_queue (bes2600 as shipped)"),
  /** "Patch C v1": sdio_rx_work delivers directly; hw_bufs_used now has two unlocked writers. */
  V1("v1", RxPath.DIRECT, Counters.PLAIN, AfterTx.QUEUE_RX_WORK,
      "Patch C v1: direct delivery from sdio_rx_work, plain int counters"),
  /** "Patch C-prep + v2": v1 with atomic_t counters. */
  V2("v2", RxPath.DIRECT, Counters.ATOMIC, AfterTx.QUEUE_RX_WORK,
      "Patch C-prep + v2: direct delivery, atomic_t hw_bufs_used/_vif/wsm_tx_pending"),
  /** No relay: the interrupt wakes the bh, which reads the bus inline (upstream cw1200 shape). */
  V3("v3", RxPath.BH_READS, Counters.PLAIN, AfterTx.WAKE_BH,
      "v3: no relay; IRQ wakes bes2600_bh, which reads SDIO inline (cw1200 shape)");

  /** How a received batch reaches wsm_handle_rx. */
  public enum RxPath {
    /** sdio_rx_work reads, queues skbs on rx_queue, wakes the bh; the bh delivers. */
    RELAY_QUEUE,
    /** sdio_rx_work reads and calls the per-frame delivery itself. */
    DIRECT,
    /** the IRQ handler wakes the bh, which reads the chip and delivers. */
    BH_READS
  }

  /** hw_bufs_used, hw_bufs_used_vif and wsm_tx_pending as plain ints or atomic_t. */
  public enum Counters { PLAIN, ATOMIC }

  /** What the driver does after an SDIO write to look for the reply. */
  public enum AfterTx {
    /** queue_work(rx_work) after every write (bes2600). */
    QUEUE_RX_WORK,
    /** call irq_handler: a bottom-half wake-up (v3). */
    WAKE_BH
  }

  private final String cliName;
  public final RxPath rxPath;
  public final Counters counters;
  public final AfterTx afterTx;
  public final String description;

  Architecture(String cliName, RxPath rx, Counters c, AfterTx t, String description) {
    this.cliName = cliName;
    this.rxPath = rx;
    this.counters = c;
    this.afterTx = t;
    this.description = description;
  }

  public String cliName() {
    return cliName;
  }

  /** The choices a simulation runs with: the preset's, overridden by arch.* parameters. */
  public record Shape(
      Architecture preset, RxPath rxPath, Counters counters, AfterTx afterTx) {}

  /** This preset's choices with any {@code arch.rxPath/counters/afterTx} override applied. */
  public Shape shape(Platform p) {
    RxPath rx = rxPath;
    switch (p.string("arch.rxPath")) {
      case "relay": rx = RxPath.RELAY_QUEUE; break;
      case "direct": rx = RxPath.DIRECT; break;
      case "bh": rx = RxPath.BH_READS; break;
      default: break;
    }
    Counters c = counters;
    switch (p.string("arch.counters")) {
      case "plain": c = Counters.PLAIN; break;
      case "atomic": c = Counters.ATOMIC; break;
      default: break;
    }
    AfterTx t = afterTx;
    switch (p.string("arch.afterTx")) {
      case "queue-rx-work": t = AfterTx.QUEUE_RX_WORK; break;
      case "wake-bh": t = AfterTx.WAKE_BH; break;
      default: break;
    }
    return new Shape(this, rx, c, t);
  }

  public static Architecture fromName(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (Architecture a : values()) {
      if (a.cliName.equals(n)) return a;
    }
    checkArgument(false, "unknown architecture '%s' (known: %s)", name, names());
    return null;
  }

  public static String names() {
    return Arrays.stream(values()).map(Architecture::cliName).collect(Collectors.joining(", "));
  }
}
