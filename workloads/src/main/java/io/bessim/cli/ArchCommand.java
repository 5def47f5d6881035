package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Topology;
import io.bessim.experiment.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
      description = "Print the presets, the variants a --scenario defines, and every knob and "
          + "parameter (--set name=value) with default and range.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
        description = "Also list the variants this scenario file defines (variant NAME = ...).")
    Path scenarioFile;

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
      StringBuilder head = new StringBuilder(String.format(Locale.US, "  %-24s", "name"));
      for (Architecture.Knob k : Architecture.Knob.values()) {
        head.append(String.format(Locale.US, " %-" + width(k) + "s", k.key()));
      }
      out.println(head.append(" patch"));
      for (Architecture a : archs) {
        StringBuilder row = new StringBuilder(String.format(Locale.US, "  %-24s", a.label()));
        for (Architecture.Knob k : Architecture.Knob.values()) {
          row.append(String.format(Locale.US, " %-" + width(k) + "s", k.valueIn(a)));
        }
        out.println(row.append(' ').append(a.description()));
      }
    }

    private static int width(Architecture.Knob k) {
      return Math.max(k.key().length(), 13);
    }

    private static void printParams(PrintWriter out, Platform p, boolean knobs) {
      out.printf(Locale.US, "  %-28s %-12s %-10s %-24s %s%n", "name", "default", "unit", "range",
          "source");
      for (Platform.Param q : p.params()) {
        if (Architecture.Knob.isKnob(q.name()) != knobs) continue;
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
