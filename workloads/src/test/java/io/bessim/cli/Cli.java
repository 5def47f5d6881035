package io.bessim.cli;

import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs the command line in-process with captured output. */
final class Cli {
  record Outcome(int exit, String out, String err) {}

  /** An outcome and what went to the process's standard output (an HTML page given as '-'). */
  record Paged(Outcome outcome, String page) {}

  private Cli() {}

  static Outcome run(Function<RunSpec, RunResult> runner, String... args) {
    return run(runner, false, args);
  }

  static Outcome run(Function<RunSpec, RunResult> runner, boolean terminal, String... args) {
    // The command line main builds: only the subcommand the first argument names.
    var cl = Bessim.commandLine(new CliContext(runner, () -> terminal, false),
        args.length == 0 ? null : args[0]);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = Bessim.execute(cl, args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  /**
   * As {@link #run(Function, String...)}, also capturing the process's standard output: an HTML
   * report given as {@code -} is written there, not through the command line's writer.
   */
  static Paged runCapturingPage(Function<RunSpec, RunResult> runner, String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    Outcome o;
    try {
      System.setOut(new PrintStream(page, true, StandardCharsets.UTF_8));
      o = run(runner, args);
    } finally {
      System.setOut(saved);
    }
    return new Paged(o, page.toString(StandardCharsets.UTF_8));
  }
}
