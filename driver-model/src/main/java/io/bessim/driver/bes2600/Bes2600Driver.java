package io.bessim.driver.bes2600;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.chip.fw.Frame;
import io.bessim.chip.fw.Message;
import io.bessim.driver.Architecture;
import io.bessim.driver.Faults;
import io.bessim.driver.NetStack;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.Local;
import io.bessim.driver.kernel.Mutex;
import io.bessim.driver.kernel.Ref;
import io.bessim.driver.kernel.Routine;
import io.bessim.driver.kernel.SpinLock;
import io.bessim.driver.kernel.WaitQueue;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.driver.mmc.SdioHost;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The bes2600 driver, built for one {@link Architecture}: its shared state, locks, work items and
 * routines. Receive path per architecture:
 *
 * <pre>
 *  baseline  DAT1 -> hardirq -> sdio_irq_work -> queue_work(rx_work) -> sdio_rx_work: CMD52+CMD53,
 *            skbs onto rx_queue, irq_handler -> bes2600_bh: pipe_read, handle, ieee80211_rx_irqsafe
 *  v1, v2    ... -> sdio_rx_work: CMD52+CMD53, bes2600_bh_handle_rx_skb for each
 *            (so wsm_release_tx_buffer runs in rx_work)
 *  v3        DAT1 -> hardirq -> sdio_irq_work -> irq_handler -> bes2600_bh: CMD52+CMD53,
 *            handle each
 * </pre>
 *
 * Transmit path (all): mac80211 -> bes2600_tx -> bh: wsm_alloc_tx_buffer, wsm_get_tx, pipe_send ->
 * sdio_tx_work: CMD53 write, then queue_work(rx_work) (v3: irq_handler).
 *
 * <p>Each routine declares its variables as the C function does ({@code retry}, {@code i},
 * {@code skb}, the value of a counter it loaded) and passes what its callees need as arguments.
 */
public final class Bes2600Driver {
  private final Architecture arch;
  /** The receive path's part of the routines, chosen by the architecture. */
  private final RxVariant rxVariant;
  private final boolean batchDelivery;
  private final boolean pollAfterWrite;
  private final boolean baAtomic;
  private final boolean psStateLock;
  private final Kernel k;
  private final SdioHost sdio;
  private final NetStack stack;
  final DriverCosts cost;
  private final int numInpChBufs;
  private final int blockSize;
  private final boolean atomics;
  private final long wakeSettlePs;
  /**
   * Whether a fault what-if is on: the driver's error paths (CRC retries, force_close, the bh's
   * "Missed interrupt?" check) are built into the routines only then, so a run without faults
   * executes exactly the ops it always did.
   */
  final boolean recovery;
  // sbus.h l.33-42: the flags are enum values, set as BIT(flag) (bes2600_sdio.c l.1385): MCU is 0,
  // SDIO_RX 9.
  static final long GPIO_WAKE_FLAG_MCU = 1 << 0;
  static final long GPIO_WAKE_FLAG_SDIO_RX = 1 << 9;

  // struct bes2600_common: the shared state the race tools watch.
  public final Cell hw_bufs_used;
  public final Cell hw_bufs_used_vif;
  public final Cell wsm_tx_pending;
  public final Cell bh_rx;
  public final Cell bh_tx;
  public final Cell wsm_tx_seq;
  public final Cell wsm_rx_seq;
  public final Cell gpio_wakup_flags;
  public final Cell ba_cnt;
  public final Cell ba_cnt_rx;

  final SpinLock rx_queue_lock;
  final SpinLock tx_bufferlock;
  final SpinLock pwr_lock;
  final SpinLock ba_lock;
  final SpinLock ps_state_lock;
  final SpinLock vif_list_lock;
  final SpinLock queue_lock;
  final Mutex io_mutex;
  final Mutex host;

  final WaitQueue bh_wq;
  final WaitQueue sk_wq;
  final WorkItem sdio_irq_work;
  final WorkItem rx_work;
  final WorkItem tx_work;
  Ctx bh;

  // Java-side data guarded by the locks above (their modelled accesses are the lock sections).
  final ArrayDeque<Message> rx_queue = new ArrayDeque<>();
  private final ArrayDeque<Frame> txQueue = new ArrayDeque<>();
  private final ArrayList<Frame> tx_bufferlist = new ArrayList<>();
  private final ArrayList<Frame> txSplice = new ArrayList<>();
  private List<Message> rx_buffer = List.of();
  List<Message> bhRxBuffer = List.of();
  private long socketBacklog;
  boolean bhHoldsWakeFlag;

  private long deliveredFrames;
  private long confirms;
  private long missedIrqTimeouts;
  private long txFrames;
  /** bes2600_cdev.bus_error: set by wifi_force_close; sdio_rx_work and sdio_tx_work then return. */
  boolean busError;
  private long forceClosedAtPs = -1;
  private long crcRetries;
  private long txFramesLost;

  // Routines.
  public final Routine wsm_alloc_tx_buffer;
  public final Routine wsm_release_tx_buffer;
  final Routine wsm_release_vif_tx_buffer;
  final Routine bes2600_bh_inc_pending_count;
  final Routine bes2600_bh_dec_pending_count;
  final Routine bes2600_irq_handler;
  final Routine bes2600_bh_wakeup;
  final Routine bes2600_bh_handle_rx_skb;
  final Routine wsm_handle_rx;
  final Routine ieee80211_rx;
  final Routine ieee80211_rx_one;
  final Routine ieee80211_rx_list;
  final Routine bes2600_tx;
  final Routine tcp_delack_timer;
  final Routine bes2600_bh_tx_helper;
  final Routine bes2600_bh_rx_helper;
  final Routine sdio_rx_work;
  final Routine sdio_tx_work;
  final Routine sdio_run_irqs;
  final Routine bes2600_bh;
  final Routine netcat;
  final Routine bes2600_gpio_wakeup_mcu;
  final Routine bes2600_gpio_allow_mcu_sleep;

