package io.bessim.bench;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Whole-scenario speed: one architecture simulating {@value #SIM_SECONDS} s of {@code tcp:4MB/s}
 * on one core, tracing off. Run with
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScenarioBenchmark</pre>
 *
 * The score is wall-clock seconds per run (single shot, each iteration a fresh simulation);
 * real-time factor = {@value #SIM_SECONDS} / score. Ten warm-up runs: with three, the scores of
 * this machine still moved by 30-65% from iteration to iteration (the JIT was not done). The
 * auxiliary counters say what each architecture's run did: {@code deliveredMBps} (application
 * bytes delivered per simulated second, as {@code compare} reports it) and
 * {@code eventsPerSimSecond} (events fired per simulated second); ns per event is the score over
 * {@value #SIM_SECONDS} times the latter. The peers in one run are the other architectures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(2)
public class ScenarioBenchmark {
  static final int SIM_SECONDS = 60;

  @Param({"baseline", "v1", "v2", "v3"})
  public String arch;

  /**
   * What the runs did, per run. JMH sums an {@code EVENTS} counter over the measured iterations
   * and the forks, so each run adds its share, 1 / (iterations x forks): the sum is the mean.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** Application megabytes delivered per simulated second. */
    public double deliveredMBps;
    /** Events fired per simulated second. */
    public double eventsPerSimSecond;
    double share = 1;

    @Setup(Level.Iteration)
    public void clear(BenchmarkParams params) {
      deliveredMBps = 0;
      eventsPerSimSecond = 0;
      share = 1.0 / (params.getMeasurement().getCount() * Math.max(1, params.getForks()));
    }
  }

  @Benchmark
  public RunResult tcp4MBps(Counters counters) {
    RunSpec spec = new RunSpec(Architecture.fromName(arch), Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), SIM_SECONDS * Time.S, 1);
    long wall0 = System.nanoTime();
    Experiment.Setup s = Experiment.build(spec);
    RunResult r = Experiment.run(spec, s, wall0);
    counters.deliveredMBps = r.deliveredMBps() * counters.share;
    counters.eventsPerSimSecond = s.sim().eventsFired() / (double) SIM_SECONDS * counters.share;
    return r;
  }
}
