package io.bessim.driver.host;

import io.bessim.chip.air.AirConfig;
import io.bessim.chip.air.AirLink;
import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.chip.fw.FirmwareConfig;
import io.bessim.chip.sdio.SdioBusConfig;
import io.bessim.chip.sdio.SdioTiming;
import io.bessim.driver.Architecture;
import io.bessim.driver.Faults;
import io.bessim.driver.NetStack;
import io.bessim.driver.Platform;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.KernelCosts;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.driver.mmc.SdioHost;
import io.bessim.sim.EventHandler;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One tablet: the host kernel and the bes2600 driver for an architecture, the SDIO host, the chip's
 * firmware and the air link, all built from one {@link Platform}. The traffic model plugs in as
 * the {@link NetStack} on the host and the {@link AirLink.Peer} on the far side.
 */
public final class Host {
  private final Simulator sim;
  private final Platform platform;
  private final Kernel kernel;
  private final Bes2600Firmware chip;
  private final SdioHost sdio;
  private final AirLink air;
  private final Bes2600Driver driver;

  public Host(Simulator sim, Platform p, Architecture preset, RandomStreams random,
      NetStack stack) {
    // The profile's knobs apply here, once; the driver reads the architecture alone.
    Architecture arch = preset.under(p);
    this.sim = sim;
    this.platform = p;
    this.kernel = new Kernel(sim, kernelCosts(p), p.intValue("host.cpus"));
    kernel.setPreemptive(p.bool("sched.preempt"));
    int irqCpu = p.intValue("host.irqCpu");
    checkCpus(p);
    this.chip = new Bes2600Firmware(sim, firmwareConfig(p));
    SdioTiming timing = new SdioTiming(sdioConfig(p));
    this.sdio = new SdioHost(kernel, timing, chip, irqCpu,
        p.ps("mmc.completionIrqUs"), p.intValue("mmc.irqsPerDataRequest"),
        p.ps("mmc.completionBhUs"), p.ps("irq.hardIrqUs"),
        p.bool("mmc.bhWorkCountsAsWork"),
        arch.irqReenable());
    this.air = new AirLink(sim, airConfig(p), chip, random.stream("air.backoff"),
        p.intValue("air.apQueueFrames"), p.intValue("air.retryLimit"));
    chip.connect(sdio::cardInterrupt, air::staSend);
    this.driver = new Bes2600Driver(arch, p, kernel, sdio, chip, stack);
    driver.start(0, p.intValue("host.bhCpu"), p.intValue("host.appCpu"));
    Faults faults = Faults.of(p);
    if (faults.any()) {
      sdio.setFaults(faults.sdioCrcRate(), faults.sdioTimeoutRate(), faults.lostIrqRate(),
          random::stream);
      if (faults.stalls()) stallFirmware(faults, random.stream("fault.fwStall"));
    }
  }

  /** Firmware stalls of {@code f}'s length at Poisson times of its rate. */
  private void stallFirmware(Faults f, SplittableRandom r) {
    long meanGapPs = Math.round(io.bessim.sim.Time.S / f.fwStallsPerSecond());
    EventHandler[] next = new EventHandler[1];
    next[0] = (t, a) -> {
      chip.stall(t, f.fwStallPs());
      sim.scheduleAt(t + RandomStreams.exponentialPs(r, meanGapPs), next[0], 0);
    };
    sim.scheduleAt(RandomStreams.exponentialPs(r, meanGapPs), next[0], 0);
  }

  /**
   * Checks that a platform makes a buildable tablet (CPU placement inside the host, a valid SDIO
   * bus, firmware and air configuration), throwing IllegalArgumentException naming the problem.
   * Lets the command line reject bad --set combinations before any run starts.
   */
  public static void check(Platform p) {
    checkCpus(p);
    kernelCosts(p);
    Faults.of(p);
    firmwareConfig(p);
    sdioConfig(p);
    airConfig(p);
  }

  /**
   * Refuses CPU placements outside the host, every one in the one line: {@code --set host.cpus=1}
   * moved both the bh's CPU and the reader's out, and naming one at a time took three tries.
   */
  private static void checkCpus(Platform p) {
    int cpus = p.intValue("host.cpus");
    List<String> bad = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String name : List.of("host.irqCpu", "host.bhCpu", "host.appCpu")) {
      int cpu = p.intValue(name);
      if (cpu < 0 || cpu >= cpus) {
        bad.add(name);
        values.add(name + " = " + cpu);
      }
    }
    if (bad.isEmpty()) return;
    boolean one = bad.size() == 1;
    throw new IllegalArgumentException(and(values) + (one ? " is not a CPU of a " : " are not CPUs"
        + " of a ") + cpus + "-CPU host (CPUs are 0.." + (cpus - 1) + "; set " + and(bad)
        + " too when changing host.cpus)");
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String and(List<String> l) {
    if (l.size() == 1) return l.get(0);
    return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
  }

