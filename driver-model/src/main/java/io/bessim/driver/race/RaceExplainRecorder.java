package io.bessim.driver.race;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.driver.kernel.AccessLog;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.KernelTracer;
import io.bessim.driver.kernel.Op;
import io.bessim.driver.kernel.Routine;
import io.bessim.driver.kernel.WorkItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Listens to one simulation for {@code race explain}: every shared access (to count lost updates
 * and keep a lost-update-free shadow of the watched counter), every WARN, and, inside a time
 * window, every op, CPU slice, hard IRQ and queue_work, for the step-by-step story and the trace.
 */
public final class RaceExplainRecorder implements AccessLog, KernelTracer, Kernel.WarnListener {
  /** One shared-memory access. {@code kind} is 'R', 'W', 'A' or 'r' as in {@link AccessLog}. */
  public record Access(long atPs, long seq, Cell cell, Ctx ctx, int cpu, String routine, char kind,
      long before, long after, boolean lost) {}

  /** One op a context executed; {@code endPs} is -1 when it put the context to sleep. */
  record OpRun(long startPs, long endPs, long seq, Ctx ctx, int cpu, String routine, Op op) {}

  /** A context on a CPU. */
  record Slice(Ctx ctx, int cpu, long fromPs, long toPs) {}

  /** A hard IRQ on a CPU. */
  record Irq(int cpu, long startPs, long endPs, String what) {}

  /**
   * A queue_work; {@code from} is null when an interrupt handler queued it, and then {@code irq}
   * is that interrupt; {@code during} is the execution of {@code from} that called it, if any.
   */
  record Queue(long atPs, long seq, WorkItem work, Ctx from, int cpu, boolean queued,
      WorkStart during, Irq irq) {}

  /**
   * The start of a work item's execution, the queue_work that made it pending, and how many
   * executions back that chain of queue_work calls reaches (kept short so history is freed).
   */
  record WorkStart(long atPs, long seq, WorkItem work, int cpu, Queue startedBy, int depth) {}

  private static final int MAX_CHAIN = 6;

  /** A WARN that fired. */
  record Warn(long atPs, Ctx ctx, int cpu, String what) {}

  private final Cell watched;
  private final Bes2600Firmware chip;
  private final List<WorkItem> workItems;
  private final Map<Ctx, List<Link>> chainsAtFirstLost = new HashMap<>();
  private long seq;

  // Whole run.
  private final Map<Cell, Long> lostByCell = new LinkedHashMap<>();
  private final Map<Cell, Long> firstLostByCell = new LinkedHashMap<>();
  private Map<Cell, Long> lostBeforeFirst = Map.of();
  private final Map<Integer, Long> lastLoad = new HashMap<>();
  private long shadow;
  private Access firstLost;
  private long lostWatched;
  private final Map<String, Long> warnsByText = new LinkedHashMap<>();
  private Warn firstWarn;
  private long warns;
  private long hostAtWedge = Long.MIN_VALUE;
  private long shadowAtWedge;
  private long wedgeNoticedPs = -1;
  private long shadowAtFirstLost;
  private Ctx lastWriter;
  private Ctx overwritten;
  private final Set<Ctx> writers = new LinkedHashSet<>();
  private Runnable onFirstLost = () -> {};

  // Whole run: what made each work item's current execution start (for the trigger chain).
  private final Map<WorkItem, Queue> pendingBy = new HashMap<>();
  private final Map<WorkItem, WorkStart> currentStart = new HashMap<>();
  private final Map<Integer, ArrayDeque<Irq>> recentIrqs = new HashMap<>();

  // Inside the window only.
  private long fromPs = Long.MAX_VALUE;
  private long toPs = Long.MIN_VALUE;
  final List<Access> accesses = new ArrayList<>();
  final List<OpRun> ops = new ArrayList<>();
  final List<Slice> slices = new ArrayList<>();
  final List<Irq> irqs = new ArrayList<>();
  final List<Queue> queues = new ArrayList<>();
  final List<WorkStart> workStarts = new ArrayList<>();
  final List<Warn> windowWarns = new ArrayList<>();