  public Bes2600Driver(Architecture arch, Platform p, Kernel k, SdioHost sdio,
      Bes2600Firmware chip, NetStack stack) {
    this.arch = arch;
    this.k = k;
    this.sdio = sdio;
    this.stack = stack;
    this.cost = DriverCosts.from(p);
    this.numInpChBufs = chip.config().numInpChBufs();
    this.blockSize = p.intValue("sdio.blockSize");
    this.atomics = arch.counters() == Architecture.Counters.ATOMIC;
    this.batchDelivery = arch.delivery() == Architecture.Delivery.BATCH;
    this.pollAfterWrite = arch.pollAfterWrite();
    this.baAtomic = arch.baStat() == Architecture.BaStat.ATOMIC;
    this.psStateLock = arch.psStateLock() == Architecture.PsStateLock.TAKEN;
    this.recovery = Faults.of(p).any();
    this.rxVariant = RxVariant.of(arch.rxPath(), this);

    hw_bufs_used = k.cell("hw_bufs_used", atomics);
    hw_bufs_used_vif = k.cell("hw_bufs_used_vif[0]", atomics);
    wsm_tx_pending = k.cell("wsm_tx_pending[0]", atomics);
    bh_rx = k.cell("bh_rx", true);
    bh_tx = k.cell("bh_tx", true);
    wsm_tx_seq = k.cell("wsm_tx_seq[0]", false);
    wsm_rx_seq = k.cell("wsm_rx_seq[0]", false);
    gpio_wakup_flags = k.cell("gpio_wakup_flags", false);
    ba_cnt = k.cell("ba_cnt", baAtomic);
    ba_cnt_rx = k.cell("ba_cnt_rx", baAtomic);
    k.sameCacheLine(ba_cnt, ba_cnt_rx);
    if (p.bool("pm.mcuFlagHeld")) gpio_wakup_flags.init(GPIO_WAKE_FLAG_MCU);
    this.wakeSettlePs = p.ps("drv.gpioWakeSettleMs");

    rx_queue_lock = k.spinLock("rx_queue_lock");
    tx_bufferlock = k.spinLock("tx_bufferlock");
    pwr_lock = k.spinLock("pwr_lock");
    ba_lock = k.spinLock("ba_lock");
    ps_state_lock = k.spinLock("ps_state_lock");
    vif_list_lock = k.spinLock("vif_list_lock");
    queue_lock = k.spinLock("queue->lock");
    io_mutex = k.mutex("io_mutex");
    host = k.hostClaim("mmc_host");

    bh_wq = k.waitQueue("bh_wq", c -> bh_rx.peek() > 0 || bh_tx.peek() > 0);
    sk_wq = k.waitQueue("sk_sleep", c -> socketBacklog > 0);

    wsm_alloc_tx_buffer = Routine.declare("wsm_alloc_tx_buffer");
    wsm_release_tx_buffer = Routine.declare("wsm_release_tx_buffer");
    wsm_release_vif_tx_buffer = Routine.declare("wsm_release_vif_tx_buffer");
    bes2600_bh_inc_pending_count = Routine.declare("bes2600_bh_inc_pending_count");
    bes2600_bh_dec_pending_count = Routine.declare("bes2600_bh_dec_pending_count");
    bes2600_irq_handler = Routine.declare("bes2600_irq_handler");
    bes2600_bh_wakeup = Routine.declare("bes2600_bh_wakeup");
    bes2600_bh_handle_rx_skb = Routine.declare("bes2600_bh_handle_rx_skb");
    wsm_handle_rx = Routine.declare("wsm_handle_rx");
    ieee80211_rx = Routine.declare("ieee80211_rx_irqsafe");
    ieee80211_rx_one = Routine.declare("ieee80211_rx");
    ieee80211_rx_list = Routine.declare("ieee80211_rx_list");
    bes2600_tx = Routine.declare("bes2600_tx");
    tcp_delack_timer = Routine.declare("tcp_delack_timer");
    bes2600_bh_tx_helper = Routine.declare("bes2600_bh_tx_helper");
    bes2600_bh_rx_helper = Routine.declare("bes2600_bh_rx_helper");
    sdio_rx_work = Routine.declare("sdio_rx_work");
    sdio_tx_work = Routine.declare("sdio_tx_work");
    sdio_run_irqs = Routine.declare("sdio_run_irqs");
    bes2600_bh = Routine.declare("bes2600_bh");
    netcat = Routine.declare("netcat_recv");
    bes2600_gpio_wakeup_mcu = Routine.declare("bes2600_gpio_wakeup_mcu");
    bes2600_gpio_allow_mcu_sleep = Routine.declare("bes2600_gpio_allow_mcu_sleep");

    sdio_irq_work = k.workItem("sdio_irq_work", "system_wq", sdio_run_irqs,
        p.ps("wq.dispatchUs"), true);
    rx_work = k.workItem("sdio_rx_work", "bes_sdio", sdio_rx_work,
        p.ps("wq.highpriDispatchUs"), true);
    tx_work = k.workItem("sdio_tx_work", "bes_sdio", sdio_tx_work,
        p.ps("wq.highpriDispatchUs"), true);
    sdio.setSdioIrqWork(sdio_irq_work);

    defineCounters();
    defineGpioWake();
    defineRx();
    defineTx();
    defineIrqAndWorks();
    defineBh();
    netcat.body(b -> {
      Local skbs = b.local("skbs");
      b.label("loop")
          .waitEvent(sk_wq, null)
          .exec("skb_recv_datagram", (c, t) -> {
            c.set(skbs, socketBacklog);
            socketBacklog = 0;
          })
          .compute("copy_to_user", c -> c.get(skbs) * cost.copyToUserPs())
          .jump("loop");
    });
    stack.attach((t, f) -> k.timerSoftirq(p.intValue("host.irqCpu"), tcp_delack_timer, f, t));
  }

  /** Starts the bottom half and the receiving application. */
  public void start(long atPs, int bhCpu, int appCpu) {
    bh = k.startThread("bes2600_bh", bhCpu, bes2600_bh, atPs);
    k.startThread("netcat", appCpu, netcat, atPs);
  }

