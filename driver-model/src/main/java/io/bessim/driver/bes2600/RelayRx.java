package io.bessim.driver.bes2600;

import io.bessim.chip.fw.Message;
import io.bessim.driver.kernel.Local;
import io.bessim.driver.kernel.Ref;
import io.bessim.driver.kernel.Routine;

/**
 * The baseline ("Patch B"): bes2600_sdio_irq_handler queues sdio_rx_work, which reads the chip and
 * queues each skb on rx_queue; the bh pops them with pipe_read (bes2600_sdio.c l.400, l.779,
 * l.920; bh.c bes2600_bh_rx_helper l.962).
 */
final class RelayRx implements RxVariant {
  private final Bes2600Driver d;

  RelayRx(Bes2600Driver d) {
    this.d = d;
  }

  @Override
  public void sdioIrqHandler(Routine.Builder b) {
    // bes2600_sdio_irq_handler (l.400): queue rx_work, note the time.
    b.queueWork(d.rx_work);
  }

  @Override
  public void onExtractedSkb(Routine.Builder b, Ref<Message> skb) {
    b.spinLock(d.rx_queue_lock)
        .exec("skb_queue_tail(rx_queue)", (c, t) -> d.rx_queue.add(c.get(skb)))
        .spinUnlock(d.rx_queue_lock);
  }

  @Override
  public void bhRxStage(Routine.Builder b, Local rx) {
    Local rxCount = b.local("rx_count");
    b.exec("rx count = 0", (c, t) -> c.set(rxCount, 0))
        .label("rx_next")
        .callInto(rx, d.bes2600_bh_rx_helper)
        .jumpIf("no skb", c -> c.get(rx) == 0, "tx")
        .exec("rx count++", (c, t) -> c.set(rxCount, c.get(rxCount) + 1))
        .jumpIf("rx count < BH_RX_CONT_LIMIT", c -> c.get(rxCount) < 3, "rx_next");
  }
}
