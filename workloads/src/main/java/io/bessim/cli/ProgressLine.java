package io.bessim.cli;

import io.bessim.experiment.Batch;
import io.bessim.experiment.RunSpec;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on a terminal, rewritten in place with carriage returns, with an
 * estimate of the time left from the wall-clock pace so far.
 */
public final class ProgressLine implements Batch.Progress {
  private final PrintWriter err;
  private final java.util.function.LongSupplier nanoClock;
  private long startNs = -1;
  private int width;

  public ProgressLine(PrintWriter err) {
    this(err, System::nanoTime);
  }

  /** With {@code nanoClock} in place of {@link System#nanoTime} (tests). */
  ProgressLine(PrintWriter err, java.util.function.LongSupplier nanoClock) {
    this.err = err;
    this.nanoClock = nanoClock;
  }

  @Override
  public void started(int started, int total, RunSpec spec) {
    started(started, total, spec.arch().cliName() + " seed " + spec.seed());
  }

  /** Shows {@code [started/total] what ... ETA 1m 05s} (no ETA before one has finished). */
  synchronized void started(int started, int total, String what) {
    long now = nanoClock.getAsLong();
    if (startNs < 0) startNs = now;
    String line = String.format(Locale.US, "[%d/%d] %s ...%s", started, total, what,
        eta(started - 1, total, now - startNs));
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = Math.max(width, line.length());
  }

  /** Erases the line, leaving the cursor at its start. */
  public synchronized void clear() {
    if (width == 0) return;
    err.print("\r" + " ".repeat(width) + "\r");
    err.flush();
    width = 0;
  }

  /**
   * The time left if the rest goes at the pace of the {@code done} of {@code total} so far (runs
   * in parallel start as others finish, so starts trail finishes by about the thread count; the
   * estimate errs long, not short). Empty before anything is done.
   */
  static String eta(int done, int total, long elapsedNs) {
    if (done <= 0 || elapsedNs <= 0 || done >= total) return "";
    long leftS = Math.round(elapsedNs / 1e9 * (total - done) / done);
    return leftS >= 60
        ? String.format(Locale.US, " ETA %dm %02ds", leftS / 60, leftS % 60)
        : String.format(Locale.US, " ETA %ds", leftS);
  }
}
