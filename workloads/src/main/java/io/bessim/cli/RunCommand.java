package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.Reports;
import io.bessim.experiment.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bessim run}: one architecture, one seed, the full result as {@code key: value} lines. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    version = Bessim.VERSION,
    sortOptions = false,
    description = "Runs one architecture for one seed (--seed-base) and prints the full result.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // Not required by picocli: a --scenario file may name the architecture instead.
  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      description = "The architecture: ${COMPLETION-CANDIDATES} (required unless the --scenario"
          + " file names exactly one).",
      completionCandidates = ArchNames.class)
  String archName;

  @Mixin ExperimentOptions options;

  private final CliContext ctx;

  RunCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Architecture arch = archName != null ? Architecture.fromName(archName) : scenarioArch();
    ExperimentOptions.Plan plan = options.plan(List.of(arch), 1);
    RunResult r = options.execute(plan, ctx, spec.commandLine().getErr()).get(0);
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, Object> e : Reports.fields(r).entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m) {
        m.forEach((k, v) -> out.println(e.getKey() + "." + k + ": " + v));
      } else {
        out.println(e.getKey() + ": " + (e.getValue() == null ? "none" : e.getValue()));
      }
    }
    out.flush();
    options.writeReports(List.of(r));
    return 0;
  }

  private Architecture scenarioArch() {
    List<Architecture> archs = options.scenario().archs().orElseThrow(() ->
        new IllegalArgumentException("Missing required option: '--arch=ARCH'"
            + " (or an 'arch =' line in a --scenario file)"));
    checkArgument(archs.size() == 1,
        "run takes one architecture but scenario %s names %s: choose one with --arch",
        options.scenarioFile, archs.size());
    return archs.get(0);
  }

  /** The architecture names, for help text. */
  static final class ArchNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Architecture.values()).map(Architecture::cliName).iterator();
    }
  }
}
