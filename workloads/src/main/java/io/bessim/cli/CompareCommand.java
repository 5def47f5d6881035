package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bessim compare}: every architecture on one platform and workload, over several seeds. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    version = Bessim.VERSION,
    sortOptions = false,
    description = {
      "Compares architectures on one platform profile and workload over several seeds.",
      "Prints one row per architecture: mean and 95%% interval across seeds."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final String DEFAULT_ARCHS = "baseline,v1,v2,v3";
  static final int DEFAULT_SEEDS = 3;

  // No picocli defaults: null means "not given", so that a --scenario file can supply them.
  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      description = "Architectures to compare, comma separated (default: " + DEFAULT_ARCHS + ").")
  List<String> archNames;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      description = "Seeds per architecture, at least 1 (default: " + DEFAULT_SEEDS + ").")
  Integer seedsOption;

  @Mixin ExperimentOptions options;

  private final CliContext ctx;

  CompareCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<Architecture> archs = new ArrayList<>();
    if (archNames != null) {
      for (String name : archNames) {
        Architecture a = Architecture.fromName(name);
        checkArgument(!archs.contains(a), "architecture '%s' given twice in --arch", name.strip());
        archs.add(a);
      }
    } else {
      archs.addAll(options.scenario().archs().orElseGet(CompareCommand::defaultArchs));
    }
    int seeds = seedsOption != null
        ? seedsOption
        : options.scenario().seeds().orElse(DEFAULT_SEEDS);
    ExperimentOptions.Plan plan = options.plan(archs, seeds);
    List<RunResult> results = options.execute(plan, ctx, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    out.print(header(plan, seeds, options.seedBase));
    out.println();
    out.print(CompareTable.render(ArchSummary.of(results)));
    out.flush();
    options.writeReports(results);
    return 0;
  }

  private static List<Architecture> defaultArchs() {
    List<Architecture> out = new ArrayList<>();
    for (String name : DEFAULT_ARCHS.split(",")) out.add(Architecture.fromName(name));
    return out;
  }

  static String header(ExperimentOptions.Plan plan, int seeds, long seedBase) {
    String seedText = seeds == 1
        ? "seed " + seedBase
        : String.format(Locale.US, "%d seeds (%d..%d)", seeds, seedBase, seedBase + seeds - 1);
    String values = seeds == 1
        ? "values are from one seed (no interval)"
        : "values are mean ±95% interval across seeds (Student t)";
    return String.format(Locale.US,
        "workload %s, duration %s simulated, %s; all rows share one platform profile: %s%n"
            + "%s; MB = 10^6 bytes; /s = per simulated second%n",
        plan.workload(), Durations.format(plan.durationPs()), seedText, plan.platform(), values);
  }
}
