package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.Reports;
import io.bessim.experiment.SweepTable;
import io.bessim.sim.stats.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
    version = Bessim.VERSION,
    sortOptions = false,
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
            + " 'perSecond.' prefix (default: "
            + "deliveredMBps,cpuUtilization,perSecond.sdio_rx_work,"
            + "perSecond.chip_rx_dropped_pool_full,perSecond.air_drops)."
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

  @Override
  public Integer call() {
    Format f = Format.parse(format);
    SweepTable t = SweepTable.load(dir, metrics, archs);
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
   * How a metric is shown: its header with the unit, the factor from the CSV's unit to the
   * shown one, and the decimals of the rounded formats.
   */
  record Metric(String column, String label, double scale, int decimals) {
    static Metric of(String column) {
      if (column.startsWith("perSecond.")) {
        return new Metric(column, column.substring("perSecond.".length()) + " /s", 1, 1);
      }
      return switch (column) {
        case "deliveredMBps" -> new Metric(column, "delivered MB/s", 1, 3);
        case "offeredMBps" -> new Metric(column, "offered MB/s", 1, 3);
        // RunResult keeps a fraction of one CPU; people read percent. Two decimals, since the
        // RX path's CPU use is often well under 1%.
        case "cpuUtilization" -> new Metric(column, "CPU %", 100, 2);
        case "lostUpdates" -> new Metric(column, "lost updates (count)", 1, 1);
        case "warns" -> new Metric(column, "WARNs (count)", 1, 1);
        case "firstWarnSec" -> new Metric(column, "first WARN (s)", 1, 2);
        case "wedgedAtSec" -> new Metric(column, "wedged at (s)", 1, 2);
        case "simSeconds" -> new Metric(column, "simulated (s)", 1, 1);
        case "wallSeconds" -> new Metric(column, "wall-clock (s)", 1, 3);
        default -> unknownUnit(column);
      };
    }

    /** A column added after this table was written: the unit from the name's suffix. */
    private static Metric unknownUnit(String column) {
      if (column.endsWith("MBps")) {
        return new Metric(column, column.substring(0, column.length() - 4) + " MB/s", 1, 3);
      }
      if (column.endsWith("Sec") || column.endsWith("Seconds")) {
        return new Metric(column, column + " (s)", 1, 2);
      }
      return new Metric(column, column, 1, 3);
    }
  }

  static String render(SweepTable t, Format f) {
    List<Metric> metrics = t.metrics().stream().map(Metric::of).toList();
    List<String> header = new ArrayList<>(t.dims());
    for (Metric m : metrics) {
      for (String a : t.archs()) {
        String h = a + " " + m.label();
        header.add(h);
        if (f == Format.CSV) {
          header.add(h + " ±95%");
          header.add(h + " n");
        }
      }
    }
    List<List<String>> lines = new ArrayList<>();
    for (SweepTable.Row r : t.rows()) {
      List<String> line = new ArrayList<>(r.values());
      for (Metric m : metrics) {
        for (String a : t.archs()) {
          SweepTable.Cell c = r.cell(a, m.column());
          if (f == Format.CSV) {
            csvCells(line, c, m);
          } else {
            line.add(rounded(c, m));
          }
        }
      }
      lines.add(line);
    }
    return switch (f) {
      case CSV -> csv(header, lines);
      case TEXT -> aligned(header, lines, t.dims().size(), false);
      case MARKDOWN -> aligned(header, lines, t.dims().size(), true);
    };
  }

  /** {@code 1.015 ±0.002}; with events, {@code 12.50 (1/2 seeds)}; {@code -} when nothing. */
  private static String rounded(SweepTable.Cell c, Metric m) {
    if (c == null || c.summary().n() == 0) return "-";
    Summary s = c.summary();
    String text = CompareTable.interval(s, m.decimals(), m.scale());
    // "-0.000" says less than "0.000": a mean of tiny negative rounding noise is still zero.
    if (text.startsWith("-0") && text.matches("-0\\.?0*( .*)?")) text = text.substring(1);
    if (s.n() < c.seeds()) text += " (" + s.n() + "/" + c.seeds() + " seeds)";
    return text;
  }

  private static void csvCells(List<String> line, SweepTable.Cell c, Metric m) {
    Summary s = c == null ? new Summary(0, Double.NaN, Double.NaN) : c.summary();
    line.add(s.n() == 0 ? "" : number(s.mean() * m.scale()));
    line.add(s.n() < 2 || !Double.isFinite(s.halfWidth95()) ? ""
        : number(s.halfWidth95() * m.scale()));
    line.add(Integer.toString(s.n()));
  }

  private static String number(double v) {
    return Double.toString(v);
  }

  private static String csv(List<String> header, List<List<String>> lines) {
    StringBuilder b = new StringBuilder();
    b.append(Reports.csvLine(header));
    for (List<String> l : lines) b.append(Reports.csvLine(l));
    return b.toString();
  }

  /**
   * Columns padded to their widest cell, the first {@code labels} (the varied values) left
   * aligned and the numbers right aligned; as a Markdown table when {@code markdown}, whose
   * source then reads as well as its rendering.
   */
  private static String aligned(List<String> header, List<List<String>> lines, int labels,
      boolean markdown) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = Math.max(header.get(i).length(), markdown ? 4 : 0);
      for (List<String> l : lines) width[i] = Math.max(width[i], l.get(i).length());
    }
    StringBuilder b = new StringBuilder();
    row(b, header, width, labels, markdown);
    if (markdown) {
      List<String> rule = new ArrayList<>();
      for (int i = 0; i < width.length; i++) {
        rule.add(i < labels ? ":" + "-".repeat(width[i] - 1) : "-".repeat(width[i] - 1) + ":");
      }
      row(b, rule, width, labels, true);
    }
    for (List<String> l : lines) row(b, l, width, labels, markdown);
    return b.toString();
  }

  private static void row(StringBuilder b, List<String> cells, int[] width, int labels,
      boolean markdown) {
    StringBuilder line = new StringBuilder(markdown ? "|" : "");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      String cell = i < labels ? c + pad : pad + c;
      if (markdown) {
        line.append(' ').append(cell).append(" |");
      } else {
        line.append(i == 0 ? "" : "  ").append(cell);
      }
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }
}