  private final java.util.Map<Ctx, ArrayDeque<Frame>> rxLists = new java.util.HashMap<>();

  /** The batch being collected for ieee80211_rx_list by the delivering context. */
  private ArrayDeque<Frame> rxList(Ctx c) {
    return rxLists.computeIfAbsent(c, x -> new ArrayDeque<>());
  }

  /** End of a received batch: hand the collected frames to mac80211 in one softirq. */
  private void flushRxList(Routine.Builder b) {
    if (!batchDelivery) return;
    b.raiseSoftirq("ieee80211_rx_list", ieee80211_rx_list, this::takeRxList).localBhEnable();
  }

  /** The frames {@code c} collected, handed over (it starts a new list), or null if none. */
  private ArrayDeque<Frame> takeRxList(Ctx c) {
    ArrayDeque<Frame> list = rxLists.get(c);
    if (list == null || list.isEmpty()) return null;
    rxLists.put(c, new ArrayDeque<>());
    return list;
  }

  /** The frame of a received data message, counted as delivered to mac80211. */
  private Frame delivered(Message skb) {
    deliveredFrames++;
    return skb.frame();
  }

  /**
   * bes_chardev.c bes2600_chrdev_wifi_force_close: sets bus_error and schedules the work that
   * unregisters Wi-Fi; only the first call does anything (the work is then pending or done). The
   * model ends Wi-Fi at once: the bh stops at its next loop and the SDIO works return on entry.
   */
  void forceClose(long t) {
    if (busError) return;
    busError = true;
    forceClosedAtPs = t;
  }

  /**
   * txrx.c bes2600_rx_h_ba_stat (l.1555) / bes2600_tx_h_ba_stat (l.913): two counters under one
   * spin_lock_bh(ba_lock), {@code ba_cnt_rx++} (RX) or {@code ba_cnt++} (TX); or atomically (the
   * proposal). Each path also reads the other's counter ({@code if (!(ba_cnt_rx || ba_cnt))
   * mod_timer(ba_timer)}) and adds to its {@code ba_acc}: that is in the compute, and the two
   * counters share a cache line (bes2600.h l.359-363), so a path still pays for the line the other
   * CPU wrote.
   */
  private void baStat(Routine.Builder b, String what, Cell counter) {
    if (baAtomic) {
      b.atomicAdd(counter, c -> 1).compute(what, cost.rxCbPs() / 4);
    } else {
      Local cnt = b.local(counter.name());
      b.spinLockBh(ba_lock)
          .loadForUpdate(counter, cnt)
          .compute(what, cost.rxCbPs() / 4)
          .exec(counter.name() + " + 1", (c, t) -> c.set(cnt, c.get(cnt) + 1))
          .store(counter, cnt)
          .spinUnlockBh(ba_lock);
    }
  }

  // ---------------------------------------------------------------- hw_bufs_used and friends

  /**
   * {@code cell += delta} as the architecture writes it, a plain read-modify-write through
   * {@code value} or an atomic; either way {@code value} is left holding the new value.
   */
  private void add(Routine.Builder b, Cell cell, long delta, Local value) {
    if (atomics) {
      b.atomicAdd(cell, c -> delta, value)
          .exec("new value", (c, t) -> c.set(value, c.get(value) + delta));
    } else {
      b.loadForUpdate(cell, value)
          .compute(delta > 0 ? "++" : "--", cost.rmwPs())
          .exec(cell.name() + (delta > 0 ? " + 1" : " - 1"),
              (c, t) -> c.set(value, c.get(value) + delta))
          .store(cell, value);
    }
  }

  /** {@code into = cell}: a plain load, or {@code atomic_read} when the field is atomic. */
  private void read(Routine.Builder b, Cell cell, Local into) {
    if (atomics) {
      b.atomicRead(cell, into);
    } else {
      b.load(cell, into);
    }
  }

  private void defineCounters() {
    // bh.c wsm_alloc_tx_buffer (l.218): ++hw_bufs_used.
    wsm_alloc_tx_buffer.body(b -> add(b, hw_bufs_used, +1, b.local("hw_bufs_used")));
    // bh.c wsm_release_tx_buffer(hw_priv, count) (l.223-243): hw_bufs_used -= count; WARN_ON(< 0);
    // at 0 clear the LMAC_RSP busy event under pwr_lock and wake_up(bh_evt_wq), which nothing
    // in the model waits on. (count is 1 on every path modelled here.)
    wsm_release_tx_buffer.body(b -> {
      Local used = b.local("hw_bufs_used");
      add(b, hw_bufs_used, -1, used);
      b.warnOn("hw_bufs_used < 0", c -> c.get(used) < 0)
          .jumpIf("hw_bufs_used != 0", c -> c.get(used) != 0, "out")
          .spinLockIrqsave(pwr_lock)
          .compute("bes2600_pwr_clear_busy_event(LMAC_RSP)", cost.rxCbPs() / 4)
          .spinUnlockIrqrestore(pwr_lock)
          .label("out");
    });
    wsm_release_vif_tx_buffer.body(b -> {
      Local used = b.local("hw_bufs_used_vif");
      add(b, hw_bufs_used_vif, -1, used);
      b.warnOn("hw_bufs_used_vif[0] < 0", c -> c.get(used) < 0);
    });
    bes2600_bh_inc_pending_count.body(b -> {
      Local pending = b.local("wsm_tx_pending");
      add(b, wsm_tx_pending, +1, pending);
      b.jumpIf("was not 0", c -> c.get(pending) != 1, "out")
          .compute("mod_timer(lmac_mon_timer, 3 s)", cost.rxCbPs() / 4)
          .label("out");
    });
    bes2600_bh_dec_pending_count.body(b -> {
      add(b, wsm_tx_pending, -1, b.local("wsm_tx_pending"));
      b.compute("mod_timer/del_timer_sync(lmac_mon_timer)", cost.rxCbPs() / 4);
    });
    // bh.c bes2600_irq_handler (l.116): bh_rx++ and wake the bh on 0 -> 1 (atomic_t, bh_wq).
    bes2600_irq_handler.body(b -> {
      Local rx = b.local("bh_rx");
      b.atomicAdd(bh_rx, c -> 1, rx)
          .jumpIf("bh_rx was already set", c -> c.get(rx) != 0, "out")
          .wakeUp(bh_wq)
          .label("out");
    });
    bes2600_bh_wakeup.body(b -> {
      Local tx = b.local("bh_tx");
      b.atomicAdd(bh_tx, c -> 1, tx)
          .jumpIf("bh_tx was already set", c -> c.get(tx) != 0, "out")
          .wakeUp(bh_wq)
          .label("out");
    });
  }

