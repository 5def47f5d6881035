package io.bessim.bench;

import io.bessim.driver.Architecture;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each preset's steady state, per event and per frame: every preset runs {@code ROUNDS} times in
 * one JVM and the last round is printed (events and frames per simulated second, events per
 * delivered frame, the simulating thread's CPU time, ns of it and bytes allocated per event, from
 * {@code ThreadMXBean}). Run it with the launcher's JVM flags:
 *
 * <pre>java -Xss4m -XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=70 -XX:C1InlineStackLimit=15 \
 *   -XX:C1MaxInlineLevel=12 -XX:+UseSerialGC -Xmn8m \
 *   -cp benchmarks/target/benchmarks.jar io.bessim.bench.SteadyState [SECONDS] [ROUNDS]</pre>
 *
 * CPU time is the figure to compare: it leaves out time slices lost to other processes, not the
 * slow phases of a shared machine (docs/performance.md). Event and frame counts are exact.
 */
public final class SteadyState {
  private SteadyState() {}

  /** One preset's run, measured. */
  record Row(String arch, double seconds, long events, double framesPerSecond, long cpuNs,
      long wallNs, long allocatedBytes) {
    double eventsPerFrame() {
      return events / seconds / framesPerSecond;
    }
  }

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Row> last = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      last.clear();
      for (Architecture a : Architecture.presets()) last.add(measure(a.cliName(), seconds));
    }
    System.out.printf(Locale.US, "%-9s %12s %10s %8s %8s %8s %9s %9s%n", "arch", "events/sim-s",
        "frames/s", "ev/frame", "cpu s", "x real", "ns/event", "B/event");
    for (Row r : last) {
      System.out.printf(Locale.US, "%-9s %12.0f %10.1f %8.1f %8.3f %8.0f %9.0f %9.1f%n",
          r.arch(), r.events() / r.seconds(), r.framesPerSecond(), r.eventsPerFrame(),
          r.cpuNs() / 1e9, r.seconds() / (r.cpuNs() / 1e9), r.cpuNs() / (double) r.events(),
          r.allocatedBytes() / (double) r.events());
    }
  }

  static Row measure(String arch, int seconds) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    RunSpec spec = WarmUp.spec(arch, io.bessim.driver.Platform.defaults(), seconds);
    long bytes0 = threads.getThreadAllocatedBytes(id);
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    Experiment.Setup s = Experiment.build(spec);
    RunResult r = Experiment.run(spec, s, wall0);
    long wall = System.nanoTime() - wall0;
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long bytes = threads.getThreadAllocatedBytes(id) - bytes0;
    return new Row(arch, seconds, s.sim().eventsFired(),
        r.perSecond().get("frames_delivered"), cpu, wall, bytes);
  }
}
