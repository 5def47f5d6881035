package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.Batch;
import io.bessim.experiment.Reports;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code compare} and {@code run}: what to simulate (workload, duration, seeds,
 * platform) and where reports go. {@link #plan} validates all of it before anything runs. Each
 * option given on the command line wins over the {@code --scenario} file, which wins over the
 * default; so the options that a scenario can set have no picocli default (null: not given).
 */
final class ExperimentOptions {
  static final String DEFAULT_WORKLOAD = "tcp:4MB/s";
  static final String DEFAULT_DURATION = "180s";

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "Read arch, workload, duration, seeds, profile and set lines from FILE"
              + " (docs/workloads.md); options given here win.")
  Path scenarioFile;

  @Option(
      names = "--workload",
      paramLabel = "KIND:SPEC",
      description =
          "Traffic: udp:RATE, tcp:RATE, ramp[-tcp]:RATE-RATE@TIME, burst[-udp]:SIZE@RATE/PERIOD"
              + " or replay:FILE.csv, e.g. tcp:4MB/s, ramp:1MB/s-4MB/s@60s, burst:2MB@8MB/s/2s"
              + " (default: " + DEFAULT_WORKLOAD + ").")
  String workload;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      description =
          "Simulated time per run, e.g. 180s, 500ms, 3m, 1.5s, 2h (default: "
              + DEFAULT_DURATION + ").")
  String duration;

  @Option(
      names = {"--seed-base", "--seed"},
      paramLabel = "N",
      defaultValue = "1",
      description = "First seed; runs use seed-base, seed-base+1, ... (default: ${DEFAULT-VALUE}).")
  long seedBase;

  @Mixin PlatformOptions platformOptions;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write runs and summary as JSON.")
  Path json;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per run.")
  Path csv;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Runs in parallel (default: number of processors). Results do not depend on it.")
  Integer threads;

  @Option(names = "--quiet", description = "No progress line on the terminal.")
  boolean quiet;

  private Scenario scenario;

  /** Everything needed to run, validated. */
  record Plan(
      List<RunSpec> specs, WorkloadSpec workload, long durationPs, int threads, String platform) {}

  /**
   * Validates every option and lists the runs: architectures in the order given, then seeds
   * ascending. Throws IllegalArgumentException naming the first problem.
   */
  Plan plan(List<Architecture> archs, int seeds) {
    checkArgument(seeds >= 1, "--seeds must be at least 1, got %s", seeds);
    Scenario sc = scenario();
    WorkloadSpec w = workload != null
        ? WorkloadSpec.parse(workload)
        : sc.workload().orElseGet(() -> WorkloadSpec.parse(DEFAULT_WORKLOAD));
    long durationPs = duration != null
        ? Durations.parse(duration)
        : sc.durationPs().orElseGet(() -> Durations.parse(DEFAULT_DURATION));
    int n = CliInputs.threads(threads);
    checkArgument(seedBase <= Long.MAX_VALUE - (seeds - 1),
        "--seed-base %s is too large for %s seeds", seedBase, seeds);
    Platform platform = loadProfile().with(sets());
    io.bessim.driver.host.Host.check(platform);
    if (json != null) Reports.checkWritable(json, "--json file");
    if (csv != null) Reports.checkWritable(csv, "--csv file");
    List<RunSpec> specs = new ArrayList<>();
    for (Architecture a : archs) {
      for (int i = 0; i < seeds; i++) {
        specs.add(new RunSpec(a, platform, w, durationPs, seedBase + i));
      }
    }
    return new Plan(specs, w, durationPs, n, describePlatform());
  }

  /** Runs the plan, with a progress line on stderr when it is a terminal and not --quiet. */
  List<RunResult> execute(Plan plan, CliContext ctx, PrintWriter err) throws InterruptedException {
    ProgressLine progress =
        !quiet && ctx.terminal().getAsBoolean() ? new ProgressLine(err) : null;
    try {
      return Batch.runAll(
          plan.specs(),
          ctx.runner(),
          plan.threads(),
          progress != null ? progress : Batch.Progress.NONE);
    } finally {
      if (progress != null) progress.clear();
    }
  }

  /** Writes --json and --csv, if given. */
  void writeReports(List<RunResult> results) {
    try {
      if (json != null) {
        Reports.writeAtomically(json, Reports.json(results, ArchSummary.of(results)));
      }
      if (csv != null) Reports.writeAtomically(csv, Reports.csv(results));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report: " + describe(e), e);
    }
  }

  /** The --scenario file, read once (every part absent without one). */
  Scenario scenario() {
    if (scenario == null) {
      scenario = scenarioFile == null ? Scenario.NONE : Scenario.load(scenarioFile);
    }
    return scenario;
  }

  /** The scenario's set lines with --set laid over them. */
  private Map<String, String> sets() {
    Map<String, String> all = new LinkedHashMap<>(scenario().sets());
    all.putAll(platformOptions.overrides());
    return all;
  }

  private Path profileFile() {
    Path file = platformOptions.profile();
    return file != null ? file : scenario().profile().orElse(null);
  }

  private Platform loadProfile() {
    return CliInputs.loadProfile(profileFile());
  }

  private String describePlatform() {
    Path file = profileFile();
    String base = file == null ? "built-in defaults" : "profile " + file;
    Map<String, String> sets = sets();
    String from = scenarioFile == null ? "" : " (scenario " + scenarioFile + ")";
    if (sets.isEmpty()) return base + from;
    return base + (scenarioFile == null ? " with --set " : " with set ")
        + sets.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().strip())
            .collect(Collectors.joining(", "))
        + from;
  }

  static String describe(IOException e) {
    return CliInputs.describe(e);
  }
}
