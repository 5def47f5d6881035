package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.Metric;
import io.bessim.experiment.Reports;
import io.bessim.experiment.SweepTable;
import io.bessim.experiment.TextTable;
import io.bessim.experiment.TextTable.Column;
import io.bessim.sim.stats.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bessim sweep table}: a sweep folder's results as one row per varied point (e.g. per
 * workload) with, for each metric and architecture, the mean over the seeds and its 95%
 * half-width. Markdown by default, so the table can be pasted into the docs.
 */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    defaultValueProvider = SweepTableCommand.DefaultMetrics.class,
    description = {
      "Prints a sweep's results as a table: one row per varied point (in the grid's order),"
          + " and for each metric and architecture the mean over the seeds, with its 95%%"
          + " half-width when there are 2 or more seeds.",
      "Markdown by default, to paste into documents; every header names its unit."
    })
final class SweepTableCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder (its --out).")
  Path dir;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "NAME",
      description = {
        "results.csv columns to show, comma separated; a counter may be named without its"
            + " 'perSecond.' prefix (default: ${DEFAULT-VALUE})."
      })
  List<String> metrics = new ArrayList<>();

  @Option(
      names = "--arch",
      split = ",",
      paramLabel = "ARCH",
      description = "Architectures to show, in this order (default: all in the sweep).")
  List<String> archs = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "markdown",
      description = "markdown, text (aligned columns) or csv (unrounded; mean, ±95%% and n"
          + " columns) (default: ${DEFAULT-VALUE}).")
  String format;

  /** Accepted so that a script may pass --quiet to every command; there is no progress line. */
  @Mixin QuietOption quiet;

  @Override
  public Integer call() {
    Format f = Format.parse(format);
    namesSomething("--metrics", metrics, "metric");
    namesSomething("--arch", archs, "architecture");
    SweepTable t = SweepTable.load(CliInputs.folder("DIR", dir), metrics, archs);
    PrintWriter err = spec.commandLine().getErr();
    if (t.partialTail()) {
      err.println("bessim: note: ignored the partial last line of " + dir.resolve("results.csv"));
    }
    if (t.foundPoints() < t.expectedPoints()) {
      err.printf(Locale.US, "bessim: note: %d of the %d points of %s are not in its results yet;"
          + " those cells average fewer seeds, or show '-'%n",
          t.expectedPoints() - t.foundPoints(), t.expectedPoints(), dir);
    }
    err.flush();
    PrintWriter w = spec.commandLine().getOut();
    w.print(render(t, f));
    w.flush();
    return 0;
  }

  /**
   * A list option given with nothing in it ({@code --metrics ,} or {@code --metrics ''}) is
   * refused, as compare refuses {@code --arch ,}: an empty list split to no values and quietly
   * meant the default.
   */
  private void namesSomething(String option, List<String> values, String what) {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption(option);
    checkArgument(!given || values.stream().anyMatch(v -> !v.isBlank()), "%s names no %s", option,
        what);
  }

  /**
   * {@code --metrics} defaults to {@link SweepTable#DEFAULT_METRICS}, named by the registry; the
   * counters as a user may type them, without their 'perSecond.' prefix (the same columns), so
   * that the help does not wrap the default list after a 'perSecond.'.
   */
  static final class DefaultMetrics implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      return arg instanceof OptionSpec o && o.longestName().equals("--metrics")
          ? SweepTable.DEFAULT_METRICS.stream()
              .map(m -> m.startsWith(Metric.PER_SECOND + ".")
                  ? m.substring(Metric.PER_SECOND.length() + 1) : m)
              .collect(java.util.stream.Collectors.joining(","))
          : null;
    }
  }

  /** The output formats. */
  enum Format {
    MARKDOWN,
    TEXT,
    CSV;

    static Format parse(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s.strip())) return f;
      }
      checkArgument(false, "unknown --format '%s' (known: markdown, text, csv)", s);
      return null;
    }
  }

  /**
   * A {@code results.csv} column as the table shows it: as its declared {@link Metric} (header with
   * the unit, CPU as a percentage, the declared decimals), or, for a column this version does not
   * declare (a newer bessim's file), by its bare name with three decimals.
   */
  private record Shown(String column, Metric metric) {
    static Shown of(String column) {
      return new Shown(column, Metric.find(column));
    }

    String header() {
      return metric != null ? metric.header() : column;
    }

    double scaled(double v) {
      return metric != null ? metric.shown(v) : v;
    }

    String interval(Summary s) {
      return metric != null ? metric.interval(s) : Metric.interval(s, 3, 1);
    }
  }

  static String render(SweepTable t, Format f) {
    List<Shown> metrics = t.metrics().stream().map(Shown::of).toList();
    List<Column<SweepTable.Row>> cols = new ArrayList<>();
    for (int i = 0; i < t.dims().size(); i++) {
      int dim = i;
      cols.add(Column.left(t.dims().get(i), r -> r.values().get(dim)));
    }
    for (Shown m : metrics) {
      for (String a : t.archs()) {
        String h = a + " " + m.header();
        if (f == Format.CSV) {
          cols.add(Column.right(h, r -> mean(r.cell(a, m.column()), m)));
          cols.add(Column.right(h + " ±95%", r -> halfWidth(r.cell(a, m.column()), m)));
          cols.add(Column.right(h + " n", r -> count(r.cell(a, m.column()))));
        } else {
          cols.add(Column.right(h, r -> rounded(r.cell(a, m.column()), m)));
        }
      }
    }
    return switch (f) {
      case CSV -> csv(cols, t.rows());
      case TEXT -> TextTable.plain(cols, t.rows());
      case MARKDOWN -> TextTable.markdown(cols, t.rows());
    };
  }

  /** {@code 1.015 ±0.002}; with events, {@code 12.50 (1/2 seeds)}; {@code -} when nothing. */
  private static String rounded(SweepTable.Cell c, Shown m) {
    if (c == null || c.summary().n() == 0) return "-";
    Summary s = c.summary();
    String text = m.interval(s);
    // "-0.000" says less than "0.000": a mean of tiny negative rounding noise is still zero.
    if (text.startsWith("-0") && text.matches("-0\\.?0*( .*)?")) text = text.substring(1);
    if (s.n() < c.seeds()) text += " (" + s.n() + "/" + c.seeds() + " seeds)";
    return text;
  }

  private static Summary summary(SweepTable.Cell c) {
    return c == null ? new Summary(0, Double.NaN, Double.NaN) : c.summary();
  }

  /** How many seeds have a value. */
  private static String count(SweepTable.Cell c) {
    return Integer.toString(summary(c).n());
  }

  /** Unrounded, in the shown unit; empty when no seed has a value. */
  private static String mean(SweepTable.Cell c, Shown m) {
    Summary s = summary(c);
    return s.n() == 0 ? "" : number(m.scaled(s.mean()));
  }

  /** Unrounded, in the shown unit; empty with fewer than two values. */
  private static String halfWidth(SweepTable.Cell c, Shown m) {
    Summary s = summary(c);
    return s.n() < 2 || !Double.isFinite(s.halfWidth95()) ? "" : number(m.scaled(s.halfWidth95()));
  }

  private static String number(double v) {
    return Double.toString(v);
  }

  /** The columns as CSV: the header line, then one line per row. */
  private static <R> String csv(List<Column<R>> cols, List<? extends R> rows) {
    StringBuilder b = new StringBuilder();
    b.append(Reports.csvLine(cols.stream().map(Column::header).toList()));
    for (R r : rows) {
      List<String> cells = new ArrayList<>();
      for (Column<R> c : cols) cells.add(c.cell().apply(r));
      b.append(Reports.csvLine(cells));
    }
    return b.toString();
  }
}
