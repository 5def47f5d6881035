package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.ArchSummary;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.RunResult;
import io.bessim.report.HtmlReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bessim compare}: every architecture on one platform and workload, over several seeds. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "Compares architectures on one platform profile and workload over several seeds.",
      "Prints one row per architecture: mean and 95%% interval across seeds."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final int DEFAULT_SEEDS = 3;

  // No picocli defaults: null means "not given", so that a --scenario file can supply them.
  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      completionCandidates = RunCommand.ArchNames.class,
      description = "Architectures to compare, comma separated: presets (${COMPLETION-CANDIDATES}),"
          + " a --scenario's variants, or either with +knob=value, e.g. v3,v3+rx.delivery=batch"
          + " (default: every preset).")
  List<String> archNames;

  @Mixin SeedsOption seeds;

  @Mixin ExperimentOptions options;

  @Mixin ReportOption report;

  @Option(
      names = "--wide",
      description = "Every column (offered load, lock contention, long headers): wider than 100"
          + " columns.")
  boolean wide;

  private final CliContext ctx;

  CompareCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<Architecture> archs = archNames != null
        ? Architecture.parseList(archNames, options.scenario().variants())
        : options.scenario().archs().orElse(Architecture.presets());
    int n = seeds.seeds(options.scenario().seeds(), DEFAULT_SEEDS);
    ExperimentOptions.Plan plan = options.plan(archs, n);
    report.check();
    List<RunResult> results = options.execute(plan, ctx, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    String header = header(plan, n, options.seedBase.seedBase());
    out.print(header);
    out.println();
    out.print(table(ArchSummary.of(results), wide));
    out.flush();
    Provenance provenance =
        options.provenance(plan, spec.commandLine().getParseResult().originalArgs());
    options.writeReports(results, provenance);
    if (report.report != null) report.write(htmlReport(header, results, provenance));
    return 0;
  }

  /** The compare table: narrow with its legend, or every column when {@code wide}. */
  static String table(List<ArchSummary> rows, boolean wide) {
    return wide ? CompareTable.render(rows)
        : CompareTable.narrow(rows) + CompareTable.LEGEND + System.lineSeparator();
  }

  /** The HTML report of a compare: its header lines, the runs' table and charts, provenance. */
  static HtmlReport htmlReport(String header, List<RunResult> results, Provenance provenance) {
    HtmlReport r = new HtmlReport("bessim compare");
    header.lines().forEach(r::note);
    return r.runs(results).provenance(provenance);
  }

  static String header(ExperimentOptions.Plan plan, int seeds, long seedBase) {
    String seedText = seeds == 1
        ? "seed " + seedBase
        : String.format(Locale.US, "%d seeds (%d..%d)", seeds, seedBase, seedBase + seeds - 1);
    String values = seeds == 1
        ? "values are from one seed (no interval)"
        : "values are mean ±95% interval across seeds (Student t)";
    return String.format(Locale.US,
        "workload %s, duration %s simulated, %s;%nall rows share one platform profile: %s%n"
            + "%s; MB = 10^6 bytes; /s = per simulated second%n",
        plan.workload(), Durations.format(plan.durationPs()), seedText, plan.platform(), values);
  }
}
