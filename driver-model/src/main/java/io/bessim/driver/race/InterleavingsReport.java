package io.bessim.driver.race;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.bessim.driver.Architecture;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Op;
import io.bessim.driver.kernel.Routine;
import io.bessim.driver.race.Interleavings.Outcome;
import io.bessim.driver.race.Interleavings.Program;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code race interleavings}: for each architecture, the two routines that update
 * hw_bufs_used exactly as {@link Bes2600Driver} built them, the contexts that ran them in a short
 * simulation, and every interleaving of their shared-memory ops (or, when one context runs both,
 * the sequential orders only), each executed from the same start value.
 */
public final class InterleavingsReport {
  /** How long the simulation runs to see which contexts execute the two routines. */
  public static final long OBSERVE_PS = Time.S;

  /** What one architecture showed. */
  public record Section(Architecture arch, String text, int orders, long binomial, int lost,
      boolean atomic, boolean oneContext) {}

  private InterleavingsReport() {}

  /**
   * The section of {@code arch}, whose driver {@code d} ran {@code workload} with {@code seed} for
   * {@link #OBSERVE_PS}; {@code who} is, for each routine, the contexts that wrote hw_bufs_used
   * from it in that run (context name to CPU, in order of first write).
   */
  public static Section section(Architecture arch, Bes2600Driver d,
      Map<String, Map<String, Integer>> who, String workload, long seed, long start) {
    Cell cell = d.hw_bufs_used;
    Routine alloc = d.wsm_alloc_tx_buffer;
    Routine release = d.wsm_release_tx_buffer;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.US, "== %s: %s%n", arch.cliName(),
        RaceExplainStory.describe(arch)));
    out.append(String.format(Locale.US,
        "Contexts that ran the two routines (their writes to %s in %s simulated of %s,"
            + " seed %d):%n", cell.name(), RaceExplainStory.seconds(OBSERVE_PS), workload, seed));
    for (Routine r : List.of(alloc, release)) {
      Map<String, Integer> ctxs = who.getOrDefault(r.name(), Map.of());
      checkArgument(!ctxs.isEmpty(), "%s never ran in %s of %s: give a workload with"
          + " transmit traffic (tcp)", r.name(), RaceExplainStory.seconds(OBSERVE_PS), workload);
      List<String> shown = new ArrayList<>();
      ctxs.forEach((name, cpu) -> shown.add(name + " (CPU" + cpu + ")"));
      out.append(String.format(Locale.US, "  %-22s %s%n", r.name(), String.join(", ", shown)));
    }
    String ctxA = who.get(alloc.name()).keySet().iterator().next();
    String ctxB = null;
    for (String c : who.get(release.name()).keySet()) {
      if (ctxB == null || (ctxB.equals(ctxA) && !c.equals(ctxA))) ctxB = c;
    }
    boolean oneContext = ctxA.equals(ctxB);
    Program a = new Program("A", alloc);
    Program b = new Program("B", release);
    out.append(String.format(Locale.US, "%nA = %s in %s, and B = %s in %s, as Bes2600Driver"
        + " builds them for %s%n(numbered lines are shared-memory ops, the interleaving"
        + " points):%n", alloc.name(), ctxA, release.name(), ctxB, arch.cliName()));
    out.append(listing(a, cell, start));
    out.append(listing(b, cell, start));
    List<String> locksA = Interleavings.locksAtSharedOps(a, cell, start);
    List<String> locksB = Interleavings.locksAtSharedOps(b, cell, start);
    if (locksA.stream().allMatch("none"::equals) && locksB.stream().allMatch("none"::equals)) {
      out.append("Locks held at the shared ops: none (neither routine takes a lock around its"
          + " update).\n");
    } else {
      out.append(String.format(Locale.US, "Locks held at the shared ops: A %s; B %s.%n",
          locksA, locksB));
    }

    int m = Interleavings.sharedOpsAlone(a, cell, start);
    int n = Interleavings.sharedOpsAlone(b, cell, start);
    long dA = Interleavings.endAlone(a, cell, start) - start;
    long dB = Interleavings.endAlone(b, cell, start) - start;
    long expected = start + dA + dB;
    String expectedText = String.format(Locale.US, "%d %+d %+d = %d", start, dA, dB, expected);
    long binomial = Interleavings.binomial(m + n, m);
    boolean atomic = cell.isAtomicType();
    List<String> orders;
    if (oneContext) {
      orders = List.of("A".repeat(m) + "B".repeat(n), "B".repeat(n) + "A".repeat(m));
      out.append(String.format(Locale.US,
          "%nSingle writer: both routines run in %s. A context never interleaves with itself:"
              + " it runs one routine%nto its end before the other, so only the sequential"
              + " orders exist (2, not the C(%d, %d) = %d%nthat two contexts could produce)."
              + " From %s = %d (expected end: %s):%n",
          ctxA, m + n, m, binomial, cell.name(), start, expectedText));
    } else {
      orders = Interleavings.orders(m, n);
      out.append(String.format(Locale.US,
          "%nTwo contexts: every interleaving of A's %d and B's %d shared ops, from %s = %d"
              + " (expected end: %s):%n", m, n, cell.name(), start, expectedText));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (String order : orders) outcomes.add(Interleavings.execute(a, b, order, cell, start));
    out.append(outcomeTable(outcomes));
    int lost = (int) outcomes.stream().filter(Outcome::lostUpdate).count();
    if (oneContext) {
      out.append(String.format(Locale.US, "%d sequential orders; %d correct, %d lose an update.%n",
          outcomes.size(), outcomes.size() - lost, lost));
    } else {
      checkState(outcomes.size() == binomial, "enumerated %s orders, C(%s, %s) = %s",
          outcomes.size(), m + n, m, binomial);
      out.append(String.format(Locale.US,
          "%d interleavings = C(%d, %d) = %d (checked); %d correct, %d lose an update%s.%n",
          outcomes.size(), m + n, m, binomial, outcomes.size() - lost, lost,
          atomic ? " (each update is one atomic op)" : ""));
    }
    return new Section(arch, out.toString(), outcomes.size(), binomial, lost, atomic, oneContext);
  }

  /** The routine's ops in order, its shared-memory ops numbered A1, A2, ... */
  private static String listing(Program p, Cell cell, long start) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.US, "  %s: %s%n", p.label(), p.routine().name()));
    int i = 0;
    for (Op op : p.routine().ops()) {
      String tag = op.isSharedMemory() ? p.label() + (++i) : "";
      out.append(String.format(Locale.US, "    %-4s %s%n", tag, op.text()));
    }
    return out.toString();
  }

  private static String outcomeTable(List<Outcome> outcomes) {
    String[] head = {"#", "order", "what each shared op did", "end", "result"};
    List<String[]> rows = new ArrayList<>();
    int i = 0;
    for (Outcome o : outcomes) {
      String order = String.join(" ", o.steps().stream().map(s -> s.substring(0, s.indexOf(' ')))
          .toList());
      String result;
      if (o.lostUpdate()) {
        result = "LOST update: " + String.join("; ", o.lost());
      } else {
        result = "ok";
      }
      if (!o.warnings().isEmpty()) result += "; " + String.join("; ", o.warnings()) + " fires";
      rows.add(new String[] {"" + (++i), order, String.join(", ", o.steps()), "" + o.end(),
          result});
    }
    int[] w = new int[head.length];
    for (int c = 0; c < head.length; c++) {
      w[c] = head[c].length();
      for (String[] row : rows) w[c] = Math.max(w[c], row[c].length());
    }
    StringBuilder b = new StringBuilder();
    List<String[]> all = new ArrayList<>();
    all.add(head);
    all.addAll(rows);
    for (String[] row : all) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        boolean right = c == 0 || c == 3;
        if (c > 0) line.append("  ");
        if (right) line.append(" ".repeat(w[c] - cell.length()));
        line.append(cell);
        if (!right) line.append(" ".repeat(w[c] - cell.length()));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  /** The closing explanation: why v1 loses updates and why each fix cannot. */
  public static String whyTheFixWorks(List<Section> sections) {
    StringBuilder out = new StringBuilder("\nWhy the fixes work:\n");
    for (Section s : sections) {
      if (s.lost() > 0) {
        out.append(String.format(Locale.US,
            "  %s: a plain ++/-- is a load and a store with private arithmetic between; in %d of"
                + " its %d orders the other%n      context's store falls inside that window and"
                + " one update is lost.%n", s.arch().cliName(), s.lost(), s.orders()));
      } else if (s.atomic()) {
        out.append(String.format(Locale.US,
            "  %s: atomic_t makes each update a single indivisible op, so there is no window to"
                + " land in:%n      %d orders, all correct, whatever the timing.%n",
            s.arch().cliName(), s.orders()));
      } else if (s.oneContext()) {
        out.append(String.format(Locale.US,
            "  %s: the counter stays a plain int, but one context does every update and never"
                + " interleaves with%n      itself: only the %d sequential orders exist, both"
                + " correct.%n", s.arch().cliName(), s.orders()));
      } else {
        out.append(String.format(Locale.US, "  %s: no order loses an update.%n",
            s.arch().cliName()));
      }
    }
    return out.toString();
  }
}
