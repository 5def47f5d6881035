package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkState;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Which context runs on each CPU, and when. Each CPU runs one context at a time and keeps a FIFO
 * run queue. A woken context starts after a wake-up latency if its CPU is idle; on a busy CPU it
 * waits in the run queue. On a preemptive kernel ({@code sched.preempt}: CONFIG_PREEMPT with CFS
 * wake-up preemption, the default) it instead preempts the running context at once if that one
 * holds no spinlock, has interrupts and bottom halves on and is not in a softirq; and a context
 * woken by the running one on its own CPU takes the CPU at the waker's next preemption point
 * (need_resched). A preempted context goes back to the head of the run queue.
 *
 * <p>A running context is continued by one resume event at its local time; rescheduling bumps a
 * token packed into the event so that an outdated resume is ignored. CPU time is charged per slice.
 *
 * <p>Slices are accounted as the CPU's stack of contexts has them: a hard IRQ belongs to the
 * slice it interrupted, so a switch that falls inside an IRQ takes effect on the CPU when the IRQ
 * returns (the outgoing slice ends there, the incoming one starts there), and a slice never
 * starts inside an IRQ nor ends before it began. The trace draws these slices, so its IRQs nest
 * inside contexts by construction (issue 9). The ops' own times are not moved: this is
 * accounting, not timing.
 */
final class Scheduler {
  private static final int ID_BITS = 10;
  private static final int ID_MASK = (1 << ID_BITS) - 1;
  private static final int TOKEN_MASK = (1 << (31 - ID_BITS)) - 1;

  final Simulator sim;
  private final KernelCosts costs;
  final Cpu[] cpus;
  final List<Ctx> contexts = new ArrayList<>();
  private final EventHandler resume = this::onResume;
  private final EventHandler sleepDone = this::onSleepDone;
  private final EventHandler threadStart = this::onThreadStart;
  /** Runs a resumed context's ops; set once when the kernel is built. */
  Interpreter interpreter;
  KernelTracer tracer;
  /** The context whose ops are executing now, or null (an event outside any context). */
  Ctx executing;
  private boolean preemptive;
  /** The lock-mask bits that are spinlocks (held ones forbid preemption; mutexes do not). */
  private long spinLockMask;
  private long preemptions;

  Scheduler(Simulator sim, KernelCosts costs, int cpuCount) {
    this.sim = sim;
    this.costs = costs;
    this.cpus = new Cpu[cpuCount];
    for (int i = 0; i < cpuCount; i++) {
      cpus[i] = new Cpu(i);
    }
  }

  Ctx newCtx(String name, Ctx.Kind kind, Cpu cpu) {
    checkState(contexts.size() < ID_MASK, "too many contexts");
    Ctx c = new Ctx(contexts.size(), name, kind, cpu);
    contexts.add(c);
    return c;
  }

  void setPreemptive(boolean on) {
    this.preemptive = on;
  }

  void addSpinLock(SpinLock l) {
    spinLockMask |= 1L << l.id;
  }

  long preemptions() {
    return preemptions;
  }

  /** Makes the blocked context {@code c} runnable at {@code atPs}, not before. */
  void startAt(Ctx c, long atPs) {
    c.state = Ctx.State.BLOCKED;
    // Wake it at atPs, not now: waking now would claim the CPU (or a run-queue slot) before the
    // thread exists.
    if (atPs > sim.nowPs()) {
      sim.scheduleAt(atPs, threadStart, c.id);
    } else {
      wake(c, atPs, 0);
    }
  }

  private void onThreadStart(long nowPs, int id) {
    wake(contexts.get(id), nowPs, 0);
  }

  /** Wakes a sleeping context; returns false if it was not asleep. */
  boolean wake(Ctx c, long atPs, long latencyPs) {
    if (c.state != Ctx.State.BLOCKED && c.state != Ctx.State.IDLE) return false;
    if (tracer != null) tracer.wake(atPs, c, executing, c.cpu.id);
    Cpu cpu = c.cpu;
    if (cpu.current == null) {
      cpu.current = c;
      c.state = Ctx.State.RUNNING;
      c.tPs = atPs + latencyPs;
      c.sliceStartPs = Math.max(c.tPs, cpu.irqBusyUntilPs);
      reschedule(c);
    } else if (preemptive && cpu.current == executing) {
      // Woken by the running context on its own CPU: it is preempted at its next preemption
      // point (need_resched), not in the middle of the op that woke.
      c.state = Ctx.State.RUNNABLE;
      cpu.runqueue.addFirst(c);
      cpu.needResched = true;
    } else if (preemptive && preemptible(cpu.current, c)) {
      preempt(cpu, c, atPs, latencyPs);
    } else {
      c.state = Ctx.State.RUNNABLE;
      cpu.runqueue.add(c);
    }
    return true;
  }

  /** Wake-up latency from a context on {@code fromCpu} to {@code c}. */
  long wakeLatency(int fromCpu, Ctx c) {
    return fromCpu == c.cpu.id ? costs.wakeSameCpuPs() : costs.wakeCrossCpuPs();
  }

  /**
   * CFS wake-up preemption on a preemptible kernel: a thread woken after sleeping is placed with a
   * sleeper credit and preempts the running one at once, unless that one cannot be preempted
   * (spinlock held, interrupts or bottom halves off, in a softirq).
   */
  boolean preemptible(Ctx cur, Ctx woken) {
    return cur.state == Ctx.State.RUNNING && cur != woken && cur.irqOff == 0 && cur.bhOff == 0
        && cur.softirqDepth == 0 && (cur.lockMask & spinLockMask) == 0;
  }

