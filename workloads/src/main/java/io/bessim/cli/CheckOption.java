package io.bessim.cli;

import io.bessim.driver.Platform;
import io.bessim.experiment.RunResult;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --check}: every run checks the model's invariants after every event (the platform's
 * {@code run.check}, so each run of a compare or a sweep carries it), and reports what it found as
 * {@code checkViolations}.
 */
public final class CheckOption {
  @Option(
      names = "--check",
      descriptionKey = "check",
      description = "Check the model's invariants after every event (slower; results unchanged):"
          + " violations per run in checkViolations (docs/design.md).")
  boolean check;

  /** {@code p} with {@code run.check} on when --check was given. */
  Platform apply(Platform p) {
    return check ? p.with("run.check", "true") : p;
  }

  /**
   * One line on what --check found in {@code runs}: that every invariant held, or each run's
   * violations; null for unchecked runs.
   */
  static String summary(List<RunResult> runs) {
    StringBuilder bad = new StringBuilder();
    boolean checked = false;
    for (RunResult r : runs) {
      Map<String, Long> v = r.checkViolations();
      if (v == null) continue;
      checked = true;
      if (v.isEmpty()) continue;
      bad.append(bad.length() == 0 ? "" : "; ").append(r.arch()).append(" seed ").append(r.seed())
          .append(": ").append(v);
    }
    if (!checked) return null;
    return bad.length() == 0
        ? "check: every invariant held after every event of every run"
        : "check: violations in " + bad;
  }
}