  // ---------------------------------------------------------------- GPIO wake flag

  private void defineGpioWake() {
    // bes2600_sdio.c bes2600_gpio_wakeup_mcu (l.1358): set a reason to keep the chip awake; if
    // the set was empty, drive the wake GPIO high and let the chip settle (msleep(10)) before
    // talking to it.
    bes2600_gpio_wakeup_mcu.body(b -> {
      Local flags = b.local("flags");
      b.mutexLock(io_mutex)
          .load(gpio_wakup_flags, flags)
          .compute("bes2600_gpio_wakeup_mcu", cost.gpioFlagPs())
          .jumpIf("flags != 0", c -> c.get(flags) != 0, "set")
          .sleep("gpio_set_value(wakeup, 1); msleep(10)", wakeSettlePs)
          .label("set")
          .exec("flags |= GPIO_WAKE_FLAG_SDIO_RX",
              (c, t) -> c.set(flags, c.get(flags) | GPIO_WAKE_FLAG_SDIO_RX))
          .store(gpio_wakup_flags, flags)
          .mutexUnlock(io_mutex);
    });
    bes2600_gpio_allow_mcu_sleep.body(b -> {
      Local flags = b.local("flags");
      b.mutexLock(io_mutex)
          .load(gpio_wakup_flags, flags)
          .compute("bes2600_gpio_allow_mcu_sleep", cost.gpioFlagPs())
          .exec("flags &= ~GPIO_WAKE_FLAG_SDIO_RX",
              (c, t) -> c.set(flags, c.get(flags) & ~GPIO_WAKE_FLAG_SDIO_RX))
          .store(gpio_wakup_flags, flags)
          .mutexUnlock(io_mutex);
    });
  }

  // ---------------------------------------------------------------- receive

