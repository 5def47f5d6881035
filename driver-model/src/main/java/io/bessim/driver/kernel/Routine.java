package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A driver function as a short program of {@link Op}s, named after the C function it models, with
 * the variables that function declares ({@link Var}): each call gets its own, so a callee never
 * sees its caller's. Built once per simulation with {@link #define}; immutable afterwards.
 *
 * <pre>{@code
 * Routine.define("wsm_release_tx_buffer", b -> {
 *   Local used = b.local("hw_bufs_used");
 *   b.loadForUpdate(hw_bufs_used, used)
 *       .exec("hw_bufs_used - 1", (c, t) -> c.set(used, c.get(used) - 1))
 *       .store(hw_bufs_used, used)
 *       .warnOn("hw_bufs_used < 0", c -> c.get(used) < 0);
 * });
 * }</pre>
 */
public final class Routine {
  private static final Var[] NO_PARAMS = new Var[0];

  private static final int[] NO_INTS = new int[0];
  private static final long[] NO_LONGS = new long[0];

  private final String name;
  private Op[] ops = new Op[0];
  /*
   * The interpreter's view of the ops, built once with the body: parallel primitive arrays
   * indexed by pc, so that the private ops run from arrays with no Op dereference.
   */
  /** Each op's opcode. */
  int[] code = NO_INTS;
  /**
   * For a fixed compute at pc, the time of it and of every fixed compute after it up to the next
   * other op, following jumps: a run of computes costs one step when no tracer wants each op.
   */
  long[] runPs = NO_LONGS;
  /**
   * Where control goes after the op at pc with no tracer: after a compute, past the run it
   * starts; after a jump or an untaken jump-if, at the end of the chain of jumps it leads to.
   */
  int[] next = NO_INTS;
  /** A taken jump-if's target, at the end of its chain of jumps. */
  int[] jumpTo = NO_INTS;
  /** Sizes of a frame of this routine: its numeric and its object variables. */
  int longCount;
  int refCount;
  /** The declared parameters in order; a call's arguments are copied into them. */
  Var[] params = NO_PARAMS;
  /** Times a context entered this routine (called it, or ran it as a work item or softirq). */
  long calls;
  /** Times one of its {@code sleep} ops put a context to sleep. */
  long sleeps;

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
    compile();
    longCount = b.longCount;
    refCount = b.refCount;
    params = b.params.toArray(NO_PARAMS);
    return this;
  }

  /**
   * Fills the interpreter's arrays. Merging computes and collapsing jumps changes no outcome: both
   * are private ops (no event, nothing another context sees), only a tracer tells them apart, and
   * with one attached the interpreter steps op by op.
   */
  private void compile() {
    int n = ops.length;
    code = new int[n];
    runPs = new long[n];
    next = new int[n];
    jumpTo = new int[n];
    for (int pc = 0; pc < n; pc++) {
      Op op = ops[pc];
      code[pc] = op.code;
      next[pc] = pc + 1;
      switch (op.code) {
        case Op.COMPUTE: {
          long ps = 0;
          int at = pc;
          // A loop of computes alone never ends; stop merging rather than spin here.
          for (int steps = 0; steps <= n; steps++) {
            if (at < n && ops[at].code == Op.COMPUTE) {
              ps += ops[at].ps;
              at++;
            } else if (at < n && ops[at].code == Op.JUMP) {
              at = ops[at].target;
            } else {
              break;
            }
          }
          runPs[pc] = ps;
          next[pc] = at;
          break;
        }
        case Op.JUMP:
          next[pc] = endOfJumps(op.target);
          break;
        case Op.JUMP_IF:
          jumpTo[pc] = endOfJumps(op.target);
          next[pc] = endOfJumps(pc + 1);
          break;
        default:
          break;
      }
    }
  }

  /** Where the chain of jumps starting at {@code pc} ends: {@code pc} itself if it is no jump. */
  private int endOfJumps(int pc) {
    int at = pc;
    for (int steps = 0; steps <= ops.length && at < ops.length && ops[at].code == Op.JUMP;
        steps++) {
      at = ops[at].target;
    }
    return at;
  }

  /** Times it was entered: what a function-entry tracepoint on it would count. */
  public long calls() {
    return calls;
  }

  /** Times one of its {@code msleep}s ran. */
  public long sleeps() {
    return sleeps;
  }

  public String name() {
    return name;
  }

  public List<Op> ops() {
    return List.of(ops);
  }

  /** The parameters, in the order a call passes its arguments. */
  public List<Var> params() {
    return List.of(params);
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
    private final Map<String, Var> vars = new HashMap<>();
    private final List<Var> params = new ArrayList<>();
    private int longCount;
    private int refCount;

    private Builder add(Op op) {
      list.add(op);
      return this;
    }

    /** Declares a numeric local of this routine, zero on entry: {@code int retry = 0;}. */
    public Local local(String name) {
      return declare(new Local(Routine.this, name, longCount++));
    }

    /** Declares an object local of this routine, null on entry: {@code struct sk_buff *skb;}. */
    public <T> Ref<T> ref(String name) {
      return declare(new Ref<T>(Routine.this, name, refCount++));
    }

    /** Declares the next numeric parameter: a call's argument in this position lands here. */
    public Local param(String name) {
      Local p = local(name);
      params.add(p);
      return p;
    }

    /** Declares the next object parameter: a call's argument in this position lands here. */
    public <T> Ref<T> refParam(String name) {
      Ref<T> p = ref(name);
      params.add(p);
      return p;
    }

    private <V extends Var> V declare(V v) {
      checkArgument(vars.put(v.name, v) == null, "routine %s: %s declared twice", name, v.name);
      return v;
    }

    private void checkOwn(Var v) {
      checkArgument(v.routine == Routine.this, "routine %s: %s is a variable of %s", name, v,
          v.routine);
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

    /** Plain load of a shared cell into {@code into} (a read, not an update). */
    public Builder load(Cell cell, Local into) {
      checkOwn(into);
      Op op = new Op(Op.LOAD, "load " + cell.name());
      op.cell = cell;
      op.local = into;
      return add(op);
    }

    /**
     * Plain load into {@code into} that opens a read-modify-write window, closed by this
     * context's next store to the same cell: {@code x = cell; ...; cell = x'}.
     */
    public Builder loadForUpdate(Cell cell, Local into) {
      checkOwn(into);
      Op op = new Op(Op.LOAD, "load " + cell.name());
      op.cell = cell;
      op.local = into;
      op.rmw = true;
      return add(op);
    }

    /** Plain store of {@code from} to a shared cell. */
    public Builder store(Cell cell, Local from) {
      checkOwn(from);
      Op op = new Op(Op.STORE, "store " + cell.name());
      op.cell = cell;
      op.local = from;
      return add(op);
    }

    /** {@code atomic_add(delta, cell)}: an atomic add whose result nobody reads. */
    public Builder atomicAdd(Cell cell, Ctx.Delta delta) {
      Op op = new Op(Op.ATOMIC_ADD, "atomic_fetch_add " + cell.name());
      op.cell = cell;
      op.delta = delta;
      return add(op);
    }

    /** Atomic fetch-and-add; the value before is left in {@code before}. */
    public Builder atomicAdd(Cell cell, Ctx.Delta delta, Local before) {
      checkOwn(before);
      Op op = new Op(Op.ATOMIC_ADD, "atomic_fetch_add " + cell.name());
      op.cell = cell;
      op.delta = delta;
      op.local = before;
      return add(op);
    }

    /** {@code into = atomic_read(cell)}. */
    public Builder atomicRead(Cell cell, Local into) {
      checkOwn(into);
      Op op = new Op(Op.ATOMIC_READ, "atomic_read " + cell.name());
      op.cell = cell;
      op.local = into;
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

    /**
     * Raises a softirq that runs {@code handler} on this CPU: at the next
     * {@code local_bh_enable} here, or in ksoftirqd if this context sleeps first.
     */
    public Builder raiseSoftirq(String what, Routine handler) {
      Op op = new Op(Op.RAISE_SOFTIRQ, what);
      op.routine = handler;
      return add(op);
    }

    /**
     * Raises a softirq that runs {@code handler} with what {@code arg} computes (its object
     * parameter): {@code ieee80211_rx_irqsafe(skb)}. When {@code arg} computes null there is
     * nothing to hand over and nothing is raised (an empty list for {@code ieee80211_rx_list}).
     */
    public Builder raiseSoftirq(String what, Routine handler, Ctx.ObjValue<?> arg) {
      Op op = new Op(Op.RAISE_SOFTIRQ, what);
      op.routine = handler;
      op.object = arg;
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

    /**
     * A request that sleeps until completed with a result, which lands in {@code result}
     * ({@link Kernel#complete(Ctx, long, int, long)} for a {@link Local},
     * {@link Kernel#complete(Ctx, long, int, Object)} for a {@link Ref}).
     */
    public Builder blocking(String what, Ctx.Blocking b, Var result) {
      checkOwn(result);
      Op op = new Op(Op.BLOCKING, what);
      op.blocking = b;
      op.result = result;
      return add(op);
    }

    /** {@code msleep}. */
    public Builder sleep(String what, long ps) {
      Op op = new Op(Op.SLEEP, what);
      op.ps = ps;
      return add(op);
    }

    /**
     * Calls {@code r}, passing this routine's variables by value into its parameters in order:
     * {@code wsm_handle_rx(skb)}.
     */
    public Builder call(Routine r, Var... args) {
      return add(callOp(r, args, null));
    }

    /** Calls {@code r} with one number computed here, passed into its (only) parameter. */
    public Builder call(Routine r, Ctx.Value arg) {
      Op op = new Op(Op.CALL, r.name() + "(...)");
      op.routine = r;
      op.argValue = arg;
      return add(op);
    }

    /**
     * {@code result = r(args...)}: calls {@code r}, which must end with a {@link #ret(Local)}
     * (or {@link #ret(String, Ctx.Value)}) whose value lands in this routine's {@code result}.
     */
    public Builder callInto(Local result, Routine r, Var... args) {
      checkOwn(result);
      return add(callOp(r, args, result));
    }

    private Op callOp(Routine r, Var[] args, Local into) {
      StringBuilder text = new StringBuilder();
      if (into != null) text.append(into.name).append(" = ");
      text.append(r.name()).append('(');
      for (int i = 0; i < args.length; i++) {
        checkOwn(args[i]);
        text.append(i == 0 ? "" : ", ").append(args[i].name);
      }
      Op op = new Op(Op.CALL, text.append(')').toString());
      op.routine = r;
      op.args = args.clone();
      op.into = into;
      return op;
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

    /** {@code return v;}: ends the routine, giving {@code v} to a {@link #callInto} caller. */
    public Builder ret(Local v) {
      checkOwn(v);
      Op op = new Op(Op.RETURN, "return " + v.name);
      op.value = c -> c.get(v);
      return add(op);
    }

    /** {@code return what;}: ends the routine, giving a value to a {@link #callInto} caller. */
    public Builder ret(String what, Ctx.Value v) {
      Op op = new Op(Op.RETURN, "return " + what);
      op.value = v;
      return add(op);
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
