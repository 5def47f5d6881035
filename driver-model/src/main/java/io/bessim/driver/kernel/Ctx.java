package io.bessim.driver.kernel;

/**
 * An execution context: a kernel thread, a workqueue worker, or ksoftirqd. Holds the call stack,
 * a few registers for values a routine has read, and its local clock while it runs.
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

  /** A delta for an atomic add. */
  @FunctionalInterface
  public interface Delta {
    long delta(Ctx c);
  }

  /**
   * Starts a request that sleeps the context; the implementation must later call
   * {@link Kernel#complete(Ctx, long)}.
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
  final long[] args = new long[MAX_DEPTH];
  final Object[] objs = new Object[MAX_DEPTH];
  final boolean[] softirqFrame = new boolean[MAX_DEPTH];
  final long[] savedReg = new long[MAX_DEPTH * 8];
  final Object[] savedObj = new Object[MAX_DEPTH];
  int depth;

  /** General-purpose registers for values loaded from cells or computed by actions. */
  public final long[] reg = new long[8];
  /** An object a routine passes to the next op (the skb being handled, say). */
  public Object obj;

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

  /** The argument of the routine now executing. */
  public long arg() {
    return args[depth - 1];
  }

  /** The object argument of the routine now executing. */
  public Object argObj() {
    return objs[depth - 1];
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
  public long preemptions() {
    return preemptions;
  }

  public long cpuTimePs() {
    return runPs;
  }

  @Override
  public String toString() {
    return name;
  }
}
