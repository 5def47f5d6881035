package io.bessim.bench;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-scenario speed: one architecture simulating {@value #SIM_SECONDS} s of {@code tcp:4MB/s}
 * on one core, tracing off. Run with
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScenarioBenchmark</pre>
 *
 * The score is wall-clock seconds per run (single shot, each iteration a fresh simulation after
 * warm-up iterations have compiled the hot path); real-time factor = {@value #SIM_SECONDS} /
 * score. The peer in the same run is the other architectures: v3 does the least work per frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ScenarioBenchmark {
  static final int SIM_SECONDS = 60;

  @Param({"baseline", "v1", "v2", "v3"})
  public String arch;

  @Benchmark
  public RunResult tcp4MBps() {
    return Experiment.run(new RunSpec(Architecture.fromName(arch), Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), SIM_SECONDS * Time.S, 1));
  }
}
