package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.calibrate.Abc;
import io.bessim.calibrate.FitParam;
import io.bessim.calibrate.Measurements;
import io.bessim.calibrate.Prediction;
import io.bessim.calibrate.PredictionReport;
import io.bessim.calibrate.Scoring;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.Reports;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.report.HtmlReport;
import io.bessim.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bessim predict}: keeps the profiles that reproduce every measured figure (rejection ABC
 * over the free parameters) and predicts every architecture on each, with the spread across them.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:predictions made (fewer profiles than --profiles is said in the report)",
      "1:unexpected failure",
      "2:bad input",
      "3:no profile kept: no candidate matched every measured figure"
    },
    description = {
      "Predicts each architecture over every profile that matches the rig's figures.",
      "Samples the free parameters (kind fitted or unknown, with a range) over their",
      "ranges, keeps the profiles with every fitted figure inside its band, and runs",
      "each architecture on each kept profile with the profile's seed. Prints the",
      "median and 5-95%% range across profiles of delivered MB/s, of the ratio to the",
      "baseline, of the dispatch rates (/s) and of the first WARN (s); the unknown",
      "that moves each prediction most; and the one countable quantity whose",
      "measurement on the rig would narrow v3's range most."
    })
final class PredictCommand implements Callable<Integer> {
  static final int DEFAULT_PROFILES = 20;
  // The shipped rig baseline keeps about 2% of candidates with the current model (docs/
  // calibration.md); 100 per profile keeps the default 20 with room, and sampling stops early.
  static final int CANDIDATES_PER_PROFILE = 100;
  // 30 s: seed-to-seed noise at this load comes from the TCP regime a seed falls into, not the
  // run length, and it halves the cost of the default run against 60 s (docs/calibration.md).
  static final String DEFAULT_DURATION = "30s";

