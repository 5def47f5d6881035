package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.List;

/**
 * The host kernel as the driver and the chip model see it: declares the CPUs, contexts, cells,
 * locks, wait queues and work items, takes interrupts and completions from outside, and counts.
 * The work is done by its parts, each in its own class:
 *
 * <ul>
 *   <li>{@link Scheduler}: which context runs on each CPU (run queues, wake-ups, preemption);
 *   <li>{@link Interpreter}: runs routines op by op on a context's call stack;
 *   <li>{@link Memory}: shared cells, cache-line transfers, read-modify-write windows, lost
 *       updates;
 *   <li>{@link Locks}: spinlocks, mutexes and the MMC host claim;
 *   <li>{@link Waits}: wait_event and wake_up with timeouts, blocking requests and completions;
 *   <li>{@link WorkQueues}: queue_work and the workers' loop;
 *   <li>{@link Interrupts}: hard IRQs (held off by irqsave locks) and softirqs.
 * </ul>
 */
public final class Kernel {
  private final Simulator sim;
  private final KernelCosts costs;
  private final Scheduler sched;
  private final Memory memory;
  private final Locks locks;
  private final Waits waits;
  private final WorkQueues work;
  private final Interrupts interrupts;
  private final Interpreter interpreter;
  private final List<Thread> threads = new java.util.ArrayList<>();

  /** Told of each WARN as it fires (the race explainer listens). */
  public interface WarnListener {
    void warn(long atPs, Ctx ctx, String what);
  }

  private KernelTracer tracer;

  public Kernel(Simulator sim, KernelCosts costs, int cpuCount) {
    checkArgument(cpuCount >= 1 && cpuCount <= 64, "cpu count %s out of range 1..64", cpuCount);
    this.sim = sim;
    this.costs = costs;
    this.sched = new Scheduler(sim, costs, cpuCount);
    for (Cpu cpu : sched.cpus) {
      cpu.ksoftirqd = sched.newCtx("ksoftirqd/" + cpu.id, Ctx.Kind.SOFTIRQ_THREAD, cpu);
    }
    this.memory = new Memory(costs, sched.contexts);
    this.interrupts = new Interrupts(sim, costs, sched);
    this.locks = new Locks(costs, sched, interrupts);
    this.waits = new Waits(sim, costs, sched);
    this.work = new WorkQueues(costs, sched);
    this.interpreter = new Interpreter(costs, sched, memory, locks, waits, work, interrupts);
    sched.interpreter = interpreter;
  }

  public Simulator sim() {
    return sim;
  }

  public KernelCosts costs() {
    return costs;
  }

  public int cpuCount() {
    return sched.cpus.length;
  }

  /** Full kernel preemption (CONFIG_PREEMPT) with CFS wake-up preemption, or none. */
  public void setPreemptive(boolean on) {
    sched.setPreemptive(on);
  }

  public long preemptions() {
    return sched.preemptions();
  }

  public void setAccessLog(AccessLog log) {
    memory.accessLog = log;
  }

  /**
   * Starts checking the kernel's invariants after every event (it becomes the access log):
   * {@code --check}. The caller calls {@link KernelCheck#afterEvent} between events.
   */
  public KernelCheck check(io.bessim.sim.Violations violations) {
    KernelCheck c = new KernelCheck(sched, memory, locks, work, violations);
    AccessLog before = memory.accessLog;
    // Beside, not instead of, a log already attached (the report's recorder).
    memory.accessLog = before == null ? c : (at, cell, ctx, routine, kind, v0, v1, lockMask, lost) -> {
      before.access(at, cell, ctx, routine, kind, v0, v1, lockMask, lost);
      c.access(at, cell, ctx, routine, kind, v0, v1, lockMask, lost);
    };
    return c;
  }

  public void setWarnListener(WarnListener l) {
    interpreter.warnListener = l;
  }

  /** Attaches (or, with null, detaches) an op-level tracer; costs one null test per op when off. */
  public void setTracer(KernelTracer t) {
    sched.tracer = t;
    interpreter.tracer = t;
    work.tracer = t;
    interrupts.tracer = t;
    locks.tracer = t;
    tracer = t;
  }