  private void defineRx() {
    // The per-message body of bes2600_bh_rx_helper (bh.c l.962): checks, the confirm's buffer
    // release, then wsm_handle_rx. In v1/v2 sdio_rx_work runs it; in v3 the bh.
    bes2600_bh_handle_rx_skb.body(b -> {
      Ref<Message> skb = b.refParam("skb");
      Local seq = b.local("wsm_rx_seq");
      b.compute("length, sequence and wake-reason checks", cost.rxMsgPs())
          .loadForUpdate(wsm_rx_seq, seq)
          .exec("wsm_rx_seq + 1 (3 bits)", (c, t) -> c.set(seq, (c.get(seq) + 1) & 7))
          .store(wsm_rx_seq, seq)
          .jumpIf("!WSM_CONFIRM_CONDITION", c -> !c.get(skb).isConfirm(), "handle")
          .call(wsm_release_tx_buffer)
          .call(bes2600_bh_dec_pending_count)
          .label("handle")
          // Hands the skb on; an op of its own, so the interleaving points stay where they were.
          .exec("skb", (c, t) -> { })
          .call(wsm_handle_rx, skb);
    });

    // wsm.c wsm_handle_rx (l.2199): a confirm goes to wsm_tx_confirm, data to
    // wsm_receive_indication -> bes2600_rx_cb -> ieee80211_rx_irqsafe.
    wsm_handle_rx.body(b -> {
      Ref<Message> skb = b.refParam("skb");
      b.jumpIf("id is not 0x0404 (tx confirm)", c -> !c.get(skb).isConfirm(), "data")
          .compute("wsm_tx_confirm", cost.txConfirmPs())
          .call(wsm_release_vif_tx_buffer)
          .spinLockBh(queue_lock)
          .exec("bes2600_tx_confirm_cb: bes2600_queue_remove", (c, t) -> confirms++)
          .spinUnlockBh(queue_lock)
          .ret()
          .label("data")
          .spinLock(vif_list_lock)
          .compute("wsm_receive_indication", cost.rxCbPs())
          .spinUnlock(vif_list_lock)
          .spinLockIrqsave(pwr_lock)
          .compute("bes2600_pwr_set_busy_event_with_timeout_async(RX)", cost.rxCbPs() / 4)
          .spinUnlockIrqrestore(pwr_lock);
      baStat(b, "bes2600_rx_h_ba_stat", ba_cnt_rx);
      if (batchDelivery) {
        b.exec("list_add_tail(rx_list)", (c, t) -> {
          deliveredFrames++;
          rxList(c).add(c.get(skb).frame());
        });
      } else {
        b.raiseSoftirq("ieee80211_rx_irqsafe", ieee80211_rx, c -> delivered(c.get(skb)));
      }
    });

    // The batch proposal: one ieee80211_rx_list per batch, so one softirq hop per batch.
    ieee80211_rx_list.body(b -> {
      Ref<ArrayDeque<Frame>> list = b.refParam("list");
      Ref<Frame> skb = b.ref("skb");
      b.compute("ieee80211_rx_list: one tasklet hop", cost.rxIrqsafeHopPs())
          .label("next")
          .exec("skb = __skb_dequeue(list)", (c, t) -> c.set(skb, c.get(list).poll()))
          .jumpIf("list empty", c -> c.get(skb) == null, "out")
          .call(ieee80211_rx_one, skb)
          .jump("next")
          .label("out");
    });

    // mac80211 RX tasklet -> NET_RX: mac80211, IP, TCP; a TCP ACK goes straight back down.
    ieee80211_rx.body(b -> {
      Ref<Frame> queued = b.refParam("queued");
      Ref<Frame> skb = b.ref("skb");
      b.compute("ieee80211_rx_irqsafe: tasklet hop", cost.rxIrqsafeHopPs())
          .exec("skb = skb_dequeue(rx_queue)", (c, t) -> c.set(skb, c.get(queued)))
          .call(ieee80211_rx_one, skb);
    });
    ieee80211_rx_one.body(b -> {
      Ref<Frame> skb = b.refParam("skb");
      Ref<Frame> ack = b.ref("ack");
      b.compute("ieee80211_rx", cost.mac80211RxPs())
          .compute("netif_receive_skb -> ip_rcv -> tcp_v4_rcv", cost.ipTcpRxPs())
          .exec("tcp_rcv_established", (c, t) -> {
            c.set(ack, stack.receive(t, c.get(skb)));
            socketBacklog++;
          })
          .wakeUp(sk_wq)
          .jumpIf("no ACK due", c -> c.get(ack) == null, "out")
          .compute("tcp_send_ack", cost.tcpAckPs())
          .call(bes2600_tx, ack)
          .label("out");
    });
    tcp_delack_timer.body(b -> {
      Ref<Frame> ack = b.refParam("ack");
      // The timer fires with the ACK it was armed for; an op of its own, as it always was.
      b.exec("tcp_delack_timer", (c, t) -> { })
          .compute("tcp_send_ack", cost.tcpAckPs())
          .call(bes2600_tx, ack);
    });

    // bes2600_sdio.c sdio_rx_work (l.825): read the chip until it says really empty.
    sdio_rx_work.body(b -> {
      Local retry = b.local("retry");
      Local i = b.local("i");
      Ref<Message> skb = b.ref("skb");
      ChipRead read = new ChipRead(b, recovery);
      if (recovery) {
        b.jumpIf("bes2600_chrdev_is_bus_error()", c -> busError, "out");
      }
      b.call(bes2600_gpio_wakeup_mcu)
          .exec("retry = 0", (c, t) -> c.set(retry, 0))
          .label("again");
      readChip(b, read, "empty", "done", "failed");
      b.exec("rx_buffer", (c, t) -> rx_buffer = c.get(read.buf))
          .compute("bes2600_sdio_packets_check", cost.rxMsgPs() / 2)
          .exec("i = 0", (c, t) -> c.set(i, 0))
          .label("next")
          .jumpIf("i == count", c -> c.get(i) >= rx_buffer.size(), "batch_done")
          .exec("skb = rx_buffer[i++]", (c, t) -> {
            c.set(skb, rx_buffer.get((int) c.get(i)));
            c.set(i, c.get(i) + 1);
          })
          .compute("dev_alloc_skb + memcpy", cost.extractPerPacketPs());
      rxVariant.onExtractedSkb(b, skb);
      b.jump("next")
          .label("batch_done");
      flushRxList(b);
      b.call(bes2600_irq_handler)
          .exec("retry = 0", (c, t) -> c.set(retry, 0))
          .jump("again")
          .label("empty")
          .exec("retry++", (c, t) -> c.set(retry, c.get(retry) + 1))
          .jumpIf("retry <= 5", c -> c.get(retry) <= 5, "again")
          .label("done")
          .call(bes2600_gpio_allow_mcu_sleep);
      if (recovery) {
        // bes2600_sdio.c sdio_rx_work (l.825-913), failed: (a read that timed out, or failed its
        // CRC 11 times).
        b.jump("out")
            .label("failed")
            .call(bes2600_gpio_allow_mcu_sleep)
            .exec("bes2600_chrdev_wifi_force_close", (c, t) -> forceClose(t))
            .warnOn("WARN_ON(1)", c -> true)
            .label("out");
      }
    });

    // bh.c bes2600_bh_rx_helper (l.962) with bes2600_sdio.c bes2600_sdio_pipe_read (l.920,
    // baseline): one skb from rx_queue; an empty queue with buffers outstanding queues rx_work
    // again (speculative poll; l.933-937 also require fw_started and !bes2600_pwr_device_is_idle,
    // which the model takes as never idle). Returns whether it had an skb.
    bes2600_bh_rx_helper.body(b -> {
      Ref<Message> skb = b.ref("skb");
      Local used = b.local("hw_bufs_used");
      b.compute("bes2600_sdio_pipe_read", cost.rxMsgPs() / 2)
          .spinLock(rx_queue_lock)
          .exec("skb_dequeue(rx_queue)", (c, t) -> c.set(skb, rx_queue.poll()))
          .spinUnlock(rx_queue_lock)
          .spinLockIrqsave(pwr_lock)
          .compute("bes2600_pwr_device_is_idle", cost.rxCbPs() / 4)
          .spinUnlockIrqrestore(pwr_lock);
      read(b, hw_bufs_used, used);
      b.jumpIf("skb || !hw_bufs_used", c -> c.get(skb) != null || c.get(used) <= 0, "have")
          .queueWork(rx_work)
          .label("have")
          .jumpIf("!skb", c -> c.get(skb) == null, "out")
          .call(bes2600_bh_handle_rx_skb, skb)
          .label("out")
          .ret("skb != NULL", c -> c.get(skb) != null ? 1 : 0);
    });
  }

  /** The variables a routine reading the chip declares (see {@link #readChip}). */
  static final class ChipRead {
    /** The CMD52 length register: 512-byte units announced, 0 when none. */
    final Local ctrlReg;
    /** Register 0x0 bit 0 after a zero length: 1 when the chip says really empty. */
    final Local reallyEmpty;
    /** What the CMD53 read brought in. */
    final Ref<List<Message>> buf;
    /** The MMC core's status of the last request; null without fault what-ifs, as crcRetry. */
    final Local ret;
    final Local crcRetry;

