package io.bessim.driver.kernel;

import java.util.Arrays;

/**
 * An execution context: a kernel thread, a workqueue worker, or ksoftirqd. Holds the call stack
 * (one frame per routine being executed, each with that call's own variables) and its local clock
 * while it runs.
 */
public final class Ctx {
  /** Cost of an op from the context's state, in ps (or an argument value for calls). */
  @FunctionalInterface
  public interface Cost {
    long ps(Ctx c);
  }

  /** Private driver logic, run at the context's current time. */
  @FunctionalInterface
  public interface Action {
    void run(Ctx c, long nowPs);
  }

  /** A condition on what the routine has read. */
  @FunctionalInterface
  public interface Test {
    boolean test(Ctx c);
  }

  /** A number computed from the routine's variables: an argument, a return value. */
  @FunctionalInterface
  public interface Value {
    long value(Ctx c);
  }

  /** An object computed from the routine's variables: what a raised softirq is handed. */
  @FunctionalInterface
  public interface ObjValue<T> {
    T value(Ctx c);
  }

  /** A delta for an atomic add. */
  @FunctionalInterface
  public interface Delta {
    long delta(Ctx c);
  }

  /**
   * Starts a request that sleeps the context; the implementation must later call
   * {@link Kernel#complete(Ctx, long, int)} (or a result-carrying overload).
   */
  @FunctionalInterface
  public interface Blocking {
    void start(Ctx c, long nowPs);
  }

  /** What kind of context this is, for the shared-state table. */
  public enum Kind { THREAD, WORKER, SOFTIRQ_THREAD }

  enum State { IDLE, RUNNABLE, RUNNING, SPINNING, BLOCKED }

  static final int MAX_DEPTH = 32;

  final int id;
  final String name;
  final Kind kind;
  Cpu cpu;
  State state = State.IDLE;

  final Routine[] stack = new Routine[MAX_DEPTH];
  final int[] pcs = new int[MAX_DEPTH];
  final boolean[] softirqFrame = new boolean[MAX_DEPTH];
  /** Where each frame's numeric variables start in {@link #locals}. */
  final int[] base = new int[MAX_DEPTH];
  /** Where each frame's object variables start in {@link #refs}. */
  final int[] refBase = new int[MAX_DEPTH];
  /** The caller's slot in {@link #locals} awaiting each frame's return value, or -1. */
  final int[] resultSlot = new int[MAX_DEPTH];
  /** The variables of all frames, stacked: the top frame's end where the next one begins. */
  long[] locals = new long[64];
  Object[] refs = new Object[32];
  /** Where the next frame's variables will start: the end of the top frame's. */
  int localsTop;
  int refsTop;
  /** The blocking op this context sleeps in (its result goes to that op's variable). */
  Op blockedIn;
  int depth;

  long tPs;
  long sliceStartPs;
  int token;
  int irqOff;
  int bhOff;
  long lockMask;
  int softirqDepth;
  boolean timedOut;
  WorkItem work;
  SpinLock spinningOn;
  WaitQueue waitingOn;
  long[] loadVersion = new long[8];
  long[] loadTimePs = new long[8];
  boolean[] loaded = new boolean[8];
  long runPs;
  long remainingPs;
  long preemptions;

