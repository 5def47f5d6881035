package io.bessim.bench;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a fresh JVM's first run loses its time: the model's first build, then the simulation in
 * slices of {@value #SLICE_S} simulated seconds, each timed. Run it as the launcher runs bessim,
 * in a new JVM each time:
 *
 * <pre>java -Xss4m -XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=70 -XX:C1InlineStackLimit=15 \
 *   -XX:C1MaxInlineLevel=12 -XX:+UseSerialGC -Xmn8m \
 *   -cp benchmarks/target/benchmarks.jar io.bessim.bench.WarmUp [ARCH] [SECONDS] [prelink]</pre>
 *
 * It prints the build's milliseconds, every slice's, the median slice (the compiled steady state)
 * and the excess of the slower slices over it (the JIT's warm-up). {@code prelink} first builds a
 * throwaway model on another thread while this one waits 250 ms, as {@code Bessim.main} does while
 * it parses the command line. A plain main class, not JMH: the figure of interest is what happens
 * once per JVM, which JMH's warm-up iterations exist to remove (docs/performance.md has output).
 */
public final class WarmUp {
  static final int SLICE_S = 5;

  private WarmUp() {}

  public static void main(String[] args) throws InterruptedException {
    String arch = args.length > 0 ? args[0] : "baseline";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    boolean prelink = args.length > 2 && args[2].equals("prelink");
    Platform platform = Platform.defaults();
    if (prelink) {
      Thread t = new Thread(() -> Experiment.build(spec("baseline", platform, 1)));
      t.setDaemon(true);
      t.start();
    }
    Thread.sleep(250); // where the command line would be parsed
    long w0 = System.nanoTime();
    Experiment.Setup s = Experiment.build(spec(arch, platform, seconds));
    long w1 = System.nanoTime();
    long[] sliceMs = new long[seconds / SLICE_S];
    for (int i = 0; i < sliceMs.length; i++) {
      long t = System.nanoTime();
      s.sim().runUntil((i + 1L) * SLICE_S * Time.S);
      sliceMs[i] = (System.nanoTime() - t) / 1_000_000;
    }
    long total = (System.nanoTime() - w0) / 1_000_000;
    long[] sorted = sliceMs.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    long excess = 0;
    for (long ms : sliceMs) excess += Math.max(0, ms - median);
    System.out.printf(Locale.US, "%s %d s%s: build %d ms; slices of %d s (ms): %s%n"
        + "median slice %d ms; warm-up excess %d ms; total %d ms (%.0fx real time)%n",
        arch, seconds, prelink ? " after prelink" : "", (w1 - w0) / 1_000_000, SLICE_S,
        Arrays.toString(sliceMs), median, excess, total, seconds * 1000.0 / total);
  }

  static RunSpec spec(String arch, Platform platform, int seconds) {
    return new RunSpec(Architecture.fromName(arch), platform, WorkloadSpec.parse("tcp:4MB/s"),
        seconds * Time.S, 1);
  }
}
