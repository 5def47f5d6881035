package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.TraceSinkTracer;
import io.bessim.sim.Time;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code run --arch baseline --duration 7s --trace t.json --ftrace f.txt --trace-window 0.7s..7s}:
 * the ftrace text held 8819 workqueue_execute_start lines (1399.8/s, the JSON's rate), the
 * Perfetto trace 2607 instants (413.8/s): dw_mmc's BH work (dw_mci_work_func), which the JSON and
 * the ftrace count, had none. Counted over the measured window, the trace's instants must give the
 * JSON's rate.
 */
final class PerfettoWorkStartsMatchTheWorkqueueRateTest {
  private static void assertMatches(Architecture arch) {
    long end = Time.seconds(2);
    long warm = end / 10;
    ChromeTraceSink sink = new ChromeTraceSink("bessim " + arch.cliName());
    TraceSinkTracer tracer = new TraceSinkTracer(sink, warm, end);
    RunResult r = Experiment.run(new RunSpec(arch, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), end, 1), tracer, s -> TraceProbes.attach(tracer, s));
    Pattern start = Pattern.compile("\"name\":\"workqueue_execute_start[\":]");
    Matcher m = start.matcher(sink.toJson());
    int n = 0;
    while (m.find()) n++;
    double perSecond = r.perSecond().get("workqueue_execute_start");
    assertEquals(Math.round(perSecond * Time.toSeconds(end - warm)), n, arch.cliName());
  }

  @Test
  void baselineTraceCountsDwMmcWorkToo() {
    assertMatches(Architecture.BASELINE);
  }

  @Test
  void v3TraceCountsDwMmcWorkToo() {
    assertMatches(Architecture.V3);
  }
}