  Ctx(int id, String name, Kind kind, Cpu cpu) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.cpu = cpu;
  }

  public String name() {
    return name;
  }

  public int id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public int cpuId() {
    return cpu.id;
  }

  /** The value of {@code v} in the call now executing. */
  public long get(Local v) {
    return locals[frameOf(v) + v.slot];
  }

  /** Sets {@code v} in the call now executing. */
  public void set(Local v, long value) {
    locals[frameOf(v) + v.slot] = value;
  }

  /** The object in {@code v} in the call now executing. */
  @SuppressWarnings("unchecked")
  public <T> T get(Ref<T> v) {
    return (T) refs[refFrameOf(v) + v.slot];
  }

  /** Sets {@code v} in the call now executing. */
  public <T> void set(Ref<T> v, T value) {
    refs[refFrameOf(v) + v.slot] = value;
  }

  /** Where the top frame's numbers start, checking that {@code v} is one of its variables. */
  private int frameOf(Local v) {
    int d = depth - 1;
    if (d < 0 || stack[d] != v.routine) throw notInFrame(v);
    return base[d];
  }

  /** Where the top frame's objects start, checking that {@code v} is one of its variables. */
  private int refFrameOf(Ref<?> v) {
    int d = depth - 1;
    if (d < 0 || stack[d] != v.routine) throw notInFrame(v);
    return refBase[d];
  }

  private IllegalStateException notInFrame(Var v) {
    return new IllegalStateException(name + ": " + v + " is a variable of " + v.routine
        + ", not of " + (depth == 0 ? "an empty stack" : stack[depth - 1].name()));
  }

  /**
   * Pushes a frame for {@code r} with its variables zeroed; {@code resultSlot} is the caller's
   * variable (index in {@link #locals}) that receives its return value, or -1.
   */
  void enter(Routine r, boolean softirq, int resultSlot) {
    r.calls++;
    int d = depth;
    if (d >= MAX_DEPTH) {
      throw new IllegalStateException(name + ": call stack overflow in " + r);
    }
    int lb = localsTop;
    int rb = refsTop;
    int lt = lb + r.longCount;
    int rt = rb + r.refCount;
    if (lt > locals.length) locals = Arrays.copyOf(locals, Math.max(2 * locals.length, lt));
    if (rt > refs.length) refs = Arrays.copyOf(refs, Math.max(2 * refs.length, rt));
    // Frames are a few variables each: a plain loop beats a call to Arrays.fill.
    for (int i = lb; i < lt; i++) locals[i] = 0;
    for (int i = rb; i < rt; i++) refs[i] = null;
    localsTop = lt;
    refsTop = rt;
    stack[d] = r;
    pcs[d] = 0;
    base[d] = lb;
    refBase[d] = rb;
    this.resultSlot[d] = resultSlot;
    softirqFrame[d] = softirq;
    if (softirq) softirqDepth++;
    depth = d + 1;
  }

  /**
   * Pops the top frame. Its objects stay referenced until the slots are reused (the next
   * {@link #enter} nulls them), which keeps a return cheap.
   */
  void leave() {
    int d = --depth;
    if (resultSlot[d] >= 0) {
      throw new IllegalStateException(name + ": " + stack[d] + " ended without returning a value");
    }
    if (softirqFrame[d]) softirqDepth--;
    localsTop = base[d];
    refsTop = refBase[d];
    stack[d] = null;
  }

  /** True while the context executes a softirq (NET_RX) on behalf of its CPU. */
  public boolean inSoftirq() {
    return softirqDepth > 0;
  }

  /** Whether the last wait_event returned because of its timeout. */
  public boolean timedOut() {
    return timedOut;
  }

  /** Bitmask of the spinlocks and mutexes held (their ids). */
  public long lockMask() {
    return lockMask;
  }

  /**
   * Whether this context has a read-modify-write window open on {@code cell}: true from its
   * {@code loadForUpdate} (already inside the {@link AccessLog} callback for that load) until its
   * next store to the cell. Tells the race tools an RMW load from a plain read.
   */
  public boolean rmwWindowOpen(Cell cell) {
    return cell.id < loaded.length && loaded[cell.id];
  }

  /** The label used in tables: the softirq when running one, else the context's name. */
  public String contextLabel() {
    return softirqDepth > 0 ? "softirq(NET_RX)" : name;
  }

  /** How often this context lost its CPU to another (wake-up preemption or need_resched). */
  /**
   * The routine {@code below} frames under the top one ({@code 0} is the routine running, 1 its
   * caller), or null when the stack is not that deep.
   */
  public Routine frame(int below) {
    int i = depth - 1 - below;
    return i >= 0 ? stack[i] : null;
  }

  public long preemptions() {
    return preemptions;
  }

  public long cpuTimePs() {
    return runPs;
  }

  /**
   * CPU time up to {@code nowPs}: {@link #cpuTimePs()} and the slice it is running now, as {@link
   * Kernel#busyPs} counts it (the two then agree at any time, not only at a context switch).
   */
  public long cpuTimePs(long nowPs) {
    boolean running = state == State.RUNNING && cpu != null && cpu.current == this;
    return runPs + (running ? Math.max(0, nowPs - sliceStartPs) : 0);
  }

  @Override
  public String toString() {
    return name;
  }
}