  /**
   * The running context at a preemption point: if a context it woke on its CPU is waiting
   * (need_resched), gives it the CPU and returns true.
   */
  boolean preemptionPoint(Ctx c, long t) {
    Cpu cpu = c.cpu;
    if (!cpu.needResched || !preemptible(c, null)) return false;
    cpu.needResched = false;
    yieldCpu(c, t);
    return true;
  }

  /** The running context gives its CPU to the head of the run queue and waits behind it. */
  private void yieldCpu(Ctx c, long t) {
    Ctx next = c.cpu.runqueue.poll();
    if (next == null) {
      reschedule(c);
      return;
    }
    c.remainingPs = 0;
    putBack(c, t);
    run(c.cpu, next, t, costs.contextSwitchPs() + next.remainingPs);
    next.remainingPs = 0;
  }

  private void preempt(Cpu cpu, Ctx woken, long atPs, long latencyPs) {
    Ctx cur = cpu.current;
    cur.remainingPs = Math.max(0, cur.tPs - atPs);
    cur.token = (cur.token + 1) & TOKEN_MASK;
    putBack(cur, atPs);
    run(cpu, woken, atPs, latencyPs);
  }

  /** A preempted context goes back to the head of its run queue; its slice so far is charged. */
  private void putBack(Ctx c, long t) {
    charge(c, t);
    c.state = Ctx.State.RUNNABLE;
    c.preemptions++;
    preemptions++;
    c.cpu.runqueue.addFirst(c);
  }

  /**
   * Charges the CPU time a context has run since its slice began. A switch at {@code t} inside
   * a hard IRQ that interrupted the slice takes effect when the IRQ returns; a context put back
   * before its slice began (preempted in its wake-up latency) ran nothing and draws nothing.
   */
  private void charge(Ctx c, long t) {
    Cpu cpu = c.cpu;
    boolean inIrq = cpu.irqStartPs <= t && t < cpu.irqBusyUntilPs;
    long end = inIrq && cpu.irqStartPs >= c.sliceStartPs ? cpu.irqBusyUntilPs : t;
    long slice = Math.max(0, end - c.sliceStartPs);
    c.runPs += slice;
    cpu.busyPs += slice;
    if (tracer != null && end >= c.sliceStartPs) tracer.running(c, cpu.id, c.sliceStartPs, end);
  }

  /** Makes {@code next} the running context of {@code cpu}, resuming {@code delayPs} after t. */
  private void run(Cpu cpu, Ctx next, long t, long delayPs) {
    cpu.current = next;
    next.state = Ctx.State.RUNNING;
    next.tPs = t + delayPs;
    next.sliceStartPs = Math.max(t, cpu.irqBusyUntilPs);
    reschedule(next);
  }

  /** Continues the running context {@code c} at its local time {@code c.tPs}. */
  void reschedule(Ctx c) {
    c.token = (c.token + 1) & TOKEN_MASK;
    sim.scheduleAt(c.tPs, resume, (c.token << ID_BITS) | c.id);
  }

  private void onResume(long nowPs, int packed) {
    Ctx c = contexts.get(packed & ID_MASK);
    if (c.token != (packed >>> ID_BITS) || c.state != Ctx.State.RUNNING) return;
    if (c.tPs != nowPs) return;
    executing = c;
    try {
      interpreter.runOps(c, nowPs);
    } finally {
      executing = null;
    }
  }

  /** The running context sleeps at {@code t}: its CPU goes to the next one. */
  void block(Ctx c, long t) {
    c.state = Ctx.State.BLOCKED;
    leaveCpu(c, t);
  }

  /** The context has nothing more to run: it waits to be woken (a worker, for queue_work). */
  void idle(Ctx c, long t) {
    c.state = Ctx.State.BLOCKED;
    leaveCpu(c, t);
    c.state = Ctx.State.IDLE;
  }

  /** {@code msleep}: blocks {@code c} at {@code t} and wakes it {@code ps} later. */
  void sleep(Ctx c, long t, long ps) {
    block(c, t);
    sim.scheduleAt(t + ps, sleepDone, c.id);
  }

  private void onSleepDone(long nowPs, int id) {
    Ctx c = contexts.get(id);
    if (c.state == Ctx.State.BLOCKED) wake(c, nowPs, 0);
  }

  /**
   * Hands the CPU of a context that stopped running to ksoftirqd if softirqs are pending there,
   * else to the head of the run queue.
   */
  private void leaveCpu(Ctx c, long t) {
    Cpu cpu = c.cpu;
    charge(c, t);
    if (cpu.current == c) cpu.current = null;
    if (!cpu.softirqRoutines.isEmpty() && c != cpu.ksoftirqd) {
      wake(cpu.ksoftirqd, t, costs.wakeSameCpuPs());
      if (cpu.current != null) return;
    }
    Ctx next = cpu.runqueue.poll();
    if (next != null) {
      run(cpu, next, t, costs.contextSwitchPs() + next.remainingPs);
      next.remainingPs = 0;
    }
  }

  /** Busy time of all CPUs together up to {@code nowPs}, counting the running slices. */
  long busyPs(long nowPs) {
    long b = 0;
    for (Cpu c : cpus) {
      b += c.busyPs;
      if (c.current != null && c.current.state == Ctx.State.RUNNING) {
        b += Math.max(0, nowPs - c.current.sliceStartPs);
      }
    }
    return b;
  }
}
