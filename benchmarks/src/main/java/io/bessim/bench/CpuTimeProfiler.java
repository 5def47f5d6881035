package io.bessim.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar HoldBenchmark -prof
 * io.bessim.bench.CpuTimeProfiler} adds the benchmark JVM's CPU time per operation ({@code
 * cpu.ns/op}) beside JMH's wall-clock score.
 *
 * <p>On a machine shared with other work (this project's 2-core machines run builds beside the
 * benchmarks) every time slice given to another process inflates the wall-clock score, by up to
 * 2x from one fork to the next, but not the CPU time, which therefore shows what the code costs.
 * It counts every thread of the forked JVM, JIT compiler and GC included: meaningful after
 * warm-up and for code that allocates little. It is a secondary figure; JMH's score stays the
 * primary one.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long startCpuNs;

  @Override
  public String getDescription() {
    return "CPU time of the benchmark JVM per operation (immune to time slices lost to others)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startCpuNs = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpuNs = os.getProcessCpuTime() - startCpuNs;
    long ops = result.getMetadata().getMeasuredOps();
    if (ops <= 0) return List.of();
    return List.of(
        new ScalarResult("cpu.ns/op", cpuNs / (double) ops, "ns/op", AggregationPolicy.AVG));
  }
}
