package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.OutputFile;
import io.bessim.driver.kernel.KernelTracer;
import io.bessim.driver.kernel.TraceSinkTracer;
import io.bessim.experiment.ChromeTraceSink;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.FtraceWriter;
import io.bessim.experiment.Metric;
import io.bessim.experiment.Reports;
import io.bessim.experiment.TraceProbes;
import io.bessim.experiment.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bessim run}: one architecture, one seed, the full result as {@code key: value} lines. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    sortOptions = false,
    description = "Runs one architecture for one seed (--seed-base) and prints the full result.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // Not required by picocli: a --scenario file may name the architecture instead.
  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      description = "The architecture: ${COMPLETION-CANDIDATES} (required unless the --scenario"
          + " file names exactly one).",
      completionCandidates = ArchNames.class)
  String archName;

  @Mixin ExperimentOptions options;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "Also write a Chrome/Perfetto JSON trace of the --trace-window: one track per"
          + " CPU and per context, every op the driver's routines executed (open it in"
          + " ui.perfetto.dev).")
  java.nio.file.Path trace;

  @Option(
      names = "--ftrace",
      paramLabel = "FILE",
      description = "Also write the --trace-window as ftrace text in trace-cmd report style, with"
          + " the kernel's tracepoint names (sched_switch, workqueue_execute_start, ...;"
          + " docs/traces.md).")
  java.nio.file.Path ftrace;

  @Option(
      names = "--trace-max-events",
      paramLabel = "N",
      defaultValue = "" + ChromeTraceSink.DEFAULT_MAX_EVENTS,
      description = "Refuse a --trace or --ftrace window that holds more than N events, naming a"
          + " window that fits (default: ${DEFAULT-VALUE}, about 100 MB of JSON or 115 MB of"
          + " text, within the default heap).")
  int traceMaxEvents;

  @Option(
      names = "--trace-window",
      paramLabel = "FROM..TO",
      converter = Converters.Window.class,
      description = "Simulated time to trace, e.g. 10s..10.1s (default: 100 ms from the middle of"
          + " the run, or from 10 s if the run is longer than 20 s).")
  Converters.TimeWindow traceWindow;

  private final CliContext ctx;

  RunCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  /** The traced window in ps: --trace-window, or 100 ms from min(10 s, half the run). */
  private long[] window(long durationPs) {
    long from;
    long to;
    if (traceWindow == null) {
      from = Math.min(10 * io.bessim.sim.Time.S, durationPs / 2);
      to = from + 100 * io.bessim.sim.Time.MS;
    } else {
      from = traceWindow.fromPs();
      to = traceWindow.toPs();
    }
    checkArgument(from < durationPs, "--trace-window starts after the run ends (%s)",
        Durations.format(durationPs));
    return new long[] {from, Math.min(to, durationPs)};
  }

  private OutputFile traceOut;
  private OutputFile ftraceOut;

  @Override
  public Integer call() throws InterruptedException {
    Architecture arch = archName != null ? oneArch(archName) : scenarioArch();
    checkArgument(traceWindow == null || trace != null || ftrace != null,
        "--trace-window needs --trace FILE or --ftrace FILE: it says which part of the run to"
            + " trace");
    traceOut = trace != null ? OutputFile.of("--trace", trace) : null;
    ftraceOut = ftrace != null ? OutputFile.of("--ftrace", ftrace) : null;
    List<OutputFile> traces = new java.util.ArrayList<>();
    if (traceOut != null) traces.add(traceOut);
    if (ftraceOut != null) traces.add(ftraceOut);
    ExperimentOptions.Plan plan = options.plan(List.of(arch), 1, traces);
    RunResult r;
    PrintWriter stdout = spec.commandLine().getOut();
    if (trace != null || ftrace != null) {
      r = traced(arch, plan, stdout);
    } else {
      r = options.execute(plan, ctx, spec.commandLine().getErr()).get(0);
    }
    boolean traceOnStdout = OutputFile.anyStdout(traces);
    PrintWriter out = traceOnStdout
        ? spec.commandLine().getErr() : options.humanOut(spec.commandLine());
    // Rounded, with units, as compare shows them; --json has every digit.
    for (Map.Entry<String, Object> e : Reports.fields(r).entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m && m.isEmpty()) {
        out.println(e.getKey() + ": none");
      } else if (e.getKey().equals(Metric.PER_SECOND) && e.getValue() instanceof Map<?, ?> m) {
        m.forEach((k, v) -> out.println(e.getKey() + "." + k + ": "
            + Metric.counter((String) k).withUnit(v)));
      } else if (e.getValue() instanceof Map<?, ?> m) {
        // checkViolations, by invariant: counts, as lostUpdates is.
        Metric metric = Metric.find(e.getKey());
        m.forEach((k, v) -> out.println(e.getKey() + "." + k + ": " + metric.withUnit(v)));
      } else {
        out.println(e.getKey() + ": " + Metric.find(e.getKey()).withUnit(e.getValue()));
      }
    }
    out.flush();
    options.writeReports(List.of(r), stdout,
        options.provenance(plan, spec.commandLine().getParseResult().originalArgs()));
    return 0;
  }

  /** Runs with the --trace and --ftrace tracers attached to the window, and writes them. */
  private RunResult traced(Architecture arch, ExperimentOptions.Plan plan, PrintWriter stdout) {
    checkArgument(traceMaxEvents > 0, "--trace-max-events must be positive, got %s",
        traceMaxEvents);
    long[] w = window(plan.durationPs());
    if (trace != null) Limits.traceWindow(w[1] - w[0]);
    ChromeTraceSink sink = trace == null ? null
        : new ChromeTraceSink("bessim " + arch.cliName(), traceMaxEvents);
    TraceSinkTracer chrome = sink == null ? null : new TraceSinkTracer(sink, w[0], w[1]);
    FtraceWriter text = ftrace == null ? null : new FtraceWriter(w[0], w[1], traceMaxEvents);
    RunResult r;
    try {
      r = Experiment.run(plan.specs().get(0), KernelTracer.both(chrome, text),
          setup -> {
            if (chrome != null) TraceProbes.attach(chrome, setup);
          });
    } catch (ChromeTraceSink.TooManyEventsException e) {
      // Rounded to the millisecond: a window to type, not a measurement.
      long ms = io.bessim.sim.Time.MS;
      long reachedPs = Math.max(w[0] + ms, e.atPs() / ms * ms);
      long fits = Math.max(ms, (reachedPs - w[0]) * 9 / 10 / ms * ms);
      // Whichever filled first: the ftrace text counts scheduler switches the trace does not.
      String full = text != null && text.size() >= traceMaxEvents ? "--ftrace" : "--trace";
      throw new IllegalArgumentException(String.format(
          "%s window %s..%s holds more than %d events (--trace-max-events); the first %s"
              + " fill it: trace --trace-window %s..%s or raise --trace-max-events (and -Xmx)",
          full, Durations.format(w[0]), Durations.format(w[1]), traceMaxEvents,
          Durations.format(reachedPs - w[0]), Durations.format(w[0]),
          Durations.format(w[0] + fits)));
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (sink != null) {
        traceOut.write(sink.toJson(), stdout);
        err.println("trace: " + sink.size() + " events from " + Durations.format(w[0]) + " to "
            + Durations.format(w[1]) + " written to " + traceOut.describe());
      }
      if (text != null) {
        ftraceOut.write(text.render(), stdout);
        err.println("ftrace: " + text.size() + " events from " + Durations.format(w[0]) + " to "
            + Durations.format(w[1]) + " written to " + ftraceOut.describe());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write trace: " + CliInputs.describe(e), e);
    }
    return r;
  }

  private Architecture scenarioArch() {
    List<Architecture> archs = options.scenario().archs().orElseThrow(() ->
        new IllegalArgumentException("Missing required option: '--arch=ARCH'"
            + " (or an 'arch =' line in a --scenario file)"));
    checkArgument(archs.size() == 1,
        "run takes one architecture but scenario %s names %s: choose one with --arch",
        options.scenarioFile, archs.size());
    return archs.get(0);
  }

  private Architecture oneArch(String written) {
    checkArgument(!written.contains(","),
        "run takes one architecture, got '%s' (compare runs several side by side)",
        written.length() <= 60 ? written : written.substring(0, 57) + "...");
    return options.scenario().arch(written);
  }

  /** The architecture names, for help text. */
  static final class ArchNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Architecture.presets().stream().map(Architecture::cliName).iterator();
    }
  }
}
