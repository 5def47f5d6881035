package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Platform;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A platform parameter the calibration fits, with its search box.
 *
 * <p>The search works in the unit box: coordinate 0 is {@code min}, 1 is {@code max}. Values are
 * rounded before they reach the model: integers to a whole number, the rest to three significant
 * figures, which is finer than the seed-to-seed noise of any rate the rig measured and keeps the
 * written profile readable. Rounding also lets the evaluation cache catch near-identical points.
 *
 * @param integer whether the parameter counts things (frames, buffers): its profile value has no
 *     decimals and its unit is not a time unit
 */
public record FitParam(
    String name, String unit, double start, double min, double max, boolean integer) {
  private static final MathContext SIGNIFICANT = new MathContext(3);

  public FitParam {
    checkArgument(min >= 0 && min < max, "%s: bounds must satisfy 0 <= min < max, got %s..%s",
        name, number(min), number(max));
    checkArgument(start >= min && start <= max, "%s: start %s outside %s..%s",
        name, number(start), number(min), number(max));
  }

  /** The coordinate of {@code x} in the unit box. */
  public double coordinate(double x) {
    return (x - min) / (max - min);
  }

  /** The value, as the profile will hold it, at coordinate {@code u} (clamped to [0, 1]). */
  public String valueAt(double u) {
    return format(min + Math.max(0, Math.min(1, u)) * (max - min));
  }

  /** {@code x} rounded as the model sees it, kept inside the bounds. */
  public String format(double x) {
    if (integer) {
      long lo = (long) Math.ceil(min);
      long hi = (long) Math.floor(max);
      return Long.toString(Math.max(lo, Math.min(hi, Math.round(x))));
    }
    BigDecimal r = new BigDecimal(x).round(SIGNIFICANT);
    if (r.doubleValue() < min) return number(min);
    if (r.doubleValue() > max) return number(max);
    return r.stripTrailingZeros().toPlainString();
  }

  /** The smallest move that changes the value, in box coordinates (one unit for integers). */
  public double resolution() {
    return integer ? 1 / (max - min) : 0.01 * Math.max(start, min) / (max - min);
  }

  /**
   * Whether the prior over the box is log-uniform: a positive range spanning a factor of ten or
   * more, where the value's scale is what is unknown (a pool of 2 to 4 frames is as plausible as
   * one of 64 to 128). Uniform otherwise.
   */
  public boolean logScale() {
    return min > 0 && max / min >= 10;
  }

  /**
   * The value, as the profile will hold it, at quantile {@code u} in [0, 1) of the prior: uniform
   * or log-uniform ({@link #logScale}) over the box; a whole number is drawn uniformly (or
   * log-uniformly) over [min, max + 1) and rounded down, so each end is as likely as the middle.
   */
  public String draw(double u) {
    double hi = integer ? Math.floor(max) + 1 : max;
    double lo = integer ? Math.ceil(min) : min;
    double x = logScale() ? lo * Math.pow(hi / lo, u) : lo + u * (hi - lo);
    if (integer) return Long.toString((long) Math.min(Math.floor(x), Math.floor(max)));
    return format(x);
  }

  /** {@code 11} or {@code 3..44}: plain decimals, no exponent, no trailing zeros. */
  static String number(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  /** {@code fw.rxPoolFrames from 11 frames in 3..44 (whole numbers)}. */
  public String describe() {
    return String.format(Locale.US, "%s from %s%s in %s..%s%s", name, format(start),
        unit.isEmpty() ? "" : " " + unit, format(min), format(max),
        integer ? " (whole numbers)" : "");
  }

  /**
   * Whether {@code p} is a free parameter: numeric, of kind {@code fitted} or {@code unknown}
   * (the profile's word for what no source pins down), with a numeric range to move in. A
   * parameter overridden with --set has kind {@code override}, so --set pins it.
   */
  public static boolean isFree(Platform.Param p) {
    return (p.kind().equals("fitted") || p.kind().equals("unknown")) && isNumber(p.value())
        && Platform.numericRange(p.range()) != null;
  }

  /**
   * The free parameters ({@link #isFree}), each over its whole declared range, starting from its
   * value: what {@code bessim predict} samples. Empty if the profile has none.
   */
  public static List<FitParam> free(Platform platform) {
    List<FitParam> out = new ArrayList<>();
    for (Platform.Param p : platform.params()) {
      if (!isFree(p)) continue;
      double[] r = Platform.numericRange(p.range());
      out.add(of(p, r[0], r[1]));
    }
    return out;
  }

  /**
   * The parameters to fit: those named in {@code specs} ({@code name} or {@code name:min:max}),
   * or, with none, every free parameter ({@link #isFree}). Without bounds, a parameter moves
   * from a quarter to four times its value, inside the range the profile declares for it: the
   * fit is a local search from the profile's value. Given bounds must lie inside that range.
   * Throws IllegalArgumentException naming the first problem.
   */
  public static List<FitParam> resolve(Platform platform, List<String> specs) {
    Map<String, Platform.Param> byName = new LinkedHashMap<>();
    for (Platform.Param p : platform.params()) byName.put(p.name(), p);
    List<FitParam> out = new ArrayList<>();
    if (specs.isEmpty()) {
      for (Platform.Param p : byName.values()) {
        if (isFree(p)) out.add(of(p, null, null));
      }
      checkArgument(!out.isEmpty(), "the profile marks no numeric parameter with a range as"
          + " fitted or unknown: name some with --params");
      return out;
    }
    for (String spec : specs) {
      String[] parts = spec.strip().split(":", -1);
      checkArgument(parts.length == 1 || parts.length == 3,
          "malformed --params entry '%s': expected name or name:min:max", spec);
      String name = parts[0].strip();
      Platform.Param p = byName.get(name);
      checkArgument(p != null, "--params: unknown parameter '%s'", name);
      checkArgument(isNumber(p.value()),
          "--params: %s is not numeric (value '%s'); only numbers can be fitted", name, p.value());
      // A number the model takes only some values of (sdio.busWidth: 1 or 4) has no range to
      // search: the values between would be refused mid-fit.
      checkArgument(p.type() != Platform.Type.CHOICE,
          "--params: %s takes only the values %s, not a range to fit; compare them with"
              + " bessim sweep --vary %s=%s", name, p.range(), name, p.range().replace('/', ','));
      checkArgument(out.stream().noneMatch(f -> f.name().equals(name)),
          "--params: %s given twice", name);
      if (parts.length == 1) {
        out.add(of(p, null, null));
      } else {
        out.add(of(p, bound(parts[1], spec), bound(parts[2], spec)));
      }
    }
    return out;
  }

  private static FitParam of(Platform.Param p, Double min, Double max) {
    double v = Double.parseDouble(p.value().replace("_", ""));
    // The declared type: a count moves in whole steps, whatever its value looks like.
    boolean integer = p.type() == Platform.Type.INTEGER;
    double[] declared = Platform.numericRange(p.range());
    if (min == null) {
      if (v > 0) {
        // A factor of four either way, inside what the profile allows.
        min = declared == null ? v / 4 : Math.max(v / 4, declared[0]);
        max = declared == null ? v * 4 : Math.min(v * 4, declared[1]);
      } else {
        checkArgument(declared != null,
            "cannot fit %s from %s: give a range with --params %s:min:max", p.name(), p.value(),
            p.name());
        min = declared[0];
        max = declared[1];
      }
    }
    checkArgument(min >= 0 && min < max,
        "--params %s: bounds must satisfy 0 <= min < max, got %s..%s", p.name(), number(min),
        number(max));
    checkArgument(declared == null || (min >= declared[0] && max <= declared[1]),
        "--params %s: bounds %s..%s leave the profile's range %s %s", p.name(), number(min),
        number(max), p.range(), p.unit());
    if (integer) {
      checkArgument(Math.ceil(min) <= Math.floor(max),
          "--params %s: no whole number between %s and %s", p.name(), number(min), number(max));
    }
    double start = Math.max(min, Math.min(max, v));
    return new FitParam(p.name(), p.unit(), start, min, max, integer);
  }

  private static double bound(String s, String spec) {
    try {
      return Double.parseDouble(s.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "malformed --params entry '" + spec + "': '" + s.strip() + "' is not a number", e);
    }
  }

  private static boolean isNumber(String s) {
    if (s.equals("true") || s.equals("false")) return false;
    try {
      return Double.isFinite(Double.parseDouble(s.replace("_", "")));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
