package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.Batch;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.Provenance;
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
  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "Read arch, workload, duration, seeds, profile and set lines from FILE"
              + " (docs/workloads.md); options given here win.")
  Path scenarioFile;

  @Mixin WorkloadOption workload;

  @Mixin DurationOption duration;

  @Mixin SeedBaseOption seedBase;

  @Mixin PlatformOptions platformOptions;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write runs and summary as JSON ('-': standard output, the table then"
          + " goes to standard error).")
  Path json;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also write one CSV row per run ('-': standard output).")
  Path csv;

  @Mixin CheckOption check;

  /** Set by commands that draw the HTML report before they call {@link #plan}. */
  boolean recordDetail;

  /** Files the command reads besides the run's own (report's --sweep), set before {@link #plan}. */
  Map<String, Path> otherInputs = Map.of();

  @Mixin ThreadsOption threads;

  @Mixin QuietOption quiet;

  private Scenario scenario;
  private boolean humanToStderr;
  private volatile ProgressLine progress;
  private OutputFile jsonOut;
  private OutputFile csvOut;

  /** Everything needed to run, validated. */
  record Plan(
      List<RunSpec> specs, WorkloadSpec workload, long durationPs, int threads, String platform) {}

  /** The architectures: {@code archNames} (--arch) as written, else the --scenario's, else every preset. */
  List<Architecture> archs(List<String> archNames) {
    return archNames != null
        ? Architecture.parseList(archNames, scenario().variants())
        : scenario().archs().orElse(Architecture.presets());
  }

  /**
   * Validates every option and lists the runs: architectures in the order given, then seeds
   * ascending. Throws IllegalArgumentException naming the first problem.
   */
  Plan plan(List<Architecture> archs, int seeds) {
    return plan(archs, seeds, List.of());
  }

  /** As {@link #plan(List, int)}, with the command's {@code other} outputs checked beside ours. */
  Plan plan(List<Architecture> archs, int seeds, List<OutputFile> other) {
    Scenario sc = scenario();
    WorkloadSpec w = workload.workload(sc.workload());
    long durationPs = duration.durationPs(sc.durationPs());
    Limits.offersSomething(w, durationPs);
    int n = threads.threads();
    List<Long> seedList = seedBase.seeds(seeds);
    Limits.resultsFit((long) archs.size() * seeds);
    Platform platform = check.apply(loadProfile().with(sets()));
    if (recordDetail) platform = platform.with("run.detail", "true");
    io.bessim.driver.host.Host.check(platform);
    jsonOut = json != null ? OutputFile.of("--json", json) : null;
    csvOut = csv != null ? OutputFile.of("--csv", csv) : null;
    List<OutputFile> all = new ArrayList<>(other);
    if (jsonOut != null) all.add(jsonOut);
    if (csvOut != null) all.add(csvOut);
    OutputFile.checkDistinct(all);
    OutputFile.checkNotInputs(all, inputs(w));
    humanToStderr = OutputFile.anyStdout(all);
    List<RunSpec> specs = new ArrayList<>();
    for (Architecture a : archs) {
      for (long seed : seedList) specs.add(new RunSpec(a, platform, w, durationPs, seed));
    }
    return new Plan(specs, w, durationPs, n, describePlatform());
  }

  /** Runs the plan, with a progress line on stderr when it is a terminal and not --quiet. */
  List<RunResult> execute(Plan plan, CliContext ctx, PrintWriter err) throws InterruptedException {
    return execute(plan, ctx, err, Batch.Finished.NONE);
  }

  /** As {@link #execute(Plan, CliContext, PrintWriter)}, telling {@code finished} of each run. */
  List<RunResult> execute(Plan plan, CliContext ctx, PrintWriter err, Batch.Finished finished)
      throws InterruptedException {
    ProgressLine progress = quiet.progressLine(ctx, err);
    this.progress = progress;
    try {
      return Batch.runAll(
          plan.specs(),
          ctx.runner(),
          plan.threads(),
          progress != null ? progress : Batch.Progress.NONE,
          finished);
    } finally {
      if (progress != null) progress.clear();
    }
  }

  /** Where results of {@code plan} come from: this build, {@code args}, the profile and sets. */
  Provenance provenance(Plan plan, List<String> args) {
    Path file = profileFile();
    return Provenance.of(args, file == null ? "built-in defaults" : file.toString(),
        plan.specs().get(0).platform(), sets());
  }

  /**
   * Where the human-readable report goes: standard output, or standard error when --json or
   * --csv is {@code -}, so that standard output holds only the machine-readable one.
   */
  PrintWriter humanOut(picocli.CommandLine cl) {
    return humanToStderr ? cl.getErr() : cl.getOut();
  }

  /**
   * Writes --json and --csv, if given, each carrying {@code provenance}; {@code stdout} takes
   * those given as {@code -}.
   */
  void writeReports(List<RunResult> results, PrintWriter stdout, Provenance provenance) {
    writeReports(results, stdout, provenance, false);
  }

  /**
   * As {@link #writeReports(List, PrintWriter, Provenance)}; {@code partial} marks both as
   * holding only the runs that finished before an interrupt: {@code "partial": true} first in the
   * JSON, a last column {@code partial} of {@code true} in the CSV.
   */
  void writeReports(List<RunResult> results, PrintWriter stdout, Provenance provenance,
      boolean partial) {
    write(jsonOut, () -> Reports.json(results, ArchSummary.of(results), provenance, partial),
        stdout);
    write(csvOut, () -> Reports.csv(results, provenance, partial), stdout);
  }

  /** Erases the progress line, if one is shown (before an interrupt's line). */
  void clearProgress() {
    ProgressLine p = progress;
    if (p != null) p.clear();
  }

  /** Whether any report file was asked for. */
  boolean writesReports() {
    return jsonOut != null || csvOut != null;
  }

  /** The report files asked for, as the user wrote them, for messages. */
  String reportPaths() {
    List<String> out = new ArrayList<>();
    if (jsonOut != null) out.add(jsonOut.describe());
    if (csvOut != null) out.add(csvOut.describe());
    return String.join(" and ", out);
  }

  private static void write(OutputFile f, java.util.function.Supplier<String> text,
      PrintWriter stdout) {
    if (f == null) return;
    try {
      f.write(text.get(), stdout);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + f.option() + " '" + f.describe() + "': " + describe(e), e);
    }
  }

  /** The files a run reads, by the option that names each (absent ones null). */
  Map<String, Path> inputs(WorkloadSpec w) {
    Map<String, Path> in = new LinkedHashMap<>();
    in.put("--scenario", scenarioFile);
    in.put("--profile", profileFile());
    in.put("replay trace", w.inputFile());
    in.putAll(otherInputs);
    return in;
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
