package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.RunResult;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The figures of a {@link RunResult} a measurement may name: its numeric fields (not the seed or
 * the run's own durations) and {@code perSecond.<key>} for each rate.
 */
public final class Metrics {
  static final String PER_SECOND = "perSecond.";
  private static final Pattern RATE_KEY = Pattern.compile("[A-Za-z0-9_]+");
  private static final List<String> NOT_FIGURES = List.of("seed", "simSeconds", "wallSeconds");

  private Metrics() {}

  /** The numeric RunResult fields, in record order. */
  public static List<String> fields() {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : RunResult.class.getRecordComponents()) {
      Class<?> t = c.getType();
      if ((t == double.class || t == long.class) && !NOT_FIGURES.contains(c.getName())) {
        out.add(c.getName());
      }
    }
    return out;
  }

  /** Throws IllegalArgumentException unless {@code metric} is a field or a well-formed rate. */
  static void check(String metric) {
    if (metric.startsWith(PER_SECOND)) {
      String key = metric.substring(PER_SECOND.length());
      checkArgument(RATE_KEY.matcher(key).matches(),
          "malformed rate '%s': expected perSecond.<counter>, e.g. perSecond.sdio_rx_work", metric);
      return;
    }
    checkArgument(fields().contains(metric),
        "unknown metric '%s' (known: %s, perSecond.<counter>)", metric,
        String.join(", ", fields()));
  }

  /** The metric's value in one run; throws IllegalArgumentException if the run lacks the rate. */
  public static double value(RunResult r, String metric) {
    if (metric.startsWith(PER_SECOND)) {
      String key = metric.substring(PER_SECOND.length());
      Double v = r.perSecond().get(key);
      checkArgument(v != null, "metric %s: the model counts no '%s' (known: %s)", metric, key,
          String.join(", ", r.perSecond().keySet()));
      return v;
    }
    switch (metric) {
      case "offeredMBps": return r.offeredMBps();
      case "deliveredMBps": return r.deliveredMBps();
      case "cpuUtilization": return r.cpuUtilization();
      case "lostUpdates": return r.lostUpdates();
      case "warns": return r.warns();
      default: throw new IllegalArgumentException("unknown metric '" + metric + "'");
    }
  }

  /** The unit a metric's values are in. */
  public static String unit(String metric) {
    if (metric.startsWith(PER_SECOND)) return "/s";
    if (metric.endsWith("MBps")) return "MB/s";
    if (metric.equals("cpuUtilization")) return "fraction";
    return "count";
  }

  /** A value with enough digits for its size, and its unit. */
  public static String format(double v, String metric) {
    return number(v) + " " + unit(metric);
  }

  /** Four significant figures at most, never in exponent form. */
  static String number(double v) {
    return fixed(v, decimals(v));
  }

  /** The decimals {@link #number} gives {@code v}: fewer as it grows. */
  static int decimals(double v) {
    double a = Math.abs(v);
    return a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 0.1 || a == 0 ? 3 : 4;
  }

  /** {@code v} with {@code decimals} decimals, or "-" if it is not a number. */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) return "-";
    return String.format(Locale.US, "%." + decimals + "f", v);
  }
}
