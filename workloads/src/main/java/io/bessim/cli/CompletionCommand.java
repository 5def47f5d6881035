package io.bessim.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bessim generate-completion}: the bash/zsh completion script (bessim_completion, README),
 * written by picocli. picocli's own command of that name is a help command, and a help command's
 * parse lets anything through: {@code generate-completion --bogus} printed the script and exited
 * 0. This one is an ordinary command, so a stray argument is bad input like anywhere else.
 */
@Command(name = "generate-completion", mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    description = "Prints the completion script for bash and zsh (bessim_completion; the "
        + "README's \"Shell completion\" says how to load it).")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    spec.commandLine().getOut().println(script);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
