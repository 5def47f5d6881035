package io.bessim.experiment;

import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.KernelTracer;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes what the kernel did in a time window as ftrace text in {@code trace-cmd report} style,
 * with the tracepoint names and fields the rig's scripts count: {@code sched_switch},
 * {@code sched_wakeup}, {@code workqueue_queue_work}, {@code workqueue_execute_start/end},
 * {@code irq_handler_entry/exit}, {@code softirq_entry/exit}, {@code mmc_request_start/done},
 * {@code contention_begin/end}. One line per event:
 *
 * <pre>
 *   TASK-PID [CPU] SECONDS.MICROS: EVENT: FIELDS
 * </pre>
 *
 * <p>The task of an event an interrupt fires is the one running on that CPU (or
 * {@code <idle>-0}), derived like {@code sched_switch} from each CPU's running slices. A context's
 * pid is 100 plus its index; its comm is its name. Calls arrive out of time order (a context runs
 * ahead of the global clock), so events are kept and sorted when written: by time, then arrival.
 * Kept, an event and its line take a few hundred bytes of heap, so a writer holds at most
 * {@code maxEvents} (as {@link ChromeTraceSink} does): the one after throws
 * {@link ChromeTraceSink.TooManyEventsException}, which stops the run before the heap runs out.
 */
public final class FtraceWriter implements KernelTracer {
  private static final String IDLE = "<idle>";
  private static final int NET_RX_VEC = 3;

  private final long fromPs;
  private final long toPs;
  private final int maxEvents;
  private final List<Rec> recs = new ArrayList<>();

  /** One event; {@code ctx} null for one an interrupt fired, {@code kind} for scheduler marks. */
  private record Rec(long atPs, long seq, int kind, int cpu, Ctx ctx, String event,
      String fields) {}

  private static final int EVENT = 0;
  private static final int SWITCH_OUT = 1;
  private static final int SWITCH_IN = 2;

  public FtraceWriter(long fromPs, long toPs) {
    this(fromPs, toPs, ChromeTraceSink.DEFAULT_MAX_EVENTS);
  }

  /** A writer of the window that holds at most {@code maxEvents} events. */
  public FtraceWriter(long fromPs, long toPs, int maxEvents) {
    this.fromPs = fromPs;
    this.toPs = toPs;
    this.maxEvents = maxEvents;
  }

  private void add(long atPs, int kind, int cpu, Ctx ctx, String event, String fields) {
    if (atPs < fromPs || atPs > toPs) return;
    if (recs.size() == maxEvents) throw new ChromeTraceSink.TooManyEventsException(maxEvents, atPs);
    recs.add(new Rec(atPs, recs.size(), kind, cpu, ctx, event, fields));
  }

  public int size() {
    return recs.size();
  }

  @Override
  public void running(Ctx ctx, int cpu, long fromPs, long toPs) {
    add(fromPs, SWITCH_IN, cpu, ctx, null, null);
    add(toPs, SWITCH_OUT, cpu, ctx, null, null);
  }

  @Override
  public void hardIrq(int cpu, long startPs, long endPs, String what) {
    int colon = what.indexOf(':');
    String name = colon > 0 ? what.substring(0, colon) : "dw_mmc";
    // The SDIO card interrupt arrives through the host controller's line, like its completions.
    int irq = 45;
    add(startPs, EVENT, cpu, null, "irq_handler_entry", "irq=" + irq + " name=" + name
        + (what.startsWith("SDIO card") ? " (sdio card irq)" : ""));
    add(endPs, EVENT, cpu, null, "irq_handler_exit", "irq=" + irq + " ret=handled");
  }

  @Override
  public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {
    // Linux fires workqueue_queue_work only when the item was not pending already.
    if (!queued) return;
    add(atPs, EVENT, from != null ? from.cpuId() : cpu, from, "workqueue_queue_work",
        String.format(Locale.US, "work struct=%s function=%s workqueue=%s req_cpu=%d cpu=%d",
            address(w.name()), w.name(), w.workqueue(), cpu, w.worker().cpuId()));
  }

  @Override
  public void workStart(long atPs, WorkItem w) {
    add(atPs, EVENT, w.worker().cpuId(), w.worker(), "workqueue_execute_start",
        "work struct " + address(w.name()) + ": function " + w.name());
  }

  @Override
  public void workEnd(long atPs, WorkItem w) {
    add(atPs, EVENT, w.worker().cpuId(), w.worker(), "workqueue_execute_end",
        "work struct " + address(w.name()) + ": function " + w.name());
  }

  @Override
  public void wake(long atPs, Ctx woken, Ctx waker, int cpu) {
    add(atPs, EVENT, waker != null ? waker.cpuId() : cpu, waker, "sched_wakeup",
        String.format(Locale.US, "comm=%s pid=%d prio=120 target_cpu=%03d", comm(woken),
            pid(woken), woken.cpuId()));
  }

