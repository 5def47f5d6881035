package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.Sweep;
import io.bessim.experiment.SweepCsv;
import io.bessim.experiment.SweepGrid;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bessim sweep}: runs a grid of architectures × varied parameters × seeds in parallel,
 * appending a CSV row as each point finishes; resumable, shardable, and mergeable with
 * {@code bessim sweep merge}.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    subcommands = {SweepMergeCommand.class, SweepTableCommand.class},
    description = {
      "Runs every architecture x every value of each --vary x every seed, in parallel, and"
          + " appends one row per point to DIR/results.csv as it finishes.",
      "Stopped (Ctrl-C, crash)? Rerun with --resume: finished points are skipped.",
      "Many machines? Give each --shard i/n, then 'bessim sweep merge'."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      description = "Architectures, comma separated (default: the --scenario's, else"
          + " baseline,v1,v2,v3).")
  List<String> archNames;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Read arch, workload, duration, seeds, profile and set lines from FILE"
          + " (docs/workloads.md); options given here win.")
  Path scenarioFile;

  @Option(
      names = "--vary",
      paramLabel = "NAME=VALUES",
      description = {
        "A parameter to vary, repeatable; the grid is the product, in the order given.",
        "NAME is 'workload' or a platform parameter (see 'bessim arch list'); VALUES a comma"
            + " list or a range FROM..TO:N of N evenly spaced points, ends included; a workload"
            + " range is of udp: or tcp:, other kinds are listed. For example:",
        "fw.rxPoolFrames=8,11,16",
        "workload=tcp:1MB/s,tcp:4MB/s",
        "workload=udp:0.5MB/s..8MB/s:16",
        "sdio.clockHz=25000000..50000000:3"
      })
  List<String> vary = new ArrayList<>();

  @Mixin SeedsOption seeds;

  @Mixin SeedBaseOption seedBase;

  @Mixin WorkloadOption workload;

  @Mixin DurationOption duration;

  @Mixin PlatformOptions platformOptions;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for results.csv and sweep.json (created if missing). Required.")
  Path out;

  @Option(
      names = "--resume",
      description = "Continue the sweep in --out: skip points already in its results.csv.")
  boolean resume;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Run only points whose index mod N is I-1 (1-based), e.g. one Slurm array"
          + " task each.")
  String shard;

  @Mixin CheckOption check;

  @Mixin ThreadsOption threads;

  @Mixin QuietOption quiet;

  @Mixin ReportOption report;

  private final CliContext ctx;
  private Scenario scenario;

  SweepCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    checkArgument(out != null, "--out DIR is required: the folder for results.csv");
    CliInputs.folder("--out", out);
    SweepGrid grid = grid();
    List<OutputFile> outputs = report.check();
    // The report must not land on what the sweep reads: its rows and manifest (on --resume, and
    // the rows for the report itself), the scenario, the profile.
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--scenario", scenarioFile);
    inputs.put("--profile", profileFile());
    inputs.put("sweep's results", out.resolve(SweepCsv.FILE));
    inputs.put("sweep's manifest", out.resolve(Sweep.META));
    inputs.put("sweep's lock", out.resolve(Sweep.LOCK));
    OutputFile.checkNotInputs(outputs, inputs);
    // With --report -, standard output holds the page alone; the summary goes to standard error.
    boolean humanToStderr = OutputFile.anyStdout(outputs);
    int n = threads.threads();
    Sweep.Shard slice = shard == null ? Sweep.Shard.ALL : Sweep.Shard.parse(shard);
    PrintWriter err = spec.commandLine().getErr();
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    Sweep sweep = Sweep.open(grid, out, slice, resume, args, msg -> {
      err.println("bessim: " + msg);
      err.flush();
    });
    ProgressLine progress = quiet.progressLine(ctx, err);
    // Each row is in results.csv as its point finishes: an interrupt only stops the sweep.
    Interrupts.onInterrupt(signal -> {
      int rows = sweep.stop();
      if (progress != null) progress.clear();
      return "bessim: interrupted by " + signal + "; " + rows + " rows of this run are in "
          + sweep.results() + " (partial), rerun with --resume to finish";
    });
    long wall0 = System.nanoTime();
    Sweep.Outcome o;
    try {
      o = sweep.run(ctx.runner(), n,
          progress == null ? Sweep.Progress.NONE
              : (started, total, p) -> progress.started(started, total, p.key()));
    } finally {
      Interrupts.complete(() -> {});
      if (progress != null) progress.clear();
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    PrintWriter w = humanToStderr ? err : spec.commandLine().getOut();
    String text = summary(grid, slice, o, wall, Math.min(n, Math.max(1, sweep.todo().size())),
        sweep.results());
    w.print(text);
    w.flush();
    if (report.report != null) {
      HtmlReport r = new HtmlReport("bessim sweep").roundedAsTheSweepTable();
      text.lines().forEach(r::note);
      Map<String, String> sets = new LinkedHashMap<>(
          scenario().sets());
      sets.putAll(platformOptions.overrides());
      // The scenario's profile line counts, as it does for the grid's platform.
      Path profile = profileFile();
      report.write(r.runs(ReportCommand.readSweep(out, true), ReportCommand.readSweep(out, false),
          "point")
          .provenance(Provenance.of(args,
          profile == null ? "built-in defaults" : profile.toString(), grid.platform(), sets)));
    }
    return 0;
  }

  private SweepGrid grid() {
    Scenario sc = scenario();
    List<Architecture> archs = archNames != null
        ? Architecture.parseList(archNames, sc.variants())
        : sc.archs().orElse(Architecture.presets());
    long durationPs = duration.durationPs(sc.durationPs());
    int seedCount = seeds.seeds(sc.seeds(), 1);
    Map<String, String> sets = new LinkedHashMap<>(sc.sets());
    sets.putAll(platformOptions.overrides());
    Platform base = CliInputs.loadProfile(profileFile()).with(sets);
    base = check.apply(base);
    io.bessim.driver.host.Host.check(base);
    List<SweepGrid.Dimension> dims = new ArrayList<>();
    for (String v : vary) {
      SweepGrid.Dimension d = SweepGrid.parseVary(v, base);
      checkArgument(!sets.containsKey(d.name()),
          "%s is both fixed with --set and varied with --vary; drop one", d.name());
      dims.add(d);
    }
    boolean varied = dims.stream().anyMatch(d -> d.name().equals(SweepGrid.WORKLOAD));
    checkArgument(!varied || !workload.given(),
        "the workload is both given (--workload) and varied (--vary workload=...); drop one");
    WorkloadSpec fixed = varied ? null : workload.workload(sc.workload());
    if (fixed != null) Limits.offersSomething(fixed, durationPs);
    // A varied replay is refused as a fixed one is: its points would report 0 MB/s offered.
    for (SweepGrid.Dimension d : dims) {
      if (!d.name().equals(SweepGrid.WORKLOAD)) continue;
      for (String v : d.values()) Limits.offersSomething(WorkloadSpec.parse(v), durationPs);
    }
    SweepGrid grid =
        new SweepGrid(archs, dims, seedCount, seedBase.seedBase(), durationPs, fixed, base);
    // As compare checks its one platform: every point's, before --out is touched.
    grid.checkPlatforms(io.bessim.driver.host.Host::check);
    return grid;
  }

  /** The profile the sweep reads: --profile, else the scenario's, else none (null). */
  private Path profileFile() {
    Path file = platformOptions.profile();
    return file != null ? file : scenario().profile().orElse(null);
  }

  /** The --scenario file, read once (every part absent without one). */
  private Scenario scenario() {
    if (scenario == null) {
      scenario = scenarioFile == null ? Scenario.NONE : Scenario.load(scenarioFile);
    }
    return scenario;
  }

  /** What ran, in points and wall-clock seconds, and where the rows are. */
  static String summary(SweepGrid grid, Sweep.Shard shard, Sweep.Outcome o, double wallSeconds,
      int threads, Path results) {
    StringBuilder shape = new StringBuilder();
    shape.append(count(grid.archs().size(), "arch", "archs"));
    for (SweepGrid.Dimension d : grid.dims()) {
      shape.append(" x ").append(d.values().size()).append(' ').append(d.name());
    }
    shape.append(" x ").append(count(grid.seeds(), "seed", "seeds"));
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.US, "sweep: %s = %s, %s simulated each%n", shape,
        count(o.gridPoints(), "point", "points"), Durations.format(grid.durationPs())));
    String which = shard.count() == 1 ? "all of them" : "shard " + shard + " has "
        + count(o.shardPoints(), "point", "points");
    b.append(String.format(Locale.US,
        "%s: %d already done, %d ran now in %.1f s wall-clock on %s%n", which, o.alreadyDone(),
        o.ran(), wallSeconds, count(threads, "thread", "threads")));
    b.append("rows: ").append(results).append(System.lineSeparator());
    return b.toString();
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
