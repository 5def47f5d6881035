package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.calibrate.Calibration;
import io.bessim.calibrate.Condition;
import io.bessim.calibrate.CalibrationReport;
import io.bessim.calibrate.FitParam;
import io.bessim.calibrate.Measurements;
import io.bessim.calibrate.Scoring;
import io.bessim.calibrate.Section;
import io.bessim.calibrate.Sensitivity;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.WorkloadSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bessim calibrate}: fits the profile's unknown parameters to the rig's measured figures,
 * prints the fit, its residuals and the sensitivity of the predictions, and writes the profile.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "Fits platform parameters to every measured figure at once; writes the profile.",
      "Nelder-Mead over the mean of several seeds under each condition the measurements",
      "name (workload, architecture); prints each point, the best fit, every figure's",
      "residual in tolerances, and how every architecture's predictions move with each",
      "fitted parameter. Use the profile with: bessim compare --profile FILE."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:profile written",
      "1:unexpected failure",
      "2:bad input",
      "3:no fit: a fitted figure has no finite model value at any point; no profile written"
    })
final class CalibrateCommand implements Callable<Integer> {
  /** The exit code when no point has a finite objective: not bad input, not a failure. */
  static final int NO_FIT = 3;

  static final int DEFAULT_SEEDS = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--measurements",
      paramLabel = "FILE",
      defaultValue = Measurements.SHIPPED,
      description = "Measured figures: 'rig' means the rig baseline shipped with bessim, anything"
          + " else names a measurements file (default: ${DEFAULT-VALUE}).")
  String measurements;

  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      description = "Architecture of the sections that do not name one (default: baseline); a"
          + " section that names another is bad input.")
  String archName;

  @Mixin WorkloadOption workload;

  @Mixin DurationOption duration;

  @Mixin SeedsOption seeds;

  @Mixin SeedBaseOption seedBase;

  @Option(
      names = "--params",
      split = ",",
      paramLabel = "NAME[:MIN:MAX]",
      description = "Parameters to fit, comma separated, each optionally with bounds (default:"
          + " the profile's numeric parameters of kind 'fitted' or 'unknown' with a range, each"
          + " in value/4..value*4 inside that range).")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "calibrated.profile",
      description = "Where to write the calibrated profile (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--max-evals",
      paramLabel = "N",
      defaultValue = "40",
      description = "Points to simulate at most; revisits are free (default: ${DEFAULT-VALUE}).")
  int maxEvals;

  @Mixin PlatformOptions platformOptions;

  @Mixin ThreadsOption threads;

  @Mixin QuietOption quiet;

  private final CliContext ctx;
  private OutputFile outFile;

  CalibrateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Calibration.Plan plan = plan();
    // With --out -, standard output carries the profile alone; the report goes to stderr.
    PrintWriter o = outFile.isStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    String dur = Durations.format(plan.scoring().primary().durationPs());
    o.print(CalibrationReport.header(plan, dur));
    o.println();
    o.flush();
    ProgressLine progress = quiet.progressLine(ctx, spec.commandLine().getErr());
    if (progress != null) progress.started(1, plan.maxEvals(), "fit evaluations");
    Calibration.Fit fit;
    try {
      fit = Calibration.fit(plan, ctx.runner(),
          p -> {
            // The point lines go to stdout: take the progress line off the terminal first.
            if (progress != null) progress.clear();
            if (p.index() == 1) o.print(CalibrationReport.uncounted(p.score()));
            o.print(CalibrationReport.point(plan, p));
            o.flush();
            if (progress != null) {
              progress.started(Math.min(p.index() + 1, plan.maxEvals()), plan.maxEvals(),
                  "fit evaluations");
            }
          });
    } finally {
      if (progress != null) progress.clear();
    }
    o.println();
    o.print(CalibrationReport.best(plan, fit));
    o.println();
    o.print(CalibrationReport.residuals(plan, fit.best()));
    o.println();
    if (Double.isInfinite(fit.best().objective())) {
      // The "best" of points that all miss a figure infinitely is arbitrary: not written as a fit.
      o.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println("bessim: " + CalibrationReport.noFit(fit));
      err.flush();
      return NO_FIT;
    }
    try {
      outFile.write(CalibrationReport.profile(plan, fit, command(plan)),
          spec.commandLine().getOut());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write --out '" + out + "': " + ExperimentOptions.describe(e), e);
    }
    // '--profile -' reads no standard input: with --out - the hint names a file to save it to.
    String profileArg = outFile.isStdout() ? "FILE" : out.toString();
    o.println((outFile.isStdout() ? "wrote the profile to standard output; save it as FILE and"
        : "wrote " + out + ";") + " predict the other architectures with: bessim compare"
        + " --profile " + profileArg + " --workload " + plan.scoring().primary().workload());
    o.println();
    o.flush();
    Sensitivity s = Sensitivity.of(plan, fit, ctx.runner());
    o.print(CalibrationReport.sensitivity(plan, s));
    o.flush();
    return 0;
  }

  /** Checks every option, reads the measurements and the profile; nothing runs before this. */
  Calibration.Plan plan() {
    Measurements ms = Measurements.load(measurements);
    Architecture arch = archName != null ? Architecture.fromName(archName) : Architecture.BASELINE;
    WorkloadSpec w = workload.workload(Optional.empty());
    for (Section s : ms.sections()) {
      checkArgument(archName == null || s.arch() == null || s.arch().equals(arch),
          "--arch %s disagrees with %s, measured on %s%s", arch.cliName(), ms.origin(),
          s.arch() == null ? "" : s.arch().cliName(), where(s));
      checkArgument(!workload.given() || s.workload() == null || s.workload().equals(w),
          "--workload %s disagrees with %s, measured at %s%s", w, ms.origin(), s.workload(),
          where(s));
    }
    long durationPs = duration.durationPs(OptionalLong.empty());
    List<Long> seedList = seedBase.seeds(seeds.seeds(OptionalInt.empty(), DEFAULT_SEEDS));
    int n = threads.threads();
    Platform platform =
        CliInputs.loadProfile(platformOptions.profile()).with(platformOptions.overrides());
    // As compare and predict check theirs: a host the model cannot build is bad input.
    Host.check(platform);
    List<FitParam> fitted = FitParam.resolve(platform, params);
    CliInputs.checkBoxEnds(platform, fitted, "calibrate",
        name -> "bound it with --params " + name + ":MIN:MAX");
    outFile = OutputFile.of("--out", out);
    // Writing over the profile it started from would also lose what the new one's sources cite.
    OutputFile.checkNotInputs(List.of(outFile), CliInputs.inputs(measurements, platformOptions));
    Scoring scoring = Scoring.of(ms, arch, w, durationPs);
    Limits.resultsFit((long) maxEvals * seedList.size(), "fewer --max-evals or --seeds");
    return new Calibration.Plan(scoring, seedList, platform, fitted, maxEvals, n);
  }

  /** {@code  in [preflight]}, or "" for a file without sections. */
  static String where(Section s) {
    return s.name().isEmpty() ? "" : " in " + s.label();
  }

  /** The command in canonical form, for the written profile's sources (no date: reproducible). */
  private String command(Calibration.Plan plan) {
    Condition primary = plan.scoring().primary();
    StringBuilder b = new StringBuilder("bessim calibrate --measurements ").append(measurements);
    if (archName != null) b.append(" --arch ").append(primary.arch().cliName());
    if (workload.given()) b.append(" --workload ").append(primary.workload());
    b.append(" --duration ").append(Durations.format(primary.durationPs()))
        .append(" --seeds ").append(plan.seeds().size());
    if (plan.seeds().get(0) != 1) b.append(" --seed-base ").append(plan.seeds().get(0));
    if (!params.isEmpty()) b.append(" --params ").append(String.join(",", params));
    b.append(" --max-evals ").append(maxEvals);
    if (platformOptions.profile() != null) {
      b.append(" --profile ").append(platformOptions.profile());
    }
    platformOptions.overrides()
        .forEach((k, v) -> b.append(" --set ").append(k).append('=').append(v.strip()));
    return b.toString();
  }
}
