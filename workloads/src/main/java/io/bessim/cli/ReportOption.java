package io.bessim.cli;

import io.bessim.experiment.OutputFile;
import io.bessim.report.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --report FILE.html}: the HTML report of what the command ran (compare, sweep, predict). */
final class ReportOption {
  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report (tables and charts; opens offline;"
          + " '-': standard output, the printed text then goes to standard error).")
  Path report;

  private OutputFile out;

  /**
   * Fails before anything runs if the report cannot be written; returns the output (none without
   * --report) for the command to check beside its others, so that two never share a path.
   */
  List<OutputFile> check() {
    out = report == null ? null : OutputFile.of("--report", report);
    return out == null ? List.of() : List.of(out);
  }

  void write(HtmlReport r) {
    write(out, r);
  }

  /** Writes {@code r} through the one output writer: a file, '-', a FIFO, a device. */
  static void write(OutputFile file, HtmlReport r) {
    try {
      file.write(r.render(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.option() + " '" + file.describe()
          + "': " + CliInputs.describe(e), e);
    }
  }
}
