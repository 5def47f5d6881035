package io.bessim.cli;

import io.bessim.experiment.Batch;
import io.bessim.experiment.RunSpec;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress display on a terminal, rewritten in place with carriage returns. */
public final class ProgressLine implements Batch.Progress {
  private final PrintWriter err;
  private int width;

  public ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int started, int total, RunSpec spec) {
    started(started, total, spec.arch().cliName() + " seed " + spec.seed());
  }

  /** Shows {@code [started/total] what ...}. */
  synchronized void started(int started, int total, String what) {
    String line = String.format(Locale.US, "[%d/%d] %s ...", started, total, what);
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
}
