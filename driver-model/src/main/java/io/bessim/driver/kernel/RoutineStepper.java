package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one routine by itself, outside any simulation, stopping before each shared-memory op so
 * that a caller can interleave two routines op by op (the race tools' interleaving explorer).
 *
 * <p>It executes the routine's own ops: private arithmetic ({@code exec} actions) on the
 * routine's variables in a scratch context, jumps and {@code WARN_ON} tests as written, loads,
 * stores and atomic adds against a memory the caller owns. Time does not exist here: computes are skipped and locks are
 * only noted (a lone routine never waits). Ops that need a running kernel (calls, wake-ups, SDIO
 * requests, sleeps) are refused, so it suits small leaf routines such as the counter updates.
 * Each {@code exec} action runs as the simulator would run it, so it must touch only the
 * routine's variables.
 */
public final class RoutineStepper {
  private static final int MAX_STEPS = 10_000;

  /**
   * One executed shared-memory op: the cell's value before and after it, the value its update
   * was based on ({@code base}: what this routine's own load read, for a plain store), the locks
   * held around it, and whether it overwrote another routine's update.
   */
  public record Step(Op op, char kind, long before, long after, long base, Set<String> locksHeld,
      boolean lost) {
    /** The value the op read ('R', 'r') or wrote ('W', 'A'). */
    public long value() {
      return kind == 'R' || kind == 'r' ? before : after;
    }
  }

  private final Routine routine;
  private final Ctx ctx;
  private final Set<String> locks = new LinkedHashSet<>();
  private final List<String> warnings = new ArrayList<>();
  /** The version of each cell at this routine's open read-modify-write load. */
  private final Map<Cell, Long> loadedVersion = new HashMap<>();
  private final Map<Cell, Long> loadedValue = new HashMap<>();
  private int pc;

  /** A stepper at the first op of {@code r}, with its variables zeroed. */
  public RoutineStepper(Routine r, String contextName) {
    this.routine = r;
    this.ctx = new Ctx(-1, contextName, Ctx.Kind.THREAD, new Cpu(0));
    // The routine's frame, so that its actions read and write its variables as in the kernel.
    ctx.enter(r, false, -1);
  }

  /**
   * Runs private ops up to the next shared-memory op; returns that op (not yet executed), or null
   * when the routine has ended.
   */
  public Op advance() {
    for (int n = 0; n < MAX_STEPS; n++) {
      if (pc >= routine.length()) return null;
      Op op = routine.op(pc);
      switch (op.code) {
        case Op.LOAD:
        case Op.STORE:
        case Op.ATOMIC_ADD:
        case Op.ATOMIC_READ:
          return op;
        case Op.COMPUTE:
        case Op.COMPUTE_FN:
          pc++;
          break;
        case Op.EXEC:
          op.action.run(ctx, 0);
          pc++;
          break;
        case Op.JUMP:
          pc = op.target;
          break;
        case Op.JUMP_IF:
          pc = op.test.test(ctx) ? op.target : pc + 1;
          break;
        case Op.RETURN:
          pc = routine.length();
          break;
        case Op.WARN_ON:
          if (op.test.test(ctx)) warnings.add(op.text());
          pc++;
          break;
        case Op.SPIN_LOCK:
          locks.add(op.lock.name());
          pc++;
          break;
        case Op.SPIN_UNLOCK:
          locks.remove(op.lock.name());
          pc++;
          break;
        case Op.MUTEX_LOCK:
          locks.add(op.mutex.name());
          pc++;
          break;
        case Op.MUTEX_UNLOCK:
          locks.remove(op.mutex.name());
          pc++;
          break;
        default:
          throw new IllegalStateException(
              routine.name() + ": '" + op.text() + "' needs a running kernel");
      }
    }
    throw new IllegalStateException(routine.name() + ": no end after " + MAX_STEPS + " ops");
  }

  /**
   * Executes the shared-memory op that {@link #advance()} stopped at, against {@code memory}
   * (value by cell; a missing cell reads as 0), and {@code versions} (store count by cell, to see
   * a store based on a stale load, as the kernel does).
   */
  public Step step(Map<Cell, Long> memory, Map<Cell, Long> versions) {
    Op op = advance();
    checkState(op != null, "%s has ended", routine.name());
    Cell cell = op.cell;
    long v = memory.getOrDefault(cell, 0L);
    long version = versions.getOrDefault(cell, 0L);
    Set<String> held = Set.copyOf(locks);
    pc++;
    switch (op.code) {
      case Op.LOAD:
      case Op.ATOMIC_READ:
        write(op, v);
        if (op.rmw) {
          loadedVersion.put(cell, version);
          loadedValue.put(cell, v);
        }
        return new Step(op, op.code == Op.LOAD ? 'R' : 'r', v, v, v, held, false);
      case Op.STORE: {
        Long at = loadedVersion.remove(cell);
        Long base = loadedValue.remove(cell);
        boolean lost = at != null && at != version;
        long after = ctx.get(op.local);
        memory.put(cell, after);
        versions.put(cell, version + 1);
        return new Step(op, 'W', v, after, base == null ? v : base, held, lost);
      }
      case Op.ATOMIC_ADD: {
        long after = v + op.delta.delta(ctx);
        write(op, v);
        memory.put(cell, after);
        versions.put(cell, version + 1);
        return new Step(op, 'A', v, after, v, held, false);
      }
      default:
        throw new AssertionError(op.text());
    }
  }

  private void write(Op op, long v) {
    if (op.local != null) ctx.set(op.local, v);
  }

  /** Runs the routine to its end; returns the shared-memory ops it still had, executed. */
  public List<Step> finish(Map<Cell, Long> memory, Map<Cell, Long> versions) {
    List<Step> out = new ArrayList<>();
    while (advance() != null) out.add(step(memory, versions));
    return out;
  }

  /** The shared-memory ops of the routine in program order (its interleaving points). */
  public static List<Op> sharedOps(Routine r) {
    List<Op> out = new ArrayList<>();
    for (Op op : r.ops()) {
      if (op.isSharedMemory()) out.add(op);
    }
    return out;
  }

  /** The routine's variable {@code v} now. */
  public long value(Local v) {
    return ctx.get(v);
  }

  /** The {@code WARN_ON}s that fired so far, by their text. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
