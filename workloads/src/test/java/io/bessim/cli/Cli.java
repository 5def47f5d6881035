package io.bessim.cli;

import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

/** Runs the command line in-process with captured output. */
final class Cli {
  record Outcome(int exit, String out, String err) {}

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
    int exit = cl.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }
}
