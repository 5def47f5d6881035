package io.bessim.driver.bes2600;

import io.bessim.chip.fw.Message;
import io.bessim.driver.Architecture;
import io.bessim.driver.kernel.Local;
import io.bessim.driver.kernel.Ref;
import io.bessim.driver.kernel.Routine;

/**
 * How a received batch reaches wsm_handle_rx: the parts of the driver's routines that differ
 * between the receive paths. {@link Bes2600Driver} builds every routine around these hooks, and
 * {@link #of} picks the variant from {@link Architecture#rxPath()} alone.
 */
interface RxVariant {
  /** What bes2600_sdio_irq_handler does in sdio_run_irqs, with the host claimed. */
  void sdioIrqHandler(Routine.Builder b);

  /** What sdio_rx_work does with each skb it extracted from a batch. */
  void onExtractedSkb(Routine.Builder b, Ref<Message> skb);

  /** bes2600_bh at the top of its loop, before it may sleep: nothing unless the bh reads. */
  default void bhBeforeSleep(Routine.Builder b) {}

  /** bes2600_bh's rx stage; sets {@code rx} to whether to come back to it after the TX stage. */
  void bhRxStage(Routine.Builder b, Local rx);

  static RxVariant of(Architecture.RxPath path, Bes2600Driver d) {
    switch (path) {
      case RELAY_QUEUE:
        return new RelayRx(d);
      case DIRECT:
        return new DirectRx(d);
      case BH_READS:
        return new BhReadsRx(d);
      default:
        throw new AssertionError(path);
    }
  }
}
