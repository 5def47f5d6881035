package io.bessim.driver.kernel;

import io.bessim.sim.TraceSink;

/**
 * Forwards what the kernel does inside a time window to a {@link TraceSink}: one track per CPU
 * (which context ran, hard IRQs) and one per context (each op it executed, named as in the
 * routine), plus queue_work and work-start instants. Ops outside the window are dropped, so a
 * long run can be traced around the moment of interest.
 */
public final class TraceSinkTracer implements KernelTracer {
  private final TraceSink sink;
  private final long fromPs;
  private final long toPs;

  public TraceSinkTracer(TraceSink sink, long fromPs, long toPs) {
    this.sink = sink;
    this.fromPs = fromPs;
    this.toPs = toPs;
  }

  private boolean inWindow(long startPs, long endPs) {
    return endPs >= fromPs && startPs <= toPs;
  }

  private static String cpuTrack(int cpu) {
    return "CPU" + cpu;
  }

  @Override
  public void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {
    long end = endPs < 0 ? startPs : endPs;
    if (!inWindow(startPs, end)) return;
    String name = routine.name() + ": " + op.text();
    if (endPs < 0) {
      sink.instant(ctx.contextLabel(), name + " (sleeps)", startPs);
    } else {
      sink.complete(ctx.contextLabel(), name, startPs, endPs - startPs);
    }
  }

  @Override
  public void running(Ctx ctx, int cpu, long fromPs, long toPs) {
    if (inWindow(fromPs, toPs)) sink.complete(cpuTrack(cpu), ctx.name(), fromPs, toPs - fromPs);
  }

  @Override
  public void hardIrq(int cpu, long startPs, long endPs, String what) {
    if (inWindow(startPs, endPs)) {
      sink.complete(cpuTrack(cpu), "hardirq: " + what, startPs, endPs - startPs);
    }
  }

  @Override
  public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {
    if (!inWindow(atPs, atPs)) return;
    String track = from != null ? from.contextLabel() : cpuTrack(cpu);
    sink.instant(track, "queue_work(" + w.name() + ")" + (queued ? "" : " (already pending)"),
        atPs);
  }

  @Override
  public void workStart(long atPs, WorkItem w) {
    if (inWindow(atPs, atPs)) sink.instant(w.worker().name(), "workqueue_execute_start", atPs);
  }
}