  public RaceExplainRecorder(Cell watched, Bes2600Firmware chip, List<WorkItem> workItems) {
    this.watched = watched;
    this.chip = chip;
    this.workItems = workItems;
    this.shadow = watched.peek();
  }

  /** Records details (ops, slices, IRQs, accesses) for what happens in {@code [from, to]}. */
  public void window(long from, long to) {
    this.fromPs = from;
    this.toPs = to;
  }

  /** Runs {@code r} once, at the first lost update of the watched cell. */
  public void onFirstLost(Runnable r) {
    this.onFirstLost = r;
  }

  private boolean inWindow(long from, long to) {
    return to >= fromPs && from <= toPs;
  }

  // ---------------------------------------------------------------- AccessLog

  @Override
  public void access(long atPs, Cell cell, Ctx ctx, String routine, char kind, long valueBefore,
      long valueAfter, long lockMask, boolean lost) {
    if (lost) {
      lostByCell.merge(cell, 1L, Long::sum);
      firstLostByCell.putIfAbsent(cell, atPs);
    }
    if (wedgeNoticedPs < 0 && chip.isWedged()) {
      wedgeNoticedPs = atPs;
      // The counter before this access (a store has already changed the cell).
      hostAtWedge = cell == watched ? valueBefore : watched.peek();
      shadowAtWedge = shadow;
    }
    Access a = null;
    if (cell == watched || inWindow(atPs, atPs)) {
      a = new Access(atPs, seq++, cell, ctx, ctx.cpuId(), routine, kind, valueBefore, valueAfter,
          lost);
    }
    if (cell == watched) {
      switch (kind) {
        case 'R':
          lastLoad.put(ctx.id(), valueBefore);
          break;
        case 'W': {
          Long loaded = lastLoad.remove(ctx.id());
          // What the store meant to add, applied to the lost-update-free count.
          shadow = loaded == null ? valueAfter : shadow + (valueAfter - loaded);
          break;
        }
        case 'A':
          shadow += valueAfter - valueBefore;
          break;
        default:
          break;
      }
      if (lost) {
        lostWatched++;
        if (firstLost == null) {
          overwritten = lastWriter;
          lostBeforeFirst = new LinkedHashMap<>(lostByCell);
          lostBeforeFirst.remove(watched);
          firstLost = a;
          shadowAtFirstLost = shadow;
          for (WorkItem w : workItems) chainsAtFirstLost.put(w.worker(), triggerChain(w.worker()));
          onFirstLost.run();
        }
      }
      if (kind == 'W' || kind == 'A') {
        writers.add(ctx);
        lastWriter = ctx;
      }
    }
    if (a != null && inWindow(atPs, atPs)) accesses.add(a);
  }

  // ---------------------------------------------------------------- WarnListener

  @Override
  public void warn(long atPs, Ctx ctx, String what) {
    warns++;
    warnsByText.merge(what, 1L, Long::sum);
    Warn w = new Warn(atPs, ctx, ctx.cpuId(), what);
    if (firstWarn == null) firstWarn = w;
    if (inWindow(atPs, atPs)) windowWarns.add(w);
  }

  // ---------------------------------------------------------------- KernelTracer

  @Override
  public void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {
    if (inWindow(startPs, endPs < 0 ? startPs : endPs)) {
      ops.add(new OpRun(startPs, endPs, seq++, ctx, ctx.cpuId(), routine.name(), op));
    }
  }

  @Override
  public void running(Ctx ctx, int cpu, long from, long to) {
    if (to > from && inWindow(from, to)) slices.add(new Slice(ctx, cpu, from, to));
  }

  @Override
  public void hardIrq(int cpu, long startPs, long endPs, String what) {
    Irq q = new Irq(cpu, startPs, endPs, what);
    ArrayDeque<Irq> recent = recentIrqs.computeIfAbsent(cpu, c -> new ArrayDeque<>());
    recent.addLast(q);
    if (recent.size() > 8) recent.removeFirst();
    if (inWindow(startPs, endPs)) irqs.add(q);
  }

