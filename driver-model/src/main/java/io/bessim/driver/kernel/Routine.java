package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A driver function as a short program of {@link Op}s, named after the C function it models. Built
 * once per simulation with {@link #define}; immutable afterwards.
 */
public final class Routine {
  private final String name;
  private Op[] ops = new Op[0];

  private Routine(String name) {
    this.name = name;
  }

  /** Declares a routine whose body is given later (for mutual recursion and forward calls). */
  public static Routine declare(String name) {
    return new Routine(name);
  }

  public static Routine define(String name, Consumer<Builder> body) {
    Routine r = new Routine(name);
    r.body(body);
    return r;
  }

  /** Sets the body of a declared routine. */
  public Routine body(Consumer<Builder> body) {
    checkState(ops.length == 0, "routine %s already defined", name);
    Builder b = new Builder();
    body.accept(b);
    ops = b.finish();
    return this;
  }

  public String name() {
    return name;
  }

  public List<Op> ops() {
    return List.of(ops);
  }

  Op op(int pc) {
    return ops[pc];
  }

  int length() {
    return ops.length;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Writes the routine's operations in order; labels name jump targets. */
  public final class Builder {
    private final List<Op> list = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    private Builder add(Op op) {
      list.add(op);
      return this;
    }

    /** Private work on this CPU for a fixed time. */
    public Builder compute(String what, long ps) {
      Op op = new Op(Op.COMPUTE, what);
      op.ps = ps;
      return add(op);
    }

    /** Private work whose duration depends on what the routine has read. */
    public Builder compute(String what, Ctx.Cost cost) {
      Op op = new Op(Op.COMPUTE_FN, what);
      op.cost = cost;
      return add(op);
    }

    /** Driver logic that touches state only this context owns, or the chip through its own API. */
    public Builder exec(String what, Ctx.Action action) {
      Op op = new Op(Op.EXEC, what);
      op.action = action;
      return add(op);
    }

    /** Plain load of a shared cell into register {@code reg} (a read, not an update). */
    public Builder load(Cell cell, int reg) {
      Op op = new Op(Op.LOAD, "load " + cell.name());
      op.cell = cell;
      op.reg = reg;
      return add(op);
    }

    /**
     * Plain load that opens a read-modify-write window, closed by this context's next store to
     * the same cell: {@code x = cell; ...; cell = x'}.
     */
    public Builder loadForUpdate(Cell cell, int reg) {
      Op op = new Op(Op.LOAD, "load " + cell.name());
      op.cell = cell;
      op.reg = reg;
      op.rmw = true;
      return add(op);
    }

    /** Plain store of register {@code reg} to a shared cell. */
    public Builder store(Cell cell, int reg) {
      Op op = new Op(Op.STORE, "store " + cell.name());
      op.cell = cell;
      op.reg = reg;
      return add(op);
    }

    /** Atomic fetch-and-add; the value before is left in {@code reg}. */
    public Builder atomicAdd(Cell cell, Ctx.Delta delta, int reg) {
      Op op = new Op(Op.ATOMIC_ADD, "atomic_fetch_add " + cell.name());
      op.cell = cell;
      op.delta = delta;
      op.reg = reg;
      return add(op);
    }

    /** {@code atomic_read}. */
    public Builder atomicRead(Cell cell, int reg) {
      Op op = new Op(Op.ATOMIC_READ, "atomic_read " + cell.name());
      op.cell = cell;
      op.reg = reg;
      return add(op);
    }

    public Builder spinLock(SpinLock l) {
      return lock(l, false, false, "spin_lock(" + l.name() + ")");
    }

    public Builder spinLockBh(SpinLock l) {
      return lock(l, false, true, "spin_lock_bh(" + l.name() + ")");
    }

    public Builder spinLockIrqsave(SpinLock l) {
      return lock(l, true, false, "spin_lock_irqsave(" + l.name() + ")");
    }

    private Builder lock(SpinLock l, boolean irq, boolean bh, String text) {
      Op op = new Op(Op.SPIN_LOCK, text);
      op.lock = l;
      op.irqSave = irq;
      op.bh = bh;
      return add(op);
    }

    public Builder spinUnlock(SpinLock l) {
      return unlock(l, false, false, "spin_unlock(" + l.name() + ")");
    }

    /** {@code spin_unlock_bh}: also runs pending softirqs on this CPU (local_bh_enable). */
    public Builder spinUnlockBh(SpinLock l) {
      return unlock(l, false, true, "spin_unlock_bh(" + l.name() + ")");
    }

    public Builder spinUnlockIrqrestore(SpinLock l) {
      return unlock(l, true, false, "spin_unlock_irqrestore(" + l.name() + ")");
    }

    private Builder unlock(SpinLock l, boolean irq, boolean bh, String text) {
      Op op = new Op(Op.SPIN_UNLOCK, text);
      op.lock = l;
      op.irqSave = irq;
      op.bh = bh;
      return add(op);
    }

    public Builder mutexLock(Mutex m) {
      Op op = new Op(Op.MUTEX_LOCK, m.lockVerb() + "(" + m.name() + ")");
      op.mutex = m;
      return add(op);
    }

    public Builder mutexUnlock(Mutex m) {
      Op op = new Op(Op.MUTEX_UNLOCK, m.unlockVerb() + "(" + m.name() + ")");
      op.mutex = m;
      return add(op);
    }

    /** {@code queue_work(wq, item)} on the calling CPU. */
    public Builder queueWork(WorkItem w) {
      Op op = new Op(Op.QUEUE_WORK, "queue_work(" + w.name() + ")");
      op.work = w;
      return add(op);
    }

    /** {@code wake_up(wq)} with the condition's counter bumped by the action first. */
    public Builder wakeUp(WaitQueue q) {
      Op op = new Op(Op.WAKE_UP, "wake_up(" + q.name() + ")");
      op.waitQueue = q;
      return add(op);
    }

    /** {@code wait_event_timeout(wq, cond)}: sleeps until the queue is woken (or times out). */
    public Builder waitEvent(WaitQueue q, Ctx.Cost timeoutPs) {
      Op op = new Op(Op.WAIT_EVENT, "wait_event(" + q.name() + ")");
      op.waitQueue = q;
      op.cost = timeoutPs;
      return add(op);
    }

    /** A request that puts the thread to sleep until something outside completes it. */
    public Builder blocking(String what, Ctx.Blocking b) {
      Op op = new Op(Op.BLOCKING, what);
      op.blocking = b;
      return add(op);
    }

    /** {@code msleep}. */
    public Builder sleep(String what, long ps) {
      Op op = new Op(Op.SLEEP, what);
      op.ps = ps;
      return add(op);
    }

    public Builder call(Routine r) {
      Op op = new Op(Op.CALL, r.name() + "()");
      op.routine = r;
      return add(op);
    }

    /** Calls {@code r} with {@code arg} in the callee's argument slot. */
    public Builder call(Routine r, Ctx.Cost arg) {
      Op op = new Op(Op.CALL, r.name() + "(...)");
      op.routine = r;
      op.cost = arg;
      return add(op);
    }

    public Builder label(String name) {
      checkArgument(labels.put(name, list.size()) == null, "duplicate label %s", name);
      return this;
    }

    public Builder jump(String label) {
      Op op = new Op(Op.JUMP, "goto " + label);
      op.label = label;
      return add(op);
    }

    public Builder jumpIf(String what, Ctx.Test test, String label) {
      Op op = new Op(Op.JUMP_IF, "if (" + what + ") goto " + label);
      op.test = test;
      op.label = label;
      return add(op);
    }

    /** {@code WARN_ON(cond)}: counts, timestamps, and costs a stack dump when it fires. */
    public Builder warnOn(String what, Ctx.Test test) {
      Op op = new Op(Op.WARN_ON, "WARN_ON(" + what + ")");
      op.test = test;
      return add(op);
    }

    public Builder ret() {
      return add(new Op(Op.RETURN, "return"));
    }

    /** {@code local_bh_enable}: runs pending softirqs inline. */
    public Builder localBhEnable() {
      return add(new Op(Op.LOCAL_BH_ENABLE, "local_bh_enable()"));
    }

    Op[] finish() {
      for (Op op : list) {
        if (op.label != null) {
          Integer t = labels.get(op.label);
          checkArgument(t != null, "routine %s: no label %s", name, op.label);
          op.target = t;
        }
      }
      return list.toArray(new Op[0]);
    }
  }
}
