package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.stats.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every value a run reports, declared once: its key in the JSON, the CSV and the measurement
 * files, its kind, its unit and what it means. {@link Experiment} fills a {@link RunResult} with
 * them; {@link Reports} (JSON, CSV, {@code run}'s lines), the compare and sweep tables and the
 * calibration read name, unit and value from here, so none of them spells a metric out again.
 *
 * <p>Declaration order is report order. A run's keys are the metrics in this order, except that
 * the counters sit together under one key, {@link #PER_SECOND}, where they stand (the JSON nests
 * them, the CSV flattens them to {@code perSecond.<counter>}). The counters are declared in the
 * order {@link io.bessim.driver.host.Host#counts()} produces them, named as the rig's ftrace names them
 * where there is such a trace event. The host may leave a declared counter out (the model does not
 * count it yet); it may not count one that is not declared here.
 */
public enum Metric {
  ARCH("arch", Kind.LABEL, Unit.NONE, "arch", 0, RunResult::arch,
      "the architecture that ran, labelled as written (v3+rx.delivery=batch)"),
  ARCH_SPEC("archSpec", Kind.LABEL, Unit.NONE, "arch spec", 0, RunResult::archSpec,
      "every architecture knob's resolved value"),
  SEED("seed", Kind.LABEL, Unit.NONE, "seed", 0, RunResult::seed,
      "the seed of the run's random streams; every architecture with a seed sees the same traffic"
          + " and air"),
  WORKLOAD("workload", Kind.LABEL, Unit.NONE, "workload", 0, RunResult::workload,
      "the workload, in canonical text"),
  SIM_SECONDS("simSeconds", Kind.RUN, Unit.SECONDS, "simulated", 1, RunResult::simSeconds,
      "simulated time of the run, warm-up included"),
  WALL_SECONDS("wallSeconds", Kind.RUN, Unit.SECONDS, "wall-clock", 3, RunResult::wallSeconds,
      "wall-clock time the run took: the one value that differs between identical runs"),
  OFFERED_MBPS("offeredMBps", Kind.FIGURE, Unit.MB_PER_S, "offered", 3, RunResult::offeredMBps,
      "application bytes the sender offered, after the warm-up"),
  DELIVERED_MBPS("deliveredMBps", Kind.FIGURE, Unit.MB_PER_S, "delivered", 3,
      RunResult::deliveredMBps,
      "application bytes the receiving application got, after the warm-up"),
  // Tables show it as a percentage. Two decimals by default, since the RX path's CPU use is often
  // well under 1%.
  CPU_UTILIZATION("cpuUtilization", Kind.FIGURE, Unit.FRACTION, "CPU", 2,
      RunResult::cpuUtilization,
      "busy fraction of all host CPUs together (1.0 = every CPU busy all the time)"),
  SDIO_RX_WORK("sdio_rx_work", "sdio_rx_work executions (workqueue_execute_start for it)"),
  SDIO_TX_WORK("sdio_tx_work", "sdio_tx_work executions (workqueue_execute_start for it)"),
  WORKQUEUE_EXECUTE_START("workqueue_execute_start",
      "work item executions of every workqueue, dw_mmc's BH work included where the kernel runs"
          + " it as work"),
  BH_WAKEUPS("bh_wakeups", "wake-ups of the bes2600_bh thread from its wait queue"),
  IRQ("irq", "hard interrupts taken by the host"),
  LOCK_CONTENTION("lock_contention",
      "contended spinlocks and mutexes (what the lock:contention_begin tracepoint counts)"),
  SDIO_CLAIM_HOST_WAITS("sdio_claim_host_waits",
      "times sdio_claim_host slept because another context held the host"),
  SDIO_IRQ_WORK("sdio_irq_work", "sdio_irq_work executions (the MMC core's SDIO IRQ work)"),
  SDIO_RX_WORK_REDISPATCH("sdio_rx_work_redispatch",
      "sdio_rx_work executions that followed a queue_work while it was running"),
  SDIO_REQUESTS("sdio_requests", "SDIO commands issued (CMD52 and CMD53)"),
  CARD_IRQS("card_irqs", "card interrupts the chip raised"),
  PREEMPTIONS("preemptions", "running contexts preempted by a woken one"),
  CARD_IRQS_WHILE_MASKED("card_irqs_while_masked",
      "card interrupts that found the interrupt masked and waited for it to be re-armed"),
  BH_MISSED_IRQ_TIMEOUTS("bh_missed_irq_timeouts",
      "times the bh's wait timed out (5 s) with work pending: a missed interrupt"),
  FRAMES_DELIVERED("frames_delivered", "received frames the driver handed to mac80211"),
  TX_FRAMES("tx_frames", "frames the driver wrote to the chip"),
  TX_CONFIRMS("tx_confirms", "TX confirms the driver handled"),
  CHIP_RX_DROPPED_POOL_FULL("chip_rx_dropped_pool_full",
      "frames the firmware dropped because its receive pool was full"),
  AIR_RETRIES("air_retries", "subframes sent again over the air"),
  AIR_DROPS("air_drops", "subframes lost over the air: retry limit reached or the AP's queue full"),
  MMC_REQUEST_START("mmc_request_start", "SDIO requests started (the mmc_request_start tracepoint)"),
  BES2600_RX_CB("bes2600_rx_cb", "received frames bes2600_rx_cb handed to mac80211"),
  BES2600_BH_WAKEUP("bes2600_bh_wakeup", "bes2600_bh_wakeup calls (TX frames and WSM commands)"),
  WSM_CMD_SEND("wsm_cmd_send", "WSM commands sent to the chip (wsm_cmd_send)"),
  CONTENTION_BEGIN("contention_begin",
      "lock acquisitions that had to wait (the lock:contention_begin tracepoint)"),
  GPIO_WAKE_SETTLE("gpio_wake_settle",
      "10 ms settles after raising the wake GPIO with no wake reason held"),
  // Counted under fault what-ifs only (--set fault.*, docs/faults.md).
  SDIO_CRC_RETRIES("sdio_crc_retries",
      "CMD53 transfers sdio_rx_work or sdio_tx_work issued again after a CRC error (up to 10)"),
  SDIO_TIMEOUTS("sdio_timeouts", "SDIO requests that timed out"),
  LOST_IRQS("lost_irqs", "card interrupts lost before they reached the host"),
  LOST_IRQ_RECOVERIES("lost_irq_recoveries",
      "lost card interrupts whose data a later read found (a poll or the bh's 5 s timeout)"),
  FW_STALLS("fw_stalls", "firmware stalls"),
  WIFI_FORCE_CLOSE("wifi_force_close",
      "wifi_force_close calls that took Wi-Fi down (a failed SDIO transfer or a missed interrupt)"),
  LOST_UPDATES("lostUpdates", Kind.FIGURE, Unit.COUNT, "lost updates", 1, RunResult::lostUpdates,
      "read-modify-writes of shared driver state that overwrote another CPU's update"),
  WARNS("warns", Kind.FIGURE, Unit.COUNT, "WARNs", 1, RunResult::warns,
      "WARN_ON stack dumps the driver logged"),
  FIRST_WARN_SEC("firstWarnSec", Kind.EVENT, Unit.SECONDS, "first WARN", 2,
      RunResult::firstWarnSec, "simulated time of the first WARN; none if the run never warned"),
  WEDGED_AT_SEC("wedgedAtSec", Kind.EVENT, Unit.SECONDS, "wedged at", 2, RunResult::wedgedAtSec,
      "simulated time the chip stopped taking frames for good; none if it never did"),
  CHECK_VIOLATIONS("checkViolations", Kind.CHECK, Unit.COUNT, "check violations", 0,
      RunResult::checkViolations,
      "--check only: invariant violations by invariant, empty when every invariant held");

  /** The key the counters sit under in a run, and the prefix of their own keys. */
  public static final String PER_SECOND = "perSecond";

  /** How a metric behaves across runs, and where reports put it. */
  public enum Kind {
    /** Names the run: architecture, seed, workload. */
    LABEL,
    /** About the run rather than the model: its simulated and wall-clock length. */
    RUN,
    /** What the model did, present in every run. */
    FIGURE,
    /** An event count per simulated second after the warm-up; reported under perSecond. */
    COUNTER,
    /** When something first happened, null in a run where it never did. */
    EVENT,
    /** What {@code --check} found; absent from a run made without it. */
    CHECK
  }

  /** The unit of a metric's values, and how tables show it. */
  public enum Unit {
    NONE("", "", 1),
    /** 10^6 application bytes per simulated second. */
    MB_PER_S("MB/s", " MB/s", 1),
    /** A share of a whole; tables show it as a percentage. */
    FRACTION("fraction", " %", 100),
    COUNT("count", " (count)", 1),
    /** Per simulated second. */
    PER_SECOND("/s", " /s", 1),
    /** Simulated seconds, or wall-clock seconds for {@link #WALL_SECONDS}. */
    SECONDS("s", " (s)", 1);

    private final String symbol;
    private final String headerSuffix;
    private final double shownScale;

    Unit(String symbol, String headerSuffix, double shownScale) {
      this.symbol = symbol;
      this.headerSuffix = headerSuffix;
      this.shownScale = shownScale;
    }

    /** The unit as written beside a value: {@code MB/s}, {@code fraction}, {@code /s}. */
    public String symbol() {
      return symbol;
    }
  }

  private final String key;
  private final String counter;
  private final Kind kind;
  private final Unit unit;
  private final String label;
  private final int decimals;
  private final Function<RunResult, Object> reader;
  private final String description;

  Metric(String key, Kind kind, Unit unit, String label, int decimals,
      Function<RunResult, Object> reader, String description) {
    this.key = key;
    this.counter = null;
    this.kind = kind;
    this.unit = unit;
    this.label = label;
    this.decimals = decimals;
    this.reader = reader;
    this.description = description;
  }

  /** A counter: {@code perSecond.<counter>}, per simulated second, one decimal in tables. */
  Metric(String counter, String description) {
    this.key = PER_SECOND + "." + counter;
    this.counter = counter;
    this.kind = Kind.COUNTER;
    this.unit = Unit.PER_SECOND;
    this.label = counter;
    this.decimals = 1;
    this.reader = r -> r.perSecond().get(counter);
    this.description = description;
  }

  /** The key in reports and measurement files: {@code deliveredMBps}, {@code perSecond.irq}. */
  public String key() {
    return key;
  }

  /** A counter's name in {@link RunResult#perSecond()} ({@code irq}); null for other kinds. */
  public String counter() {
    return counter;
  }

  public Kind kind() {
    return kind;
  }

  public Unit unit() {
    return unit;
  }

  /** What it means, in a sentence fragment. */
  public String description() {
    return description;
  }

  /** Decimals tables round it to, in its shown unit. */
  public int decimals() {
    return decimals;
  }

  /**
   * Decimals of the compare table (printed, {@code --wide}, and the HTML report's): CPU % at one,
   * so the printed table stays narrow; anything else at {@link #decimals()}. One place, so that
   * the printed table and the report round a figure alike.
   */
  public int compareDecimals() {
    return this == CPU_UTILIZATION ? 1 : decimals;
  }

  /** A table header: the label and the unit, e.g. {@code delivered MB/s}, {@code CPU %}. */
  public String header() {
    return label + unit.headerSuffix;
  }

  /**
   * One value as {@code run} prints it: in the shown unit at the declared decimals, with the unit
   * ({@code 1.296 MB/s}, {@code 0.99 %}, {@code 81.6 /s}, {@code 20.0 s}); a count as the whole
   * run's, saying so ({@code 3 (count, whole run)}: the counters are per second after the warm-up,
   * a count is not); labels as they are, null as {@code none}.
   */
  public String withUnit(Object v) {
    if (v == null) return "none";
    if (unit == Unit.COUNT) return v + " (count, whole run)";
    if (!(v instanceof Double d) || unit == Unit.NONE) return v.toString();
    String symbol = unit == Unit.FRACTION ? "%" : unit.symbol;
    return fixed(shown(d), decimals) + " " + symbol;
  }

  /** {@code v} in the unit tables show: a fraction as a percentage, anything else as is. */
  public double shown(double v) {
    return v * unit.shownScale;
  }

  /**
   * {@code s} in the shown unit at the declared decimals: {@code 1.362 ±0.021}, just the mean
   * when there is no interval (one seed), "-" when there is no value (null, or no seed had one).
   */
  public String interval(Summary s) {
    return interval(s, decimals);
  }

  /** As {@link #interval(Summary)}, at {@code decimals} decimals. */
  public String interval(Summary s, int decimals) {
    return interval(s, decimals, unit.shownScale);
  }

  /** As {@link #interval(Summary)}, for a value of no declared metric: times {@code scale}. */
  public static String interval(Summary s, int decimals, double scale) {
    if (s == null || s.n() == 0 || Double.isNaN(s.mean())) return "-";
    String mean = fixed(s.mean() * scale, decimals);
    if (s.n() < 2 || !Double.isFinite(s.halfWidth95())) return mean;
    return mean + " ±" + fixed(s.halfWidth95() * scale, decimals);
  }

  /** The mean alone, in the shown unit at the declared decimals; "-" when there is none. */
  public String mean(Summary s) {
    return s == null || s.n() == 0 ? "-" : fixed(shown(s.mean()), decimals);
  }

  private static String fixed(double v, int decimals) {
    return String.format(Locale.US, "%." + decimals + "f", v);
  }

  /** Whether it is a figure of the model: a figure, a counter or an event. */
  public boolean measured() {
    return kind == Kind.FIGURE || kind == Kind.COUNTER || kind == Kind.EVENT;
  }

  /** The value in {@code r}; null for an event that never happened or a counter not counted. */
  public Object value(RunResult r) {
    return reader.apply(r);
  }

  /** The value in {@code r} as a number, null as in {@link #value}; not for text labels. */
  public Double number(RunResult r) {
    Object v = value(r);
    checkArgument(v == null || v instanceof Number, "%s is not a number", key);
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** The counters, in report order. */
  public static List<Metric> counters() {
    return Arrays.stream(values()).filter(m -> m.kind == Kind.COUNTER).toList();
  }

  /** The counter named {@code name} in {@code perSecond}, or null if none is declared. */
  public static Metric counter(String name) {
    for (Metric m : values()) {
      if (name.equals(m.counter)) return m;
    }
    return null;
  }

  /** The metric with {@code key}, or null if none is declared. */
  public static Metric find(String key) {
    for (Metric m : values()) {
      if (m.key.equals(key)) return m;
    }
    return null;
  }

  /**
   * The measured metric (figure or counter) named {@code key}, as a measurement file or an option
   * names it; throws IllegalArgumentException naming the ones there are.
   */
  public static Metric figure(String key) {
    if (key.startsWith(PER_SECOND + ".")) {
      String name = key.substring(PER_SECOND.length() + 1);
      Metric m = counter(name);
      checkArgument(m != null, "unknown counter '%s' in '%s' (known: %s)", name, key,
          String.join(", ", names(counters(), Metric::counter)));
      return m;
    }
    Metric m = find(key);
    List<Metric> figures =
        Arrays.stream(values()).filter(x -> x.kind == Kind.FIGURE).toList();
    checkArgument(m != null && m.kind == Kind.FIGURE,
        "unknown metric '%s' (known: %s, %s.<counter>)", key,
        String.join(", ", names(figures, Metric::key)), PER_SECOND);
    return m;
  }

  private static List<String> names(List<Metric> ms, Function<Metric, String> name) {
    List<String> out = new ArrayList<>();
    for (Metric m : ms) out.add(name.apply(m));
    return out;
  }
}