    ChipRead(Routine.Builder b, boolean recovery) {
      ctrlReg = b.local("ctrl_reg");
      reallyEmpty = b.local("really_empty");
      buf = b.ref("buf");
      ret = recovery ? b.local("ret") : null;
      crcRetry = recovery ? b.local("crc_retry") : null;
    }
  }

  /**
   * Claims the host and reads one batch: CMD52 length; if zero, CMD52 "really empty" (jumping to
   * {@code onEmpty}, or {@code onReallyEmpty}); else one CMD53 of the announced length, leaving the
   * messages in {@code read.buf}. Under a fault what-if a read that failed for good (a timeout, or
   * a CRC error after 10 retries) releases the host and jumps to {@code onFailed}.
   */
  void readChip(Routine.Builder b, ChipRead read, String onEmpty,
      String onReallyEmpty, String onFailed) {
    String data = onEmpty + "_data";
    b.mutexLock(host)
        .compute("mmc_start_request(CMD52 0x1)", cost.cmd52SetupPs())
        .blocking("bes2600_sdio_read_ctrl: CMD52",
            (c, t) -> sdio.request(c, t, SdioHost.Cmd.CMD52_CTRL), read.ctrlReg)
        .compute("mmc_request_done", cost.cmd52TeardownPs());
    if (recovery) {
      // sdio_rx_work (bes2600_sdio.c l.843-847): again == -EBUSY || again == -ETIMEDOUT ->
      // "sdio read error", unlock, goto failed. The model's faults give only -ETIMEDOUT.
      b.exec("again = bes2600_sdio_read_ctrl()", (c, t) -> c.set(read.ret, sdio.lastStatus()))
          .jumpIf("again == -ETIMEDOUT", c -> c.get(read.ret) == SdioHost.ETIMEDOUT,
              onEmpty + "_ctrl_failed");
    }
    b.jumpIf("ctrl length != 0", c -> c.get(read.ctrlReg) != 0, data)
        .compute("mmc_start_request(CMD52 0x0)", cost.cmd52SetupPs())
        .blocking("read register 0x0: CMD52",
            (c, t) -> sdio.request(c, t, SdioHost.Cmd.CMD52_EMPTY), read.reallyEmpty)
        .compute("mmc_request_done", cost.cmd52TeardownPs())
        .mutexUnlock(host)
        .jumpIf("really empty", c -> c.get(read.reallyEmpty) == 1, onReallyEmpty)
        .jump(onEmpty)
        .label(data);
    // bes2600_sdio.c sdio_rx_work (l.860-879): do ret = memcpy_fromio(); while (ret == -84 &&
    // crc_retry <= 10) (crc_retry counts up from 0, so up to 10 retries), unlock, if (ret) goto
    // failed.
    if (recovery) b.exec("crc_retry = 0", (c, t) -> c.set(read.crcRetry, 0)).label(data + "_crc");
    b.compute("mmc_start_request(CMD53 read)", cost.cmd53SetupPs())
        .blocking("bes_sdio_memcpy_io_helper: CMD53 read",
            (c, t) -> sdio.read(c, t, c.get(read.ctrlReg)), read.buf)
        .compute("mmc_request_done", cost.cmd53TeardownPs());
    if (!recovery) {
      b.mutexUnlock(host);
      return;
    }
    b.exec("ret = bes2600_sdio_memcpy_fromio()", (c, t) -> c.set(read.ret, sdio.lastStatus()));
    crcRetryLoop(b, read.ret, read.crcRetry, "read", data + "_crc");
    b.mutexUnlock(host)
        .jumpIf("ret", c -> c.get(read.ret) != 0, onFailed)
        .jump(data + "_ok")
        .label(onEmpty + "_ctrl_failed")
        .mutexUnlock(host)
        .jump(onFailed)
        .label(data + "_ok");
  }

  /**
   * The tail of the driver's CRC retry loop: on -84, {@code crc_retry++} and "sdio read/write crc
   * error", then again while {@code crc_retry <= 10}.
   */
  private void crcRetryLoop(Routine.Builder b, Local ret, Local crcRetry, String what,
      String again) {
    String done = again + "_done";
    b.jumpIf("ret != -84", c -> c.get(ret) != SdioHost.EILSEQ, done)
        .exec("crc_retry++: sdio " + what + " crc error", (c, t) -> {
          c.set(crcRetry, c.get(crcRetry) + 1);
          if (c.get(crcRetry) <= 10) crcRetries++;
        })
        .jumpIf("crc_retry <= 10", c -> c.get(crcRetry) <= 10, again)
        .label(done);
  }

  // ---------------------------------------------------------------- transmit

