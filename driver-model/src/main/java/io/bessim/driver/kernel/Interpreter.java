package io.bessim.driver.kernel;

/**
 * Executes routines on a context: one op after another on the top frame of its call stack, with
 * calls, returns and softirq handlers pushing and popping frames (see {@link Ctx#enter}).
 *
 * <p>Private ops (compute, jumps, calls, returns) run ahead of the global clock without an event.
 * Every other op can be observed by another context, so it executes only when no pending event
 * comes before it; otherwise the context is rescheduled at its local time and continues from the
 * same op. An op that puts the context to sleep ends the run; the context's next run starts at the
 * following op. A context whose stack empties runs a pending softirq, its work item again, or goes
 * idle.
 */
final class Interpreter {
  private final KernelCosts costs;
  private final Scheduler sched;
  private final Memory memory;
  private final Locks locks;
  private final Waits waits;
  private final WorkQueues work;
  private final Interrupts interrupts;
  KernelTracer tracer;
  Kernel.WarnListener warnListener;
  private long warns;
  private long firstWarnPs = -1;

  Interpreter(KernelCosts costs, Scheduler sched, Memory memory, Locks locks, Waits waits,
      WorkQueues work, Interrupts interrupts) {
    this.costs = costs;
    this.sched = sched;
    this.memory = memory;
    this.locks = locks;
    this.waits = waits;
    this.work = work;
    this.interrupts = interrupts;
  }

  long warns() {
    return warns;
  }

  long firstWarnPs() {
    return firstWarnPs;
  }

  /**
   * Runs {@code c} from its local time until it sleeps, idles or must wait for an event. The
   * private ops of the top frame run in an inner loop with the pc in a local, from the routine's
   * primitive arrays ({@link Routine#code}); with no tracer, a run of computes is one step and
   * chains of jumps are one jump. The pc is written back to the frame before anything that can
   * see it: a call, a shared op, a wait for an event.
   */
  void runOps(Ctx c, long firedAt) {
    long t = c.tPs;
    final KernelTracer tracer = this.tracer;
    for (;;) {
      if (c.depth == 0) {
        // Ending a run (or a work item's loop deciding to go again) is observable: a queue_work
        // or a wake-up due before t must be seen first, so wait for them like any shared op.
        if (t != firedAt && t >= sched.sim.nextEventPs()) {
          c.tPs = t;
          sched.reschedule(c);
          return;
        }
        c.tPs = t;
        if (!onEmptyStack(c)) return;
        t = c.tPs;
        continue;
      }
      int d = c.depth - 1;
      Routine r = c.stack[d];
      final int[] code = r.code;
      final int n = code.length;
      int pc = c.pcs[d];
      Op op;
      private_ops:
      for (;;) {
        if (pc >= n) {
          boolean wasSoftirq = c.softirqFrame[d];
          c.leave();
          if (wasSoftirq && tracer != null) tracer.softirq(c, false, t);
          if (wasSoftirq && c.bhOff == 0 && c.softirqDepth == 0) takeSoftirq(c, t);
          op = null;
          break;
        }
        switch (code[pc]) {
          case Op.COMPUTE:
            if (tracer == null) {
              t += r.runPs[pc];
              pc = r.next[pc];
            } else {
              op = r.op(pc);
              tracer.op(c, r, op, t, t + op.ps);
              t += op.ps;
              pc++;
            }
            continue;
          case Op.COMPUTE_FN: {
            op = r.op(pc);
            long ps = op.cost.ps(c);
            if (tracer != null) tracer.op(c, r, op, t, t + ps);
            t += ps;
            pc++;
            continue;
          }
          case Op.JUMP:
            pc = tracer == null ? r.next[pc] : r.op(pc).target;
            continue;
          case Op.JUMP_IF:
            op = r.op(pc);
            if (tracer == null) {
              pc = op.test.test(c) ? r.jumpTo[pc] : r.next[pc];
            } else {
              pc = op.test.test(c) ? op.target : pc + 1;
            }
            continue;
          case Op.CALL:
            c.pcs[d] = pc + 1;
            call(c, r.op(pc));
            op = null;
            break private_ops;
          case Op.RETURN:
            op = r.op(pc);
            if (op.value != null) {
              long v = op.value.value(c);
              int slot = c.resultSlot[d];
              if (slot >= 0) {
                c.locals[slot] = v;
                c.resultSlot[d] = -1;
              }
            }
            pc = n;
            continue;
          default:
            op = r.op(pc);
            break private_ops;
        }
      }
      if (op == null) continue;
      // Everything below can be observed by another context: execute it only when no pending
      // event comes first, so shared effects happen in global time order.
      if (t != firedAt && t >= sched.sim.nextEventPs()) {
        c.pcs[d] = pc;
        c.tPs = t;
        sched.reschedule(c);
        return;
      }
      c.tPs = t;
      if (c.cpu.needResched) {
        // Preempted here, the context resumes at this op.
        c.pcs[d] = pc;
        if (sched.preemptionPoint(c, t)) return;
      }
      int cpu = c.cpu.id;
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
          t = memory.load(c, op, r, t);
          break;
        case Op.STORE:
          t = memory.store(c, op, r, t);
          break;
        case Op.ATOMIC_ADD:
          t = memory.atomicAdd(c, op, r, t);
          break;
        case Op.SPIN_LOCK:
          if (!locks.spinLock(c, op, t)) {
            if (tracer != null) tracer.op(c, r, op, t0, -1);
            return;
          }
          t = c.tPs;
          break;
        case Op.SPIN_UNLOCK:
          t = locks.spinUnlock(c, op, t);
          if (op.bh && c.bhOff == 0 && c.softirqDepth == 0) takeSoftirq(c, t);
          break;
        case Op.MUTEX_LOCK:
          if (!locks.mutexLock(c, op.mutex, t)) {
            if (tracer != null) tracer.op(c, r, op, t0, -1);
            return;
          }
          t += costs.mutexPs();
          break;
        case Op.MUTEX_UNLOCK:
          locks.mutexUnlock(c, op.mutex, t);
          t += costs.mutexPs();
          break;
        case Op.QUEUE_WORK:
          work.queueWork(op.work, cpu, t);
          t += costs.queueWorkPs();
          break;
        case Op.WAKE_UP:
          waits.wakeUp(op.waitQueue, cpu, t);
          t += costs.wakeUpCallPs();
          break;
        case Op.WAIT_EVENT:
          if (op.waitQueue.condition.test(c)) {
            c.timedOut = false;
            break;
          }
          if (tracer != null) tracer.op(c, r, op, t0, -1);
          waits.waitEvent(c, op, t);
          return;
        case Op.BLOCKING:
          if (tracer != null) tracer.op(c, r, op, t0, -1);
          waits.block(c, op, t);
          return;
        case Op.SLEEP:
          r.sleeps++;
          if (tracer != null) tracer.op(c, r, op, t0, -1);
          sched.sleep(c, t, op.ps);
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
            interrupts.raiseSoftirq(c, op.routine, null);
          } else {
            Object o = op.object.value(c);
            if (o != null) interrupts.raiseSoftirq(c, op.routine, o);
          }
          break;
        case Op.LOCAL_BH_ENABLE:
          if (c.bhOff == 0 && c.softirqDepth == 0) takeSoftirq(c, t);
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
    if (takeSoftirq(c, t)) return true;
    Routine next = work.nextExecution(c);
    if (next != null) {
      c.enter(next, false, -1);
      return true;
    }
    sched.idle(c, t);
    return false;
  }

