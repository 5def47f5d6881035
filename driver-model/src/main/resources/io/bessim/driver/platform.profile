# bessim platform profile: RK3566 (4 x Cortex-A55) tablet with a BES2600 on SDIO.
# name = value | unit | kind | source | range
# range: lo..hi for every number (a bound that keeps the model meaningful: no zero MSS, no timer
# so long it overflows), a/b/c for choices, numbers included when the model takes only some
# (sdio.busWidth is 1/4: 1 or 4, nothing between). The unit gives the type: counts (CPUs, bytes,
# frames, cycles, ...) take whole numbers only, times (s, ms, us, ns) any decimal
# (Platform.INTEGER_UNITS).
# A name appears once: a second line for it is refused, here and in any --profile file.
# kind: published (a datasheet, spec or kernel source), notes (the research notes in
# docs/sources/), estimate (our judgement, scaled from a cited figure; calibration target),
# fitted (fitted to the baseline rig measurements in field-notes.md).
# docs/platform.md explains each group.

# --- host CPUs and placement
host.cpus = 4 | CPUs | notes | field-notes.md: RK3566, 4 x Cortex-A55 | 1..8
host.cpuHz = 1800000000 | Hz | notes | driver-topology.md 6 / timing-facts.md 3: A55 at 1.8 GHz; every host CPU cost below is given at 1.8 GHz and scales with 1.8 GHz / host.cpuHz | 600000000..2000000000
host.irqCpu = 0 | CPU | estimate | dw_mmc IRQ affinity defaults to CPU0; sdio_irq_work and the rx_work it queues run there (driver-topology.md open question 7) | 0..7
host.bhCpu = 1 | CPU | estimate | bh bound to the CPU that probed the driver; differs from the IRQ CPU on the rig (the v1 race needed two CPUs; open question 7) | 0..7
host.appCpu = 2 | CPU | estimate | the receiving application (netcat) | 0..7

# --- scheduler and workqueues
sched.wakeSameCpuUs = 5 | us | estimate | timing-facts.md 3: wake_up_process -> running, scaled from RK3588 A55 futex handoff (4.4 us) | 3..15
sched.wakeCrossCpuUs = 6.4 | us | estimate | timing-facts.md 3: cross-CPU handoff scaled from RK3588 A55 (14.1 us at 816 MHz) | 3..15
sched.contextSwitchUs = 2 | us | estimate | timing-facts.md 3: lat_sem / lat_ctx | 1.5..6
sched.preempt = true | bool | estimate | CONFIG_PREEMPT with CFS wake-up preemption: a woken kworker preempts a running one outside spinlocks (rig kernel unknown: open question 10)
wq.dispatchUs = 8 | us | estimate | timing-facts.md 3: queue_work -> work starts, bound system_wq, idle CPU (4-50) | 4..50
wq.highpriDispatchUs = 6 | us | estimate | timing-facts.md 3: WQ_HIGHPRI pool, nice -20 worker (3-30) | 3..30
irq.hardIrqUs = 1.5 | us | estimate | timing-facts.md 3: hard IRQ entry+exit on GIC/A55 (1-3) | 1..3
kernel.queueWorkNs = 300 | ns | estimate | queue_work call: pool lock, list add (our estimate) | 50..20000
kernel.wakeUpCallNs = 400 | ns | estimate | wake_up / try_to_wake_up call on the waker's side (our estimate) | 50..20000
kernel.workLoopNs = 500 | ns | estimate | process_one_work bookkeeping for a redispatch (our estimate) | 50..20000
kernel.warnUs = 300 | us | estimate | WARN_ON stack dump to the kernel log (printk of a backtrace; 50-5000) | 50..5000

