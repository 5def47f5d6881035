package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.Topology;
import io.bessim.experiment.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bessim arch list | describe}: the presets, the knobs, and an architecture's topology. */
@Command(
    name = "arch",
    mixinStandardHelpOptions = true,
    description = "List the architecture presets and knobs, or describe one architecture.",
    subcommands = {ArchCommand.ListCommand.class, ArchCommand.DescribeCommand.class})
final class ArchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code bessim arch list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print the presets and every knob (--set name=value) with default and range.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Platform p = Platform.defaults();
      out.println("Presets (--arch): each is a point over the architecture choices below");
      out.printf(Locale.US, "  %-9s %-12s %-8s %-14s %s%n", "name", "rxPath", "counters",
          "afterTx", "patch");
      for (Architecture a : Architecture.values()) {
        Architecture.Shape s = a.shape(p);
        out.printf(Locale.US, "  %-9s %-12s %-8s %-14s %s%n", a.cliName(),
            Topology.rxPathName(s.rxPath()), s.counters().name().toLowerCase(Locale.ROOT),
            Topology.afterTxName(s.afterTx()), a.description);
      }
      out.println();
      out.println("Choices and proposals (--set name=value; 'preset' keeps the preset's choice)");
      printParams(out, p, true);
      out.println();
      out.println("Platform and model parameters (--set name=value; see docs/platform.md)");
      printParams(out, p, false);
      out.flush();
      return 0;
    }

    private static void printParams(PrintWriter out, Platform p, boolean choices) {
      out.printf(Locale.US, "  %-28s %-12s %-10s %-24s %s%n", "name", "default", "unit", "range",
          "source");
      for (Platform.Param q : p.params()) {
        if (q.kind().equals("choice") != choices) continue;
        String range = q.range().isEmpty() ? (q.value().matches("true|false") ? "true/false" : "-")
            : q.range();
        out.printf(Locale.US, "  %-28s %-12s %-10s %-24s %s (%s)%n", q.name(), q.value(),
            q.unit(), range, q.source(), q.kind());
      }
    }
  }

  /** {@code bessim arch describe v3 [--dot FILE]}. */
  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Print an architecture's topology (contexts, what wakes what, per received "
          + "batch and per transmitted frame) and optionally write it as Graphviz DOT.")
  static final class DescribeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARCH", description = "baseline, v1, v2 or v3")
    String arch;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
        description = "Override a choice or parameter (repeatable), e.g. arch.afterTx=wake-bh.")
    Map<String, String> sets = new java.util.LinkedHashMap<>();

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the graph as DOT.")
    Path dot;

    @Override
    public Integer call() throws Exception {
      Architecture a = Architecture.fromName(arch);
      Platform p = Platform.defaults().with(sets);
      if (dot != null) Reports.checkWritable(dot, "--dot");
      Topology t = Topology.of(a, p);
      PrintWriter out = spec.commandLine().getOut();
      out.print(t.toText());
      if (dot != null) {
        Reports.writeAtomically(dot, t.toDot());
        out.println();
        out.println("DOT written to " + dot + " (render: dot -Tsvg " + dot + " -o graph.svg)");
      }
      out.flush();
      return 0;
    }
  }
}
