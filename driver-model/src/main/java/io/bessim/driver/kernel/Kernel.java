package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The host kernel: CPUs, scheduler, hard IRQs, workqueues, locks, wait queues, softirqs, and the
 * interpreter that runs driver {@link Routine}s on them.
 *
 * <p>Scheduling model (documented simplifications): each CPU runs one context at a time and keeps a
 * FIFO run queue; a woken context starts after a wake-up latency if its CPU is idle, otherwise when
 * the running one sleeps (kernel threads are not preempted by other threads; PREEMPT_VOLUNTARY).
 * Hard IRQs preempt whatever runs on their CPU unless it holds an irqsave lock, and delay it by
 * their duration. Softirqs raised from process context run at the next {@code local_bh_enable} on
 * that CPU, or in ksoftirqd when the raiser sleeps first ([SIRQ] in driver-topology.md).
 */
public final class Kernel {
  private static final int ID_BITS = 10;
  private static final int ID_MASK = (1 << ID_BITS) - 1;

  private final Simulator sim;
  private final KernelCosts costs;
  private final Cpu[] cpus;
  private final List<Ctx> contexts = new ArrayList<>();
  private final List<Cell> cells = new ArrayList<>();
  private final List<SpinLock> spinLocks = new ArrayList<>();
  private final List<Mutex> mutexes = new ArrayList<>();
  private final List<WorkItem> workItems = new ArrayList<>();
  private final List<WaitQueue> waitQueues = new ArrayList<>();
  private final EventHandler resume = this::onResume;
  private final EventHandler waitTimeout = this::onWaitTimeout;
  private final EventHandler sleepDone = this::onSleepDone;
  private final EventHandler threadStart = this::onThreadStart;
  private AccessLog accessLog;
  private KernelTracer tracer;
  private Ctx executing;

  private long warns;
  private long firstWarnPs = -1;
  private long lockContentions;
  private long hostClaimWaits;
  private long lostUpdates;
  private WarnListener warnListener;
  private boolean preemptive;
  private long spinLockMask;
  private long preemptions;

  /** Told of each WARN as it fires (the race explainer listens). */
  public interface WarnListener {
    void warn(long atPs, Ctx ctx, String what);
  }

  public Kernel(Simulator sim, KernelCosts costs, int cpuCount) {
    checkArgument(cpuCount >= 1 && cpuCount <= 64, "cpu count %s out of range 1..64", cpuCount);
    this.sim = sim;
    this.costs = costs;
    this.cpus = new Cpu[cpuCount];
    for (int i = 0; i < cpuCount; i++) {
      cpus[i] = new Cpu(i);
    }
    for (int i = 0; i < cpuCount; i++) {
      Ctx k = newCtx("ksoftirqd/" + i, Ctx.Kind.SOFTIRQ_THREAD, cpus[i]);
      cpus[i].ksoftirqd = k;
    }
  }

  public Simulator sim() {
    return sim;
  }

  public KernelCosts costs() {
    return costs;
  }

  public int cpuCount() {
    return cpus.length;
  }

  /** Full kernel preemption (CONFIG_PREEMPT) with CFS wake-up preemption, or none. */
  public void setPreemptive(boolean on) {
    this.preemptive = on;
  }

  public long preemptions() {
    return preemptions;
  }

  public void setAccessLog(AccessLog log) {
    this.accessLog = log;
  }

  public void setWarnListener(WarnListener l) {
    this.warnListener = l;
  }

  /** Attaches (or, with null, detaches) an op-level tracer; costs one null test per op when off. */
  public void setTracer(KernelTracer t) {
    this.tracer = t;
  }

  // ---------------------------------------------------------------- declarations

  private Ctx newCtx(String name, Ctx.Kind kind, Cpu cpu) {
    checkState(contexts.size() < ID_MASK, "too many contexts");
    Ctx c = new Ctx(contexts.size(), name, kind, cpu);
    contexts.add(c);
    return c;
  }

  public Cell cell(String name, boolean atomicType) {
    Cell c = new Cell(name, cells.size(), atomicType);
    cells.add(c);
    for (Ctx x : contexts) growLoadArrays(x);
    return c;
  }

