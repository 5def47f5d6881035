package io.bessim.sim;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Invariant violations found while a model runs, counted per invariant. An invariant is checked
 * after every event; a violation is counted when it begins, not at every event it lasts, so a
 * state that breaks once and stays broken counts one (a count that grew with the event rate would
 * say nothing). Checking never throws: the run goes on and the counts are reported.
 */
public final class Violations {
  private final Map<String, Long> counts = new TreeMap<>();
  private final Set<String> broken = new HashSet<>();

  /** Checks that {@code invariant} holds now; counts it once each time it starts not to. */
  public void expect(boolean holds, String invariant) {
    if (!holds) {
      if (broken.add(invariant)) counts.merge(invariant, 1L, Long::sum);
    } else if (!broken.isEmpty()) {
      broken.remove(invariant);
    }
  }

  /** Counts one violation of {@code invariant} that happened at an instant (not a state). */
  public void count(String invariant) {
    counts.merge(invariant, 1L, Long::sum);
  }

  /** Violations so far by invariant, in name order; empty when every invariant held. */
  public Map<String, Long> counts() {
    return new TreeMap<>(counts);
  }

  public long total() {
    long n = 0;
    for (long c : counts.values()) n += c;
    return n;
  }
}
