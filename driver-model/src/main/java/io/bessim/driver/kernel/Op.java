package io.bessim.driver.kernel;

/**
 * One operation of a driver routine. A single final class with an opcode keeps the interpreter a
 * plain switch with no virtual dispatch or allocation on the hot path.
 */
public final class Op {
  /** Opcodes. */
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

  Op(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** A one-line description in the driver's vocabulary, for traces and explanations. */
  public String text() {
    return text;
  }

  public boolean isSharedMemory() {
    return code == LOAD || code == STORE || code == ATOMIC_ADD || code == ATOMIC_READ;
  }

  public Cell cell() {
    return cell;
  }

  public int code() {
    return code;
  }

  @Override
  public String toString() {
    return text;
  }
}
