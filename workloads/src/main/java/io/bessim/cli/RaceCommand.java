package io.bessim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bessim race}: the tools that measure and explain the hw_bufs_used race. */
@Command(
    name = "race",
    mixinStandardHelpOptions = true,
    version = Bessim.VERSION,
    description = "Shared state, race windows and lost updates of the architectures.",
    subcommands = {RaceTableCommand.class, RaceWindowCommand.class})
final class RaceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** No subcommand: show usage on stderr and fail as bad input. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }
}
