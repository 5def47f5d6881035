package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.TraceSinkTracer;
import io.bessim.sim.Time;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9: whole-run traces of every preset are valid trace-event JSON with nesting slices. Wide
 * windows once held slices of negative duration (a context preempted before its wake-up latency
 * ended) and hard IRQs across the end of the context they interrupted (a context started inside
 * an IRQ); the scheduler now rules both out, and this keeps it so as the model grows.
 */
final class TraceValidityTest {
  static List<Architecture> presets() {
    return Architecture.presets();
  }

  @ParameterizedTest
  @MethodSource("presets")
  void fullRunTraceIsValidAndNests(Architecture arch) throws Exception {
    // 2 s: a few hundred thousand events per preset, IRQs landing in every kind of switch.
    long end = Time.seconds(2);
    ChromeTraceSink sink = new ChromeTraceSink("bessim " + arch.cliName());
    TraceSinkTracer tracer = new TraceSinkTracer(sink, 0, end);
    Experiment.run(new RunSpec(arch, Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"), end, 1),
        tracer, s -> TraceProbes.attach(tracer, s));
    StringWriter w = new StringWriter();
    sink.write(w);
    String json = w.toString();
    assertEquals(Map.of(), TraceValidator.problems(json), arch.cliName());
    assertTrue(json.contains("\"ph\":\"C\"") && json.contains("hw_bufs_used"),
        "counter tracks, hw_bufs_used among them");
    assertTrue(json.contains("\"ph\":\"s\"") && json.contains("\"ph\":\"f\""), "flow arrows");
  }

  @Test
  void validatorFindsAnIrqCrossingTheEndOfItsContext() {
    String json = """
        {"traceEvents":[
         {"ph":"X","pid":1,"tid":1,"name":"kworker","ts":10,"dur":5},
         {"ph":"X","pid":1,"tid":1,"name":"hardirq","ts":14,"dur":3},
         {"ph":"X","pid":1,"tid":2,"name":"bad","ts":1,"dur":-1},
         {"ph":"s","pid":1,"tid":1,"name":"flow","ts":1,"id":7,"cat":"flow"}]}""";
    Map<String, Integer> p = TraceValidator.problems(json);
    assertEquals(Map.of("overlap on tid 1", 1, "negative or missing dur", 1,
        "flow without both ends", 1), p);
  }

  @Test
  void slicesInsideOneAnotherOrSideBySideNest() {
    assertTrue(TraceValidator.nests(List.of(new double[] {0, 10}, new double[] {2, 3},
        new double[] {3, 10}, new double[] {10, 12})));
    assertFalse(TraceValidator.nests(List.of(new double[] {0, 10}, new double[] {9, 11})));
  }
}
