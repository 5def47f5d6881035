package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The points of a sweep: every architecture × every value of each varied parameter × every seed,
 * numbered in that order (architecture outermost, the dimensions in the order given, seed
 * innermost). A point's index and key depend only on the grid, never on how it is run, so shards,
 * resumed runs and merges all agree on them.
 *
 * <p>{@code workload} is the workload of every point when it is not varied, and null when it is.
 * {@code platform} is the base profile (with {@code --set} applied); varied platform parameters
 * are laid over it per point.
 */
public record SweepGrid(
    List<Architecture> archs,
    List<Dimension> dims,
    int seeds,
    long seedBase,
    long durationPs,
    WorkloadSpec workload,
    Platform platform) {

  /** The name that varies the workload rather than a platform parameter. */
  public static final String WORKLOAD = "workload";

  /** More points than this is surely a typo, and their keys would not fit in memory anyway. */
  static final long MAX_POINTS = 10_000_000;

  /** Most points one range may give. */
  private static final int MAX_RANGE_POINTS = 100_000;

  /** One varied parameter: its name and its values as canonical text, in sweep order. */
  public record Dimension(String name, List<String> values) {
    public Dimension {
      values = List.copyOf(values);
    }
  }

  /** One point: its index in the grid, its coordinates and its stable key. */
  public record Point(int index, Architecture arch, List<String> values, long seed, String key) {}

  public SweepGrid {
    // A replay's trace by its absolute path: the grid (and the points' keys) must not depend on
    // the directory the command ran in.
    if (workload != null) workload = workload.absolute();
    archs = List.copyOf(archs);
    dims = List.copyOf(dims);
    checkArgument(!archs.isEmpty(), "a sweep needs at least one architecture");
    checkArgument(new HashSet<>(archs).size() == archs.size(), "an architecture is given twice");
    checkArgument(seeds >= 1, "--seeds must be at least 1, got %s", seeds);
    checkArgument(seedBase <= Long.MAX_VALUE - (seeds - 1),
        "--seed-base %s is too large for %s seeds", seedBase, seeds);
    checkArgument(durationPs > 0, "duration must be positive");
    Set<String> names = new HashSet<>();
    for (Dimension d : dims) {
      checkArgument(names.add(d.name()), "--vary %s is given twice", d.name());
    }
    boolean varied = names.contains(WORKLOAD);
    checkArgument(!varied || workload == null,
        "the workload is both given (--workload) and varied (--vary workload=...); drop one");
    checkArgument(varied || workload != null, "no workload given");
    long n = (long) archs.size() * seeds;
    for (Dimension d : dims) {
      n *= d.values().size();
      checkArgument(n <= MAX_POINTS, "the grid has more than %s points", MAX_POINTS);
    }
  }

  /** Number of points in the grid. */
  public int size() {
    long n = (long) archs.size() * seeds;
    for (Dimension d : dims) n *= d.values().size();
    return Math.toIntExact(n);
  }

  /** The point at {@code index}, counting from 0 in grid order. */
  public Point point(int index) {
    checkArgument(index >= 0 && index < size(), "point %s is outside the grid", index);
    int rest = index;
    long seed = seedBase + rest % seeds;
    rest /= seeds;
    String[] values = new String[dims.size()];
    for (int i = dims.size() - 1; i >= 0; i--) {
      List<String> v = dims.get(i).values();
      values[i] = v.get(rest % v.size());
      rest /= v.size();
    }
    Architecture arch = archs.get(rest);
    StringBuilder key = new StringBuilder("arch=").append(arch.cliName());
    for (int i = 0; i < values.length; i++) {
      key.append('|').append(dims.get(i).name()).append('=').append(values[i]);
    }
    key.append("|seed=").append(seed);
    return new Point(index, arch, List.of(values), seed, key.toString());
  }

  /** Every point, in grid order. */
  public List<Point> points() {
    List<Point> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) out.add(point(i));
    return out;
  }

  /** The simulation a point stands for. */
  public RunSpec spec(Point p) {
    WorkloadSpec w = workload;
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int i = 0; i < dims.size(); i++) {
      String name = dims.get(i).name();
      String value = p.values().get(i);
      if (name.equals(WORKLOAD)) {
        w = WorkloadSpec.parse(value);
      } else {
        overrides.put(name, value);
      }
    }
    return new RunSpec(p.arch(), platform.with(overrides), w, durationPs, p.seed());
  }

  /**
   * Passes the platform of every point to {@code check} (such as {@code Host::check}) before
   * anything runs, so that a combination the model cannot build ({@code host.cpus=1} with the
   * bh on CPU 1) is refused up front rather than failing mid-sweep. Points differ in platform
   * only by their varied parameters, so each combination of those is checked once. Throws
   * IllegalArgumentException naming the first point of the first combination that fails, and why.
   */
  public void checkPlatforms(Consumer<Platform> check) {
    List<Integer> varied = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      if (!dims.get(i).name().equals(WORKLOAD)) varied.add(i);
    }
    int[] at = new int[dims.size()];
    while (true) {
      Map<String, String> overrides = new LinkedHashMap<>();
      for (int i : varied) overrides.put(dims.get(i).name(), dims.get(i).values().get(at[i]));
      try {
        check.accept(platform.with(overrides));
      } catch (IllegalArgumentException e) {
        long index = 0;
        for (int i = 0; i < dims.size(); i++) index = index * dims.get(i).values().size() + at[i];
        throw new IllegalArgumentException(
            "point " + point(Math.toIntExact(index * seeds)).key() + ": " + e.getMessage(), e);
      }
      // The next combination, the last varied parameter fastest, as the grid numbers points.
      int k = varied.size() - 1;
      while (k >= 0 && ++at[varied.get(k)] == dims.get(varied.get(k)).values().size()) {
        at[varied.get(k)] = 0;
        k--;
      }
      if (k < 0) return;
    }
  }

  /**
   * Everything that decides the points and their results, as JSON: two sweeps with equal JSON
   * produce the same rows. The whole platform is included so that a changed profile is noticed.
   */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    JsonArray a = new JsonArray();
    archs.forEach(x -> a.add(x.cliName()));
    o.add("archs", a);
    JsonArray v = new JsonArray();
    for (Dimension d : dims) {
      JsonObject dj = new JsonObject();
      dj.addProperty("name", d.name());
      JsonArray values = new JsonArray();
      d.values().forEach(values::add);
      dj.add("values", values);
      v.add(dj);
    }
    o.add("vary", v);
    o.addProperty("seeds", seeds);
    o.addProperty("seedBase", seedBase);
    o.addProperty("durationPs", durationPs);
    if (workload != null) o.addProperty(WORKLOAD, workload.toString());
    JsonObject p = new JsonObject();
    for (Platform.Param q : platform.params()) p.addProperty(q.name(), q.value());
    o.add("platform", p);
    o.addProperty("points", size());
    JsonObject traces = traceHashes();
    if (traces.size() > 0) o.add(TRACES, traces);
    return o;
  }

  /**
   * The grid field that records each replay trace's content, {@code {"/abs/t.csv": "<sha-256>"}}:
   * a trace edited between a sweep and its {@code --resume} would mix rows of two traces.
   */
  public static final String TRACES = "traces";

  /** The SHA-256 (hex) of every replay trace the grid's points read, by absolute path. */
  private JsonObject traceHashes() {
    Set<Path> files = new java.util.LinkedHashSet<>();
    if (workload != null && workload.inputFile() != null) files.add(workload.inputFile());
    for (Dimension d : dims) {
      if (!d.name().equals(WORKLOAD)) continue;
      for (String v : d.values()) {
        if (v.startsWith("replay:")) files.add(Path.of(v.substring("replay:".length())));
      }
    }
    JsonObject o = new JsonObject();
    for (Path f : files) o.addProperty(f.toString(), sha256(f));
    return o;
  }

  private static String sha256(Path file) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read replay trace " + file + ": "
          + Sweep.describe(e), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses one {@code --vary NAME=SPEC}. SPEC is a comma list ({@code fw.rxPoolFrames=8,11,16},
   * {@code workload=tcp:1MB/s,tcp:4MB/s}) or a range {@code A..B:N} of N evenly spaced points,
   * both ends included ({@code udp:0.5MB/s..8MB/s:16} varies the rate and keeps the kind; a
   * workload range is of {@code udp:} or {@code tcp:} only, other kinds are listed). Every
   * value is checked against {@code base}. Throws IllegalArgumentException naming the problem.
   */
  public static Dimension parseVary(String text, Platform base) {
    int eq = text.indexOf('=');
    checkArgument(eq > 0 && !text.substring(eq + 1).isBlank(),
        "malformed --vary '%s': expected NAME=VALUES, e.g. workload=udp:1MB/s..8MB/s:8"
            + " or fw.rxPoolFrames=8,11,16", text);
    String name = text.substring(0, eq).strip();
    String spec = text.substring(eq + 1).strip();
    List<String> values;
    if (name.equals(WORKLOAD)) {
      values = isWorkloadRange(spec) ? workloadRange(spec, text) : workloadList(spec, text);
    } else {
      checkArgument(!name.equals("arch") && !name.equals("seed"),
          "--vary %s: give architectures with --arch and seeds with --seeds", name);
      checkArgument(base.has(name),
          "unknown parameter '%s' in --vary '%s' (see 'bessim arch list')", name, text);
      values = spec.contains("..") ? numberRange(spec, text) : list(spec, text);
      for (String v : values) base.with(name, v);
    }
    Set<String> seen = new HashSet<>();
    // A list keeps each value as written, but 8 and 08 (or 8.0, 6e1 and 60) are one value: the
    // same platform ran twice under two keys.
    Map<BigDecimal, String> numbers = new LinkedHashMap<>();
    for (String v : values) {
      checkArgument(seen.add(v), "--vary '%s' gives the value %s twice", text, v);
      BigDecimal d = name.equals(WORKLOAD) ? null : plainNumber(v);
      String earlier = d == null ? null : numbers.putIfAbsent(d, v);
      checkArgument(earlier == null, "--vary '%s' gives the value %s twice (as %s and %s)", text,
          d == null ? v : d.toPlainString(), earlier, v);
      checkArgument(!v.contains("|") && !v.contains("="),
          "--vary '%s': a value may not contain '|' or '=' (they separate point keys)", text);
    }
    return new Dimension(name, values);
  }

  /** A plain decimal number, as a list value may write one: 8, 08, 8.0, +8, 6e1, 1.8E9. */
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");

  /** {@code v}'s value when it is a plain number (without trailing zeros), else null. */
  private static BigDecimal plainNumber(String v) {
    if (!PLAIN_NUMBER.matcher(v).matches()) return null;
    try {
      return new BigDecimal(v).stripTrailingZeros();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static List<String> list(String spec, String text) {
    List<String> out = new ArrayList<>();
    for (String v : spec.split(",", -1)) {
      checkArgument(!v.isBlank(), "--vary '%s' has an empty value", text);
      out.add(v.strip());
    }
    return out;
  }

  /**
   * Whether a workload SPEC is a range: it has {@code ..} and no comma, and a replay's only when
   * it ends in {@code :N}, so that {@code replay:../t.csv} (a path going up) is a value.
   */
  private static boolean isWorkloadRange(String spec) {
    if (!spec.contains("..") || spec.contains(",")) return false;
    return !spec.strip().toLowerCase(Locale.ROOT).startsWith("replay:")
        || spec.matches(".*:\\s*[0-9]+\\s*");
  }

  private static List<String> workloadList(String spec, String text) {
    List<String> out = new ArrayList<>();
    for (String v : list(spec, text)) out.add(WorkloadSpec.parse(v).absolute().toString());
    return out;
  }

  /** A range split into its ends and point count. */
  private record Range(String from, String to, int n) {}

  private static Range range(String spec, String text) {
    int dots = spec.indexOf("..");
    String from = spec.substring(0, dots).strip();
    String rest = spec.substring(dots + 2);
    int colon = rest.lastIndexOf(':');
    checkArgument(!from.isEmpty() && colon > 0 && !rest.substring(0, colon).isBlank(),
        "malformed range in --vary '%s': expected FROM..TO:N, e.g. udp:0.5MB/s..8MB/s:16"
            + " or 8..16:5", text);
    String count = rest.substring(colon + 1).strip();
    checkArgument(count.matches("[0-9]{1,9}"),
        "malformed range in --vary '%s': the point count '%s' is not a whole number", text, count);
    int n = Integer.parseInt(count);
    checkArgument(n >= 2, "range in --vary '%s' needs at least 2 points, got %s", text, n);
    checkArgument(n <= MAX_RANGE_POINTS,
        "range in --vary '%s' has %s points, at most %s", text, n, MAX_RANGE_POINTS);
    return new Range(from, rest.substring(0, colon).strip(), n);
  }

  private static List<String> workloadRange(String spec, String text) {
    Range r = range(spec, text);
    // Only a constant rate has one rate to step: a ramp, burst or replay rebuilt as kind:rate
    // would run another workload than the one written. Checked on the text, before a replay's
    // file is read.
    checkArgument(isConstantRate(r.from()) && (!r.to().contains(":") || isConstantRate(r.to())),
        "range in --vary '%s': a range varies the rate of a udp: or tcp: workload; give other"
            + " kinds as a list of values, e.g. workload=ramp:1MB/s-2MB/s@1s,ramp:1MB/s-4MB/s@1s",
        text);
    WorkloadSpec from = WorkloadSpec.parse(r.from());
    String kind = from.kind().name().toLowerCase(Locale.ROOT);
    double a = from.bytesPerSecond();
    double b;
    if (r.to().contains(":")) {
      WorkloadSpec to = WorkloadSpec.parse(r.to());
      checkArgument(to.kind() == from.kind(),
          "range in --vary '%s' mixes workload kinds; a range varies only the rate", text);
      b = to.bytesPerSecond();
    } else {
      b = WorkloadSpec.parseRate(r.to(), text);
    }
    checkArgument(a != b, "range in --vary '%s' starts and ends at the same rate", text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.n(); i++) {
      double rate = i == r.n() - 1 ? b : a + (b - a) * i / (r.n() - 1);
      // Through the canonical text, so a point runs exactly what its key says.
      out.add(WorkloadSpec.parse(kind + ":" + WorkloadSpec.formatRate(rate)).toString());
    }
    return out;
  }

  /** Whether a workload's text names a constant rate ({@code udp:} or {@code tcp:}). */
  private static boolean isConstantRate(String workload) {
    int colon = workload.indexOf(':');
    String kind = workload.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
    return kind.equals("udp") || kind.equals("tcp");
  }

  /**
   * A numeric range in exact decimal arithmetic. Ends written as whole numbers ask for whole
   * points: a fractional step is refused rather than silently rounded by the model.
   */
  private static List<String> numberRange(String spec, String text) {
    Range r = range(spec, text);
    BigDecimal a = decimal(r.from(), text);
    BigDecimal b = decimal(r.to(), text);
    checkArgument(a.compareTo(b) != 0, "range in --vary '%s' starts and ends at the same value",
        text);
    boolean whole = isWholeText(r.from()) && isWholeText(r.to());
    BigDecimal step = b.subtract(a);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.n(); i++) {
      BigDecimal v = i == r.n() - 1 ? b : a.add(step.multiply(BigDecimal.valueOf(i))
          .divide(BigDecimal.valueOf(r.n() - 1), MathContext.DECIMAL64));
      v = v.stripTrailingZeros();
      checkArgument(!whole || v.scale() <= 0,
          "range in --vary '%s' gives %s, not a whole number; choose N so that the step is whole,"
              + " write the ends with a decimal point (e.g. %s.0), or give a list",
          text, v.toPlainString(), r.from());
      out.add(v.toPlainString());
    }
    return out;
  }

  private static BigDecimal decimal(String s, String text) {
    try {
      return new BigDecimal(s.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "malformed range in --vary '" + text + "': '" + s + "' is not a number", e);
    }
  }

  private static boolean isWholeText(String s) {
    return s.replace("_", "").matches("[0-9]+");
  }
}
