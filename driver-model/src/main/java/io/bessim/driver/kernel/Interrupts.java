package io.bessim.driver.kernel;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;

/**
 * Hard IRQs and softirqs. A hard IRQ occupies its CPU for its duration and fires its action at the
 * end; it delays the context it interrupts by that duration, unless the context holds an irqsave
 * lock, in which case it is held back until the irqrestore. A softirq raised from a context runs on
 * that CPU at the next {@code local_bh_enable} there, or in ksoftirqd when the raiser sleeps first
 * ([SIRQ] in driver-topology.md); a timer softirq runs in ksoftirqd.
 */
final class Interrupts {
  private final Simulator sim;
  private final KernelCosts costs;
  private final Scheduler sched;
  KernelTracer tracer;

  Interrupts(Simulator sim, KernelCosts costs, Scheduler sched) {
    this.sim = sim;
    this.costs = costs;
    this.sched = sched;
  }

  /** A hard IRQ named {@code what} on {@code cpu}; see {@link Kernel#hardIrq}. */
  void hardIrq(int cpu, long atPs, long durationPs, EventHandler action, int arg, String what) {
    Cpu c = sched.cpus[cpu];
    Ctx cur = c.current;
    if (cur != null && cur.irqOff > 0) {
      c.deferredIrqs.add(new Cpu.DeferredIrq(durationPs, action, arg, what));
      return;
    }
    long start = Math.max(atPs, c.irqBusyUntilPs);
    long end = start + durationPs;
    c.irqStartPs = start;
    c.irqBusyUntilPs = end;
    c.irqs++;
    if (tracer != null) tracer.hardIrq(cpu, start, end, what);
    if (cur != null && cur.state == Ctx.State.RUNNING) {
      cur.tPs += durationPs;
      if (start < cur.sliceStartPs) {
        // Arrived before the context began (in its wake-up latency): the IRQ runs first and its
        // time is the CPU's, so the context's slice starts after it and the two do not overlap.
        cur.sliceStartPs += durationPs;
        c.busyPs += durationPs;
      }
      sched.reschedule(cur);
    } else {
      c.busyPs += durationPs;
    }
    sim.scheduleAt(end, action, arg);
  }

  /** Delivers the IRQs an irqsave lock held off on {@code cpu}, now that it is released. */
  void deliverDeferred(Cpu cpu, long atPs) {
    Cpu.DeferredIrq d;
    while ((d = cpu.deferredIrqs.poll()) != null) {
      long start = Math.max(atPs, cpu.irqBusyUntilPs);
      cpu.irqStartPs = start;
      cpu.irqBusyUntilPs = start + d.durationPs();
      cpu.irqs++;
      if (tracer != null) {
        tracer.hardIrq(cpu.id, start, start + d.durationPs(), d.what() + " (deferred)");
      }
      Ctx cur = cpu.current;
      if (cur != null) cur.tPs += d.durationPs();
      sim.scheduleAt(start + d.durationPs(), d.action(), d.arg());
    }
  }

  /** Raises a softirq on {@code ctx}'s CPU that will run {@code handler} with {@code obj}. */
  void raiseSoftirq(Ctx ctx, Routine handler, Object obj) {
    Cpu cpu = ctx.cpu;
    cpu.softirqRoutines.add(handler);
    cpu.softirqPending.add(obj == null ? Boolean.FALSE : obj);
  }

  /** A timer softirq at {@code atPs}: runs {@code handler} with {@code obj} in ksoftirqd. */
  void timerSoftirq(int cpu, Routine handler, Object obj, long atPs) {
    Cpu c = sched.cpus[cpu];
    c.softirqRoutines.add(handler);
    c.softirqPending.add(obj == null ? Boolean.FALSE : obj);
    sched.wake(c.ksoftirqd, atPs, costs.wakeSameCpuPs());
  }

  long irqs() {
    long n = 0;
    for (Cpu c : sched.cpus) n += c.irqs;
    return n;
  }
}