  private void defineTx() {
    // txrx.c bes2600_tx (mac80211 context): locks of the TX submit path, queue, wake the bh.
    bes2600_tx.body(b -> {
      Ref<Frame> skb = b.refParam("skb");
      b.compute("bes2600_tx: header, crypto, rate policy", cost.txPs())
          .spinLockIrqsave(pwr_lock)
          .compute("bes2600_pwr_set_busy_event_with_timeout_async(TX)", cost.rxCbPs() / 4)
          .spinUnlockIrqrestore(pwr_lock);
      baStat(b, "bes2600_tx_h_ba_stat", ba_cnt);
      // txrx.c l.1181-1192: bes2600_tx_h_pm_state and bes2600_queue_put (which takes queue->lock,
      // queue.c l.420) both inside ps_state_lock.
      if (psStateLock) {
        b.spinLockBh(ps_state_lock)
            .compute("bes2600_tx_h_pm_state: link id, ps state", cost.rxCbPs() / 4);
      }
      b.spinLockBh(queue_lock)
          .exec("bes2600_queue_put", (c, t) -> txQueue.add(c.get(skb)))
          .spinUnlockBh(queue_lock);
      if (psStateLock) {
        b.spinUnlockBh(ps_state_lock);
      }
      b.call(bes2600_bh_wakeup);
    });

    // bh.c bes2600_bh_tx_helper (l.1110): count the buffer, pick a frame, hand it to tx_work.
    // Returns whether it sent one.
    bes2600_bh_tx_helper.body(b -> {
      Local used = b.local("hw_bufs_used");
      Ref<Frame> skb = b.ref("skb");
      Local sent = b.local("sent");
      b.call(wsm_alloc_tx_buffer);
      read(b, hw_bufs_used, used);
      b.spinLockBh(queue_lock)
          .exec("wsm_get_tx", (c, t) -> {
            // Data may use at most numInpChBufs - 1 buffers (one is kept for commands).
            boolean refuse = txQueue.isEmpty() || c.get(used) >= numInpChBufs;
            c.set(skb, refuse ? null : txQueue.poll());
          })
          .spinUnlockBh(queue_lock)
          .jumpIf("nothing to send", c -> c.get(skb) == null, "undo")
          .atomicAdd(bh_tx, c -> 1)
          .compute("wsm tx: length, alignment, sequence bits", cost.txHelperPs())
          .spinLock(tx_bufferlock)
          .exec("bes2600_sdio_pipe_send: list_add_tail(tx_bufferlist)", (c, t) -> {
            tx_bufferlist.add(c.get(skb));
            txFrames++;
          })
          .spinUnlock(tx_bufferlock)
          .queueWork(tx_work);
      add(b, hw_bufs_used_vif, +1, b.local("hw_bufs_used_vif"));
      Local seq = b.local("wsm_tx_seq");
      b.spinLockIrqsave(pwr_lock)
          .compute("wsm_txed", cost.rxCbPs() / 4)
          .spinUnlockIrqrestore(pwr_lock)
          .loadForUpdate(wsm_tx_seq, seq)
          .exec("wsm_tx_seq + 1 (3 bits)", (c, t) -> c.set(seq, (c.get(seq) + 1) & 7))
          .store(wsm_tx_seq, seq)
          .call(bes2600_bh_inc_pending_count)
          .exec("sent", (c, t) -> c.set(sent, 1))
          .ret(sent)
          .label("undo")
          .call(wsm_release_tx_buffer)
          .exec("nothing sent", (c, t) -> c.set(sent, 0))
          .ret(sent);
    });

    // bes2600_sdio.c sdio_tx_work (l.1078): batches of up to 16 same-size slots per CMD53 write,
    // then look for the reply (queue_work(rx_work); v3: irq_handler).
    sdio_tx_work.body(b -> {
      Ref<List<Frame>> frames = b.ref("frames");
      Local count = b.local("count");
      Local totalLen = b.local("total_len");
      Local ret = recovery ? b.local("ret") : null;
      Local crcRetry = recovery ? b.local("crc_retry") : null;
      if (recovery) {
        b.jumpIf("bes2600_chrdev_is_bus_error()", c -> busError, "check");
      }
      b.label("again")
          .spinLock(tx_bufferlock)
          .exec("list_splice(tx_bufferlist)", (c, t) -> {
            txSplice.addAll(tx_bufferlist);
            tx_bufferlist.clear();
          })
          .spinUnlock(tx_bufferlock)
          .label("group")
          .exec("build scatter list", (c, t) -> {
            List<Frame> group = new ArrayList<>();
            int blks = -1;
            while (!txSplice.isEmpty() && group.size() < 16) {
              int fb = (txSplice.get(0).mpduBytes() + 40 + blockSize - 1) / blockSize;
              if (blks >= 0 && fb != blks) break;
              blks = fb;
              group.add(txSplice.remove(0));
            }
            c.set(frames, group);
            int slot = blks == 4 ? 1632 : blks * blockSize;
            c.set(totalLen, group.isEmpty() ? 0 : (long) group.size() * slot);
            c.set(count, group.size());
          })
          .jumpIf("list empty", c -> c.get(count) == 0, "check")
          .compute("per-frame descriptors", c -> c.get(count) * cost.txWorkPerFramePs())
          .mutexLock(host);
      if (recovery) b.exec("crc_retry = 0", (c, t) -> c.set(crcRetry, 0)).label("write");
      b.compute("mmc_start_request(CMD53 write)", cost.cmd53SetupPs())
          .blocking("bes_sdio_memcpy_to_io_helper: CMD53 write",
              (c, t) -> sdio.write(c, t, c.get(frames), c.get(totalLen)))
          .compute("mmc_request_done", cost.cmd53TeardownPs());
      if (recovery) {
        // bes2600_sdio.c sdio_tx_work (l.1165-1174, under the claim of l.1160-1175): the same
        // retry loop around the write.
        b.exec("ret = bes_sdio_memcpy_to_io_helper()", (c, t) -> c.set(ret, sdio.lastStatus()));
        crcRetryLoop(b, ret, crcRetry, "write", "write");
      }
      b.mutexUnlock(host);
      if (!pollAfterWrite) {
        // proposal: no TX-side poll; the reply is found through the chip's interrupt
      } else if (arch.afterTx() == Architecture.AfterTx.QUEUE_RX_WORK) {
        b.queueWork(rx_work);
      } else {
        b.call(bes2600_irq_handler);
      }
      if (recovery) {
        // After the poll: if (ret) { sdio_work_debug(); wifi_force_close(); }, and on to the
        // next group (bus_error is looked at on entry only).
        b.jumpIf("!ret", c -> c.get(ret) == 0, "group")
            .exec("bes2600_chrdev_wifi_force_close", (c, t) -> {
              txFramesLost += c.get(frames).size();
              forceClose(t);
            });
      }
      // Loops over the spliced list only: frames queued meanwhile re-queued tx_work (pipe_send's
      // queue_work on a running item), so they get a new execution.
      b.jump("group")
          .label("check");
    });
  }

  // ---------------------------------------------------------------- interrupt

  private void defineIrqAndWorks() {
    // drivers/mmc/core/sdio_irq.c sdio_run_irqs: claim, call the function's handler, ack, release.
    sdio_run_irqs.body(b -> {
      b.mutexLock(host).compute("sdio_run_irqs", cost.sdioRunIrqsPs());
      rxVariant.sdioIrqHandler(b);
      b.exec("ack_sdio_irq", (c, t) -> sdio.ackSdioIrq(t)).mutexUnlock(host);
    });
  }

