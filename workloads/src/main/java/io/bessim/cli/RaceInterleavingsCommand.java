package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.race.InterleavingsReport;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.experiment.race.InterleavingsRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bessim race interleavings}: every interleaving of the two hw_bufs_used updates. */
@Command(
    name = "interleavings",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "Every interleaving of the two hw_bufs_used updates, and which lose one.",
      "Takes wsm_alloc_tx_buffer and wsm_release_tx_buffer as the simulator builds",
      "them for an architecture, enumerates every interleaving of their shared-memory",
      "ops and executes each from one start value. Then the same for the fixes",
      "(v2's atomic_t, v3's single writer) and why they work."
    })
final class RaceInterleavingsCommand implements Callable<Integer> {
  /** The fixes shown after the architectures asked for, when those lose updates. */
  private static final List<Architecture> FIXES = List.of(Architecture.V2, Architecture.V3);

  @Spec CommandSpec spec;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH", defaultValue = "v1",
      description = "Architectures, comma separated; v2 and v3 follow for comparison when an"
          + " update can be lost (default: ${DEFAULT-VALUE}).")
  List<String> archNames;

  @Option(names = "--start", paramLabel = "N", defaultValue = "5",
      description = "hw_bufs_used before the two updates (default: ${DEFAULT-VALUE}).")
  long start;

  @Option(names = "--workload", paramLabel = "KIND:RATE", defaultValue = "tcp:4MB/s",
      converter = Converters.Workload.class,
      description = "Traffic of the short run that shows which contexts run the routines"
          + " (default: ${DEFAULT-VALUE}).")
  WorkloadSpec workload;

  @Option(names = {"--seed-base", "--seed"}, paramLabel = "N", defaultValue = "1",
      description = "Seed of that run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "Override one platform parameter; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** Accepted so that a script may pass --quiet to every command; there is no progress line. */
  @Mixin QuietOption quiet;

  @Override
  public Integer call() {
    List<Architecture> archs = Architecture.parseList(archNames, Map.of());
    checkArgument(Math.abs(start) <= 1_000_000, "--start must be within +-1000000, got %s", start);
    Platform platform = Platform.defaults().with(overrides);
    PrintWriter out = spec.commandLine().getOut();
    if (!overrides.isEmpty()) {
      out.println("platform: built-in defaults with --set " + overrides.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue().strip())
          .collect(java.util.stream.Collectors.joining(", ")));
    }
    List<InterleavingsReport.Section> sections = new ArrayList<>();
    for (Architecture a : archs) {
      sections.add(InterleavingsRun.section(a, platform, workload, seed, start));
    }
    if (sections.stream().anyMatch(s -> s.lost() > 0)) {
      for (Architecture fix : FIXES) {
        if (!archs.contains(fix)) {
          sections.add(InterleavingsRun.section(fix, platform, workload, seed, start));
        }
      }
    }
    for (int i = 0; i < sections.size(); i++) {
      out.print((i == 0 ? "" : "\n") + sections.get(i).text());
    }
    out.print(InterleavingsReport.whyTheFixWorks(sections));
    out.flush();
    return 0;
  }
}
