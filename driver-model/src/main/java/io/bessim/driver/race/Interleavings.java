package io.bessim.driver.race;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Op;
import io.bessim.driver.kernel.Routine;
import io.bessim.driver.kernel.RoutineStepper;
import io.bessim.driver.kernel.RoutineStepper.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every interleaving of two routines' shared-memory ops, each executed by the routines' own code
 * ({@link RoutineStepper}) from one start value, with its final value and whether an update was
 * lost. Two programs of m and n shared ops have C(m+n, m) interleavings: choose which of the
 * m+n slots belong to the first program; each program keeps its own order.
 */
final class Interleavings {
  /** A routine as one context runs it; {@code label} is "A" or "B". */
  record Program(String label, Routine routine) {}

  /** One executed order. {@code order} has one label per shared op, e.g. "ABAB". */
  record Outcome(String order, List<String> steps, long end, long expected, List<String> lost,
      List<String> warnings) {
    boolean lostUpdate() {
      return end != expected || !lost.isEmpty();
    }
  }

  private Interleavings() {}

  /** Every sequence of m 'A's and n 'B's, in lexicographic order ('A' before 'B'). */
  static List<String> orders(int m, int n) {
    checkArgument(m >= 0 && n >= 0 && m + n <= 24, "too many shared ops: %s + %s", m, n);
    List<String> out = new ArrayList<>();
    fill(new StringBuilder(), m, n, out);
    return out;
  }

  private static void fill(StringBuilder prefix, int m, int n, List<String> out) {
    if (m == 0 && n == 0) {
      out.add(prefix.toString());
      return;
    }
    if (m > 0) {
      prefix.append('A');
      fill(prefix, m - 1, n, out);
      prefix.setLength(prefix.length() - 1);
    }
    if (n > 0) {
      prefix.append('B');
      fill(prefix, m, n - 1, out);
      prefix.setLength(prefix.length() - 1);
    }
  }

  /** C(n, k), exactly. */
  static long binomial(int n, int k) {
    checkArgument(k >= 0 && k <= n, "C(%s, %s) undefined", n, k);
    long c = 1;
    for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
    return c;
  }

  /** How many shared ops {@code p} executes when it runs alone from {@code start}. */
  static int sharedOpsAlone(Program p, Cell cell, long start) {
    return alone(p, cell, start).size();
  }

  /** The value {@code p} leaves in {@code cell} when it runs alone from {@code start}. */
  static long endAlone(Program p, Cell cell, long start) {
    Map<Cell, Long> mem = new HashMap<>(Map.of(cell, start));
    new RoutineStepper(p.routine(), p.label()).finish(mem, new HashMap<>());
    return mem.get(cell);
  }

  private static List<Step> alone(Program p, Cell cell, long start) {
    Map<Cell, Long> mem = new HashMap<>(Map.of(cell, start));
    return new RoutineStepper(p.routine(), p.label()).finish(mem, new HashMap<>());
  }

  /** The shared ops {@code p} executes alone, as {@code A1 load hw_bufs_used}, in order. */
  static List<Op> sharedOps(Program p, Cell cell, long start) {
    return alone(p, cell, start).stream().map(Step::op).toList();
  }

  /** The locks held at each shared op when {@code p} runs alone. */
  static List<String> locksAtSharedOps(Program p, Cell cell, long start) {
    return alone(p, cell, start).stream()
        .map(s -> s.locksHeld().isEmpty() ? "none" : String.join(", ", s.locksHeld())).toList();
  }

  /** Executes {@code a} and {@code b} in {@code order} from {@code cell = start}. */
  static Outcome execute(Program a, Program b, String order, Cell cell, long start) {
    Map<Cell, Long> mem = new HashMap<>(Map.of(cell, start));
    Map<Cell, Long> versions = new HashMap<>();
    RoutineStepper sa = new RoutineStepper(a.routine(), a.label());
    RoutineStepper sb = new RoutineStepper(b.routine(), b.label());
    int[] index = new int[2];
    List<String> steps = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    String lastWriter = null;
    long lastDelta = 0;
    for (char ch : order.toCharArray()) {
      boolean isA = ch == 'A';
      RoutineStepper s = isA ? sa : sb;
      Program p = isA ? a : b;
      checkState(s.advance() != null, "%s ran out of shared ops in order %s", p.label(), order);
      Step step = s.step(mem, versions);
      String name = p.label() + (++index[isA ? 0 : 1]);
      steps.add(name + " " + verb(step));
      if (step.kind() == 'W' || step.kind() == 'A') {
        if (step.lost()) {
          lost.add(String.format("%s overwrote %s's %s", name, lastWriter,
              lastDelta >= 0 ? "+" + lastDelta : "" + lastDelta));
        }
        lastWriter = p.label();
        lastDelta = step.after() - step.base();
      }
    }
    checkState(sa.advance() == null && sb.advance() == null,
        "order %s does not cover every shared op", order);
    sa.finish(mem, versions);
    sb.finish(mem, versions);
    List<String> warnings = new ArrayList<>();
    for (String w : sa.warnings()) warnings.add(a.label() + ": " + w);
    for (String w : sb.warnings()) warnings.add(b.label() + ": " + w);
    long expected = start + (endAlone(a, cell, start) - start) + (endAlone(b, cell, start) - start);
    return new Outcome(order, steps, mem.get(cell), expected, lost, warnings);
  }

  private static String verb(Step s) {
    switch (s.kind()) {
      case 'R':
      case 'r':
        return "reads " + s.before();
      case 'W':
        return "writes " + s.after();
      default:
        return "adds " + (s.after() - s.before() >= 0 ? "+" : "") + (s.after() - s.before())
            + ": " + s.before() + " -> " + s.after();
    }
  }
}
