package io.bessim.driver.race;

import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.race.RaceExplainRecorder.Access;
import io.bessim.driver.race.RaceExplainRecorder.Irq;
import io.bessim.driver.race.RaceExplainRecorder.OpRun;
import io.bessim.driver.race.RaceExplainRecorder.Queue;
import io.bessim.driver.race.RaceExplainRecorder.Slice;
import io.bessim.driver.race.RaceExplainRecorder.Warn;
import io.bessim.driver.race.RaceExplainRecorder.WorkStart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Perfetto trace of the window around the first lost update: one track per CPU (which context
 * ran, and its hard IRQs), one per context (each op as a slice), one per context for the watched
 * counter's read-modify-write windows with the racing pair named, and flow arrows from interrupt
 * to work item to delivery.
 */
public final class RaceExplainTrace {
  static final int PID_RMW = 1;
  static final int PID_CPUS = 2;
  static final int PID_CONTEXTS = 3;
  /** Name of the losing context's window; {@code (overwritten)} marks the other one. */
  static final String LOST = " (lost)";
  static final String OVERWRITTEN = " (overwritten)";

  private final RaceExplainRecorder r;
  private final Cell cell;
  private final long fromPs;
  private final long toPs;
  private final ChromeTrace t = new ChromeTrace();
  private final Map<Integer, String> cpuTracks = new TreeMap<>();
  private final Map<Integer, String> ctxTracks = new TreeMap<>();
  private final Map<Integer, String> rmwTracks = new TreeMap<>();
  private long flowIds;

  private RaceExplainTrace(RaceExplainRecorder r, Cell cell, long fromPs, long toPs) {
    this.r = r;
    this.cell = cell;
    this.fromPs = fromPs;
    this.toPs = toPs;
  }

  public static ChromeTrace build(RaceExplainRecorder r, Cell cell, long fromPs, long toPs) {
    RaceExplainTrace b = new RaceExplainTrace(r, cell, fromPs, toPs);
    b.cpus();
    Map<Ctx, List<OpRun>> byCtx = b.ops();
    b.rmwWindows();
    b.flows(byCtx);
    b.names();
    return b.t;
  }

  private static int ctxTid(Ctx c) {
    return 100 + c.id();
  }

  private long clipFrom(long ps) {
    return Math.max(ps, fromPs);
  }

  private long clipTo(long ps) {
    return Math.min(ps, toPs);
  }

  // ---------------------------------------------------------------- CPUs

  private void cpus() {
    for (Slice s : r.slices) {
      long a = clipFrom(s.fromPs());
      long b = clipTo(s.toPs());
      if (b <= a) continue;
      int tid = 2 * s.cpu();
      cpuTracks.put(tid, "CPU" + s.cpu());
      t.complete(PID_CPUS, tid, s.ctx().name(), "sched", a, b - a,
          Map.of("context", s.ctx().name()));
    }
    for (Irq q : r.irqs) {
      int tid = 2 * q.cpu() + 1;
      cpuTracks.put(tid, "CPU" + q.cpu() + " hard IRQs");
      t.complete(PID_CPUS, tid, q.what(), "irq", q.startPs(), q.endPs() - q.startPs(),
          Map.of("cpu", q.cpu()));
    }
  }

  // ---------------------------------------------------------------- contexts