  /** The exit code when no candidate is kept: not bad input, not a failure of bessim. */
  static final int NONE_KEPT = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      completionCandidates = RunCommand.ArchNames.class,
      description = "Architectures to predict, comma separated: presets"
          + " (${COMPLETION-CANDIDATES}) or variants, e.g. v3,v3+rx.delivery=batch (default: every"
          + " preset). The baseline also runs, for the ratio, if not named.")
  List<String> archNames;

  @Option(
      names = "--profiles",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_PROFILES,
      description = "Profiles to keep: sampling stops once this many match every figure"
          + " (default: ${DEFAULT-VALUE}).")
  int profiles;

  @Option(
      names = "--max-candidates",
      paramLabel = "N",
      description = "Candidates to try at most (default: " + CANDIDATES_PER_PROFILE
          + " x --profiles; sampling stops once --profiles are kept).")
  Integer maxCandidates;

  @Mixin DurationOption duration;

  @Mixin WorkloadOption workload;

  @Option(
      names = "--measurements",
      paramLabel = "FILE",
      defaultValue = Measurements.SHIPPED,
      description = "Measured figures: 'rig' means the rig baseline shipped with bessim, anything"
          + " else names a measurements file (default: ${DEFAULT-VALUE}).")
  String measurements;

  @Mixin PlatformOptions platformOptions;

  @Mixin SeedBaseOption seed;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the predictions as JSON (written with keptProfiles 0 when none"
          + " is kept; '-': standard output, the report then goes to standard error).")
  Path json;

  @Mixin ThreadsOption threads;

  @Mixin QuietOption quiet;

  @Mixin ReportOption report;

  private final CliContext ctx;
  private OutputFile jsonOut;
  private boolean humanToStderr;

  PredictCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Prediction.Plan plan = plan();
    String dur = Durations.format(plan.durationPs());
    // Standard error when --json or --report is '-', so standard output holds only that one.
    PrintWriter o = humanToStderr ? spec.commandLine().getErr() : spec.commandLine().getOut();
    o.print(PredictionReport.header(plan, dur));
    o.println();
    o.flush();
    ProgressLine progress = quiet.progressLine(ctx, spec.commandLine().getErr());
    Prediction.Outcome outcome;
    int[] judged = new int[2];
    Interrupts.onInterrupt(signal -> partial(signal, judged, progress));
    try {
      outcome = Prediction.run(plan, ctx.runner(), (tried, kept, max) -> {
        synchronized (judged) {
          judged[0] = tried;
          judged[1] = kept;
        }
        if (progress != null) {
          progress.started(tried, max, "candidates tried, " + kept + " matching");
        }
      });
    } finally {
      if (progress != null) progress.clear();
    }
    Interrupts.complete(() -> {});
    o.print(PredictionReport.sampling(plan.abc(), outcome.abc()));
    o.println();
    writeJson(plan, outcome);
    if (outcome.abc().kept().isEmpty()) {
      o.flush();
      PrintWriter err = spec.commandLine().getErr();
      // The HTML report is the predictions' page: with none it is not written; say so.
      err.println("bessim: " + PredictionReport.noneKept(plan.abc(), outcome.abc())
          + (report.report != null ? " (no --report written: there is no prediction to show)"
              : ""));
      err.flush();
      return NONE_KEPT;
    }
    if (outcome.abc().kept().size() < plan.abc().wanted()) {
      // Not an error: a rougher prediction is still a prediction; the JSON says how many.
      o.printf("only %d of the %d profiles asked for were kept within %d candidates: the ranges"
              + " below are rougher (raise --max-candidates)%n%n", outcome.abc().kept().size(),
          plan.abc().wanted(), plan.abc().maxCandidates());
    }
    o.print(PredictionReport.profiles(plan.abc(), outcome.abc()));
    o.println();
    o.print(PredictionReport.predictions(plan, outcome, dur));
    o.println();
    o.print(PredictionReport.sensitivity(plan, outcome));
    o.println();
    o.print(PredictionReport.next(outcome));
    o.flush();
    if (report.report != null) writeReport(plan, outcome, dur);
    return 0;
  }

  private Provenance provenance(Prediction.Plan plan) {
    Path profile = platformOptions.profile();
    return Provenance.of(spec.commandLine().getParseResult().originalArgs(),
        profile == null ? "built-in defaults" : profile.toString(), plan.abc().platform(),
        platformOptions.overrides());
  }

  /** The HTML report: the prediction tables, then the runs on the kept profiles as charts. */
  private void writeReport(Prediction.Plan plan, Prediction.Outcome outcome, String dur) {
    HtmlReport r = new HtmlReport("bessim predict");
    PredictionReport.header(plan, dur).lines().forEach(r::note);
    r.text("Prediction", "each architecture's median and 5-95% range over the kept profiles",
        PredictionReport.predictions(plan, outcome, dur));
    r.text("Sensitivity", null, PredictionReport.sensitivity(plan, outcome));
    List<RunResult> runs = new ArrayList<>();
    for (Prediction.ArchPrediction a : outcome.archs()) runs.addAll(a.runs());
    r.note("charts below: the runs on the kept profiles; their intervals are across profiles");
    report.write(r.runs(runs).provenance(provenance(plan)));
  }

  /** Checks every option, reads the measurements and the profile; nothing runs before this. */
  Prediction.Plan plan() {
    Measurements ms = Measurements.load(measurements);
    List<Architecture> archs = archNames != null
        ? Architecture.parseList(archNames, Map.of()) : Architecture.presets();
    long durationPs = duration.durationPs(OptionalLong.of(Durations.parse(DEFAULT_DURATION)));
    checkArgument(profiles >= 1, "--profiles must be at least 1, got %s", profiles);
    checkArgument(profiles <= Limits.MAX_SEEDS, "--profiles %s is over the limit of %s", profiles,
        Limits.MAX_SEEDS);
    int max = maxCandidates != null ? maxCandidates : CANDIDATES_PER_PROFILE * profiles;
    // Every candidate tried is kept (with its runs) for the report's tallies.
    Limits.resultsFit(max, "fewer --profiles or --max-candidates");
    int n = threads.threads();
    Platform platform =
        CliInputs.loadProfile(platformOptions.profile()).with(platformOptions.overrides());
    Host.check(platform);
    List<FitParam> free = FitParam.free(platform);
    CliInputs.checkBoxEnds(platform, free, "predict",
        name -> "narrow its range in the --profile, or pin it with --set " + name + "=VALUE");
    WorkloadSpec fallback = workload.workload(Optional.empty());
    Scoring scoring = Scoring.of(ms, Architecture.BASELINE, fallback, durationPs);
    WorkloadSpec predictAt = workload.given() ? fallback : scoring.primary().workload();
    jsonOut = json != null ? OutputFile.of("--json", json) : null;
    List<OutputFile> outputs = new java.util.ArrayList<>(report.check());
    if (jsonOut != null) outputs.add(jsonOut);
    OutputFile.checkDistinct(outputs);
    OutputFile.checkNotInputs(outputs, CliInputs.inputs(measurements, platformOptions));
    humanToStderr = OutputFile.anyStdout(outputs);
    Abc.Plan abc = new Abc.Plan(scoring, platform, free, seed.seedBase(), profiles, max, n);
    return new Prediction.Plan(abc, archs, predictAt, durationPs);
  }

  /**
   * On SIGINT or SIGTERM: what finished is the sampling so far (the predictions need every kept
   * profile), so --json gets those counts, marked partial.
   */
  private String partial(String signal, int[] judged, ProgressLine progress) throws IOException {
    if (progress != null) progress.clear();
    int tried;
    int kept;
    synchronized (judged) {
      tried = judged[0];
      kept = judged[1];
    }
    String head = String.format(java.util.Locale.US,
        "bessim: interrupted by %s: %d candidates tried, %d matching, no prediction yet", signal,
        tried, kept);
    if (jsonOut == null) return head;
    com.google.gson.JsonObject o = new com.google.gson.JsonObject();
    o.addProperty("partial", true);
    o.addProperty("candidatesTried", tried);
    o.addProperty("keptProfiles", kept);
    jsonOut.write(new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n",
        spec.commandLine().getOut());
    return head + "; the counts are in " + jsonOut.describe() + " marked partial";
  }

  private void writeJson(Prediction.Plan plan, Prediction.Outcome outcome) {
    if (json == null) return;
    try {
      jsonOut.write(Reports.withProvenance(
          PredictionReport.json(plan, outcome, Time.toSeconds(plan.durationPs())),
          provenance(plan)), spec.commandLine().getOut());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write --json '" + json + "': " + CliInputs.describe(e), e);
    }
  }
}
