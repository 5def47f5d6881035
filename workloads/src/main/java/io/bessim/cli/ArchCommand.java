package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Topology;
import io.bessim.experiment.OutputFile;
import io.bessim.experiment.TextTable;
import io.bessim.experiment.TextTable.Column;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bessim arch list | describe}: the presets, the knobs, and an architecture's topology. */
@Command(
    name = "arch",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    description = "Lists the architecture presets and knobs, or describes one architecture.",
    subcommands = {ArchCommand.ListCommand.class, ArchCommand.DescribeCommand.class})
final class ArchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code bessim arch list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Bessim.Version.class,
      description = "Prints the presets, the variants a --scenario defines, and every knob and "
          + "parameter (--set name=value) with default and range.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
        description = "Also list the variants this scenario file defines (variant NAME = ...).")
    Path scenarioFile;

    /** Accepted so that a script may pass --quiet to every command; there is no progress line. */
    @Mixin QuietOption quiet;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Platform p = Platform.defaults();
      Scenario sc = scenarioFile == null ? Scenario.NONE : Scenario.load(scenarioFile);
      out.println("Presets (--arch NAME); a variant is NAME+knob=value+..., e.g. "
          + "--arch v3,v3+rx.delivery=batch");
      printArchs(out, Architecture.presets());
      if (!sc.variants().isEmpty()) {
        out.println();
        out.println("Variants defined in " + scenarioFile);
        printArchs(out, List.copyOf(sc.variants().values()));
      }
      out.println();
      out.println("Knobs (--set name=value for every architecture of a run, or NAME+name=value for"
          + " one; 'preset' keeps each architecture's own choice)");
      printParams(out, p, true);
      out.println();
      out.println("Platform and model parameters (--set name=value; see docs/platform.md)");
      printParams(out, p, false);
      out.flush();
      return 0;
    }

    private static void printArchs(PrintWriter out, List<Architecture> archs) {
      List<Column<Architecture>> cols = new ArrayList<>();
      cols.add(Column.left("name", Architecture::label));
      for (Architecture.Knob k : Architecture.Knob.values()) {
        cols.add(Column.left(k.key(), k::valueIn));
      }
      cols.add(Column.left("patch", Architecture::description));
      out.print(TextTable.plain(cols, archs).indent(2));
    }

    private static void printParams(PrintWriter out, Platform p, boolean knobs) {
      List<Platform.Param> rows =
          p.params().stream().filter(q -> Architecture.Knob.isKnob(q.name()) == knobs).toList();
      out.print(TextTable.plain(List.<Column<Platform.Param>>of(
          Column.left("name", Platform.Param::name),
          Column.left("default", Platform.Param::value),
          Column.left("unit", Platform.Param::unit),
          Column.left("range", q -> q.range().isEmpty()
              ? (q.value().matches("true|false") ? "true/false" : "-") : q.range()),
          Column.left("source", q -> q.source() + " (" + q.kind() + ")")),
          rows).indent(2));
    }
  }

  /** {@code bessim arch describe v3 [--dot FILE]}. */
  @Command(name = "describe", mixinStandardHelpOptions = true,
      versionProvider = Bessim.Version.class,
      description = "Prints an architecture's topology (contexts, what wakes what, per received "
          + "batch and per transmitted frame) and optionally write it as Graphviz DOT.")
  static final class DescribeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARCH",
        description = "A preset (baseline, v1, v2, v3) or a variant, e.g. v3+rx.delivery=batch.")
    String arch;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
        description = "Override a choice or parameter; repeatable. For example"
            + " arch.afterTx=wake-bh.")
    Map<String, String> sets = new java.util.LinkedHashMap<>();

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the graph as Graphviz"
        + " DOT ('-': standard output, the description then goes to standard error).")
    Path dot;

    /** Accepted so that a script may pass --quiet to every command; there is no progress line. */
    @Mixin QuietOption quiet;

    @Override
    public Integer call() throws Exception {
      Architecture a = Architecture.fromName(arch);
      Platform p = Platform.defaults().with(sets);
      OutputFile dotOut = dot != null ? OutputFile.of("--dot", dot) : null;
      Topology t = Topology.of(a, p);
      boolean dotToStdout = dotOut != null && dotOut.isStdout();
      PrintWriter out = dotToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
      out.print(t.toText());
      if (dotOut != null) {
        dotOut.write(t.toDot(), spec.commandLine().getOut());
        out.println();
        out.println(dotToStdout
            ? "DOT written to standard output (render: pipe it to dot -Tsvg -o graph.svg)"
            : "DOT written to " + dot + " (render: dot -Tsvg " + dot + " -o graph.svg)");
      }
      out.flush();
      return 0;
    }
  }
}
