package io.bessim.driver.bes2600;

import io.bessim.chip.fw.Message;
import io.bessim.driver.kernel.Local;
import io.bessim.driver.kernel.Ref;
import io.bessim.driver.kernel.Routine;

/**
 * "Patch C" v1/v2: sdio_rx_work delivers each skb itself (bes2600_bh_handle_rx_skb), so
 * wsm_release_tx_buffer runs in rx_work while the bh allocates; the bh only transmits.
 */
final class DirectRx implements RxVariant {
  private final Bes2600Driver d;

  DirectRx(Bes2600Driver d) {
    this.d = d;
  }

  @Override
  public void sdioIrqHandler(Routine.Builder b) {
    // bes2600_sdio_irq_handler (l.400): queue rx_work, note the time.
    b.queueWork(d.rx_work);
  }

  @Override
  public void onExtractedSkb(Routine.Builder b, Ref<Message> skb) {
    b.call(d.bes2600_bh_handle_rx_skb, skb);
  }

  @Override
  public void bhRxStage(Routine.Builder b, Local rx) {
    // sdio_rx_work delivers; the bh only transmits.
    b.exec("rx = 0", (c, t) -> c.set(rx, 0));
  }
}
