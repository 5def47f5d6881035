package io.bessim.driver.race;

import io.bessim.driver.kernel.Ctx;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a run saw of one shared field: for each context that touched it, its reads, plain writes
 * and atomic read-modify-writes, the CPUs and routines it used, and the locks it held in common
 * over all its accesses (Eraser's candidate lockset, kept per context and for the whole field).
 */
public final class FieldUse {
  /** The kind of execution context, as the shared-state table prints it. */
  public enum ContextKind {
    THREAD("thread"),
    WORK_ITEM("work item"),
    SOFTIRQ("softirq"),
    SOFTIRQ_THREAD("softirq thread");

    private final String text;

    ContextKind(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** The kind of the context as it runs now: a softirq borrows the context it interrupted. */
    static ContextKind of(Ctx c) {
      if (c.inSoftirq()) return SOFTIRQ;
      switch (c.kind()) {
        case THREAD: return THREAD;
        case WORKER: return WORK_ITEM;
        case SOFTIRQ_THREAD: return SOFTIRQ_THREAD;
        default: throw new AssertionError(c.kind());
      }
    }
  }

  /** One context's use of the field. */
  public static final class ContextUse {
    private final String label;
    private final ContextKind kind;
    private final TreeSet<Integer> cpus = new TreeSet<>();
    private final TreeSet<Integer> writeCpus = new TreeSet<>();
    private final TreeSet<String> routines = new TreeSet<>();
    private long reads;
    private long plainWrites;
    private long atomicRmws;
    private long commonLocks = -1L;

    ContextUse(String label, ContextKind kind) {
      this.label = label;
      this.kind = kind;
    }

    public String label() {
      return label;
    }

    public ContextKind kind() {
      return kind;
    }

    /** CPUs it accessed the field on, ascending. */
    public SortedSet<Integer> cpus() {
      return Collections.unmodifiableSortedSet(cpus);
    }

    /** CPUs it wrote the field on, ascending. */
    public SortedSet<Integer> writeCpus() {
      return Collections.unmodifiableSortedSet(writeCpus);
    }

    /** The innermost routines of its accesses, sorted by name. */
    public SortedSet<String> routines() {
      return Collections.unmodifiableSortedSet(routines);
    }

    /** Plain loads and atomic reads. */
    public long reads() {
      return reads;
    }

    public long plainWrites() {
      return plainWrites;
    }

    public long atomicRmws() {
      return atomicRmws;
    }

    public long writes() {
      return plainWrites + atomicRmws;
    }

    /** Bit mask of the locks held at every one of its accesses (lock ids as in Ctx.lockMask). */
    public long commonLocks() {
      return commonLocks;
    }

    /**
     * How many contexts that can run at the same time this one stands for as a writer: a softirq
     * runs on every CPU that raises it, so each CPU it wrote on counts; anything else counts once
     * (a work item is not re-entrant, a thread is one thread).
     */
    int concurrentWriters() {
      if (writes() == 0) return 0;
      return kind == ContextKind.SOFTIRQ ? writeCpus.size() : 1;
    }

    void merge(ContextUse o) {
      cpus.addAll(o.cpus);
      writeCpus.addAll(o.writeCpus);
      routines.addAll(o.routines);
      reads += o.reads;
      plainWrites += o.plainWrites;
      atomicRmws += o.atomicRmws;
      commonLocks &= o.commonLocks;
    }
  }

  private final String name;
  private final boolean atomicType;
  private final Map<String, ContextUse> contexts = new LinkedHashMap<>();
  private long commonLocks = -1L;
  private long writeLocks = -1L;
  private long accesses;

  public FieldUse(String name, boolean atomicType) {
    this.name = name;
    this.atomicType = atomicType;
  }

  /** Counts one access; {@code kind} is the {@link io.bessim.driver.kernel.AccessLog} kind. */
  void record(Ctx ctx, String routine, char kind, long lockMask) {
    String label = ctx.contextLabel();
    ContextUse u = contexts.computeIfAbsent(label, l -> new ContextUse(l, ContextKind.of(ctx)));
    u.cpus.add(ctx.cpuId());
    u.routines.add(routine);
    u.commonLocks &= lockMask;
    commonLocks &= lockMask;
    accesses++;
    switch (kind) {
      case 'R':
      case 'r':
        u.reads++;
        break;
      case 'W':
        u.plainWrites++;
        u.writeCpus.add(ctx.cpuId());
        writeLocks &= lockMask;
        break;
      case 'A':
        u.atomicRmws++;
        u.writeCpus.add(ctx.cpuId());
        writeLocks &= lockMask;
        break;
      default:
        throw new IllegalArgumentException("unknown access kind '" + kind + "'");
    }
  }

  /** Adds another run's use of the same field (another seed). */
  public void merge(FieldUse o) {
    for (ContextUse ou : o.contexts.values()) {
      contexts.computeIfAbsent(ou.label, l -> new ContextUse(l, ou.kind)).merge(ou);
    }
    commonLocks &= o.commonLocks;
    writeLocks &= o.writeLocks;
    accesses += o.accesses;
  }

  /** A copy to merge into, so the run's own record stays as it was. */
  FieldUse copy() {
    FieldUse c = new FieldUse(name, atomicType);
    c.merge(this);
    return c;
  }

  public String name() {
    return name;
  }

  /** Whether the field is declared {@code atomic_t}. */
  public boolean atomicType() {
    return atomicType;
  }

  /** The contexts in the order they first touched the field. */
  public Map<String, ContextUse> contexts() {
    return Collections.unmodifiableMap(contexts);
  }

  public long accesses() {
    return accesses;
  }

  /** Locks held at every access (all bits set when there was no access). */
  public long commonLocks() {
    return commonLocks;
  }

  /** Locks held at every write (all bits set when there was no write). */
  public long writeLocks() {
    return writeLocks;
  }

  public long writes() {
    long n = 0;
    for (ContextUse u : contexts.values()) n += u.writes();
    return n;
  }

  public long plainWrites() {
    long n = 0;
    for (ContextUse u : contexts.values()) n += u.plainWrites;
    return n;
  }

  /** Writer contexts that can run at the same time (see {@link ContextUse#concurrentWriters}). */
  public int concurrentWriters() {
    int n = 0;
    for (ContextUse u : contexts.values()) n += u.concurrentWriters();
    return n;
  }
}
