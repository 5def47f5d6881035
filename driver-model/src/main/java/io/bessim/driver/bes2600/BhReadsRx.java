package io.bessim.driver.bes2600;

import io.bessim.chip.fw.Message;
import io.bessim.driver.kernel.Local;
import io.bessim.driver.kernel.Ref;
import io.bessim.driver.kernel.Routine;

/**
 * v3, the upstream cw1200 shape: the interrupt handler wakes the bh, which reads the chip inline
 * (cw1200_bh_rx_helper), splits the batch and delivers each skb; the GPIO wake-flag bracketing
 * moves into the bh.
 */
final class BhReadsRx implements RxVariant {
  private final Bes2600Driver d;

  BhReadsRx(Bes2600Driver d) {
    this.d = d;
  }

  @Override
  public void sdioIrqHandler(Routine.Builder b) {
    b.call(d.bes2600_irq_handler);
  }

  @Override
  public void onExtractedSkb(Routine.Builder b, Ref<Message> skb) {
    // sdio_rx_work runs in v3 only when a knob queues it (arch.afterTx=queue-rx-work); then it
    // delivers what it read itself, as the code it keeps does.
    b.call(d.bes2600_bh_handle_rx_skb, skb);
  }

  @Override
  public void bhBeforeSleep(Routine.Builder b) {
    b.jumpIf("will not sleep, or flag not held",
            c -> !d.bhHoldsWakeFlag || d.bh_rx.peek() > 0 || d.bh_tx.peek() > 0, "keep_flag")
        .call(d.bes2600_gpio_allow_mcu_sleep)
        .exec("released", (c, t) -> d.bhHoldsWakeFlag = false)
        .label("keep_flag");
  }

  @Override
  public void bhRxStage(Routine.Builder b, Local rx) {
    // Read the chip inline (cw1200_bh_rx_helper shape): CMD52, CMD53, deliver each. The GPIO
    // wake-flag bracketing moved here from sdio_rx_work: taken before the first read after a
    // sleep, dropped when the bh goes back to sleep.
    Local i = b.local("i");
    Ref<Message> skb = b.ref("skb");
    Bes2600Driver.ChipRead read = new Bes2600Driver.ChipRead(b, d.recovery);
    if (d.recovery) {
      // pipe_read's bus_error check: no SDIO once Wi-Fi is force-closed.
      b.jumpIf("bes2600_chrdev_is_bus_error()", c -> d.busError, "rx_empty");
    }
    b.jumpIf("bh holds the wake flag", c -> d.bhHoldsWakeFlag, "rx_read")
        .call(d.bes2600_gpio_wakeup_mcu)
        .exec("held", (c, t) -> d.bhHoldsWakeFlag = true)
        .label("rx_read");
    d.readChip(b, read, "rx_empty", "rx_empty", "rx_failed");
    b.exec("rx buffer", (c, t) -> d.bhRxBuffer = c.get(read.buf))
        .exec("i = 0", (c, t) -> c.set(i, 0))
        .label("rx_deliver")
        .jumpIf("i == count", c -> c.get(i) >= d.bhRxBuffer.size(), "rx_more")
        .exec("skb = buffer[i++]", (c, t) -> {
          c.set(skb, d.bhRxBuffer.get((int) c.get(i)));
          c.set(i, c.get(i) + 1);
        })
        .compute("bes2600_sdio_extract_packets: dev_alloc_skb + memcpy",
            d.cost.extractPerPacketPs())
        .call(d.bes2600_bh_handle_rx_skb, skb)
        .jump("rx_deliver")
        .label("rx_more")
        .exec("rx = 1", (c, t) -> c.set(rx, 1))
        .jump("tx");
    if (d.recovery) {
      // bh.c bes2600_bh l.1456-1462: if (ret < 0) { sdio_work_debug(); wifi_force_close(); },
      // bh goes on.
      b.label("rx_failed").exec("bes2600_chrdev_wifi_force_close", (c, t) -> d.forceClose(t));
    }
    b.label("rx_empty")
        .exec("rx = 0", (c, t) -> c.set(rx, 0));
  }
}
