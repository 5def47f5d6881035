package io.bessim.driver.race;

import io.bessim.driver.kernel.AccessLog;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.Mutex;
import io.bessim.driver.kernel.SpinLock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The race tools' {@link AccessLog}: records, for one run, every field's {@link FieldUse} (for the
 * shared-state table) and its {@link RmwWindows}.
 *
 * <p>A window opens at a load that opens a read-modify-write window in the kernel model (a {@code
 * loadForUpdate}: {@link Ctx#rmwWindowOpen} is already true inside the callback) and closes at the
 * same context's next store to the field, exactly as {@link Cell#rmwWindows()} counts them. The
 * load had a cache-line transfer when the field was last written on another CPU ({@link
 * Cell#lastWriterCpu()}, the kernel's own rule for charging one). A window was preempted when the
 * context's preemption count moved between load and store, and interrupted when a hard IRQ was
 * delivered on its CPU meanwhile. Atomic RMWs open no window.
 */
public final class AccessRecorder implements AccessLog {
  private final Kernel kernel;
  private final long seed;
  private final List<String> lockNames;
  private final Map<String, FieldUse> fields = new LinkedHashMap<>();
  private final Map<String, RmwWindows> windows = new LinkedHashMap<>();
  /** Open windows by (context id, cell id). */
  private final Map<Long, Open> open = new HashMap<>();
  /** Open windows per cell id, in opening order. */
  private final Map<Integer, List<Open>> openOnCell = new HashMap<>();
  private boolean ended;

  private record Open(RmwWindows.SiteKey site, long startPs, int cpu, boolean transfer,
      long irqs, long preemptions) {}

  /** A recorder for a run of {@code kernel} with {@code seed}, watching every declared cell. */
  public AccessRecorder(Kernel kernel, long seed) {
    this.kernel = kernel;
    this.seed = seed;
    int locks = kernel.spinLocks().size() + kernel.mutexes().size();
    List<String> names = new ArrayList<>(Collections.nCopies(locks, "?"));
    for (SpinLock l : kernel.spinLocks()) names.set(l.id(), l.name());
    for (Mutex m : kernel.mutexes()) names.set(m.id(), m.name());
    this.lockNames = List.copyOf(names);
    for (Cell c : kernel.cells()) {
      fields.put(c.name(), new FieldUse(c.name(), c.isAtomicType()));
      windows.put(c.name(), new RmwWindows(c.name()));
    }
  }

  /** Attaches a new recorder to {@code kernel}; call {@link #end} when the run is over. */
  public static AccessRecorder attach(Kernel kernel, long seed) {
    AccessRecorder r = new AccessRecorder(kernel, seed);
    kernel.setAccessLog(r);
    return r;
  }

  @Override
  public void access(long atPs, Cell cell, Ctx ctx, String routine, char kind, long valueBefore,
      long valueAfter, long lockMask, boolean lost) {
    FieldUse f = fields.computeIfAbsent(cell.name(), n -> new FieldUse(n, cell.isAtomicType()));
    f.record(ctx, routine, kind, lockMask);
    RmwWindows w = windows.computeIfAbsent(cell.name(), RmwWindows::new);
    long key = ((long) ctx.id() << 32) | cell.id();
    if (kind == 'R') {
      if (!ctx.rmwWindowOpen(cell) || open.containsKey(key)) return;
      RmwWindows.SiteKey site = new RmwWindows.SiteKey(ctx.contextLabel(), routine);
      boolean transfer = cell.lastWriterCpu() >= 0 && cell.lastWriterCpu() != ctx.cpuId();
      Open o = new Open(site, atPs, ctx.cpuId(), transfer, kernel.irqs(ctx.cpuId()),
          ctx.preemptions());
      List<Open> others = openOnCell.computeIfAbsent(cell.id(), i -> new ArrayList<>());
      if (!others.isEmpty()) {
        w.overlapCounted();
        for (Open x : others) w.overlapped(x.site, site);
      }
      others.add(o);
      open.put(key, o);
    } else if (kind == 'W') {
      if (lost) w.lost();
      Open o = open.remove(key);
      if (o == null) return;
      openOnCell.get(cell.id()).removeIf(x -> x == o);
      RmwWindows.Cause cause;
      if (ctx.preemptions() != o.preemptions) {
        cause = RmwWindows.Cause.PREEMPTED;
      } else if (kernel.irqs(o.cpu) != o.irqs) {
        cause = RmwWindows.Cause.HARD_IRQ;
      } else if (o.transfer) {
        cause = RmwWindows.Cause.CACHE_LINE;
      } else {
        cause = RmwWindows.Cause.PLAIN;
      }
      w.closed(o.site, seed, o.startPs, atPs, o.cpu, cause, lost);
    }
  }

  /**
   * Ends the run, which ran to {@code endPs}: each field's overlap estimate is computed; windows
   * still open are dropped.
   */
  public void end(long endPs) {
    if (ended) return;
    ended = true;
    for (RmwWindows w : windows.values()) w.endRun(endPs);
  }

  public long seed() {
    return seed;
  }

  /** Lock names by id ({@link Ctx#lockMask()} bit). */
  public List<String> lockNames() {
    return lockNames;
  }

  /** Every declared field, in declaration order. */
  public Map<String, FieldUse> fields() {
    return Collections.unmodifiableMap(fields);
  }

  public Map<String, RmwWindows> windows() {
    return Collections.unmodifiableMap(windows);
  }
}