# --- memory and locks
cpu.loadNs = 1 | ns | estimate | L1 hit, about 2 cycles at 1.8 GHz | 0.5..10
cpu.storeNs = 1 | ns | estimate | L1 hit | 0.5..10
cpu.atomicNs = 20 | ns | estimate | LSE atomic RMW on A55 (ldadd), about 36 cycles | 1..200
cpu.rmwComputeNs = 3 | ns | estimate | the add between a plain load and its store (a few cycles) | 0.5..50
cpu.cacheLineNs = 80 | ns | estimate | cache-line transfer from another A55 core through the shared L3 | 20..200
lock.spinNs = 25 | ns | estimate | timing-facts.md 3: spin_lock+unlock uncontended | 15..60
lock.spinIrqsaveNs = 35 | ns | estimate | timing-facts.md 3: irqsave+irqrestore | 20..80
lock.handoffNs = 80 | ns | estimate | contended lock handed to a spinner on another core (a cache-line transfer) | 20..500
lock.mutexNs = 30 | ns | estimate | timing-facts.md 3: mutex_lock/unlock uncontended | 20..80

# --- SDIO bus
sdio.clockHz = 50000000 | Hz | published | SD High Speed 50 MHz (timing-facts.md 1.4); UHS not known to be negotiated (open question 2) | 25000000..150000000
sdio.busWidth = 4 | bits | published | rk3566-pinetab2.dtsi bus-width = <4>; SDIO has 1- and 4-bit modes only (no 2, 3 or 8) | 1/4
sdio.blockSize = 512 | bytes | published | Linux default block size; bes2600 never sets it (timing-facts.md 1.1) | 64..2048
sdio.nCr = 8 | cycles | estimate | N_CR, spec range 2-64 (timing-facts.md 1.2) | 2..64
sdio.writeBusyCycles = 2 | cycles | estimate | busy after a write block (timing-facts.md 1.2) | 0..64

# --- MMC core and dw_mmc costs (timing-facts.md 2: about 25 us per CMD53 and 15 us per CMD52 in all)
mmc.cmd53SetupUs = 5 | us | estimate | request build, IDMAC descriptors, cache maintenance | 2..20
mmc.cmd53TeardownUs = 3 | us | estimate | dma_unmap, mmc_request_done bookkeeping on the waiter | 0.5..20
mmc.cmd52SetupUs = 3 | us | estimate | request build without DMA | 1..10
mmc.cmd52TeardownUs = 1 | us | estimate | completion bookkeeping on the waiter | 0.2..10
mmc.completionIrqUs = 1.5 | us | estimate | dw_mmc hard IRQ per completion interrupt | 0.5..10
mmc.irqsPerDataRequest = 2 | count | notes | timing-facts.md 2.1: command done and data transfer over | 1..4
mmc.completionBhUs = 4 | us | estimate | dw_mmc BH work ending the request (system_bh_wq) | 1..10
mmc.bhWorkCountsAsWork = true | bool | notes | kernels >= 6.9 run dw_mmc's BH work on system_bh_wq, so each counts as workqueue_execute_start
mmc.sdioRunIrqsUs = 1 | us | estimate | sdio_run_irqs around the driver's handler | 0.2..10

# --- driver costs (bes2600)
drv.rxMsgUs = 1 | us | estimate | per message: length, sequence, wake-reason checks, wsm_handle_rx dispatch | 0.1..20
drv.rxCbUs = 1 | us | estimate | wsm_receive_indication / bes2600_rx_cb for a data frame | 0.1..20
drv.txConfirmUs = 1.5 | us | estimate | wsm_tx_confirm and bes2600_tx_confirm_cb | 0.1..20
drv.extractPerPacketUs = 1.5 | us | estimate | dev_alloc_skb + memcpy of about 1.6 KB (about 1 GB/s) | 0.1..20
drv.txUs = 3 | us | estimate | bes2600_tx: header, crypto, rate policy | 0.1..20
drv.txHelperUs = 2 | us | estimate | wsm_get_tx bookkeeping, length, sequence bits | 0.1..20
drv.txWorkPerFrameUs = 1 | us | estimate | sdio_tx_work: descriptor and scatter entry per frame | 0.1..20
drv.bhLoopUs = 1 | us | estimate | one pass of the bes2600_bh loop | 0.1..20
drv.gpioFlagUs = 1 | us | estimate | bes2600_gpio_wakeup_mcu / allow_mcu_sleep bookkeeping (GPIO write, logging), without the settle sleep | 0.1..20
bh.timeoutMs = 5000 | ms | published | bes2600 bh wait timeout 5 s (driver-topology.md 5) | 100..60000

