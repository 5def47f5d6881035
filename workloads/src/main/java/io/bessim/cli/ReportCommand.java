package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.Sweep;
import io.bessim.experiment.SweepCsv;
import io.bessim.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bessim report}: runs a compare and writes its HTML report; {@code --sweep DIR} adds a
 * finished sweep's delivered-against-offered curves (the receive-livelock picture).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "Runs a compare (same options) and writes one self-contained HTML report: the table,"
          + " bars with 95%% intervals, delivered over time, CPU by context, races, provenance.",
      "With --sweep DIR it also draws that sweep's delivered against offered load."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      completionCandidates = RunCommand.ArchNames.class,
      description = "Architectures, comma separated (default: every preset).")
  List<String> archNames;

  @Mixin SeedsOption seeds;

  @Mixin ExperimentOptions options;

  @Option(
      names = {"--out", "-o"},
      paramLabel = "FILE.html",
      defaultValue = "bessim-report.html",
      description = "Where the report goes ('-': standard output, the table then goes to"
          + " standard error; default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--sweep",
      paramLabel = "DIR",
      description = "A sweep folder (bessim sweep --out DIR) whose rows add the delivered against"
          + " offered curves, e.g. from --vary workload=udp:0.5MB/s..8MB/s:8.")
  Path sweep;

  private final CliContext ctx;

  ReportCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<Architecture> archs = options.archs(archNames);
    int n = seeds.seeds(options.scenario().seeds(), CompareCommand.DEFAULT_SEEDS);
    options.recordDetail = true;
    OutputFile html = OutputFile.of("--out", out);
    if (sweep != null) {
      options.otherInputs = Map.of("--sweep results", sweep.resolve(SweepCsv.FILE),
          "--sweep manifest", sweep.resolve(Sweep.META));
    }
    ExperimentOptions.Plan plan = options.plan(archs, n, List.of(html));
    List<RunResult> swept = sweep == null ? List.of() : readSweep(sweep, true);
    List<RunResult> sweptCurves = sweep == null ? List.of() : readSweep(sweep, false);
    List<RunResult> results = options.execute(plan, ctx, spec.commandLine().getErr());
    String header = CompareCommand.header(plan, n, options.seedBase.seedBase());
    Provenance provenance =
        options.provenance(plan, spec.commandLine().getParseResult().originalArgs());
    options.writeReports(results, spec.commandLine().getOut(), provenance);
    HtmlReport r = CompareCommand.htmlReport(header, results, provenance);
    if (!swept.isEmpty()) {
      r.sweep("Sweep " + sweep, swept, sweptCurves);
    }
    ReportOption.write(html, r);
    // Standard error when --out, --json or --csv is '-', so standard output holds only that one.
    PrintWriter o = options.humanOut(spec.commandLine());
    o.print(header);
    o.println();
    o.print(CompareCommand.table(ArchSummary.of(results), false));
    o.println("report: " + html.describe());
    o.flush();
    return 0;
  }

  /**
   * A sweep folder's rows labelled by point ({@link SweepCsv#readPointResults}): with
   * {@code withWorkload} for its table, without for its curves against offered load.
   */
  static List<RunResult> readSweep(Path dir, boolean withWorkload) {
    Path file = dir.resolve(SweepCsv.FILE);
    checkArgument(Files.isRegularFile(file), "--sweep %s has no %s (run bessim sweep --out %s)",
        dir, SweepCsv.FILE, dir);
    try {
      List<RunResult> rows = SweepCsv.readPointResults(file, withWorkload);
      checkArgument(!rows.isEmpty(), "--sweep %s: %s has no rows yet", dir, file);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + CliInputs.describe(e), e);
    }
  }
}
