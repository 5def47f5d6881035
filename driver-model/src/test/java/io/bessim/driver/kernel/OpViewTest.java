package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A built routine can be walked op by op: its kinds and what each op names. */
final class OpViewTest {
  private final Kernel kernel = new Kernel(new Simulator(), new KernelCosts(
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 1);

  @Test
  void eachOpTellsItsKindAndWhatItNames() {
    Routine handler = Routine.define("ieee80211_rx", b -> b.compute("rx", Time.NS));
    Routine callee = Routine.define("wsm_release_tx_buffer", b -> b.compute("x", Time.NS));
    WorkItem work = kernel.workItem("rx_work", "wq", callee, 0, true);
    WaitQueue wq = kernel.waitQueue("bh_wq", c -> false);
    Cell cell = kernel.cell("hw_bufs_used", false);
    SpinLock lock = kernel.spinLock("pwr_lock");
    Mutex host = kernel.hostClaim("mmc_host");
    Routine r = Routine.define("walked", b -> {
      Local v = b.local("hw_bufs_used");
      b.compute("work", Time.NS)
          .load(cell, v)
          .spinLockIrqsave(lock)
          .spinUnlockIrqrestore(lock)
          .mutexLock(host)
          .blocking("bes2600_sdio_read_ctrl: CMD52", (c, t) -> { }, v)
          .mutexUnlock(host)
          .queueWork(work)
          .wakeUp(wq)
          .call(callee)
          .raiseSoftirq("ieee80211_rx_irqsafe", handler);
    });

    List<Op> ops = r.ops();
    assertEquals(List.of(Op.Kind.COMPUTE, Op.Kind.LOAD, Op.Kind.SPIN_LOCK, Op.Kind.SPIN_UNLOCK,
        Op.Kind.MUTEX_LOCK, Op.Kind.BLOCKING, Op.Kind.MUTEX_UNLOCK, Op.Kind.QUEUE_WORK,
        Op.Kind.WAKE_UP, Op.Kind.CALL, Op.Kind.RAISE_SOFTIRQ),
        ops.stream().map(Op::kind).toList());
    assertSame(cell, ops.get(1).cell());
    assertSame(lock, ops.get(2).spinLock());
    assertSame(host, ops.get(4).mutex());
    assertEquals("bes2600_sdio_read_ctrl: CMD52", ops.get(5).text());
    assertSame(work, ops.get(7).workItem());
    assertSame(wq, ops.get(8).waitQueue());
    assertSame(callee, ops.get(9).callee());
    assertNull(ops.get(9).softirqHandler());
    assertSame(handler, ops.get(10).softirqHandler());
    assertNull(ops.get(10).callee());
    assertEquals("wsm_release_tx_buffer()", ops.get(9).text());
  }
}
