package io.bessim.experiment;

import java.util.List;
import java.util.Map;

/**
 * What a run saw over time and per context, for the HTML report's charts; not part of the JSON or
 * CSV (their keys are {@link Metric}'s). Equal runs give equal details.
 *
 * @param deliveredMBpsBySecond application bytes delivered in each simulated second, 10^6 B/s (a
 *     last part second: its bytes over its length)
 * @param cpuSecondsByContext CPU seconds each context ran (hard IRQs that interrupted it
 *     included), in order of creation, after the warm-up (as {@code cpuUtilization}), then the
 *     hard IRQs that found their CPU idle: together all CPUs' busy time over the measured window
 * @param lostUpdateSec simulated time of each lost update (a store over another context's update)
 * @param rmwWindowHistogram read-modify-write windows on shared cells by width: {@code <10 ns,
 *     10-100 ns, 0.1-1 us, 1-10 us, 10-100 us, 0.1-1 ms, >= 1 ms}
 */
public record RunDetail(
    List<Double> deliveredMBpsBySecond,
    Map<String, Double> cpuSecondsByContext,
    List<Double> lostUpdateSec,
    List<Long> rmwWindowHistogram) {

  /** The bin labels of {@link #rmwWindowHistogram}. */
  public static final List<String> WIDTH_BINS =
      List.of("<10ns", "10-100ns", "0.1-1us", "1-10us", "10-100us", "0.1-1ms", ">=1ms");

  /** No detail: for results made outside {@link Experiment} (tests, fakes). */
  public static final RunDetail NONE = new RunDetail(List.of(), Map.of(), List.of(), List.of());

  public RunDetail {
    deliveredMBpsBySecond = List.copyOf(deliveredMBpsBySecond);
    cpuSecondsByContext = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(cpuSecondsByContext));
    lostUpdateSec = List.copyOf(lostUpdateSec);
    rmwWindowHistogram = List.copyOf(rmwWindowHistogram);
  }

  /** The histogram bin of a window {@code widthPs} wide: decades from 10 ns. */
  static int bin(long widthPs) {
    long tenNs = 10_000;
    int b = 0;
    while (b < WIDTH_BINS.size() - 1 && widthPs >= tenNs) {
      tenNs *= 10;
      b++;
    }
    return b;
  }
}