  private void growLoadArrays(Ctx x) {
    if (x.loadVersion.length < cells.size()) {
      int n = Math.max(cells.size(), x.loadVersion.length * 2);
      x.loadVersion = java.util.Arrays.copyOf(x.loadVersion, n);
      x.loadTimePs = java.util.Arrays.copyOf(x.loadTimePs, n);
      x.loaded = java.util.Arrays.copyOf(x.loaded, n);
    }
  }

  public SpinLock spinLock(String name) {
    checkState(spinLocks.size() + mutexes.size() < 63, "too many locks");
    SpinLock l = new SpinLock(name, spinLocks.size() + mutexes.size());
    spinLocks.add(l);
    spinLockMask |= 1L << l.id;
    return l;
  }

  public Mutex mutex(String name) {
    Mutex m = new Mutex(name, spinLocks.size() + mutexes.size(), false);
    mutexes.add(m);
    return m;
  }

  /** The MMC host claim taken by {@code sdio_claim_host}. */
  public Mutex hostClaim(String name) {
    Mutex m = new Mutex(name, spinLocks.size() + mutexes.size(), true);
    mutexes.add(m);
    return m;
  }

  public WaitQueue waitQueue(String name, Ctx.Test condition) {
    WaitQueue q = new WaitQueue(name, condition, waitQueues.size());
    waitQueues.add(q);
    return q;
  }

  /**
   * A work item on a workqueue. {@code dispatchPs} is the queue_work-to-start latency on an idle
   * CPU; {@code countsAsWork} says whether its runs are workqueue_execute_start events.
   */
  public WorkItem workItem(String name, String workqueue, Routine fn, long dispatchPs,
      boolean countsAsWork) {
    Ctx worker = newCtx("kworker:" + name, Ctx.Kind.WORKER, cpus[0]);
    growLoadArrays(worker);
    WorkItem w = new WorkItem(name, workqueue, fn, dispatchPs, countsAsWork, worker);
    worker.work = w;
    workItems.add(w);
    return w;
  }

  /** A kernel thread (or a work item that never returns) started at {@code atPs} on a CPU. */
  public Ctx startThread(String name, int cpu, Routine entry, long atPs) {
    Ctx c = newCtx(name, Ctx.Kind.THREAD, cpus[cpu]);
    growLoadArrays(c);
    push(c, entry, false, -1);
    c.state = Ctx.State.BLOCKED;
    // Wake it at atPs, not now: waking now would claim the CPU (or a run-queue slot) before the
    // thread exists.
    if (atPs > sim.nowPs()) {
      sim.scheduleAt(atPs, threadStart, c.id);
    } else {
      wake(c, atPs, 0);
    }
    return c;
  }

  private void onThreadStart(long nowPs, int id) {
    wake(contexts.get(id), nowPs, 0);
  }

  /** Binds a context to another CPU (takes effect the next time it is woken). */
  public void setCpu(Ctx c, int cpu) {
    c.cpu = cpus[cpu];
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
    Cpu c = cpus[cpu];
    Ctx cur = c.current;
    if (cur != null && cur.irqOff > 0) {
      c.deferredIrqs.add(new Cpu.DeferredIrq(durationPs, action, arg, what));
      return;
    }
    long start = Math.max(atPs, c.irqBusyUntilPs);
    long end = start + durationPs;
    c.irqBusyUntilPs = end;
    c.irqs++;
    if (tracer != null) tracer.hardIrq(cpu, start, end, what);
    if (cur != null && cur.state == Ctx.State.RUNNING) {
      cur.tPs += durationPs;
      reschedule(cur);
    } else {
      c.busyPs += durationPs;
    }
    sim.scheduleAt(end, action, arg);
  }

