package io.bessim.driver.race;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What protected a shared field in a run, decided from its {@link FieldUse}, and whether the
 * shared-state table flags it.
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li>never accessed, or never written: {@code unused} / {@code read-only};
 *   <li>every write an atomic read-modify-write: {@code atomic} (no load-to-store gap exists);
 *   <li>a lock held at every write (Eraser's lockset, intersected over the writes): {@code lock L}
 *       ({@code (writes)} added when some reads were outside it);
 *   <li>one writer context: {@code single writer (ctx)}. Readers in other contexts may see an
 *       old value but no update can be lost: an aligned int load or store is single-copy atomic
 *       on the CPU, so only a second writer's read-modify-write can overwrite one;
 *   <li>otherwise {@code NONE: w1 + w2}, flagged: two or more writer contexts that can run at the
 *       same time, at least one plain write, and no lock common to the writes.
 * </ol>
 *
 * A softirq counts as one writer context per CPU it wrote on, since NET_RX runs on every CPU that
 * raises it; a work item counts once (workqueues do not run one item on two CPUs at once).
 */
public record Protection(Kind kind, String text, boolean flagged, String why) {
  /** The protection kinds, weakest last. */
  public enum Kind { UNUSED, READ_ONLY, ATOMIC, LOCK, SINGLE_WRITER, NONE }

  /** Classifies {@code f}; {@code lockNames[i]} names the lock with id i. */
  public static Protection of(FieldUse f, List<String> lockNames) {
    if (f.accesses() == 0) {
      return new Protection(Kind.UNUSED, "unused", false, "no access in the run");
    }
    List<String> readersElsewhere = new ArrayList<>();
    List<String> writers = new ArrayList<>();
    for (FieldUse.ContextUse u : f.contexts().values()) {
      if (u.writes() > 0) {
        writers.add(writerLabel(u));
      } else {
        readersElsewhere.add(u.label());
      }
    }
    if (f.writes() == 0) {
      return new Protection(Kind.READ_ONLY, "read-only", false, "nobody writes it");
    }
    if (f.plainWrites() == 0) {
      return new Protection(Kind.ATOMIC, "atomic", false,
          "every write is one atomic read-modify-write instruction: no window to land in");
    }
    if (f.writeLocks() != 0) {
      String locks = lockNames(f.writeLocks(), lockNames);
      boolean all = f.commonLocks() == f.writeLocks();
      return new Protection(Kind.LOCK, "lock " + locks + (all ? "" : " (writes)"), false,
          "every write holds " + locks
              + (all ? ", and so does every read" : "; some reads do not"));
    }
    if (f.concurrentWriters() == 1) {
      String w = writers.get(0);
      String why = "only " + w + " writes it"
          + (readersElsewhere.isEmpty() ? ""
              : "; " + String.join(", ", readersElsewhere)
                  + " only read it (an old value at worst, never a lost update)");
      return new Protection(Kind.SINGLE_WRITER, "single writer (" + w + ")", false, why);
    }
    String names = String.join(" + ", writers);
    return new Protection(Kind.NONE, "NONE: " + names, true,
        f.concurrentWriters() + " writer contexts, " + f.plainWrites()
            + " plain writes, no lock common to the writes");
  }

  private static String writerLabel(FieldUse.ContextUse u) {
    if (u.concurrentWriters() <= 1) return u.label();
    StringJoiner cpus = new StringJoiner(",");
    u.writeCpus().forEach(c -> cpus.add(Integer.toString(c)));
    return u.label() + " on CPUs " + cpus;
  }

  /** Names of the locks in {@code mask}, joined by '+'. */
  static String lockNames(long mask, List<String> lockNames) {
    StringJoiner j = new StringJoiner("+");
    for (int i = 0; i < 64; i++) {
      if ((mask & (1L << i)) == 0) continue;
      j.add(i < lockNames.size() ? lockNames.get(i) : "lock#" + i);
    }
    return j.toString();
  }
}