  // ---------------------------------------------------------------- the bottom half

  private void defineBh() {
    bes2600_bh.body(b -> {
      Local used = b.local("hw_bufs_used");
      Local rx = b.local("rx");
      Local tx = b.local("tx");
      b.label("loop");
      if (recovery) {
        // wifi_force_close's work unregisters Wi-Fi, which stops the bh (bh_term).
        b.jumpIf("bh_term", c -> busError, "exit");
      }
      b.compute("bh: pick timeout", cost.bhLoopPs());
      rxVariant.bhBeforeSleep(b);
      read(b, hw_bufs_used, used);
      b.waitEvent(bh_wq, c -> c.get(used) > 0 ? cost.bhTimeoutPs() : -1)
          .jumpIf("!timeout", c -> !c.timedOut(), "woken")
          .exec("Missed interrupt?", (c, t) -> missedIrqTimeouts++);
      if (recovery) {
        // bh.c bes2600_bh l.1382-1425: on a timeout with hw_bufs_used && (!rx || !tx) (both 0
        // after a timeout): "Missed interrupt?", wifi_force_close (l.1422), then goto rx (l.1425).
        b.jumpIf("!hw_bufs_used", c -> c.get(used) == 0, "woken")
            .exec("bes2600_chrdev_wifi_force_close", (c, t) -> forceClose(t));
      }
      b.label("woken")
          .atomicAdd(bh_rx, c -> -bh_rx.peek(), rx)
          .atomicAdd(bh_tx, c -> -bh_tx.peek(), tx)
          .label("rx");
      rxVariant.bhRxStage(b, rx);
      b.label("tx");
      flushRxList(b);
      read(b, hw_bufs_used, used);
      // bh.c bes2600_bh l.1481: BUG_ON(hw_bufs_used > numInpChBufs) at the top of the TX stage
      // (counted, not fatal).
      b.warnOn("BUG_ON(hw_bufs_used > numInpChBufs)", c -> c.get(used) > numInpChBufs)
          .jumpIf("tx_burst = numInpChBufs - hw_bufs_used <= 0",
              c -> numInpChBufs - c.get(used) <= 0, "done_rx")
          .call(bes2600_bh_tx_helper)
          .label("done_rx")
          .jumpIf("rx", c -> c.get(rx) != 0, "rx");
      if (sdio.irqReenable() == SdioHost.IrqReenable.EXPLICIT) {
        // cw1200_bh's done: label: lock the bus, __cw1200_irq_enable(1), unlock, before sleeping
        // again; bes2600 has this commented out (irq.reenable, driver-topology.md 3.11).
        b.mutexLock(host)
            .compute("mmc_start_request(CMD52 write)", cost.cmd52SetupPs())
            .blocking("__bes2600_irq_enable(1): CMD52 write",
                (c, t) -> sdio.request(c, t, SdioHost.Cmd.CMD52_IRQ_ENABLE))
            .compute("mmc_request_done", cost.cmd52TeardownPs())
            .mutexUnlock(host);
      }
      b.jump("loop");
      if (recovery) b.label("exit");
    });
  }

  // ---------------------------------------------------------------- counters

  public Architecture arch() {
    return arch;
  }

  public WorkItem sdioIrqWork() {
    return sdio_irq_work;
  }

  public WorkItem rxWork() {
    return rx_work;
  }

  public WorkItem txWork() {
    return tx_work;
  }

  public WaitQueue bhWaitQueue() {
    return bh_wq;
  }

  public Ctx bh() {
    return bh;
  }

  /** Received messages waiting on rx_queue for the bh (relay architectures), for traces. */
  public int rxQueueDepth() {
    return rx_queue.size();
  }

  /** bes2600_bh_wakeup calls (mac80211 TX frames; WSM commands once the model sends them). */
  public long bhWakeupCalls() {
    return bes2600_bh_wakeup.calls();
  }

  /** WSM commands sent: the model sends none yet, so this stays 0 until it does. */
  public long wsmCmdSends() {
    return 0;
  }

  /** The 10 ms settles of bes2600_gpio_wakeup_mcu (the wake GPIO raised with no flag held). */
  public long gpioWakeSettles() {
    return bes2600_gpio_wakeup_mcu.sleeps();
  }

  public long deliveredFrames() {
    return deliveredFrames;
  }

  public long confirms() {
    return confirms;
  }

  public long txFrames() {
    return txFrames;
  }

  public long missedIrqTimeouts() {
    return missedIrqTimeouts;
  }

  /** Whether the driver builds its error paths (a fault what-if is on). */
  public boolean recovers() {
    return recovery;
  }

  /** CRC errors retried (sdio_rx_work and sdio_tx_work, up to 10 per transfer). */
  public long crcRetries() {
    return crcRetries;
  }

  /** wifi_force_close calls that took Wi-Fi down: 1 once it is down (later calls do nothing). */
  public long forceCloses() {
    return busError ? 1 : 0;
  }

  /** When Wi-Fi was force-closed, or -1. */
  public long forceClosedAtPs() {
    return forceClosedAtPs;
  }

  /** Frames of writes that failed for good: the chip never got them. */
  public long txFramesLost() {
    return txFramesLost;
  }

  public List<Routine> routines() {
    return List.of(wsm_alloc_tx_buffer, wsm_release_tx_buffer, wsm_release_vif_tx_buffer,
        bes2600_bh_inc_pending_count, bes2600_bh_dec_pending_count, bes2600_irq_handler,
        bes2600_bh_wakeup, bes2600_bh_handle_rx_skb, wsm_handle_rx, ieee80211_rx, ieee80211_rx_one,
        ieee80211_rx_list, bes2600_tx, tcp_delack_timer,
        bes2600_bh_tx_helper, bes2600_bh_rx_helper, sdio_rx_work, sdio_tx_work, sdio_run_irqs,
        bes2600_bh, netcat);
  }
}
