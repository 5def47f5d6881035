package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.Time;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints simulated durations as users write them: 180s, 500ms, 3m, 1.5s, 2h. */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(ns|us|ms|s|m|min|h)");

  private Durations() {}

  /** The duration in picoseconds; throws IllegalArgumentException naming the problem. */
  public static long parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    checkArgument(!s.startsWith("-"), "duration must be positive, got '%s'", text);
    Matcher m = DURATION.matcher(s);
    checkArgument(m.matches(),
        "malformed duration '%s': expected a number and a unit, e.g. 180s, 500ms, 3m, 1.5s, 2h",
        text);
    BigDecimal ps = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitPs(m.group(2))));
    checkArgument(ps.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0,
        "duration '%s' is too long (at most %s)", text, format(Long.MAX_VALUE));
    long out = ps.setScale(0, RoundingMode.HALF_UP).longValueExact();
    checkArgument(out > 0, "duration must be positive, got '%s'", text);
    return out;
  }

  /** As {@link #parse}, but 0 (any unit, or a bare 0) is allowed: a point in time. */
  public static long parseNonNegative(String text) {
    String s = text.strip();
    if (s.matches("0+(\\.0*)?\\s*(ns|us|ms|s|m|min|h)?")) return 0;
    return parse(text);
  }

  private static long unitPs(String unit) {
    switch (unit) {
      case "ns": return Time.NS;
      case "us": return Time.US;
      case "ms": return Time.MS;
      case "s": return Time.S;
      case "m": case "min": return 60 * Time.S;
      case "h": return 3600 * Time.S;
      default: throw new AssertionError(unit);
    }
  }

  /** Seconds with no trailing zeros, e.g. {@code 180s}, {@code 1.5s}, {@code 0.0005s}. */
  public static String format(long ps) {
    BigDecimal s = BigDecimal.valueOf(ps).movePointLeft(12).stripTrailingZeros();
    return s.toPlainString() + "s";
  }
}