# --- network stack above the driver
stack.mac80211RxUs = 4 | us | estimate | timing-facts.md 3: mac80211 RX per frame | 2..8
stack.ipTcpRxUs = 5 | us | estimate | timing-facts.md 3: NET_RX -> IP -> TCP per segment, no GRO | 3..10
stack.tcpAckUs = 6 | us | estimate | timing-facts.md 3: TCP ACK generation down to the driver | 4..12
stack.copyToUserUs = 1 | us | estimate | timing-facts.md 3: copy_to_user of 1448 B | 0.5..2

# --- firmware
fw.numInpChBufs = 32 | buffers | estimate | unknown for BES2600 (open question 1); cw1200-family chips report 30-42 | 2..64
fw.rxPoolFrames = 11 | frames | fitted | unknown (open question 6); fitted to the baseline rig run (1.362 MB/s at tcp:4MB/s): grid 8..16 with rx processing 20..80 us, 3-5 seeds, see docs/platform.md | 1..128
fw.rxProcessingUs = 60 | us | fitted | PHY done -> frame ready for the host, estimate range 5-100 us (timing-facts.md); fitted to the rig baseline sdio_tx_work rate (276.1/s) | 5..100
fw.txProcessingUs = 20 | us | estimate | timing-facts.md: SDIO write done -> on the air queue (5-100) | 5..100
fw.rxMultiple = true | bool | published | BES_SDIO_RX_MULTIPLE_ENABLE always defined (driver-topology.md 3.0)
fw.rxMultipleMax = 16 | messages | published | BES_SDIO_RX_MULTIPLE_NUM (hwio.h) | 1..16
fw.rxBatchMaxBytes = 26112 | bytes | published | 16 x 1632 rx_buffer (bes2600_sdio.c) | 2048..131072
fw.rxIndicationOverheadBytes = 24 | bytes | estimate | WSM header + receive-indication fields before the 802.11 frame | 0..96
fw.confirmBytes = 32 | bytes | estimate | WSM TX confirm message | 4..256
fw.lengthUnitBytes = 512 | bytes | published | read_ctrl length in 512-byte units (driver-topology.md 3.3) | 1..4096

# --- air
air.mcs = 4 | index | notes | field-notes.md: rig at MCS 4 (-57 dBm), falling to 3 | 0..7
air.shortGi = false | bool | estimate | long guard interval
air.ampduMaxSubframes = 16 | subframes | estimate | timing-facts.md suggested default (1-31) | 1..31
air.apQueueFrames = 512 | frames | estimate | AP per-station queue | 16..4096
air.retryLimit = 7 | tries | estimate | MAC retry limit for unacknowledged subframes | 0..15

# --- power management and the GPIO wake flag (driver-topology.md 3.10)
drv.gpioWakeSettleMs = 10 | ms | published | bes2600_gpio_wakeup_mcu: msleep(10) after raising the wake GPIO when no flag was held | 0..20
pm.mcuFlagHeld = false | bool | fitted | whether the power module holds GPIO_WAKE_FLAG_MCU during traffic. false fits the rig: its 86.4 sdio_rx_work/s is 1/(10 ms settle + about 1.6 ms of reading), i.e. every rx_work paid the 10 ms wake settle

# --- TCP between the server and the tablet (workload tcp:)
tcp.mss = 1448 | bytes | notes | timing-facts.md 4.2: MSS with timestamps | 536..1460
tcp.initialCwnd = 10 | segments | published | Linux initial congestion window (RFC 6928) | 1..100
tcp.rwndBytes = 3145728 | bytes | estimate | receive window the tablet advertises (tcp_rmem autotuning ceiling) | 65536..16777216
tcp.delAckMs = 40 | ms | published | TCP_DELACK_MIN (timing-facts.md 5) | 1..200
tcp.quickAcks = 16 | segments | published | TCP_MAX_QUICKACKS (timing-facts.md 5) | 0..64
tcp.rtoMinMs = 200 | ms | published | TCP_RTO_MIN | 5..3000
tcp.wiredOneWayUs = 1000 | us | estimate | server -> AP one way: LAN and AP forwarding | 100..50000
tcp.pvBurstBytes = 16384 | bytes | estimate | bytes the rate-capped sender (pv) may write at once | 0..1048576

