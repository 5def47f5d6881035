package io.bessim.driver.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wait-for graph of the kernel's locks at one instant: a context spinning on a spinlock or
 * sleeping on a mutex waits for the lock's holder. A cycle is a deadlock; a spinlock whose holder
 * sleeps is a lock held across a sleep (which Linux forbids: the spinners would spin forever).
 */
final class Deadlocks {
  private Deadlocks() {}

  /** A description of the first deadlock or spinlock held across a sleep, or null if none. */
  static String find(List<SpinLock> spinLocks, List<Mutex> mutexes) {
    Map<Ctx, Ctx> waitsFor = new HashMap<>();
    Map<Ctx, String> on = new HashMap<>();
    for (SpinLock l : spinLocks) {
      if (l.holder == null) continue;
      if (!l.spinners.isEmpty() && l.holder.state == Ctx.State.BLOCKED) {
        return l.holder + " sleeps holding spinlock " + l + " while " + l.spinners.peek()
            + " spins on it";
      }
      for (Ctx s : l.spinners) {
        waitsFor.put(s, l.holder);
        on.put(s, l.name());
      }
    }
    for (Mutex m : mutexes) {
      if (m.holder == null) continue;
      for (Ctx w : m.waiters) {
        waitsFor.put(w, m.holder);
        on.put(w, m.name());
      }
    }
    for (Ctx start : waitsFor.keySet()) {
      Set<Ctx> path = new LinkedHashSet<>();
      for (Ctx c = start; c != null; c = waitsFor.get(c)) {
        if (!path.add(c)) {
          List<String> cycle = new ArrayList<>();
          boolean in = false;
          for (Ctx x : path) {
            in |= x == c;
            if (in) cycle.add(x + " waits on " + on.get(x));
          }
          return "deadlock: " + String.join(" held by ", cycle);
        }
      }
    }
    return null;
  }
}
