package io.bessim.driver.kernel;

import io.bessim.sim.TraceSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Forwards what the kernel does inside a time window to a {@link TraceSink}: one track per CPU
 * (which context ran, and the hard IRQs inside it), one per context (each op it executed, named as
 * in the routine; a softirq's ops on a track per CPU), a {@code mac80211} track with each frame
 * handed up, counter tracks for probed values (shared driver cells, queue depths, the chip's RX
 * pool, TCP's window), and flow arrows along the receive chain: IRQ -> queue_work -> work ->
 * wake-up -> bh -> mac80211. Ops outside the window are dropped, so a long run can be traced
 * around the moment of interest.
 *
 * <p>Slices nest by construction: a CPU runs one context at a time and the scheduler starts none
 * inside a hard IRQ, so a CPU track holds context slices with IRQs inside them; a context's ops
 * follow one another. A flow is drawn only once both its ends are known and in the window.
 */
public final class TraceSinkTracer implements KernelTracer {
  static final String MAC80211 = "mac80211";

  private final TraceSink sink;
  private final long fromPs;
  private final long toPs;
  private long flowIds;
  /** Where the pending flow into each work item or woken context started: track, ps. */
  private final Map<Object, Object[]> pendingFlows = new HashMap<>();
  private final List<Probe> probes = new ArrayList<>();
  private LongSupplier clock;

  private static final class Probe {
    final String name;
    final LongSupplier value;
    long last = Long.MIN_VALUE;

    Probe(String name, LongSupplier value) {
      this.name = name;
      this.value = value;
    }
  }

  public TraceSinkTracer(TraceSink sink, long fromPs, long toPs) {
    this.sink = sink;
    this.fromPs = fromPs;
    this.toPs = toPs;
  }

  /**
   * Draws {@code value} as the counter {@code name}, sampled at the simulated time
   * {@code clock} reads whenever the kernel reports anything, written when it changed.
   */
  public void probe(String name, LongSupplier value, LongSupplier clock) {
    probes.add(new Probe(name, value));
    this.clock = clock;
  }

  private void sample() {
    if (clock == null) return;
    long now = clock.getAsLong();
    if (!inWindow(now, now)) return;
    for (Probe p : probes) {
      long v = p.value.getAsLong();
      if (v != p.last) {
        p.last = v;
        sink.counter("counters", p.name, now, v);
      }
    }
  }

  private boolean inWindow(long startPs, long endPs) {
    return endPs >= fromPs && startPs <= toPs;
  }

  private static String cpuTrack(int cpu) {
    return "CPU" + cpu;
  }

  /** The track of {@code ctx}'s ops: its own, or its CPU's softirq track while in one. */
  private static String opTrack(Ctx ctx) {
    return ctx.inSoftirq() ? "softirq(NET_RX)/" + ctx.cpuId() : ctx.name();
  }

  /** Starts a flow at {@code atPs} on {@code track}, ending wherever {@code to} next runs. */
  private void flowFrom(Object to, String track, long atPs) {
    if (inWindow(atPs, atPs)) pendingFlows.put(to, new Object[] {track, atPs});
  }

  /** Ends the flow into {@code to}, if one is pending, at {@code atPs} on {@code track}. */
  private void flowTo(Object to, String name, String track, long atPs) {
    Object[] from = pendingFlows.remove(to);
    if (from == null || !inWindow(atPs, atPs)) return;
    long id = ++flowIds;
    sink.flow((String) from[0], name, (Long) from[1], id, true);
    sink.flow(track, name, atPs, id, false);
  }

  @Override
  public void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {
    long end = endPs < 0 ? startPs : endPs;
    if (!inWindow(startPs, end)) return;
    String name = routine.name() + ": " + op.text();
    String track = opTrack(ctx);
    if (endPs < 0) {
      sink.instant(track, name + " (sleeps)", startPs);
    } else {
      sink.complete(track, name, startPs, endPs - startPs);
    }
    flowTo(ctx, "wake-up", track, startPs);
    if (op.text().startsWith("ieee80211_rx") && endPs >= 0) {
      // The frame goes up to mac80211: drawn on its own track, an arrow from the driver to it.
      sink.complete(MAC80211, op.text(), startPs, endPs - startPs);
      long id = ++flowIds;
      sink.flow(track, "to mac80211", startPs, id, true);
      sink.flow(MAC80211, "to mac80211", startPs, id, false);
    }
  }

  @Override
  public void running(Ctx ctx, int cpu, long fromPs, long toPs) {
    if (inWindow(fromPs, toPs)) sink.complete(cpuTrack(cpu), ctx.name(), fromPs, toPs - fromPs);
    sample();
  }

  @Override
  public void hardIrq(int cpu, long startPs, long endPs, String what) {
    if (inWindow(startPs, endPs)) {
      sink.complete(cpuTrack(cpu), "hardirq: " + what, startPs, endPs - startPs);
    }
    sample();
  }

  @Override
  public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {
    sample();
    if (!inWindow(atPs, atPs)) return;
    // From an IRQ handler the call is at the IRQ's last picosecond: inside its slice.
    String track = from != null ? opTrack(from) : cpuTrack(cpu);
    long at = from != null ? atPs : atPs - 1;
    sink.instant(track, "queue_work(" + w.name() + ")" + (queued ? "" : " (already pending)"),
        at);
    if (queued) flowFrom(w, track, at);
  }

  /**
   * dw_mmc's BH work runs inside its completion IRQ's time, with no context of its own: its
   * {@code workqueue_execute_start} is an instant on the CPU track, at the IRQ's last picosecond
   * (inside its slice), so the trace counts every work execution the JSON's rate counts.
   */
  @Override
  public void tracepoint(long atPs, int cpu, Ctx ctx, String event, String fields) {
    if (ctx != null || !event.equals("workqueue_execute_start")) return;
    long at = atPs - 1;
    if (!inWindow(at, at)) return;
    int f = fields.indexOf("function ");
    sink.instant(cpuTrack(cpu), event + (f < 0 ? "" : ": " + fields.substring(f + 9)), at);
  }

  @Override
  public void workStart(long atPs, WorkItem w) {
    if (inWindow(atPs, atPs)) sink.instant(w.worker().name(), "workqueue_execute_start", atPs);
    flowTo(w, "queue_work", w.worker().name(), atPs);
    // The work's first op ends the flow from this work item's queue_work, not from a wake-up.
    pendingFlows.remove(w.worker());
  }

  @Override
  public void wake(long atPs, Ctx woken, Ctx waker, int cpu) {
    sample();
    if (woken.work != null) return;
    flowFrom(woken, waker != null ? opTrack(waker) : cpuTrack(cpu),
        waker != null ? atPs : atPs - 1);
  }
}
