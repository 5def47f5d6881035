package io.bessim.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --quiet}: no progress line, even on a terminal. */
public final class QuietOption {
  @Option(
      names = "--quiet",
      descriptionKey = "quiet",
      description = "No progress line on the terminal.")
  boolean quiet;

  /** A progress line on {@code err} when it is a terminal and not --quiet; else null. */
  ProgressLine progressLine(CliContext ctx, PrintWriter err) {
    return progressLine(ctx.terminal().getAsBoolean(), err);
  }

  /** As {@link #progressLine(CliContext, PrintWriter)}, told whether stderr is a terminal. */
  ProgressLine progressLine(boolean terminal, PrintWriter err) {
    return !quiet && terminal ? new ProgressLine(err) : null;
  }
}
