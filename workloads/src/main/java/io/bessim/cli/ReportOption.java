package io.bessim.cli;

import io.bessim.experiment.Reports;
import io.bessim.report.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --report FILE.html}: the HTML report of what the command ran (compare, sweep, predict). */
final class ReportOption {
  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report (tables and charts; opens offline).")
  Path report;

  /** Fails before anything runs if the report cannot be written. */
  void check() {
    if (report != null) Reports.checkWritable(report, "--report file");
  }

  void write(HtmlReport r) {
    write(report, r);
  }

  static void write(Path file, HtmlReport r) {
    try {
      Reports.writeAtomically(file, r.render());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write report '" + file + "': " + CliInputs.describe(e), e);
    }
  }
}