  @Override
  public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {
    Irq irq = null;
    if (from == null) {
      // Queued by an interrupt's action, which runs as that IRQ ends.
      for (Irq i : recentIrqs.getOrDefault(cpu, new ArrayDeque<>())) {
        if (i.endPs() == atPs) irq = i;
      }
    }
    WorkStart during = null;
    if (from != null) {
      for (WorkItem x : workItems) {
        if (x.worker() == from) during = currentStart.get(x);
      }
      if (during != null && during.depth() >= MAX_CHAIN) during = null;
    }
    Queue q = new Queue(atPs, seq++, w, from, cpu, queued, during, irq);
    if (queued) pendingBy.put(w, q);
    if (inWindow(atPs, atPs)) queues.add(q);
  }

  @Override
  public void workStart(long atPs, WorkItem w) {
    Queue by = pendingBy.remove(w);
    int depth = by == null || by.during() == null ? 0 : by.during().depth() + 1;
    WorkStart s = new WorkStart(atPs, seq++, w, w.worker().cpuId(), by, depth);
    currentStart.put(w, s);
    if (inWindow(atPs, atPs)) workStarts.add(s);
  }

  /** One link of a trigger chain: what happened, where, when. */
  public record Link(long atPs, int cpu, String what) {}

  /**
   * How {@code ctx}'s current work execution came about, earliest first: the IRQ, the
   * queue_work calls and the executions they started. Empty for a context that is not a worker.
   */
  private List<Link> triggerChain(Ctx ctx) {
    List<Link> out = new ArrayList<>();
    WorkStart s = null;
    for (WorkItem x : workItems) {
      if (x.worker() == ctx) s = currentStart.get(x);
    }
    for (int depth = 0; depth < MAX_CHAIN && s != null; depth++) {
      String current = depth == 0 ? " (the execution that races)" : "";
      out.add(0, new Link(s.atPs(), s.cpu(), s.work().name() + " starts" + current));
      Queue q = s.startedBy();
      if (q == null) break;
      String from = q.from() == null ? "the IRQ" : q.from().name();
      out.add(0, new Link(q.atPs(), q.cpu(), "queue_work(" + q.work().name() + ") from " + from));
      if (q.irq() != null) {
        out.add(0, new Link(q.irq().startPs(), q.irq().cpu(), "hard IRQ: " + q.irq().what()));
      }
      s = q.during();
    }
    return out;
  }

  // ---------------------------------------------------------------- results

  public Access firstLost() {
    return firstLost;
  }

  public long lostWatched() {
    return lostWatched;
  }

  Map<Cell, Long> lostByCell() {
    return lostByCell;
  }

  /** When each cell first lost an update. */
  Map<Cell, Long> firstLostByCell() {
    return firstLostByCell;
  }

  /** Lost updates of the other cells before the watched one first lost one. */
  Map<Cell, Long> lostBeforeFirst() {
    return lostBeforeFirst;
  }

  /** The watched counter as it would be had no update been lost. */
  public long shadow() {
    return shadow;
  }

  Warn firstWarn() {
    return firstWarn;
  }

  public long warns() {
    return warns;
  }

  Map<String, Long> warnsByText() {
    return warnsByText;
  }

  /** The host's counter at the first access after the chip wedged (MIN_VALUE if it did not). */
  long hostAtWedge() {
    return hostAtWedge;
  }

  long shadowAtWedge() {
    return shadowAtWedge;
  }

  /** The lost-update-free count right after the first lost update. */
  long shadowAtFirstLost() {
    return shadowAtFirstLost;
  }

  /**
   * How a worker context's execution at the first lost update came about (IRQ, queue_work,
   * start), earliest first; empty for a thread.
   */
  public List<Link> chainAtFirstLost(Ctx ctx) {
    return chainsAtFirstLost.getOrDefault(ctx, List.of());
  }

  /** The context whose update the first lost update overwrote. */
  public Ctx lastOverwritten() {
    return overwritten;
  }

  /** The contexts that wrote the watched cell, in order of their first write. */
  public Set<Ctx> writersOfWatched() {
    return writers;
  }
}