  static KernelCosts kernelCosts(Platform p) {
    // Host CPU costs are stated at 1.8 GHz (host.cpuHz scales them).
    double f = 1.8e9 / p.number("host.cpuHz");
    return new KernelCosts(
        s(p.ps("cpu.loadNs"), f),
        s(p.ps("cpu.storeNs"), f),
        s(p.ps("cpu.atomicNs"), f),
        p.ps("cpu.cacheLineNs"),
        s(p.ps("lock.spinNs"), f),
        s(p.ps("lock.spinIrqsaveNs"), f),
        p.ps("lock.handoffNs"),
        s(p.ps("lock.mutexNs"), f),
        s(p.ps("kernel.queueWorkNs"), f),
        s(p.ps("kernel.wakeUpCallNs"), f),
        s(p.ps("sched.contextSwitchUs"), f),
        s(p.ps("sched.wakeSameCpuUs"), f),
        s(p.ps("sched.wakeCrossCpuUs"), f),
        s(p.ps("kernel.warnUs"), f),
        s(p.ps("kernel.workLoopNs"), f));
  }

  private static long s(long ps, double f) {
    return Math.round(ps * f);
  }

  static FirmwareConfig firmwareConfig(Platform p) {
    return new FirmwareConfig(
        p.intValue("fw.numInpChBufs"),
        p.intValue("fw.rxPoolFrames"),
        p.ps("fw.rxProcessingUs"),
        p.ps("fw.txProcessingUs"),
        p.bool("fw.rxMultiple"),
        p.intValue("fw.rxMultipleMax"),
        p.intValue("fw.rxBatchMaxBytes"),
        p.intValue("fw.rxIndicationOverheadBytes"),
        p.intValue("fw.confirmBytes"),
        p.intValue("fw.lengthUnitBytes"));
  }

  static SdioBusConfig sdioConfig(Platform p) {
    SdioBusConfig d = SdioBusConfig.defaults();
    return new SdioBusConfig(
        p.integer("sdio.clockHz"),
        p.intValue("sdio.busWidth"),
        p.intValue("sdio.blockSize"),
        p.intValue("sdio.nCr"),
        d.firstDataGap(),
        d.interBlockGap(),
        d.trailingTurnaround(),
        d.nWr(),
        p.intValue("sdio.writeBusyCycles"),
        d.nRc(),
        d.maxBlocksPerCmd());
  }

  static AirConfig airConfig(Platform p) {
    AirConfig d = AirConfig.defaults();
    return new AirConfig(
        p.intValue("air.mcs"),
        p.bool("air.shortGi"),
        p.intValue("air.ampduMaxSubframes"),
        d.maxPpduPs(),
        d.sifsPs(),
        d.slotPs(),
        d.aifsn(),
        d.cwMin(),
        d.basicRateMbps());
  }

  public Simulator sim() {
    return sim;
  }

  public Platform platform() {
    return platform;
  }

  public Kernel kernel() {
    return kernel;
  }

  public Bes2600Firmware chip() {
    return chip;
  }

  public SdioHost sdio() {
    return sdio;
  }

  public AirLink air() {
    return air;
  }

  public Bes2600Driver driver() {
    return driver;
  }

  /** Event counts so far, by the names the rig's ftrace used where there is one. */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    long allWork = sdio.bhWorkRuns();
    for (WorkItem w : kernel.workItems()) {
      allWork += w.executions();
    }
    m.put("sdio_rx_work", driver.rxWork().executions());
    m.put("sdio_tx_work", driver.txWork().executions());
    m.put("workqueue_execute_start", allWork);
    m.put("bh_wakeups", driver.bhWaitQueue().wakeups());
    m.put("irq", kernel.irqs());
    m.put("lock_contention", kernel.lockContentions());
    m.put("sdio_claim_host_waits", kernel.hostClaimWaits());
    m.put("sdio_irq_work", driver.sdioIrqWork().executions());
    m.put("sdio_rx_work_redispatch", driver.rxWork().redispatches());
    m.put("sdio_requests", sdio.requests());
    m.put("card_irqs", sdio.cardIrqs());
    m.put("preemptions", kernel.preemptions());
    m.put("card_irqs_while_masked", sdio.cardIrqsWhileMasked());
    m.put("bh_missed_irq_timeouts", driver.missedIrqTimeouts());
    m.put("frames_delivered", driver.deliveredFrames());
    m.put("tx_frames", driver.txFrames());
    m.put("tx_confirms", driver.confirms());
    m.put("chip_rx_dropped_pool_full", chip.rxDroppedPoolFull());
    m.put("air_retries", air.retries());
    m.put("air_drops", air.retryDrops() + air.apDrops());
    // The rig's ftrace event names (capture B, field-notes.md).
    m.put("mmc_request_start", sdio.requests());
    m.put("bes2600_rx_cb", driver.deliveredFrames());
    m.put("bes2600_bh_wakeup", driver.bhWakeupCalls());
    m.put("wsm_cmd_send", driver.wsmCmdSends());
    m.put("contention_begin", kernel.lockContentions());
    m.put("gpio_wake_settle", driver.gpioWakeSettles());
    if (driver.recovers()) {
      // Fault what-ifs only, so that runs without faults report what they always did.
      m.put("sdio_crc_retries", driver.crcRetries());
      m.put("sdio_timeouts", sdio.timeouts());
      m.put("lost_irqs", sdio.lostIrqs());
      m.put("lost_irq_recoveries", sdio.lostIrqRecoveries());
      m.put("fw_stalls", chip.stalls());
      m.put("wifi_force_close", driver.forceCloses());
    }
    return m;
  }
}
