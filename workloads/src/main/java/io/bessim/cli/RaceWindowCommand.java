package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.race.RaceRecording;
import io.bessim.driver.race.WindowReport;
import io.bessim.experiment.RunSpec;
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

/**
 * {@code bessim race window}: how long the unlocked read-modify-write windows stay open, what
 * widens them, how often they overlap and lose updates, and when the first WARN fires, over seeds.
 */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "How long the unlocked read-modify-write windows stay open, and what follows.",
      "For every field the shared-state table flags (and hw_bufs_used always): the",
      "window widths, what widened them (cache-line transfer, hard IRQ, preemption),",
      "overlaps, lost updates per simulated minute and the time to the first WARN",
      "across seeds, beside a back-of-envelope estimate of the overlap rate."
    })
final class RaceWindowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      defaultValue = "v1,v2,v3",
      description = "Architectures, comma separated (default: ${DEFAULT-VALUE}).")
  List<String> archNames;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "20",
      description = "Seeds per architecture (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = {"--seed-base", "--seed"},
      paramLabel = "N",
      defaultValue = "1",
      description = "First seed (default: ${DEFAULT-VALUE}).")
  long seedBase;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      defaultValue = "600s",
      converter = Converters.Duration.class,
      description = "Simulated time per run (default: ${DEFAULT-VALUE}).")
  long durationPs;

  @Mixin RaceOptions options;

  @Override
  public Integer call() throws InterruptedException {
    List<Architecture> archs = RaceOptions.archs(archNames);
    List<RunSpec> specs = options.specs(archs, durationPs, seedBase, seeds);
    List<RaceRecording> runs = options.execute(specs, spec.commandLine().getErr());
    List<WindowReport.ArchWindows> reports = new ArrayList<>();
    for (int i = 0; i < archs.size(); i++) {
      reports.add(WindowReport.of(runs.subList(i * seeds, (i + 1) * seeds)));
    }
    PrintWriter out = spec.commandLine().getOut();
    String seedText = seeds == 1 ? "seed " + seedBase
        : String.format(Locale.US, "%d seeds (%d..%d)", seeds, seedBase, seedBase + seeds - 1);
    out.printf("race windows: workload %s, %s simulated per run, %s, platform %s%n",
        specs.get(0).workload(), Durations.format(durationPs), seedText,
        options.describePlatform());
    out.println("fields watched: those the shared-state table flags, and hw_bufs_used always;"
        + " widths in ns of simulated time");
    out.println();
    out.print(WindowReport.render(reports));
    out.flush();
    return 0;
  }
}
