package io.bessim.cli;

import io.bessim.experiment.SweepCsv;
import io.bessim.experiment.SweepMerge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bessim sweep merge}: joins the folders of one sweep's shards into one folder. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = {
      "Joins the folders of one sweep (its shards, or partial runs) into one folder.",
      "The merged results.csv has one header, each point once, rows in point order; it is"
          + " written atomically. Folders of different grids are refused."
    })
final class SweepMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Sweep folders to merge.")
  List<Path> dirs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Folder for the merged results.csv and sweep.json (created if missing).")
  Path out;

  /** Accepted so that a script may pass --quiet to every command; there is no progress line. */
  @Mixin QuietOption quiet;

  @Override
  public Integer call() {
    dirs.forEach(d -> CliInputs.folder("DIR", d));
    CliInputs.folder("--out", out);
    PrintWriter err = spec.commandLine().getErr();
    SweepMerge.Outcome o = SweepMerge.merge(dirs, out, msg -> {
      err.println("bessim: " + msg);
      err.flush();
    });
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "merged %d folder%s into %s: %d row%s (%d duplicate%s dropped); %d of %d grid points%s%n",
        dirs.size(), dirs.size() == 1 ? "" : "s", out.resolve(SweepCsv.FILE), o.rows(),
        o.rows() == 1 ? "" : "s", o.duplicates(), o.duplicates() == 1 ? "" : "s", o.rows(),
        o.gridPoints(), o.missing() == 0 ? "" : ", " + o.missing() + " missing");
    w.flush();
    return 0;
  }
}
