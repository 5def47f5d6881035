package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.race.RaceRecording;
import io.bessim.experiment.Batch;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.experiment.race.RaceRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by the {@code race} subcommands that run simulations: the workload, the platform
 * ({@code --profile}, {@code --set}), parallelism and progress. Durations and seeds are each
 * command's own, since their defaults differ.
 */
final class RaceOptions {
  @Option(
      names = "--workload",
      paramLabel = "KIND:SPEC",
      defaultValue = "tcp:4MB/s",
      converter = Converters.Workload.class,
      description = {
        "Traffic as compare takes it: udp:RATE, tcp:RATE,",
        "ramp[-tcp]:RATE-RATE@TIME,",
        "burst[-udp]:SIZE@RATE/PERIOD or replay:FILE.csv",
        "(default: ${DEFAULT-VALUE})."
      })
  WorkloadSpec workload;

  @Mixin PlatformOptions platformOptions;

  @Mixin ThreadsOption threads;

  @Mixin QuietOption quiet;

  /** The architectures named, in order, each once. */
  static List<Architecture> archs(List<String> names) {
    return Architecture.parseList(names, java.util.Map.of());
  }

  /** One spec per architecture and seed (architectures in order, then seeds ascending). */
  List<RunSpec> specs(List<Architecture> archs, long durationPs, long seedBase, int seeds) {
    Limits.seeds(seeds);
    Limits.durationPs(durationPs);
    Limits.offersSomething(workload, durationPs);
    Limits.resultsFit((long) archs.size() * seeds);
    checkArgument(seedBase <= Long.MAX_VALUE - (seeds - 1),
        "--seed %s is too large for %s seeds", seedBase, seeds);
    Platform p = platform();
    List<RunSpec> specs = new ArrayList<>();
    for (Architecture a : archs) {
      for (int i = 0; i < seeds; i++) {
        specs.add(new RunSpec(a, p, workload, durationPs, seedBase + i));
      }
    }
    return specs;
  }

  int threads() {
    return threads.threads();
  }

  /** Runs the specs with a progress line on stderr when it is a terminal and not --quiet. */
  List<RaceRecording> execute(List<RunSpec> specs, PrintWriter err) throws InterruptedException {
    int n = threads();
    ProgressLine progress = quiet.progressLine(Bessim.stderrIsTerminal(), err);
    try {
      return RaceRun.runAll(specs, n, progress != null ? progress : Batch.Progress.NONE);
    } finally {
      if (progress != null) progress.clear();
    }
  }

  Platform platform() {
    return platformOptions.platform();
  }

  /** The platform as the output header names it. */
  String describePlatform() {
    return platformOptions.describe();
  }
}
