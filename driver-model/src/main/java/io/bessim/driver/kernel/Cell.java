package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A shared memory location (a field of {@code struct bes2600_common}). Loads and stores happen at
 * their exact simulated time; each store bumps a version so that a store based on a stale load is
 * seen as a lost update. Every access is reported to the {@link AccessLog} for the race tools.
 */
public final class Cell {
  private final String name;
  final int id;
  final boolean atomicType;
  long value;
  long version;
  int lastWriterCpu = -1;
  /** The other cells of this one's cache line: fields the C declares side by side. */
  private Cell[] lineMates = NO_MATES;
  int lastWriterCtx = -1;
  long lostUpdates;
  long firstLostUpdatePs = -1;
  int openWindows;
  long overlaps;
  long rmwWindows;
  long rmwWindowPsTotal;
  long minValue;
  long maxValue;

  private static final Cell[] NO_MATES = new Cell[0];

  Cell(String name, int id, boolean atomicType) {
    this.name = name;
    this.id = id;
    this.atomicType = atomicType;
  }

  /**
   * Puts the cells in one cache line: a store to any of them moves the line to the writer's CPU.
   * A cell already in a line is refused: each cell keeps its own list of line-mates, so a second
   * call would leave the first line's other cells out of the new one.
   */
  static void shareLine(Cell... cells) {
    for (Cell c : cells) {
      checkArgument(c.lineMates == NO_MATES, "%s already shares a cache line: declare a line's"
          + " cells in one call", c.name);
    }
    for (Cell c : cells) {
      c.lineMates = Arrays.stream(cells).filter(m -> m != c).toArray(Cell[]::new);
    }
  }

  /** A store or atomic from {@code cpu}: the cell's line, and so its line-mates', is there now. */
  void writtenFrom(int cpu) {
    lastWriterCpu = cpu;
    for (Cell m : lineMates) m.lastWriterCpu = cpu;
  }

  public String name() {
    return name;
  }

  public int id() {
    return id;
  }

  /** The value now (for checks and reports, not for modelled driver code). */
  public long peek() {
    return value;
  }

  /** Whether the field is declared {@code atomic_t}. */
  public boolean isAtomicType() {
    return atomicType;
  }

  /**
   * The CPU whose store (or atomic) last wrote the field's cache line, or -1 if none yet. Read
   * inside an {@link AccessLog} callback for a load, it tells whether that load had to fetch the
   * cache line from another CPU (the kernel charges {@link KernelCosts#cacheLinePs()} for it).
   */
  public int lastWriterCpu() {
    return lastWriterCpu;
  }

  public long lostUpdates() {
    return lostUpdates;
  }

  /** Time of the first lost update, or -1. */
  public long firstLostUpdatePs() {
    return firstLostUpdatePs;
  }

  /** How often a load found another context's read-modify-write window already open. */
  public long overlaps() {
    return overlaps;
  }

  public long rmwWindows() {
    return rmwWindows;
  }

  public long rmwWindowPsTotal() {
    return rmwWindowPsTotal;
  }

  /** Sets the value without modelling an access (initialisation). */
  public void init(long v) {
    value = v;
    minValue = v;
    maxValue = v;
  }

  /** Keeps the range of values the cell has held (two compares per store). */
  void noteValue() {
    if (value < minValue) minValue = value;
    if (value > maxValue) maxValue = value;
  }

  /** The smallest value the cell has held. */
  public long minValue() {
    return minValue;
  }

  /** The largest value the cell has held. */
  public long maxValue() {
    return maxValue;
  }

  @Override
  public String toString() {
    return name;
  }
}
