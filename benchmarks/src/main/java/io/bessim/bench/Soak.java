package io.bessim.bench;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.driver.host.RunCheck;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak: every preset runs 30 simulated minutes of {@code tcp:4MB/s} with {@code --check} on,
 * one after the other in one JVM, and the heap is measured after a full GC every 5 simulated
 * minutes. Run with
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar io.bessim.bench.Soak [MINUTES] [ARCHS]</pre>
 *
 * It prints, per preset, the heap in use, the events pending and the frames delivered at each
 * sample, then the invariant violations --check found and the heap's growth from the first sample
 * (5 min, queues filled) to the last: a leak grows with simulated time, a flat heap does not. A
 * plain main class rather than a JMH benchmark: it measures memory over one long run, not time
 * per operation, and is too long for the test suite (docs/performance.md has its output).
 */
public final class Soak {
  private static final long SAMPLE_PS = 5 * 60 * Time.S;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Soak() {}

  public static void main(String[] args) {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    List<Architecture> archs = args.length > 1
        ? Architecture.parseList(List.of(args[1].split(",")), Map.of()) : Architecture.presets();
    System.out.printf(Locale.US, "soak: %s, %d simulated minutes each of tcp:4MB/s, seed 1,"
        + " --check on; heap in use after a full GC, max heap %.0f MB%n",
        names(archs), minutes, MEMORY.getHeapMemoryUsage().getMax() / 1e6);
    boolean allFlat = true;
    long totalViolations = 0;
    for (Architecture a : archs) {
      Result r = soak(a, minutes * 60 * Time.S);
      allFlat &= r.flat();
      totalViolations += r.violations().values().stream()
          .filter(n -> a != Architecture.V1).mapToLong(Long::longValue).sum();
    }
    System.out.println("soak: heap " + (allFlat ? "flat" : "GREW") + " in every preset; "
        + totalViolations + " invariant violations outside v1's lost updates");
  }

  private record Result(boolean flat, Map<String, Long> violations) {}

  private static Result soak(Architecture a, long durationPs) {
    long wall0 = System.nanoTime();
    Platform p = Platform.defaults();
    Experiment.Setup s =
        Experiment.build(new RunSpec(a, p, WorkloadSpec.parse("tcp:4MB/s"), durationPs, 1));
    Host host = s.host();
    RunCheck check = RunCheck.attach(host);
    List<Double> heapMb = new ArrayList<>();
    System.out.printf(Locale.US, "%-9s %8s %10s %9s %12s %10s%n", "arch", "sim min", "heap MB",
        "events", "frames", "wall s");
    for (long t = SAMPLE_PS; t <= durationPs; t += SAMPLE_PS) {
      check.runUntil(t);
      double mb = heapAfterGc() / 1e6;
      heapMb.add(mb);
      System.out.printf(Locale.US, "%-9s %8.0f %10.1f %9d %12d %10.1f%n", a.cliName(),
          Time.toSeconds(t) / 60, mb, s.sim().pendingEvents(), host.driver().deliveredFrames(),
          (System.nanoTime() - wall0) / 1e9);
    }
    double first = heapMb.get(0);
    double last = heapMb.get(heapMb.size() - 1);
    // Flat: within 2 MB or 10% of the first sample (GC noise and JIT metadata move it a little).
    boolean flat = last - first < Math.max(2.0, 0.1 * first);
    Map<String, Long> v = check.violations();
    System.out.printf(Locale.US, "%-9s heap %.1f -> %.1f MB (%+.1f MB over %.0f simulated min):"
        + " %s; --check: %s%s%n", a.cliName(), first, last, last - first,
        Time.toSeconds(durationPs - SAMPLE_PS) / 60, flat ? "flat" : "GREW",
        v.isEmpty() ? "no violations" : v,
        host.chip().isWedged() ? " (wedged at "
            + String.format(Locale.US, "%.1f s", Time.toSeconds(host.chip().wedgedAtPs())) + ")"
            : "");
    return new Result(flat, v);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static String names(List<Architecture> archs) {
    List<String> n = new ArrayList<>();
    for (Architecture a : archs) n.add(a.cliName());
    return String.join(",", n);
  }
}