  /** Whether a tracer is attached: callers build {@link #tracepoint} text only then. */
  public boolean tracing() {
    return tracer != null;
  }

  /** Fires a tracepoint on the attached tracer; see {@link KernelTracer#tracepoint}. */
  public void tracepoint(long atPs, int cpu, Ctx ctx, String event, String fields) {
    if (tracer != null) tracer.tracepoint(atPs, cpu, ctx, event, fields);
  }

  // ---------------------------------------------------------------- declarations

  public Cell cell(String name, boolean atomicType) {
    return memory.cell(name, atomicType);
  }

  /**
   * Declares fields that share a cache line (adjacent in the C's struct): a store to one makes a
   * load of any of them from another CPU pay {@link KernelCosts#cacheLinePs()}.
   */
  public void sameCacheLine(Cell... cells) {
    Cell.shareLine(cells);
  }

  public SpinLock spinLock(String name) {
    return locks.spinLock(name);
  }

  public Mutex mutex(String name) {
    return locks.mutex(name, false);
  }

  /** The MMC host claim taken by {@code sdio_claim_host}. */
  public Mutex hostClaim(String name) {
    return locks.mutex(name, true);
  }

  public WaitQueue waitQueue(String name, Ctx.Test condition) {
    return waits.waitQueue(name, condition);
  }

  /**
   * A work item on a workqueue. {@code dispatchPs} is the queue_work-to-start latency on an idle
   * CPU; {@code countsAsWork} says whether its runs are workqueue_execute_start events.
   */
  public WorkItem workItem(String name, String workqueue, Routine fn, long dispatchPs,
      boolean countsAsWork) {
    Ctx worker = sched.newCtx("kworker:" + name, Ctx.Kind.WORKER, sched.cpus[0]);
    memory.growLoadArrays(worker);
    return work.workItem(name, workqueue, fn, dispatchPs, countsAsWork, worker);
  }

  /** A thread the kernel started and the routine it runs. */
  public record Thread(Ctx ctx, Routine entry) {}

  /** The threads started so far, in start order (for tools that walk what runs where). */
  public List<Thread> threads() {
    return List.copyOf(threads);
  }

  /** A kernel thread (or a work item that never returns) started at {@code atPs} on a CPU. */
  public Ctx startThread(String name, int cpu, Routine entry, long atPs) {
    Ctx c = sched.newCtx(name, Ctx.Kind.THREAD, sched.cpus[cpu]);
    threads.add(new Thread(c, entry));
    memory.growLoadArrays(c);
    c.enter(entry, false, -1);
    sched.startAt(c, atPs);
    return c;
  }

  /** Binds a context to another CPU (takes effect the next time it is woken). */
  public void setCpu(Ctx c, int cpu) {
    c.cpu = sched.cpus[cpu];
  }

  // ---------------------------------------------------------------- interrupts, softirqs, waking

  /**
   * A hard IRQ on {@code cpu} at {@code atPs} lasting {@code durationPs}; {@code action} fires at
   * its end with {@code arg}. Preempts the running context (delaying it by the duration) unless it
   * holds an irqsave lock, in which case delivery waits for the irqrestore.
   */
  public void hardIrq(int cpu, long atPs, long durationPs, EventHandler action, int arg) {
    hardIrq(cpu, atPs, durationPs, action, arg, "hard IRQ");
  }

  /** {@link #hardIrq(int, long, long, EventHandler, int)} with a name for traces. */
  public void hardIrq(int cpu, long atPs, long durationPs, EventHandler action, int arg,
      String what) {
    interrupts.hardIrq(cpu, atPs, durationPs, action, arg, what);
  }

  /**
   * Raises a softirq on {@code ctx}'s CPU that will run {@code handler} with {@code obj} (in its
   * object parameter): at the next local_bh_enable there, or in ksoftirqd if the raiser sleeps
   * first. Routines raise with {@link Routine.Builder#raiseSoftirq}.
   */
  public void raiseSoftirq(Ctx ctx, Routine handler, Object obj) {
    interrupts.raiseSoftirq(ctx, handler, obj);
  }

