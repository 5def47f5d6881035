package io.bessim.driver.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared cells and the race model on them. A load, store or atomic takes its cost, plus a
 * cache-line transfer when another CPU wrote the cell's line last. A {@code loadForUpdate} opens a
 * read-modify-write window that the same context's next store to the cell closes; a store whose
 * window saw another store to the cell (its version moved) is a lost update. Every access is told
 * to the {@link AccessLog}, if one is attached.
 */
final class Memory {
  private final KernelCosts costs;
  /** Every context, to size its per-cell window arrays when a cell is declared. */
  private final List<Ctx> contexts;
  final List<Cell> cells = new ArrayList<>();
  AccessLog accessLog;
  private long lostUpdates;

  Memory(KernelCosts costs, List<Ctx> contexts) {
    this.costs = costs;
    this.contexts = contexts;
  }

  Cell cell(String name, boolean atomicType) {
    Cell c = new Cell(name, cells.size(), atomicType);
    cells.add(c);
    for (Ctx x : contexts) growLoadArrays(x);
    return c;
  }

  /** Makes room in {@code x}'s window arrays for every cell declared so far. */
  void growLoadArrays(Ctx x) {
    if (x.loadVersion.length < cells.size()) {
      int n = Math.max(cells.size(), x.loadVersion.length * 2);
      x.loadVersion = Arrays.copyOf(x.loadVersion, n);
      x.loadTimePs = Arrays.copyOf(x.loadTimePs, n);
      x.loaded = Arrays.copyOf(x.loaded, n);
    }
  }

  long lostUpdates() {
    return lostUpdates;
  }

  /** A cache-line transfer when another CPU wrote the cell's line last; nothing otherwise. */
  private long lineTransferPs(Cell cell, Ctx c) {
    return cell.lastWriterCpu >= 0 && cell.lastWriterCpu != c.cpu.id ? costs.cacheLinePs() : 0;
  }

  /** A plain load or an {@code atomic_read} into the op's variable; returns when it is done. */
  long load(Ctx c, Op op, Routine r, long t) {
    Cell cell = op.cell;
    long extra = lineTransferPs(cell, c);
    long v = cell.value;
    c.locals[c.base[c.depth - 1] + op.local.slot] = v;
    boolean plain = op.code == Op.LOAD;
    if (op.rmw) {
      if (cell.openWindows > 0) cell.overlaps++;
      cell.openWindows++;
      c.loaded[cell.id] = true;
      c.loadVersion[cell.id] = cell.version;
      c.loadTimePs[cell.id] = t;
    }
    if (accessLog != null) {
      accessLog.access(t, cell, c, r.name(), plain ? 'R' : 'r', v, v, c.lockMask, false);
    }
    return t + costs.loadPs() + extra;
  }

  /** A plain store of the op's variable, closing this context's window on the cell if open. */
  long store(Ctx c, Op op, Routine r, long t) {
    Cell cell = op.cell;
    long before = cell.value;
    boolean lost = false;
    if (c.loaded[cell.id]) {
      c.loaded[cell.id] = false;
      cell.openWindows--;
      cell.rmwWindows++;
      cell.rmwWindowPsTotal += t - c.loadTimePs[cell.id];
      if (c.loadVersion[cell.id] != cell.version) {
        lost = true;
        cell.lostUpdates++;
        lostUpdates++;
        if (cell.firstLostUpdatePs < 0) cell.firstLostUpdatePs = t;
      }
    }
    long extra = lineTransferPs(cell, c);
    cell.value = c.locals[c.base[c.depth - 1] + op.local.slot];
    cell.noteValue();
    cell.version++;
    cell.writtenFrom(c.cpu.id);
    cell.lastWriterCtx = c.id;
    if (accessLog != null) {
      accessLog.access(t, cell, c, r.name(), 'W', before, cell.value, c.lockMask, lost);
    }
    return t + costs.storePs() + extra;
  }

  /** An atomic fetch-and-add, the value before left in the op's variable if it names one. */
  long atomicAdd(Ctx c, Op op, Routine r, long t) {
    Cell cell = op.cell;
    long extra = lineTransferPs(cell, c);
    long before = cell.value;
    cell.value = before + op.delta.delta(c);
    cell.noteValue();
    cell.version++;
    cell.writtenFrom(c.cpu.id);
    cell.lastWriterCtx = c.id;
    if (op.local != null) c.locals[c.base[c.depth - 1] + op.local.slot] = before;
    if (accessLog != null) {
      accessLog.access(t, cell, c, r.name(), 'A', before, cell.value, c.lockMask, false);
    }
    return t + costs.atomicPs() + extra;
  }
}
