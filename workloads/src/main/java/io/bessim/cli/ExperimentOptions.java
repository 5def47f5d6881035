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
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code compare} and {@code run}: what to simulate (workload, duration, seeds,
 * platform) and where reports go. {@link #plan} validates all of it before anything runs.
 */
final class ExperimentOptions {
  @Option(
      names = "--workload",
      paramLabel = "KIND:RATE",
      defaultValue = "tcp:4MB/s",
      description =
          "Traffic: udp:RATE or tcp:RATE, e.g. tcp:4MB/s, udp:32Mbit/s"
              + " (default: ${DEFAULT-VALUE}).")
  String workload;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      defaultValue = "180s",
      description =
          "Simulated time per run, e.g. 180s, 500ms, 3m, 1.5s, 2h (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = {"--seed-base", "--seed"},
      paramLabel = "N",
      defaultValue = "1",
      description = "First seed; runs use seed-base, seed-base+1, ... (default: ${DEFAULT-VALUE}).")
  long seedBase;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Override one platform parameter for all runs; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "Platform profile file; parameters it omits keep their defaults.")
  Path profile;

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

  /** Everything needed to run, validated. */
  record Plan(
      List<RunSpec> specs, WorkloadSpec workload, long durationPs, int threads, String platform) {}

  /**
   * Validates every option and lists the runs: architectures in the order given, then seeds
   * ascending. Throws IllegalArgumentException naming the first problem.
   */
  Plan plan(List<Architecture> archs, int seeds) {
    checkArgument(seeds >= 1, "--seeds must be at least 1, got %s", seeds);
    WorkloadSpec w = WorkloadSpec.parse(workload);
    long durationPs = Durations.parse(duration);
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    checkArgument(n >= 1, "--threads must be at least 1, got %s", n);
    checkArgument(seedBase <= Long.MAX_VALUE - (seeds - 1),
        "--seed-base %s is too large for %s seeds", seedBase, seeds);
    Platform platform = loadProfile().with(overrides);
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

  private Platform loadProfile() {
    if (profile == null) return Platform.defaults();
    try {
      return Platform.load(profile);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read --profile '" + profile + "': " + describe(e), e);
    }
  }

  private String describePlatform() {
    String base = profile == null ? "built-in defaults" : "profile " + profile;
    if (overrides.isEmpty()) return base;
    return base + " with --set "
        + overrides.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().strip())
            .collect(Collectors.joining(", "));
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file " + e.getMessage();
    if (e instanceof AccessDeniedException) return "permission denied on " + e.getMessage();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
