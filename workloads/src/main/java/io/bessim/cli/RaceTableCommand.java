package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.race.RaceRecording;
import io.bessim.driver.race.SharedStateTable;
import io.bessim.experiment.RunSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bessim race table}: the shared-state table of each architecture, derived from the
 * accesses of one run; with several architectures, first the side-by-side delta table.
 */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "Every shared field, who reads and writes it, and what protects it.",
      "Derived from the accesses of one run: the contexts that read and wrote each",
      "field, their CPUs and routines, and the protection (a common lock, atomics,",
      "a single writer, or nothing). Fields with two or more writer contexts, a",
      "plain write and no common lock are flagged (**). With several architectures,",
      "the side-by-side delta table comes first."
    })
final class RaceTableCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      // The same default as race window: the architectures whose races are in question.
      defaultValue = "v1,v2,v3",
      description = "Architectures, comma separated: baseline, v1, v2, v3 (default:"
          + " ${DEFAULT-VALUE}, as race window).")
  List<String> archNames;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      defaultValue = "20s",
      converter = Converters.Duration.class,
      description = "Simulated time of the run (default: ${DEFAULT-VALUE}).")
  long durationPs;

  @Option(
      names = {"--seed-base", "--seed"},
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin RaceOptions options;

  @Override
  public Integer call() throws InterruptedException {
    List<Architecture> archs = RaceOptions.archs(archNames);
    List<RunSpec> specs = options.specs(archs, durationPs, seed, 1);
    List<RaceRecording> runs = options.execute(specs, spec.commandLine().getErr());
    List<SharedStateTable> tables = new ArrayList<>();
    for (RaceRecording r : runs) tables.add(r.table());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("shared-state table: workload %s, %s simulated, seed %d, platform %s%n",
        specs.get(0).workload(), Durations.format(durationPs), seed, options.describePlatform());
    out.println("derived from every shared-field access the routines made in the run; counts are"
        + " accesses over the whole run");
    out.println();
    if (tables.size() > 1) {
      out.println("delta table (protection of each field, per architecture):");
      out.print(SharedStateTable.renderDelta(tables));
      out.println();
    }
    for (int i = 0; i < tables.size(); i++) {
      if (i > 0) out.println();
      out.print(tables.get(i).render());
    }
    out.flush();
    return 0;
  }
}