  private Map<Ctx, List<OpRun>> ops() {
    Map<Ctx, List<OpRun>> byCtx = new LinkedHashMap<>();
    for (OpRun op : r.ops) byCtx.computeIfAbsent(op.ctx(), c -> new ArrayList<>()).add(op);
    Map<String, Access> accessAt = new HashMap<>();
    for (Access a : r.accesses) accessAt.put(a.ctx().id() + "@" + a.atPs() + "@" + a.cell(), a);
    for (Map.Entry<Ctx, List<OpRun>> e : byCtx.entrySet()) {
      List<OpRun> list = e.getValue();
      list.sort(Comparator.comparingLong(OpRun::startPs).thenComparingLong(OpRun::seq));
      int tid = ctxTid(e.getKey());
      ctxTracks.put(tid, e.getKey().name());
      for (int i = 0; i < list.size(); i++) {
        OpRun op = list.get(i);
        if (op.startPs() < fromPs || op.startPs() > toPs) continue;
        long end = op.endPs();
        String name = op.op().text();
        if (end < 0) {
          // Asleep in this op until the context's next op (or the end of the window).
          end = i + 1 < list.size() ? list.get(i + 1).startPs() : toPs;
          name += " (sleeps)";
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("routine", op.routine());
        args.put("cpu", op.cpu());
        if (op.op().isSharedMemory()) {
          Access a = accessAt.get(op.ctx().id() + "@" + op.startPs() + "@" + op.op().cell());
          if (a != null) {
            args.put("before", a.before());
            args.put("after", a.after());
            if (a.lost()) args.put("lost update", "yes");
          }
        }
        t.complete(PID_CONTEXTS, tid, name, op.routine(), op.startPs(),
            Math.min(end, toPs) - op.startPs(), args);
      }
    }
    for (Warn w : r.windowWarns) {
      t.instant(PID_CONTEXTS, ctxTid(w.ctx()), w.what() + " fired", "warn", w.atPs(),
          Map.of("cpu", w.cpu()));
    }
    return byCtx;
  }

  // ---------------------------------------------------------------- read-modify-write windows

  private void rmwWindows() {
    Access lost = r.firstLost();
    Access overwritten = null;
    Map<Ctx, Access> lastLoad = new HashMap<>();
    List<Access> mine = r.accesses.stream().filter(a -> a.cell() == cell).toList();
    // The other context's store between the losing load and the losing store.
    Access lostLoad = null;
    for (Access a : mine) {
      if (a.kind() == 'R') lastLoad.put(a.ctx(), a);
      if (a == lost) lostLoad = lastLoad.get(a.ctx());
    }
    for (Access a : mine) {
      if (lostLoad != null && a.seq() > lostLoad.seq() && a.seq() < lost.seq()
          && a.ctx() != lost.ctx() && (a.kind() == 'W' || a.kind() == 'A')) {
        overwritten = a;
      }
    }
    lastLoad.clear();
    for (Access a : mine) {
      int tid = ctxTid(a.ctx());
      rmwTracks.put(tid, a.ctx().name());
      if (a.kind() == 'R') {
        lastLoad.put(a.ctx(), a);
      } else if (a.kind() == 'W' && lastLoad.containsKey(a.ctx())) {
        Access load = lastLoad.remove(a.ctx());
        String name = "RMW " + cell.name();
        if (a.lost()) {
          name += LOST;
        } else if (a == overwritten) {
          name += OVERWRITTEN;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("routine", a.routine());
        args.put("loaded", load.before());
        args.put("stored", a.after());
        args.put("value overwritten", a.before());
        if (a.lost()) args.put("note", "this store was based on a stale load: an update is lost");
        if (a == overwritten) args.put("note", "this update is overwritten by the other context");
        // Load to store, as `race explain` and `race window` measure the window.
        t.complete(PID_RMW, tid, name, "rmw", load.atPs(), a.atPs() - load.atPs(), args);
      } else if (a.kind() == 'A') {
        t.complete(PID_RMW, tid, "atomic " + cell.name(), "rmw", a.atPs(), 1000,
            Map.of("before", a.before(), "after", a.after()));
      }
      t.instant(PID_RMW, tid, describe(a), "access", a.atPs(), Map.of("routine", a.routine(),
          "cpu", a.cpu()));
    }
    if (lost != null && lost.atPs() >= fromPs && lost.atPs() <= toPs) {
      t.instant(PID_RMW, ctxTid(lost.ctx()), "lost update of " + cell.name(), "race",
          lost.atPs(), Map.of("stored", lost.after(), "overwrote", lost.before()));
    }
  }

  private String describe(Access a) {
    switch (a.kind()) {
      case 'R':
      case 'r':
        return "read " + a.before();
      case 'W':
        return "write " + a.after() + (a.lost() ? " (lost update)" : "");
      default:
        return "atomic " + a.before() + " -> " + a.after();
    }
  }

  // ---------------------------------------------------------------- flows

  /** Interrupt -> work item, queue_work -> work item, work item -> delivery to mac80211. */
  private void flows(Map<Ctx, List<OpRun>> byCtx) {
    List<WorkStart> starts = new ArrayList<>(r.workStarts);
    starts.sort(Comparator.comparingLong(WorkStart::atPs).thenComparingLong(WorkStart::seq));
    Set<WorkStart> claimed = new HashSet<>();
    Set<OpRun> claimedRx = new HashSet<>();
    for (Queue q : r.queues) {
      if (!q.queued()) continue;
      int si = -1;
      for (int i = 0; i < starts.size(); i++) {
        WorkStart x = starts.get(i);
        if (x.work() == q.work() && x.atPs() >= q.atPs() && !claimed.contains(x)) {
          si = i;
          break;
        }
      }
      if (si < 0) continue;
      WorkStart s = starts.get(si);
      claimed.add(s);
      OpRun first = firstOpAtOrAfter(byCtx.get(q.work().worker()), s.atPs());
      if (first == null) continue;
      long id = ++flowIds;
      String name = "queue_work(" + q.work().name() + ")";
      if (q.from() == null) {
        // Queued by the interrupt's action, which runs as the IRQ ends: bind inside the IRQ.
        t.flowStart(PID_CPUS, 2 * q.cpu() + 1, name, id, q.atPs() - 1);
      } else {
        OpRun call = null;
        for (OpRun op : byCtx.getOrDefault(q.from(), List.of())) {
          if (op.startPs() == q.atPs() && op.op().text().startsWith("queue_work")) call = op;
        }
        t.flowStart(PID_CONTEXTS, ctxTid(q.from()), name, id, call == null ? q.atPs()
            : inside(call));
      }
      t.flowEnd(PID_CONTEXTS, ctxTid(q.work().worker()), name, id, inside(first));
      long until = toPs;
      for (int i = si + 1; i < starts.size(); i++) {
        if (starts.get(i).work() == q.work()) {
          until = starts.get(i).atPs();
          break;
        }
      }
      deliveries(byCtx, q.work().worker(), first, until, claimedRx);
    }
  }

  /**
   * Flows from a work execution's first op to the mac80211 receive (NET_RX) of each frame it
   * hands up ({@code ieee80211_rx_irqsafe}) before {@code untilPs}.
   */
  private void deliveries(Map<Ctx, List<OpRun>> byCtx, Ctx worker, OpRun first, long untilPs,
      Set<OpRun> claimedRx) {
    for (OpRun op : byCtx.get(worker)) {
      if (op.startPs() < first.startPs() || op.startPs() >= untilPs) continue;
      if (!op.op().text().equals("ieee80211_rx_irqsafe")) continue;
      OpRun rx = firstMac80211(byCtx, op, claimedRx);
      if (rx == null) continue;
      claimedRx.add(rx);
      long id = ++flowIds;
      t.flowStart(PID_CONTEXTS, ctxTid(worker), "deliver to mac80211", id, inside(first));
      t.flowEnd(PID_CONTEXTS, ctxTid(rx.ctx()), "deliver to mac80211", id, inside(rx));
    }
  }

  /** The mac80211 receive (NET_RX softirq, same CPU) that handled the frame {@code op} raised. */
  private static OpRun firstMac80211(Map<Ctx, List<OpRun>> byCtx, OpRun op, Set<OpRun> claimed) {
    OpRun best = null;
    for (List<OpRun> list : byCtx.values()) {
      for (OpRun x : list) {
        if (x.cpu() == op.cpu() && x.routine().equals("ieee80211_rx")
            && x.op().text().equals("ieee80211_rx") && x.startPs() >= op.startPs()
            && !claimed.contains(x) && (best == null || x.startPs() < best.startPs())) {
          best = x;
        }
      }
    }
    return best;
  }

  /**
   * A time strictly inside {@code op}'s slice, so a flow binds to it and not to a neighbour that
   * ends or starts at the same picosecond.
   */
  private static long inside(OpRun op) {
    if (op.endPs() < 0) return op.startPs() + 1;
    return op.startPs() + (op.endPs() - op.startPs()) / 2;
  }

  private static OpRun firstOpAtOrAfter(List<OpRun> list, long atPs) {
    if (list == null) return null;
    for (OpRun op : list) {
      if (op.startPs() >= atPs) return op;
    }
    return null;
  }

  // ---------------------------------------------------------------- names

  private void names() {
    t.processName(PID_RMW, cell.name() + " read-modify-write windows", 0);
    t.processName(PID_CPUS, "CPUs", 1);
    t.processName(PID_CONTEXTS, "contexts (one slice per op)", 2);
    rmwTracks.forEach((tid, name) -> t.threadName(PID_RMW, tid, name, tid));
    cpuTracks.forEach((tid, name) -> t.threadName(PID_CPUS, tid, name, tid));
    ctxTracks.forEach((tid, name) -> t.threadName(PID_CONTEXTS, tid, name, tid));
  }
}