  /**
   * A timer softirq on {@code cpu} (a kernel timer such as tcp_delack_timer): runs
   * {@code handler} in ksoftirqd there.
   */
  public void timerSoftirq(int cpu, Routine handler, Object obj, long atPs) {
    interrupts.timerSoftirq(cpu, handler, obj, atPs);
  }

  /** Wakes a sleeping context; returns false if it was not asleep. */
  public boolean wake(Ctx c, long atPs, long latencyPs) {
    return sched.wake(c, atPs, latencyPs);
  }

  /** Wake-up latency from a context on {@code fromCpu} to {@code c}. */
  public long wakeLatency(int fromCpu, Ctx c) {
    return sched.wakeLatency(fromCpu, c);
  }

  /** Ends a {@link Ctx.Blocking} request: the context becomes runnable after a wake-up. */
  public void complete(Ctx c, long atPs, int fromCpu) {
    waits.complete(c, atPs, fromCpu);
  }

  /** Ends a request with a number, which lands in the blocking op's {@link Local}. */
  public void complete(Ctx c, long atPs, int fromCpu, long result) {
    waits.complete(c, atPs, fromCpu, result);
  }

  /** Ends a request with an object, which lands in the blocking op's {@link Ref}. */
  public void complete(Ctx c, long atPs, int fromCpu, Object result) {
    waits.complete(c, atPs, fromCpu, result);
  }

  /**
   * {@code queue_work} from outside any modelled context (an IRQ handler): Linux's rules apply.
   * Returns false when the item was already pending.
   */
  public boolean queueWork(WorkItem w, int cpu, long atPs) {
    return work.queueWork(w, cpu, atPs);
  }

  /** {@code wake_up(q)}: wakes its sleeping waiter, if any. */
  public boolean wakeUp(WaitQueue q, int fromCpu, long atPs) {
    return waits.wakeUp(q, fromCpu, atPs);
  }

  // ---------------------------------------------------------------- statistics

  public long warns() {
    return interpreter.warns();
  }

  public long firstWarnPs() {
    return interpreter.firstWarnPs();
  }

  /** Contended spinlocks and mutexes: what the lock:contention_begin tracepoint counts. */
  public long lockContentions() {
    return locks.contentions();
  }

  /** Times sdio_claim_host had to sleep because another context held the host. */
  public long hostClaimWaits() {
    return locks.hostClaimWaits();
  }

  public long lostUpdates() {
    return memory.lostUpdates();
  }

  /**
   * A deadlock among the modelled locks (a cycle of contexts each waiting for a lock the next
   * holds), or a spinlock held by a sleeping context that another spins on; null if neither.
   */
  public String deadlock() {
    return Deadlocks.find(spinLocks(), mutexes());
  }

  public List<WorkItem> workItems() {
    return work.workItems;
  }

  public List<Cell> cells() {
    return memory.cells;
  }

  public List<SpinLock> spinLocks() {
    return locks.spinLocks;
  }

  public List<Mutex> mutexes() {
    return locks.mutexes;
  }

  public List<Ctx> contexts() {
    return sched.contexts;
  }

  public long irqs() {
    return interrupts.irqs();
  }

  /** Hard IRQs delivered on {@code cpu} so far. */
  public long irqs(int cpu) {
    return sched.cpus[cpu].irqs;
  }

  /** Busy time of all CPUs together up to {@code nowPs}, counting the running slices. */
  public long busyPs(long nowPs) {
    return sched.busyPs(nowPs);
  }

  /** One line about a context's state, for debugging and error messages. */
  public String debugState(Ctx c) {
    StringBuilder b = new StringBuilder(c.state + " cpu" + c.cpu.id + " t=" + c.tPs);
    for (int i = 0; i < c.depth; i++) {
      Routine r = c.stack[i];
      int pc = c.pcs[i];
      b.append(" > ").append(r.name()).append('@').append(pc);
      if (pc > 0 && pc <= r.length()) b.append('[').append(r.op(pc - 1).text()).append(']');
    }
    if (c.spinningOn != null) b.append(" spinning on ").append(c.spinningOn);
    return b.toString();
  }

  /** Hook so a context's current routine can be named in traces. */
  public String currentRoutine(Ctx c) {
    return c.depth == 0 ? "-" : c.stack[c.depth - 1].name();
  }
}
