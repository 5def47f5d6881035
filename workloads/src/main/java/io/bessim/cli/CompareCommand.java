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
import java.util.concurrent.atomic.AtomicReferenceArray;
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
          + " a --scenario's variants, or either with +knob=value (default: every preset). For"
          + " example v3,v3+rx.delivery=batch.")
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
    List<Architecture> archs = options.archs(archNames);
    int n = seeds.seeds(options.scenario().seeds(), DEFAULT_SEEDS);
    options.recordDetail = report.report != null;
    ExperimentOptions.Plan plan = options.plan(archs, n, report.check());
    PrintWriter stdout = spec.commandLine().getOut();
    Provenance provenance =
        options.provenance(plan, spec.commandLine().getParseResult().originalArgs());
    AtomicReferenceArray<RunResult> done = new AtomicReferenceArray<>(plan.specs().size());
    Interrupts.onInterrupt(signal -> partial(signal, done, stdout, provenance));
    List<RunResult> results = options.execute(plan, ctx, spec.commandLine().getErr(), done::set);
    Interrupts.complete(() -> {
      PrintWriter out = options.humanOut(spec.commandLine());
      String header = header(plan, n, options.seedBase.seedBase());
      out.print(header);
      out.println();
      out.print(table(ArchSummary.of(results), wide));
      String checked = CheckOption.summary(results);
      if (checked != null) out.println(checked);
      out.flush();
      options.writeReports(results, stdout, provenance);
      if (report.report != null) report.write(htmlReport(header, results, provenance));
    });
    return 0;
  }

  /** On SIGINT or SIGTERM: the runs that finished go to --json and --csv, marked partial. */
  private String partial(String signal, AtomicReferenceArray<RunResult> done, PrintWriter stdout,
      Provenance provenance) {
    options.clearProgress();
    List<RunResult> finished = new ArrayList<>();
    for (int i = 0; i < done.length(); i++) {
      if (done.get(i) != null) finished.add(done.get(i));
    }
    String head = String.format(Locale.US, "bessim: interrupted by %s: %d of %d runs finished",
        signal, finished.size(), done.length());
    if (!options.writesReports()) return head + " (no --json or --csv to write them to)";
    options.writeReports(finished, stdout, provenance, true);
    return head + ", written to " + options.reportPaths() + " marked partial";
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