  private void deliverDeferredIrqs(Cpu cpu, long atPs) {
    Cpu.DeferredIrq d;
    while ((d = cpu.deferredIrqs.poll()) != null) {
      long start = Math.max(atPs, cpu.irqBusyUntilPs);
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

  /**
   * Raises a softirq on {@code ctx}'s CPU that will run {@code handler} with {@code obj}: at the
   * next local_bh_enable there, or in ksoftirqd if the raiser sleeps first.
   */
  public void raiseSoftirq(Ctx ctx, Routine handler, Object obj) {
    Cpu cpu = ctx.cpu;
    cpu.softirqRoutines.add(handler);
    cpu.softirqPending.add(obj == null ? Boolean.FALSE : obj);
  }

  /**
   * A timer softirq on {@code cpu} (a kernel timer such as tcp_delack_timer): runs
   * {@code handler} in ksoftirqd there.
   */
  public void timerSoftirq(int cpu, Routine handler, Object obj, long atPs) {
    Cpu c = cpus[cpu];
    c.softirqRoutines.add(handler);
    c.softirqPending.add(obj == null ? Boolean.FALSE : obj);
    wake(c.ksoftirqd, atPs, costs.wakeSameCpuPs());
  }

  /** Wakes a sleeping context; returns false if it was not asleep. */
  public boolean wake(Ctx c, long atPs, long latencyPs) {
    if (c.state != Ctx.State.BLOCKED && c.state != Ctx.State.IDLE) return false;
    Cpu cpu = c.cpu;
    if (cpu.current == null) {
      cpu.current = c;
      c.state = Ctx.State.RUNNING;
      c.tPs = atPs + latencyPs;
      c.sliceStartPs = c.tPs;
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

  /**
   * CFS wake-up preemption on a preemptible kernel: a thread woken after sleeping is placed with a
   * sleeper credit and preempts the running one at once, unless that one cannot be preempted
   * (spinlock held, interrupts or bottom halves off, in a softirq).
   */
  private boolean preemptible(Ctx cur, Ctx woken) {
    return cur.state == Ctx.State.RUNNING && cur != woken && cur.irqOff == 0 && cur.bhOff == 0
        && cur.softirqDepth == 0 && (cur.lockMask & spinLockMask) == 0;
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
    cur.token = (cur.token + 1) & ((1 << (31 - ID_BITS)) - 1);
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

  /** Charges the CPU time a context has run since its slice began. */
  private void charge(Ctx c, long t) {
    long slice = Math.max(0, t - c.sliceStartPs);
    c.runPs += slice;
    c.cpu.busyPs += slice;
    if (tracer != null) tracer.running(c, c.cpu.id, c.sliceStartPs, t);
  }

  /** Makes {@code next} the running context of {@code cpu}, resuming {@code delayPs} after t. */
  private void run(Cpu cpu, Ctx next, long t, long delayPs) {
    cpu.current = next;
    next.state = Ctx.State.RUNNING;
    next.tPs = t + delayPs;
    next.sliceStartPs = t;
    reschedule(next);
  }

  /** Wake-up latency from a context on {@code fromCpu} to {@code c}. */
  public long wakeLatency(int fromCpu, Ctx c) {
    return fromCpu == c.cpu.id ? costs.wakeSameCpuPs() : costs.wakeCrossCpuPs();
  }

  /** Ends a {@link Ctx.Blocking} request: the context becomes runnable after a wake-up. */
  public void complete(Ctx c, long atPs, int fromCpu) {
    checkState(c.state == Ctx.State.BLOCKED, "%s completed while %s", c, c.state);
    checkState(c.blockedIn != null && c.blockedIn.result == null,
        "%s: '%s' expects a result", c, c.blockedIn);
    c.blockedIn = null;
    wake(c, atPs, wakeLatency(fromCpu, c));
  }

  /** Ends a request with a number, which lands in the blocking op's {@link Local}. */
  public void complete(Ctx c, long atPs, int fromCpu, long result) {
    checkState(c.state == Ctx.State.BLOCKED, "%s completed while %s", c, c.state);
    Var v = c.blockedIn == null ? null : c.blockedIn.result;
    checkState(v instanceof Local, "%s: '%s' takes no numeric result", c, c.blockedIn);
    c.set((Local) v, result);
    c.blockedIn = null;
    wake(c, atPs, wakeLatency(fromCpu, c));
  }

  /** Ends a request with an object, which lands in the blocking op's {@link Ref}. */
  @SuppressWarnings("unchecked")
  public void complete(Ctx c, long atPs, int fromCpu, Object result) {
    checkState(c.state == Ctx.State.BLOCKED, "%s completed while %s", c, c.state);
    Var v = c.blockedIn == null ? null : c.blockedIn.result;
    checkState(v instanceof Ref, "%s: '%s' takes no object result", c, c.blockedIn);
    c.set((Ref<Object>) v, result);
    c.blockedIn = null;
    wake(c, atPs, wakeLatency(fromCpu, c));
  }

  /**
   * {@code queue_work} from outside any modelled context (an IRQ handler): Linux's rules apply.
   * Returns false when the item was already pending.
   */
  public boolean queueWork(WorkItem w, int cpu, long atPs) {
    if (tracer != null) tracer.queueWork(atPs, w, executing, cpu, !w.pending);
    if (w.pending) {
      w.coalesced++;
      return false;
    }
    w.pending = true;
    w.queued++;
    if (w.running) return true;
    Ctx worker = w.worker;
    if (worker.state == Ctx.State.IDLE) {
      worker.cpu = cpus[cpu];
      wake(worker, atPs, w.dispatchPs);
    }
    return true;
  }

  /** {@code wake_up(q)}: wakes its sleeping waiter, if any. */
  public boolean wakeUp(WaitQueue q, int fromCpu, long atPs) {
    Ctx w = q.waiter;
    if (w == null || w.state != Ctx.State.BLOCKED) return false;
    q.waiter = null;
    q.wakeups++;
    q.deadlinePs = -1;
    w.waitingOn = null;
    w.timedOut = false;
    return wake(w, atPs, wakeLatency(fromCpu, w));
  }

  // ---------------------------------------------------------------- the interpreter

  private void reschedule(Ctx c) {
    c.token = (c.token + 1) & ((1 << (31 - ID_BITS)) - 1);
    sim.scheduleAt(c.tPs, resume, (c.token << ID_BITS) | c.id);
  }

  private void onResume(long nowPs, int packed) {
    Ctx c = contexts.get(packed & ID_MASK);
    if (c.token != (packed >>> ID_BITS) || c.state != Ctx.State.RUNNING) return;
    if (c.tPs != nowPs) return;
    run(c, nowPs);
  }

  /**
   * Pushes a frame for {@code r}. A softirq handler's frame sits on top of whatever the context
   * was running, like any call: the interrupted routine's variables are below it, untouched.
   */
  private void push(Ctx c, Routine r, boolean softirq, int resultSlot) {
    c.enter(r, softirq, resultSlot);
  }

  /**
   * Pushes the callee of {@code op}, copying the caller's arguments into its parameters; its
   * return value, if the call wants one, will land in the caller's {@code op.into}.
   */
  private void call(Ctx c, Op op) {
    int d = c.depth - 1;
    Routine callee = op.routine;
    Var[] params = callee.params;
    Var[] args = op.args;
    int n = args == null ? (op.argValue == null ? 0 : 1) : args.length;
    if (n != params.length) {
      throw new IllegalStateException(c + ": " + c.stack[d] + " calls " + callee + " with " + n
          + " arguments for " + params.length + " parameters");
    }
    long argValue = op.argValue == null ? 0 : op.argValue.value(c);
    int callerBase = c.base[d];
    int callerRefBase = c.refBase[d];
    push(c, callee, false, op.into == null ? -1 : callerBase + op.into.slot);
    if (op.argValue != null) {
      checkState(!params[0].isRef, "%s: %s wants an object", c, callee);
      c.locals[c.base[d + 1] + params[0].slot] = argValue;
      return;
    }
    for (int i = 0; i < n; i++) {
      Var p = params[i];
      Var a = args[i];
      if (p.isRef != a.isRef) {
        throw new IllegalStateException(c + ": " + c.stack[d] + " passes " + a + " to " + callee
            + "'s parameter " + p);
      }
      if (p.isRef) {
        c.refs[c.refBase[d + 1] + p.slot] = c.refs[callerRefBase + a.slot];
      } else {
        c.locals[c.base[d + 1] + p.slot] = c.locals[callerBase + a.slot];
      }
    }
  }

  private void pop(Ctx c) {
    c.leave();
  }

  /** Pushes the next pending softirq handler onto {@code c}; returns false if none. */
  private boolean takeSoftirq(Ctx c) {
    Cpu cpu = c.cpu;
    if (cpu.softirqRoutines.isEmpty()) return false;
    Routine r = cpu.softirqRoutines.poll();
    Object o = cpu.softirqPending.poll();
    if (o == Boolean.FALSE) o = null;
    push(c, r, true, -1);
    // The handler's one parameter, if it declares one, is what the raiser handed over.
    Var[] params = r.params;
    if (params.length == 1 && params[0].isRef) {
      c.refs[c.refBase[c.depth - 1] + params[0].slot] = o;
    } else if (params.length != 0) {
      throw new IllegalStateException(r + ": a softirq handler takes at most one object");
    }
    return true;
  }

  private void run(Ctx c, long firedAt) {
    executing = c;
    try {
      runOps(c, firedAt);
    } finally {
      executing = null;
    }
  }

  private void runOps(Ctx c, long firedAt) {
    long t = c.tPs;
    for (;;) {
      if (c.depth == 0) {
        // Ending a run (or a work item's loop deciding to go again) is observable: a queue_work
        // or a wake-up due before t must be seen first, so wait for them like any shared op.
        if (t != firedAt && t >= sim.nextEventPs()) {
          c.tPs = t;
          reschedule(c);
          return;
        }
        c.tPs = t;
        if (!onEmptyStack(c)) return;
        t = c.tPs;
        continue;
      }
      int d = c.depth - 1;
      Routine r = c.stack[d];
      int pc = c.pcs[d];
      if (pc >= r.length()) {
        boolean wasSoftirq = c.softirqFrame[d];
        pop(c);
        if (wasSoftirq && c.bhOff == 0 && c.softirqDepth == 0) takeSoftirq(c);
        continue;
      }
      Op op = r.op(pc);
      switch (op.code) {
        case Op.COMPUTE:
          if (tracer != null) tracer.op(c, r, op, t, t + op.ps);
          t += op.ps;
          c.pcs[d] = pc + 1;
          continue;
        case Op.COMPUTE_FN: {
          long ps = op.cost.ps(c);
          if (tracer != null) tracer.op(c, r, op, t, t + ps);
          t += ps;
          c.pcs[d] = pc + 1;
          continue;
        }
        case Op.JUMP:
          c.pcs[d] = op.target;
          continue;
        case Op.JUMP_IF:
          c.pcs[d] = op.test.test(c) ? op.target : pc + 1;
          continue;
        case Op.CALL:
          c.pcs[d] = pc + 1;
          call(c, op);
          continue;
        case Op.RETURN:
          if (op.value != null) {
            long v = op.value.value(c);
            int slot = c.resultSlot[d];
            if (slot >= 0) {
              c.locals[slot] = v;
              c.resultSlot[d] = -1;
            }
          }
          c.pcs[d] = r.length();
          continue;
        default:
          break;
      }
      // Everything below can be observed by another context: execute it only when no pending
      // event comes first, so shared effects happen in global time order.
      if (t != firedAt && t >= sim.nextEventPs()) {
        c.tPs = t;
        reschedule(c);
        return;
      }
      c.tPs = t;
      Cpu cpu = c.cpu;
      if (cpu.needResched && preemptible(c, null)) {
        cpu.needResched = false;
        yieldCpu(c, t);
        return;
      }
      c.pcs[d] = pc + 1;
      long t0 = t;
      switch (op.code) {
        case Op.EXEC:
          op.action.run(c, t);
          t = c.tPs;
          if (c.state != Ctx.State.RUNNING) {
            if (tracer != null) tracer.op(c, r, op, t0, -1);
            return;
          }
          break;
        case Op.LOAD:
        case Op.ATOMIC_READ:
          t = load(c, op, r, t);
          break;
        case Op.STORE:
          t = store(c, op, r, t);
          break;
        case Op.ATOMIC_ADD:
          t = atomicAdd(c, op, r, t);
          break;
        case Op.SPIN_LOCK:
          if (!spinLock(c, op, t)) {
            if (tracer != null) tracer.op(c, r, op, t0, -1);
            return;
          }
          t = c.tPs;
          break;
        case Op.SPIN_UNLOCK:
          t = spinUnlock(c, op, t);
          break;
        case Op.MUTEX_LOCK:
          if (!mutexLock(c, op.mutex, t)) {
            if (tracer != null) tracer.op(c, r, op, t0, -1);
            return;
          }
          t += costs.mutexPs();
          break;
        case Op.MUTEX_UNLOCK:
          mutexUnlock(c, op.mutex, t);
          t += costs.mutexPs();
          break;
        case Op.QUEUE_WORK:
          queueWork(op.work, cpu.id, t);
          t += costs.queueWorkPs();
          break;
        case Op.WAKE_UP:
          wakeUp(op.waitQueue, cpu.id, t);
          t += costs.wakeUpCallPs();
          break;
        case Op.WAIT_EVENT:
          if (op.waitQueue.condition.test(c)) {
            c.timedOut = false;
            break;
          }
          if (tracer != null) tracer.op(c, r, op, t0, -1);
          waitEvent(c, op, t);
          return;
        case Op.BLOCKING:
          if (tracer != null) tracer.op(c, r, op, t0, -1);
          c.blockedIn = op;
          block(c, t);
          op.blocking.start(c, t);
          return;
        case Op.SLEEP:
          if (tracer != null) tracer.op(c, r, op, t0, -1);
          block(c, t);
          sim.scheduleAt(t + op.ps, sleepDone, c.id);
          return;
        case Op.WARN_ON:
          if (op.test.test(c)) {
            warns++;
            if (firstWarnPs < 0) firstWarnPs = t;
            if (warnListener != null) warnListener.warn(t, c, op.text());
            t += costs.warnPs();
          }
          break;
        case Op.RAISE_SOFTIRQ:
          if (op.object == null) {
            raiseSoftirq(c, op.routine, null);
          } else {
            Object o = op.object.value(c);
            if (o != null) raiseSoftirq(c, op.routine, o);
          }
          break;
        case Op.LOCAL_BH_ENABLE:
          if (c.bhOff == 0 && c.softirqDepth == 0) takeSoftirq(c);
          break;
        default:
          throw new IllegalStateException("unknown op " + op.code);
      }
      if (tracer != null) tracer.op(c, r, op, t0, t);
    }
  }

  /** Called when a context's stack is empty; returns true if it has more to run. */
  private boolean onEmptyStack(Ctx c) {
    long t = c.tPs;
    if (takeSoftirq(c)) return true;
    WorkItem w = c.work;
    if (w != null) {
      if (!w.running || w.pending) {
        if (w.running) {
          w.redispatches++;
          c.tPs = t + costs.workLoopPs();
        }
        w.running = true;
        w.pending = false;
        w.executions++;
        if (tracer != null) tracer.workStart(c.tPs, w);
        push(c, w.fn, false, -1);
        return true;
      }
      w.running = false;
    }
    c.state = Ctx.State.BLOCKED;
    leaveCpu(c, t);
    c.state = Ctx.State.IDLE;
    return false;
  }

  private void block(Ctx c, long t) {
    c.state = Ctx.State.BLOCKED;
    leaveCpu(c, t);
  }

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

  private void onSleepDone(long nowPs, int id) {
    Ctx c = contexts.get(id);
    if (c.state == Ctx.State.BLOCKED) wake(c, nowPs, 0);
  }

  private void waitEvent(Ctx c, Op op, long t) {
    WaitQueue q = op.waitQueue;
    q.waiter = c;
    c.waitingOn = q;
    block(c, t);
    long timeout = op.cost == null ? -1 : op.cost.ps(c);
    q.deadlinePs = timeout > 0 ? t + timeout : -1;
    // One timer event per queue at most: a waiter that sleeps thousands of times a second with a
    // 5 s timeout would otherwise leave thousands of stale events in the heap. A timer that fires
    // before the current deadline re-arms itself for it.
    if (q.deadlinePs >= 0 && !q.timerPending) {
      q.timerPending = true;
      sim.scheduleAt(q.deadlinePs, waitTimeout, q.index);
    }
  }

  private void onWaitTimeout(long nowPs, int index) {
    WaitQueue q = waitQueues.get(index);
    q.timerPending = false;
    Ctx c = q.waiter;
    if (q.deadlinePs < 0 || c == null || c.state != Ctx.State.BLOCKED) return;
    if (nowPs < q.deadlinePs) {
      q.timerPending = true;
      sim.scheduleAt(q.deadlinePs, waitTimeout, q.index);
      return;
    }
    q.waiter = null;
    q.deadlinePs = -1;
    q.timeouts++;
    c.waitingOn = null;
    c.timedOut = true;
    wake(c, nowPs, costs.wakeSameCpuPs());
  }

  // ---------------------------------------------------------------- memory

  /** A cache-line transfer when another CPU wrote the cell last; nothing otherwise. */
  private long lineTransferPs(Cell cell, Ctx c) {
    return cell.lastWriterCpu >= 0 && cell.lastWriterCpu != c.cpu.id ? costs.cacheLinePs() : 0;
  }

  private long load(Ctx c, Op op, Routine r, long t) {
    Cell cell = op.cell;
    long extra = lineTransferPs(cell, c);
    long v = cell.value;
    c.locals[c.base[c.depth - 1] + op.local.slot] = v;
    boolean plain = op.code == Op.LOAD;
    if (op.rmw) {
      if (cell.openWindows > 0) cell.overlaps++;
      cell.openWindows++;
      c.loaded[cell.id] = true;
      c.loadVersion[cell.id] = cell.version;
      c.loadTimePs[cell.id] = t;
    }
    if (accessLog != null) {
      accessLog.access(t, cell, c, r.name(), plain ? 'R' : 'r', v, v, c.lockMask, false);
    }
    return t + costs.loadPs() + extra;
  }

  private long store(Ctx c, Op op, Routine r, long t) {
    Cell cell = op.cell;
    long before = cell.value;
    boolean lost = false;
    if (c.loaded[cell.id]) {
      c.loaded[cell.id] = false;
      cell.openWindows--;
      cell.rmwWindows++;
      cell.rmwWindowPsTotal += t - c.loadTimePs[cell.id];
      if (c.loadVersion[cell.id] != cell.version) {
        lost = true;
        cell.lostUpdates++;
        lostUpdates++;
        if (cell.firstLostUpdatePs < 0) cell.firstLostUpdatePs = t;
      }
    }
    long extra = lineTransferPs(cell, c);
    cell.value = c.locals[c.base[c.depth - 1] + op.local.slot];
    cell.version++;
    cell.lastWriterCpu = c.cpu.id;
    cell.lastWriterCtx = c.id;
    if (accessLog != null) {
      accessLog.access(t, cell, c, r.name(), 'W', before, cell.value, c.lockMask, lost);
    }
    return t + costs.storePs() + extra;
  }

  private long atomicAdd(Ctx c, Op op, Routine r, long t) {
    Cell cell = op.cell;
    long extra = lineTransferPs(cell, c);
    long before = cell.value;
    cell.value = before + op.delta.delta(c);
    cell.version++;
    cell.lastWriterCpu = c.cpu.id;
    cell.lastWriterCtx = c.id;
    if (op.local != null) c.locals[c.base[c.depth - 1] + op.local.slot] = before;
    if (accessLog != null) {
      accessLog.access(t, cell, c, r.name(), 'A', before, cell.value, c.lockMask, false);
    }
    return t + costs.atomicPs() + extra;
  }

  // ---------------------------------------------------------------- locks

  private boolean spinLock(Ctx c, Op op, long t) {
    SpinLock l = op.lock;
    if (op.irqSave) c.irqOff++;
    if (op.bh) c.bhOff++;
    long cost = op.irqSave ? costs.spinLockIrqPs() : costs.spinLockPs();
    if (l.holder == null) {
      l.holder = c;
      l.acquisitions++;
      c.lockMask |= 1L << l.id;
      c.tPs = t + cost / 2;
      return true;
    }
    checkState(l.holder != c, "%s: recursive spin_lock(%s) deadlocks", c, l);
    l.contentions++;
    lockContentions++;
    c.state = Ctx.State.SPINNING;
    c.spinningOn = l;
    c.tPs = t;
    l.spinners.add(c);
    return false;
  }

  private long spinUnlock(Ctx c, Op op, long t) {
    SpinLock l = op.lock;
    checkState(l.holder == c, "%s: spin_unlock(%s) not held", c, l);
    c.lockMask &= ~(1L << l.id);
    long cost = op.irqSave ? costs.spinLockIrqPs() : costs.spinLockPs();
    t += cost - cost / 2;
    Ctx next = l.spinners.poll();
    if (next != null) {
      l.holder = next;
      l.acquisitions++;
      l.spinPs += t - next.tPs;
      next.lockMask |= 1L << l.id;
      next.spinningOn = null;
      next.state = Ctx.State.RUNNING;
      next.tPs = t + costs.lockHandoffPs();
      reschedule(next);
    } else {
      l.holder = null;
    }
    if (op.irqSave && --c.irqOff == 0) {
      // The deferred IRQs preempt this context now: they delay it by their duration.
      c.tPs = t;
      deliverDeferredIrqs(c.cpu, t);
      t = c.tPs;
    }
    if (op.bh && --c.bhOff == 0 && c.softirqDepth == 0) takeSoftirq(c);
    return t;
  }

  private boolean mutexLock(Ctx c, Mutex m, long t) {
    if (m.holder == null) {
      m.holder = c;
      m.acquisitions++;
      c.lockMask |= 1L << m.id;
      return true;
    }
    checkState(m.holder != c, "%s: recursive %s", c, m);
    m.contentions++;
    // lock:contention_begin does not fire for the MMC host claim (a wait queue, not a lock).
    if (m.isHostClaim()) {
      hostClaimWaits++;
    } else {
      lockContentions++;
    }
    m.waiters.add(c);
    block(c, t);
    return false;
  }

  private void mutexUnlock(Ctx c, Mutex m, long t) {
    checkState(m.holder == c, "%s: releasing %s it does not hold", c, m);
    c.lockMask &= ~(1L << m.id);
    Ctx next = m.waiters.poll();
    if (next != null) {
      m.holder = next;
      m.acquisitions++;
      next.lockMask |= 1L << m.id;
      // The waiter was blocked inside mutex_lock; it resumes after the op (pc already advanced).
      wake(next, t, wakeLatency(c.cpu.id, next));
    } else {
      m.holder = null;
    }
  }

  // ---------------------------------------------------------------- statistics

  public long warns() {
    return warns;
  }

  public long firstWarnPs() {
    return firstWarnPs;
  }

  /** Contended spinlocks and mutexes: what the lock:contention_begin tracepoint counts. */
  public long lockContentions() {
    return lockContentions;
  }

  /** Times sdio_claim_host had to sleep because another context held the host. */
  public long hostClaimWaits() {
    return hostClaimWaits;
  }

  public long lostUpdates() {
    return lostUpdates;
  }

  public List<WorkItem> workItems() {
    return workItems;
  }

  public List<Cell> cells() {
    return cells;
  }

  public List<SpinLock> spinLocks() {
    return spinLocks;
  }

  public List<Mutex> mutexes() {
    return mutexes;
  }

  public List<Ctx> contexts() {
    return contexts;
  }

  public long irqs() {
    long n = 0;
    for (Cpu c : cpus) n += c.irqs;
    return n;
  }

  /** Hard IRQs delivered on {@code cpu} so far. */
  public long irqs(int cpu) {
    return cpus[cpu].irqs;
  }

  /** Busy time of all CPUs together up to {@code nowPs}, counting the running slices. */
  public long busyPs(long nowPs) {
    long b = 0;
    for (Cpu c : cpus) {
      b += c.busyPs;
      if (c.current != null && c.current.state == Ctx.State.RUNNING) {
        b += Math.max(0, nowPs - c.current.sliceStartPs);
      }
    }
    return b;
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