  @Override
  public void softirq(Ctx ctx, boolean entry, long atPs) {
    add(atPs, EVENT, ctx.cpuId(), ctx, entry ? "softirq_entry" : "softirq_exit",
        "vec=" + NET_RX_VEC + " [action=NET_RX]");
  }

  @Override
  public void tracepoint(long atPs, int cpu, Ctx ctx, String event, String fields) {
    add(atPs, EVENT, cpu, ctx, event, fields);
  }

  /** The text: events by time, scheduler switches merged into {@code sched_switch} lines. */
  public String render() {
    List<Rec> sorted = new ArrayList<>(recs);
    // At one instant: what the outgoing task (or an interrupt) did, its switch-out, the switch-in
    // of the next, then what the incoming task did.
    java.util.Set<List<Long>> switchIns = new java.util.HashSet<>();
    for (Rec r : recs) {
      if (r.kind() == SWITCH_IN) switchIns.add(List.of(r.atPs(), (long) r.ctx().id()));
    }
    sorted.sort(Comparator.comparingLong(Rec::atPs)
        .thenComparingInt(r -> r.kind() == SWITCH_OUT ? 1 : r.kind() == SWITCH_IN ? 2
            : r.ctx() != null && switchIns.contains(List.of(r.atPs(), (long) r.ctx().id()))
                ? 3 : 0)
        .thenComparingLong(Rec::seq));
    int cpus = 1;
    for (Rec r : recs) cpus = Math.max(cpus, r.cpu() + 1);
    Ctx[] current = new Ctx[cpus];
    Ctx[] leaving = new Ctx[cpus];
    long[] leavingPs = new long[cpus];
    StringBuilder b = new StringBuilder();
    b.append("# bessim ftrace text (trace-cmd report style); docs/traces.md\n");
    b.append("#           TASK-PID     CPU  TIMESTAMP  FUNCTION\n");
    for (Rec r : sorted) {
      int c = r.cpu();
      // A CPU left idle: its switch to <idle> is written before anything later on any CPU.
      for (int x = 0; x < cpus; x++) {
        boolean pairs = x == c && r.kind() == SWITCH_IN && r.atPs() == leavingPs[x];
        if (leaving[x] != null && !pairs && (x == c || leavingPs[x] < r.atPs())) {
          line(b, leaving[x], x, leavingPs[x], "sched_switch", switchFields(leaving[x], null));
          leaving[x] = null;
        }
      }
      switch (r.kind()) {
        case SWITCH_OUT -> {
          if (current[c] == r.ctx()) {
            current[c] = null;
            leaving[c] = r.ctx();
            leavingPs[c] = r.atPs();
          }
        }
        case SWITCH_IN -> {
          Ctx prev = leaving[c] != null ? leaving[c] : current[c];
          line(b, prev, c, r.atPs(), "sched_switch", switchFields(prev, r.ctx()));
          leaving[c] = null;
          current[c] = r.ctx();
        }
        default -> line(b, r.ctx() != null ? r.ctx() : current[c], c, r.atPs(), r.event(),
            r.fields());
      }
    }
    for (int c = 0; c < cpus; c++) {
      if (leaving[c] != null) {
        line(b, leaving[c], c, leavingPs[c], "sched_switch", switchFields(leaving[c], null));
      }
    }
    return b.toString();
  }

  private static String switchFields(Ctx prev, Ctx next) {
    // Switching to idle means the task slept (S); to another task, it was preempted (R).
    return String.format(Locale.US,
        "prev_comm=%s prev_pid=%d prev_prio=120 prev_state=%s ==> next_comm=%s next_pid=%d"
            + " next_prio=120",
        comm(prev), pid(prev), prev == null ? "R" : next == null ? "S" : "R+", comm(next),
        pid(next));
  }

  private static void line(StringBuilder b, Ctx task, int cpu, long atPs, String event,
      String fields) {
    long us = Math.floorDiv(atPs, Time.US);
    String who = comm(task) + "-" + pid(task);
    b.append(String.format(Locale.US, "%20s [%03d] %6d.%06d: %s: %s%n", who, cpu,
        us / 1_000_000, us % 1_000_000, event, fields));
  }

  private static String comm(Ctx c) {
    return c == null ? IDLE : c.name().replace(' ', '_');
  }

  private static int pid(Ctx c) {
    return c == null ? 0 : 100 + c.id();
  }

  /** A stable made-up kernel address for a work item (the rig's scripts match the function). */
  private static String address(String name) {
    return String.format(Locale.US, "0xffff%08x", name.hashCode());
  }
}
