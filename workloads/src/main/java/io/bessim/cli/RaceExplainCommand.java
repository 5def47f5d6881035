package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.experiment.race.RaceExplainer;
import io.bessim.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bessim race explain}: the first lost update, step by step, and what followed. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "The first lost update of a shared counter, step by step, and what followed.",
      "Runs until the first lost update of --field and prints the two racing",
      "read-modify-writes op by op (simulated time in ns, CPU, context, routine,",
      "value), then the drift, WARNs, over-commit, wedge and throughput that",
      "followed. --trace writes the window as a Chrome JSON trace (ui.perfetto.dev)."
    })
final class RaceExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "v1",
      description = "The architecture (default: ${DEFAULT-VALUE}).")
  String archName;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed (default: the first seed from 1 whose run loses an update of the"
          + " field, up to 20).")
  Long seed;

  @Option(names = "--workload", paramLabel = "KIND:SPEC", defaultValue = "tcp:4MB/s",
      converter = Converters.Workload.class,
      description = {
        "Traffic as compare takes it: udp:RATE, tcp:RATE,",
        "ramp[-tcp]:RATE-RATE@TIME,",
        "burst[-udp]:SIZE@RATE/PERIOD or replay:FILE.csv",
        "(default: ${DEFAULT-VALUE})."
      })
  WorkloadSpec workload;

  @Option(names = "--field", paramLabel = "NAME", defaultValue = "hw_bufs_used",
      description = "The shared field to watch (default: ${DEFAULT-VALUE}).")
  String field;

  @Option(names = "--duration", paramLabel = "TIME", defaultValue = "60s",
      converter = Converters.Duration.class,
      description = "How long to search for the first lost update, simulated, per seed"
          + " (default: ${DEFAULT-VALUE}).")
  long searchPs;

  @Option(names = "--after", paramLabel = "TIME", defaultValue = "5s",
      converter = Converters.Duration.class,
      description = "How long to keep running after it, at most; the run ends 0.5 s after the"
          + " chip wedges (default: ${DEFAULT-VALUE}).")
  long afterPs;

  @Option(names = "--window-us", paramLabel = "N", defaultValue = "2000",
      description = "The trace covers N us of simulated time on each side of the lost update"
          + " (default: ${DEFAULT-VALUE}).")
  long windowUs;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Write the window as a Chrome JSON trace (opens in ui.perfetto.dev).")
  Path trace;

  @Mixin PlatformOptions platformOptions;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() {
    Architecture arch = Architecture.fromName(archName);
    Limits.durationPs(searchPs);
    Limits.offersSomething(workload, searchPs);
    // The run goes on for --after past the lost update: the same ceiling as any run's length.
    checkArgument(afterPs <= Limits.MAX_DURATION_PS, "--after %s is over the limit of %s",
        Durations.format(afterPs), Durations.format(Limits.MAX_DURATION_PS));
    checkArgument(windowUs > 0 && windowUs <= 10_000_000L,
        "--window-us must be between 1 and 10000000, got %s", windowUs);
    Platform platform = platformOptions.platform();
    OutputFile traceOut = trace != null ? OutputFile.of("--trace", trace) : null;
    if (traceOut != null) {
      OutputFile.checkNotInputs(List.of(traceOut), CliInputs.inputs(null, platformOptions));
    }
    String platformText = platformOptions.describe();
    // The search runs up to 20 seeds of --duration each: a progress line, as race window has.
    ProgressLine progress =
        quiet.progressLine(Bessim.stderrIsTerminal(), spec.commandLine().getErr());
    int total = seed != null ? 1 : RaceExplainer.MAX_SEEDS;
    long firstSeed = seed != null ? seed : 1;
    RaceExplainer.Result r;
    try {
      r = RaceExplainer.explain(new RaceExplainer.Options(arch, platform, platformText, workload,
          seed, field, searchPs, windowUs * Time.US, afterPs), s -> {
            if (progress != null) {
              progress.started((int) (s - firstSeed + 1), total, arch.cliName() + " seed " + s);
            }
          });
    } finally {
      if (progress != null) progress.clear();
    }
    PrintWriter out = traceOut != null && traceOut.isStdout()
        ? spec.commandLine().getErr() : spec.commandLine().getOut();
    out.print(r.text());
    if (trace != null) {
      if (r.trace() == null) {
        out.println("\nNo trace written: there was no lost update to show.");
      } else {
        try {
          // Atomically: readers never see half a trace.
          traceOut.write(r.trace().toJson(), spec.commandLine().getOut());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write --trace file '" + trace + "': "
              + e.getMessage(), e);
        }
        out.printf(Locale.US, "%nTrace: %s (%d events, %.3f ms to %.3f ms simulated: from the"
            + " interrupt behind the racing work%nexecution, or %d us before the lost update, to"
            + " %d us after); open it in ui.perfetto.dev.%n", traceOut.describe(),
            r.trace().size(),
            r.fromPs() / 1e9, r.toPs() / 1e9, windowUs, windowUs);
      }
    }
    out.flush();
    return 0;
  }
}