  /**
   * Pushes the callee of {@code op}, copying the caller's arguments into its parameters; its
   * return value, if the call wants one, will land in the caller's {@code op.into}.
   */
  private static void call(Ctx c, Op op) {
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
    c.enter(callee, false, op.into == null ? -1 : callerBase + op.into.slot);
    if (op.argValue != null) {
      if (params[0].isRef) {
        throw new IllegalStateException(c + ": " + callee + "'s parameter " + params[0]
            + " is an object, not a number");
      }
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

  /**
   * Runs the next softirq pending on {@code c}'s CPU in {@code c}: pushes its handler as a
   * softirq frame on top of whatever {@code c} was running (whose variables stay below it,
   * untouched), at {@code t}. Returns false if none is pending.
   */
  private boolean takeSoftirq(Ctx c, long t) {
    Cpu cpu = c.cpu;
    if (cpu.softirqRoutines.isEmpty()) return false;
    if (tracer != null) tracer.softirq(c, true, t);
    Routine r = cpu.softirqRoutines.poll();
    Object o = cpu.softirqPending.poll();
    if (o == Boolean.FALSE) o = null;
    c.enter(r, true, -1);
    // The handler's one parameter, if it declares one, is what the raiser handed over.
    Var[] params = r.params;
    if (params.length == 1 && params[0].isRef) {
      c.refs[c.refBase[c.depth - 1] + params[0].slot] = o;
    } else if (params.length != 0) {
      throw new IllegalStateException(r + ": a softirq handler takes at most one object");
    }
    return true;
  }
}
