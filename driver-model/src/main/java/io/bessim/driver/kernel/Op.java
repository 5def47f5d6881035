package io.bessim.driver.kernel;

/**
 * One operation of a driver routine. A single final class with an int opcode keeps the
 * interpreter a plain switch with no virtual dispatch or allocation on the hot path; the public
 * accessors are a read-only view for tools that walk a built routine (its {@link #kind()} and what
 * it names: the cell, lock, work item, wait queue, callee or softirq handler).
 */
public final class Op {
  /** What an op does, as the routine language spells it. */
  public enum Kind {
    /** Private work for a fixed or computed time. */
    COMPUTE,
    /** Driver logic on state only this context owns. */
    EXEC,
    /** A plain load of a shared cell (also the start of a read-modify-write). */
    LOAD,
    STORE,
    ATOMIC_ADD,
    ATOMIC_READ,
    SPIN_LOCK,
    SPIN_UNLOCK,
    /** A mutex, or the MMC host claim ({@code sdio_claim_host}). */
    MUTEX_LOCK,
    MUTEX_UNLOCK,
    QUEUE_WORK,
    WAKE_UP,
    WAIT_EVENT,
    CALL,
    JUMP,
    JUMP_IF,
    WARN_ON,
    /** A request (an SDIO command) that sleeps until something outside completes it. */
    BLOCKING,
    SLEEP,
    RETURN,
    LOCAL_BH_ENABLE,
    RAISE_SOFTIRQ
  }

  /** Opcodes, indexes into {@link #KINDS}. */
  static final int COMPUTE = 0;
  static final int COMPUTE_FN = 1;
  static final int EXEC = 2;
  static final int LOAD = 3;
  static final int STORE = 4;
  static final int ATOMIC_ADD = 5;
  static final int ATOMIC_READ = 6;
  static final int SPIN_LOCK = 7;
  static final int SPIN_UNLOCK = 8;
  static final int MUTEX_LOCK = 9;
  static final int MUTEX_UNLOCK = 10;
  static final int QUEUE_WORK = 11;
  static final int WAKE_UP = 12;
  static final int WAIT_EVENT = 13;
  static final int CALL = 14;
  static final int JUMP = 15;
  static final int JUMP_IF = 16;
  static final int WARN_ON = 17;
  static final int BLOCKING = 18;
  static final int SLEEP = 19;
  static final int RETURN = 20;
  static final int LOCAL_BH_ENABLE = 21;
  static final int RAISE_SOFTIRQ = 22;

  private static final Kind[] KINDS = {
    Kind.COMPUTE, Kind.COMPUTE, Kind.EXEC, Kind.LOAD, Kind.STORE, Kind.ATOMIC_ADD,
    Kind.ATOMIC_READ, Kind.SPIN_LOCK, Kind.SPIN_UNLOCK, Kind.MUTEX_LOCK, Kind.MUTEX_UNLOCK,
    Kind.QUEUE_WORK, Kind.WAKE_UP, Kind.WAIT_EVENT, Kind.CALL, Kind.JUMP, Kind.JUMP_IF,
    Kind.WARN_ON, Kind.BLOCKING, Kind.SLEEP, Kind.RETURN, Kind.LOCAL_BH_ENABLE,
    Kind.RAISE_SOFTIRQ
  };

  final int code;
  final String text;
  long ps;
  Cell cell;
  /** The variable a load, atomic or store reads or writes. */
  Local local;
  SpinLock lock;
  boolean irqSave;
  boolean bh;
  boolean rmw;
  Mutex mutex;
  WorkItem work;
  WaitQueue waitQueue;
  /** The callee of a call, the handler of a raised softirq. */
  Routine routine;
  int target;
  String label;
  Ctx.Cost cost;
  Ctx.Action action;
  Ctx.Test test;
  Ctx.Blocking blocking;
  Ctx.Delta delta;
  /** A call's arguments, copied into the callee's parameters. */
  Var[] args;
  /** A call's argument computed by the caller (instead of {@link #args}). */
  Ctx.Value argValue;
  /** The caller's variable that receives a call's return value, or null. */
  Local into;
  /** A return's value, or null. */
  Ctx.Value value;
  /** The variable that receives a blocking request's result, or null. */
  Var result;
  /** What a raised softirq's handler is handed, or null for nothing. */
  Ctx.ObjValue<?> object;

  Op(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** What the op does. */
  public Kind kind() {
    return KINDS[code];
  }

  /**
   * A one-line description in the driver's vocabulary, for traces and explanations; for a
   * blocking op, what the request is ({@code bes2600_sdio_read_ctrl: CMD52}).
   */
  public String text() {
    return text;
  }

  public boolean isSharedMemory() {
    return code == LOAD || code == STORE || code == ATOMIC_ADD || code == ATOMIC_READ;
  }

  /** The shared cell of a load, store or atomic; null for other kinds. */
  public Cell cell() {
    return cell;
  }

  /** The lock of a spin lock or unlock; null for other kinds. */
  public SpinLock spinLock() {
    return lock;
  }

  /** The mutex (or host claim) of a lock or unlock; null for other kinds. */
  public Mutex mutex() {
    return mutex;
  }

  /** The work item a {@code queue_work} queues; null for other kinds. */
  public WorkItem workItem() {
    return work;
  }

  /** The queue a {@code wake_up} wakes or a {@code wait_event} sleeps on; null otherwise. */
  public WaitQueue waitQueue() {
    return waitQueue;
  }

  /** The routine a call calls; null for other kinds. */
  public Routine callee() {
    return code == CALL ? routine : null;
  }

  /** The routine a raised softirq runs; null for other kinds. */
  public Routine softirqHandler() {
    return code == RAISE_SOFTIRQ ? routine : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
