package io.bessim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bessim race}: the tools that show the v1 race on hw_bufs_used and why the fixes work. */
@Command(
    name = "race",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    description = "Races on the driver's shared state: table, window, explain, interleavings.",
    subcommands = {
      RaceTableCommand.class,
      RaceWindowCommand.class,
      RaceExplainCommand.class,
      RaceInterleavingsCommand.class
    })
public final class RaceCommand implements Callable<Integer> {
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
