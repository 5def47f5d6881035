package io.bessim.driver;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.bessim.sim.TextFiles;
import io.bessim.sim.Time;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platform profile: every model parameter with its value, unit and source, read from one text
 * file ({@code platform.profile} in this package, or a file given with {@code --profile}).
 *
 * <p>Each line is {@code name = value | unit | kind | source}, optionally followed by
 * {@code | range} ({@code 5..100} for numbers, {@code a/b/c} for choices), where kind is one of
 * {@code published}, {@code notes}, {@code estimate}, {@code fitted} or
 * {@code choice}. Values are immutable;
 * {@link #with} returns a copy with overrides that were checked against the declared parameters.
 *
 * <p>A value is in its declared unit, whatever its name says: a time parameter (unit {@code s},
 * {@code ms}, {@code us}, {@code ns} or {@code ps}) is read with {@link #ps}, which converts, so
 * no caller scales by hand. A profile file may leave the unit out; it may not change it.
 */
public final class Platform {
  /** Picoseconds per time unit a parameter may be declared in. */
  private static final ImmutableMap<String, Long> PS_PER_UNIT =
      ImmutableMap.of("s", Time.S, "ms", Time.MS, "us", Time.US, "ns", Time.NS, "ps", Time.PS);

  /**
   * Units whose values are counts: a parameter in one of these takes whole numbers only (11.5
   * frames would silently run as 12). Every other numeric unit is a time ({@link #PS_PER_UNIT})
   * or one of {@link #REAL_UNITS}; a new unit must be added to one of the two.
   */
  public static final ImmutableSet<String> INTEGER_UNITS = ImmutableSet.of(
      "CPU", "CPUs", "Hz", "bits", "bytes", "cycles", "count", "buffers", "frames", "messages",
      "subframes", "index", "tries", "segments");

  /** Non-time units whose values may be fractional. */
  public static final ImmutableSet<String> REAL_UNITS =
      ImmutableSet.of("probability", "fraction", "ratio", "factor", "%");

  /**
   * A plain decimal as users write it ({@code 1448}, {@code 0.5}, {@code 1e6}, {@code 1_000}),
   * optionally signed so that the range check can name a negative one; not Java's NaN, Infinity,
   * hex or {@code 1d}, which Double.parseDouble would take.
   */
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][+-]?[0-9]{1,3})?");

  /** A parameter's type, from its declaration: its default value, unit and range. */
  public enum Type {
    BOOL, INTEGER, REAL, CHOICE, TEXT
  }

  /** One declared parameter; {@code range} is "" or e.g. {@code 5..100} or {@code a/b/c}. */
  public record Param(
      String name, String value, String unit, String kind, String source, String range) {
    public Param(String name, String value, String unit, String kind, String source) {
      this(name, value, unit, kind, source, "");
    }

    /** Whether the value is a time, in one of the units {@link Platform#ps} converts from. */
    public boolean isTime() {
      return PS_PER_UNIT.containsKey(unit);
    }

    /** The type: a count unit makes a number an {@link Type#INTEGER}. */
    public Type type() {
      if (isBool(value)) return Type.BOOL;
      if (range.contains("/")) return Type.CHOICE;
      if (isNumber(value)) return INTEGER_UNITS.contains(unit) ? Type.INTEGER : Type.REAL;
      return Type.TEXT;
    }

    /** Whether a numeric parameter's unit says if it is whole or not (a test holds every one). */
    public boolean unitClassified() {
      return INTEGER_UNITS.contains(unit) || REAL_UNITS.contains(unit) || isTime();
    }

    /** The numeric range {@code {lo, hi}}, or null when none is declared. */
    public double[] bounds() {
      int dots = range.indexOf("..");
      if (dots <= 0) return null;
      String lo = range.substring(0, dots).strip();
      String hi = range.substring(dots + 2).strip();
      if (!isNumber(lo) || !isNumber(hi)) return null;
      return new double[] {parseNumber(lo), parseNumber(hi)};
    }
  }

  private static final String DEFAULT_RESOURCE = "platform.profile";
  private static Platform defaults;

  private final ImmutableMap<String, Param> params;

  private Platform(Map<String, Param> params) {
    this.params = ImmutableMap.copyOf(params);
  }

  /** The shipped RK3566 + BES2600 profile. */
  public static synchronized Platform defaults() {
    if (defaults == null) {
      try (InputStream in = Platform.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        checkArgument(in != null, "platform profile resource missing");
        defaults = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return defaults;
  }

  /** Reads a profile file; parameters it omits keep their default values. */
  public static Platform load(Path file) throws IOException {
    Platform p = parse(TextFiles.read(file, "profile"), file.toString());
    Map<String, Param> merged = new LinkedHashMap<>(defaults().params);
    for (Param q : p.params.values()) {
      Param d = merged.get(q.name());
      checkArgument(d != null, "%s: unknown parameter '%s'", file, q.name());
      merged.put(q.name(), withDeclaredUnit(q, d, file.toString()));
    }
    Platform out = new Platform(merged);
    for (Param q : p.params.values()) defaults().checkValue(q.name(), q.value());
    return out;
  }

  /**
   * {@code q} in {@code declared}'s unit: a file that leaves the unit out gets it, one that names
   * another is refused (a value is read in its unit, so {@code bh.timeoutMs = 5 | s} would
   * silently mean 5 s where every other profile means ms).
   */
  private static Param withDeclaredUnit(Param q, Param declared, String origin) {
    if (q.unit().isEmpty()) {
      return new Param(q.name(), q.value(), declared.unit(), q.kind(), q.source(), q.range());
    }
    checkArgument(q.unit().equals(declared.unit()), "%s: %s is in %s, not %s",
        origin, q.name(), declared.unit(), q.unit());
    return q;
  }

  static Platform parse(String text, String origin) {
    Map<String, Param> m = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int eq = line.indexOf('=');
      checkArgument(eq > 0, "%s:%s: expected 'name = value | unit | kind | source'", origin, i + 1);
      String name = line.substring(0, eq).strip();
      String[] rest = line.substring(eq + 1).split("\\|", 5);
      String value = rest[0].strip();
      checkArgument(!value.isEmpty(), "%s:%s: no value for %s", origin, i + 1, name);
      checkArgument(!m.containsKey(name), "%s:%s: %s is given twice (line %s)", origin, i + 1,
          name, firstLine.get(name));
      firstLine.put(name, i + 1);
      String range = rest.length > 4 ? rest[4].strip() : "";
      checkRange(range, origin + ":" + (i + 1) + ": " + name);
      m.put(
          name,
          new Param(
              name,
              value,
              rest.length > 1 ? rest[1].strip() : "",
              rest.length > 2 ? rest[2].strip() : "",
              rest.length > 3 ? rest[3].strip() : "",
              rest.length > 4 ? rest[4].strip() : ""));
    }
    return new Platform(m);
  }

  /**
   * A numeric range must be {@code lo..hi} with lo at most hi: an inverted one reached calibrate
   * and predict as bounds no value satisfies, refused there in terms of an option never given.
   */
  private static void checkRange(String range, String where) {
    double[] r;
    try {
      r = numericRange(range);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    if (r != null && r[0] > r[1]) {
      int dots = range.indexOf("..");
      throw new IllegalArgumentException(String.format("%s: range '%s' is empty (%s is above %s)",
          where, range, range.substring(0, dots).strip(), range.substring(dots + 2).strip()));
    }
  }

  /**
   * A parameter's range {@code lo..hi} as its two ends, or null when it has none or is a choice
   * ({@code a/b/c}); throws IllegalArgumentException when the ends are not numbers.
   */
  public static double[] numericRange(String range) {
    int dots = range.indexOf("..");
    if (dots < 0) return null;
    try {
      return new double[] {Double.parseDouble(range.substring(0, dots).strip()),
          Double.parseDouble(range.substring(dots + 2).strip())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("range '" + range + "' is not two numbers as lo..hi", e);
    }
  }

  public List<Param> params() {
    return new ArrayList<>(params.values());
  }

  public boolean has(String name) {
    return params.containsKey(name);
  }

  /** A copy with each {@code name=value} override applied; unknown or malformed ones throw. */
  public Platform with(Map<String, String> overrides) {
    Map<String, Param> m = new LinkedHashMap<>(params);
    overrides.forEach(
        (k, v) -> {
          checkValue(k, v);
          Param old = m.get(k);
          m.put(k, new Param(k, v.strip(), old.unit(), "override", "--set", old.range()));
        });
    return new Platform(m);
  }

  public Platform with(String name, String value) {
    return with(Map.of(name, value));
  }

  /**
   * A copy with {@code p} in place of the declared parameter of the same name, kind, source and
   * range included (a calibration writes its fitted values this way); the value is checked as in
   * {@link #with}.
   */
  public Platform replace(Param p) {
    checkValue(p.name(), p.value());
    Param q = withDeclaredUnit(p, params.get(p.name()), "replace");
    Map<String, Param> m = new LinkedHashMap<>(params);
    m.put(p.name(),
        new Param(p.name(), p.value().strip(), q.unit(), p.kind(), p.source(), p.range()));
    return new Platform(m);
  }

  private void checkValue(String name, String value) {
    Param p = params.get(name);
    checkArgument(p != null, "unknown parameter '%s' (see 'bessim arch list')", name);
    String v = value.strip();
    switch (p.type()) {
      case BOOL:
        checkArgument(isBool(v), "parameter %s wants true or false, got '%s'", name, value);
        break;
      case INTEGER:
      case REAL:
        checkNumber(p, value);
        break;
      case CHOICE:
        checkArgument(java.util.Arrays.asList(p.range().split("/")).contains(v),
            "parameter %s is one of %s, got '%s'", name, p.range(), value);
        break;
      default:
        checkArgument(!v.isEmpty(), "parameter %s wants a value", name);
    }
  }

  /** A number of {@code p}'s type inside its declared range; the message gives the range. */
  private static void checkNumber(Param p, String value) {
    String v = value.strip();
    double[] b = p.bounds();
    String range = b == null ? "" : "in " + p.range() + " " + p.unit();
    String where = range.isEmpty() ? "" : " " + range;
    boolean integer = p.type() == Type.INTEGER;
    // e.g. "wants a number, got 'many' (a whole one in 1..128 frames)"
    String hint = integer ? "a whole one" + where : range;
    checkArgument(isNumber(v), "parameter %s wants a number, got '%s'%s", p.name(), value,
        hint.isEmpty() ? "" : " (" + hint + ")");
    double d = parseNumber(v);
    checkArgument(!integer || d == Math.rint(d), "parameter %s wants a whole number%s, got '%s'",
        p.name(), where, value);
    if (b == null) {
      checkArgument(d >= 0, "parameter %s must not be negative, got '%s'", p.name(), value);
    } else {
      checkArgument(d >= b[0] && d <= b[1], "parameter %s must be in %s %s, got '%s'",
          p.name(), p.range(), p.unit(), value);
    }
  }

  private static boolean isBool(String s) {
    return s.equals("true") || s.equals("false");
  }

  private static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }

  private static double parseNumber(String s) {
    return Double.parseDouble(s.replace("_", ""));
  }

  private Param param(String name) {
    Param p = params.get(name);
    checkArgument(p != null, "unknown parameter '%s'", name);
    return p;
  }

  public String string(String name) {
    return param(name).value();
  }

  public double number(String name) {
    return Double.parseDouble(param(name).value().replace("_", ""));
  }

  public long integer(String name) {
    return Math.round(number(name));
  }

  public int intValue(String name) {
    return Math.toIntExact(integer(name));
  }

  public boolean bool(String name) {
    return Boolean.parseBoolean(param(name).value());
  }

  /**
   * A time parameter in picoseconds, converted from its declared unit ({@code s}, {@code ms},
   * {@code us}, {@code ns} or {@code ps}) and rounded to the nearest ps. Throws
   * IllegalArgumentException if the parameter is not a time.
   */
  public long ps(String name) {
    Param p = param(name);
    Long per = PS_PER_UNIT.get(p.unit());
    checkArgument(per != null, "parameter %s is in '%s', not a time unit (%s)", name, p.unit(),
        String.join(", ", PS_PER_UNIT.keySet()));
    return Math.round(number(name) * per);
  }

  /** The profile as text in its own file format. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    for (Param p : params.values()) {
      b.append(String.format(Locale.US, "%-34s = %-12s | %s | %s | %s%s%n",
          p.name(), p.value(), p.unit(), p.kind(), p.source(),
          p.range().isEmpty() ? "" : " | " + p.range()));
    }
    return b.toString();
  }
}