# --- run control
run.warmupS = 5 | s | estimate | simulated seconds excluded from rates (TCP slow start, queues filling); capped at a tenth of the run | 0..60
run.check = false | bool | choice | check the model's invariants after every event (--check): slower, results unchanged; violations in checkViolations
run.detail = false | bool | choice | record what the HTML report draws (delivered bytes per second, CPU by context, RMW windows): compare --report and report set it; off, runs skip the recorder's access log (5-9% faster), results unchanged

# --- fault what-ifs (docs/faults.md), all off by default; each follows the driver's own recovery path
fault.sdioCrcRate = 0 | probability | what-if | a CMD53 fails its data CRC (-84): sdio_rx_work and sdio_tx_work retry it up to 10 times, then wifi_force_close (bes2600_sdio.c) | 0..1
fault.sdioTimeoutRate = 0 | probability | what-if | a CMD52 length read or a CMD53 times out (-ETIMEDOUT; a CMD53 after the 1 s SDIO data timeout): sdio_rx_work goes to failed, sdio_tx_work force-closes (bes2600_sdio.c) | 0..1
fault.lostIrqRate = 0 | probability | what-if | a card interrupt never reaches the host: found by a later poll, or by the bh's 5 s timeout ("Missed interrupt?", which force-closes with buffers outstanding, bh.c bes2600_bh) | 0..1
fault.fwStallMs = 0@0 | ms@/s | what-if | MS@RATE: the firmware stops processing for MS ms, RATE times per simulated second (Poisson); a stall of 5 s with buffers outstanding trips the bh's timeout

# --- architecture knobs (Architecture.Knob): 'preset' keeps each architecture's own choice; any
# other value applies to every architecture of the run and is added to its label
arch.rxPath = preset | - | choice | how a received batch reaches wsm_handle_rx: relay (sdio_rx_work -> rx_queue -> bh, as shipped), direct (sdio_rx_work delivers: Patch C v1), bh (the bh reads SDIO inline: v3) | preset/relay/direct/bh
arch.counters = preset | - | choice | hw_bufs_used, hw_bufs_used_vif, wsm_tx_pending as plain int or atomic_t (Patch C-prep) | preset/plain/atomic
arch.afterTx = preset | - | choice | after each SDIO write: queue_work(rx_work) (bes2600) or irq_handler, a bh wake-up (v3) | preset/queue-rx-work/wake-bh
irq.reenable = preset | - | choice | who re-arms the card interrupt after it fired: auto = the MMC core (ack_sdio_irq after the handler; bes2600's __bes2600_irq_enable is a stub, driver-topology.md 3.11), explicit = the driver, a CMD52 write at the end of each bh pass (upstream __cw1200_irq_enable(1)), none = nobody (the v3 open question, open question 9; docs/v3-irq-reenable.md) | preset/auto/none/explicit

# --- proposals from field-notes.md, as knobs (docs/architectures.md)
rx.delivery = preset | - | choice | ieee80211_rx_irqsafe per frame (as shipped) or one ieee80211_rx_list per batch (proposal: one softirq per batch) | preset/per-frame/batch
tx.pollAfterWrite = preset | - | choice | the TX-side poll after every SDIO write (queue_work(rx_work), or irq_handler in v3); false is the proposal that removes it | preset/true/false
ba.stat = preset | - | choice | per-frame BA statistics under ba_lock (spin_lock_bh) or with atomics (proposal) | preset/lock/atomic
pm.psStateLock = preset | - | choice | ps_state_lock around the TX queue put taken, or skipped when power save is known unsupported (proposal) | preset/taken/skipped
stack.rxIrqsafeHopUs = 2 | us | estimate | ieee80211_rx_irqsafe: skb queue + tasklet hop per delivery (timing-facts.md 3) | 1..5
