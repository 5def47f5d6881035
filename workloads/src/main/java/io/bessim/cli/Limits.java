package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import io.bessim.workloads.TrafficSpec;
import java.util.Locale;

/**
 * The limits every command checks before anything runs, so that a typo such as
 * {@code --seeds 1000000000} is one line and exit 2, not minutes of work ending in an
 * OutOfMemoryError. Each message names the limit and what to change.
 */
final class Limits {
  /** Seeds per architecture: a 95% interval is as narrow as it gets long before this. */
  static final int MAX_SEEDS = 100_000;

  /**
   * The shortest run: below it the warm-up (a tenth of the run) and the first frames leave
   * nothing to measure, and 1 ns reported 25% CPU and 0 MB/s.
   */
  static final long MIN_DURATION_PS = 10 * Time.MS;

  /** The longest run: a day of simulated time, hours of wall time, far from a long of ps. */
  static final long MAX_DURATION_PS = 24 * 3600 * Time.S;

  /**
   * Heap one finished run's result keeps until the report is written. Measured: 3000 results of
   * v3 held about 6 MB of live heap (-Xlog:gc), 2 KB each, and their JSON 1.6 KB each; 32 KiB
   * leaves room for the report text and the simulations running meanwhile.
   */
  static final long BYTES_PER_RESULT = 32 * 1024;

  /**
   * Heap a traced simulated second takes: the Perfetto events are held as JSON objects until
   * written. Measured at tcp:4MB/s: about 140,000 events and 100 MB of live heap per traced second
   * (baseline, -Xlog:gc), plus the JSON text when written; 200 MB leaves room.
   */
  static final long TRACE_BYTES_PER_S = 200L << 20;

  private Limits() {}

  /** Refuses a --trace window whose events would not fit in half the heap. */
  static void traceWindow(long windowPs) {
    long maxPs = (long) (Runtime.getRuntime().maxMemory() / 2.0 / TRACE_BYTES_PER_S * Time.S);
    checkArgument(windowPs <= maxPs, "--trace-window of %s is over the limit of %s that this heap"
        + " (%s) holds: trace a shorter window, or give more heap (BESSIM_JAVA_OPTS=-Xmx...)",
        Durations.format(windowPs), Durations.format(maxPs), heap());
  }

  static int seeds(int n) {
    checkArgument(n >= 1, "--seeds must be at least 1, got %s", n);
    checkArgument(n <= MAX_SEEDS, "--seeds %s is over the limit of %s per architecture", n,
        MAX_SEEDS);
    return n;
  }

  static long durationPs(long ps) {
    return durationPs(ps, "--duration");
  }

  /** As {@link #durationPs(long)}, naming where the value came from ({@code duration =}). */
  static long durationPs(long ps, String name) {
    checkArgument(ps >= MIN_DURATION_PS, "%s %s is under the limit of %s: too short to"
        + " measure anything", name, Durations.format(ps), Durations.format(MIN_DURATION_PS));
    checkArgument(ps <= MAX_DURATION_PS, "%s %s is over the limit of %s", name,
        Durations.format(ps), Durations.format(MAX_DURATION_PS));
    return ps;
  }

  /**
   * Refuses a replay whose first down row is at or after the run's end: it would offer nothing,
   * and the run would report 0 MB/s offered and delivered as if it had measured something (most
   * likely the trace's times are not seconds from the start).
   */
  static void offersSomething(WorkloadSpec w, long durationPs) {
    if (w.traffic() instanceof TrafficSpec.Replay r) {
      long firstPs = r.trace().down().get(0).atPs();
      checkArgument(firstPs < durationPs, "%s: its first down row is at %s, not before the run's"
          + " end at %s, so nothing would be offered (time_s is seconds from the run's start)",
          r.file(), Durations.format(firstPs), Durations.format(durationPs));
    }
  }

  /** Refuses more runs than the heap can hold the results of (half of it, for the runs). */
  static void resultsFit(long runs) {
    resultsFit(runs, "fewer --seeds or architectures");
  }

  /** As {@link #resultsFit(long)}; {@code fewer} says which options make fewer runs. */
  static void resultsFit(long runs, String fewer) {
    long max = Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_RESULT;
    checkArgument(runs <= max, "%s runs is over the limit of %s that this heap (%s) holds: %s,"
        + " or more heap (BESSIM_JAVA_OPTS=-Xmx...)", runs, max, heap(), fewer);
  }

  private static String heap() {
    return String.format(Locale.US, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9);
  }
}
