package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.bessim.sim.Time;
import io.bessim.workloads.ReplayTrace;
import io.bessim.workloads.TrafficFactory;
import io.bessim.workloads.TrafficSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A traffic description as users write it, and its canonical text ({@link #toString()}, which
 * {@link #parse} reads back to an equal spec):
 *
 * <ul>
 *   <li>{@code udp:4MB/s}: open-loop constant rate;
 *   <li>{@code tcp:4MB/s}: a TCP stream whose sender is capped at that rate, like pv;
 *   <li>{@code ramp:1MB/s-4MB/s@60s}: UDP whose rate moves linearly from the first rate to the
 *       second over the time, then holds; {@code ramp-tcp:} the same for the TCP cap ({@code
 *       ramp-udp:} is read as {@code ramp:});
 *   <li>{@code burst:2MB@8MB/s/2s}: chunk fetches over TCP, a 2 MB chunk sent at 8 MB/s every
 *       2 s; {@code burst-udp:} the same as UDP datagrams ({@code burst-tcp:} is read as {@code
 *       burst:});
 *   <li>{@code replay:FILE.csv}: a recorded trace ({@link ReplayTrace}) replayed as UDP.
 * </ul>
 *
 * <p>Rates and sizes are kept in whole bytes (per second): {@code 1.5KiB/s} is 1536 B/s, and a
 * rate is rounded to the nearest B/s. Times are kept in picoseconds.
 */
public record WorkloadSpec(TrafficSpec traffic) {
  /** The transport of a workload. */
  public enum Kind { UDP, TCP }

  private static final String NUMBER = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
  private static final List<String> RATE_UNITS =
      List.of("MB/s", "KB/s", "kB/s", "B/s", "Mbit/s", "Mb/s", "kbit/s", "MiB/s", "KiB/s");
  private static final Pattern RATE =
      Pattern.compile(NUMBER + "\\s*(" + String.join("|", RATE_UNITS) + ")");
  private static final Pattern SIZE = Pattern.compile(NUMBER + "\\s*(B|KB|kB|MB|GB|KiB|MiB|GiB)");
  private static final Pattern TIME = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(ns|us|ms|s|m|min|h)");
  /** A rate ends in "/s", so "/s-" separates the two rates even when one has an exponent. */
  private static final Pattern RAMP = Pattern.compile("(.*?/s)\\s*-\\s*(.+)@(.+)");
  private static final Pattern BURST = Pattern.compile("(.+?)@(.*?/s)\\s*/\\s*(.+)");
  private static final String KNOWN =
      "udp, tcp, ramp, ramp-tcp, burst, burst-udp, replay";

  public WorkloadSpec {
    checkNotNull(traffic, "traffic");
  }

  /** A constant-rate workload, {@code udp:R} or {@code tcp:R}. */
  public WorkloadSpec(Kind kind, double bytesPerSecond) {
    this(steady(kind, bytesPerSecond));
  }

  private static TrafficSpec steady(Kind kind, double bytesPerSecond) {
    checkNotNull(kind, "kind");
    checkArgument(bytesPerSecond > 0, "workload rate must be positive");
    return new TrafficSpec.Steady(transport(kind), wholeRate(bytesPerSecond, "workload"));
  }

  /** The transport: UDP for {@code udp}, UDP ramps and bursts, and replays; else TCP. */
  public Kind kind() {
    return traffic.kind() == TrafficFactory.Kind.TCP ? Kind.TCP : Kind.UDP;
  }

  /**
   * The long-run mean offered rate, B/s: the rate of {@code udp:} and {@code tcp:}, the rate a
   * ramp holds after it, chunk / period for bursts, and for a replay the trace's bytes over the
   * time of its last row (at least 1 s).
   */
  public double bytesPerSecond() {
    return traffic.meanBytesPerSecond();
  }

  /** Parses a workload; a replay's relative path is read from the working directory. */
  public static WorkloadSpec parse(String text) {
    return parse(text, null);
  }

  /**
   * Parses a workload, resolving a replay's relative path against {@code baseDir} (null: the
   * working directory) and reading the trace. Throws IllegalArgumentException naming the problem.
   */
  public static WorkloadSpec parse(String text, Path baseDir) {
    String s = text.strip();
    int colon = s.indexOf(':');
    checkArgument(colon > 0, "malformed workload '%s': expected kind:rate, e.g. tcp:4MB/s", text);
    String kindName = s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String rest = s.substring(colon + 1).strip();
    switch (kindName) {
      case "udp":
        return steady(TrafficFactory.Kind.UDP, rest, text);
      case "tcp":
        return steady(TrafficFactory.Kind.TCP, rest, text);
      case "ramp":
      case "ramp-udp":
        return ramp(TrafficFactory.Kind.UDP, rest, text);
      case "ramp-tcp":
        return ramp(TrafficFactory.Kind.TCP, rest, text);
      case "burst":
      case "burst-tcp":
        return burst(TrafficFactory.Kind.TCP, rest, text);
      case "burst-udp":
        return burst(TrafficFactory.Kind.UDP, rest, text);
      case "replay":
        return replay(rest, baseDir, text);
      default:
        throw new IllegalArgumentException(
            "unknown workload kind '" + kindName + "' in '" + text + "' (known: " + KNOWN + ")");
    }
  }

  private static WorkloadSpec steady(TrafficFactory.Kind kind, String rest, String text) {
    return new WorkloadSpec(new TrafficSpec.Steady(kind, wholeRate(parseRate(rest, text), text)));
  }

  private static WorkloadSpec ramp(TrafficFactory.Kind kind, String rest, String text) {
    Matcher m = RAMP.matcher(rest);
    checkArgument(m.matches(),
        "malformed ramp '%s': expected ramp:RATE-RATE@TIME, e.g. ramp:1MB/s-4MB/s@60s", text);
    long from = wholeRate(parseRate(m.group(1), text, true), text);
    long to = wholeRate(parseRate(m.group(2), text), text);
    long rampPs = parseTime(m.group(3), "ramp time", text);
    return new WorkloadSpec(new TrafficSpec.Ramp(kind, from, to, rampPs));
  }

  private static WorkloadSpec burst(TrafficFactory.Kind kind, String rest, String text) {
    Matcher m = BURST.matcher(rest);
    checkArgument(m.matches(),
        "malformed burst '%s': expected burst:SIZE@RATE/PERIOD, e.g. burst:2MB@8MB/s/2s", text);
    long chunk = parseSize(m.group(1), text);
    long rate = wholeRate(parseRate(m.group(2), text), text);
    long periodPs = parseTime(m.group(3), "burst period", text);
    checkArgument(TrafficSpec.Burst.fitsInPeriod(chunk, rate, periodPs),
        "bad burst '%s': a %s chunk at %s takes longer than the %s period", text,
        formatSize(chunk), formatRate(rate), formatTime(periodPs));
    return new WorkloadSpec(new TrafficSpec.Burst(kind, chunk, rate, periodPs));
  }

  private static WorkloadSpec replay(String rest, Path baseDir, String text) {
    checkArgument(!rest.isEmpty(), "malformed replay '%s': expected replay:FILE.csv", text);
    Path file;
    try {
      file = Path.of(rest);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("bad replay file name in '" + text + "'", e);
    }
    if (baseDir != null && !file.isAbsolute()) file = baseDir.resolve(file).normalize();
    return new WorkloadSpec(new TrafficSpec.Replay(file, ReplayTrace.read(file)));
  }

  /**
   * Parses a rate such as {@code 4MB/s} (10^6 bytes), {@code 500KB/s}, {@code 32Mbit/s} to bytes
   * per second; throws IllegalArgumentException naming the problem.
   */
  public static double parseRate(String rate) {
    return parseRate(rate, null, false);
  }

  /** As {@link #parseRate(String)}, naming {@code context} (the text it came from) on error. */
  public static double parseRate(String rate, String context) {
    return parseRate(rate, context, false);
  }

  private static double parseRate(String rate, String context, boolean zeroOk) {
    String r = rate.strip();
    String in = context == null ? "" : " in '" + context + "'";
    checkArgument(!r.startsWith("-"), "negative rate '%s'%s", r, in);
    Matcher m = RATE.matcher(r);
    checkArgument(m.matches(),
        "malformed rate '%s'%s: expected a number and a unit (%s)%s", r, in,
        String.join(", ", RATE_UNITS), caseHint(r));
    double v = Double.parseDouble(m.group(1));
    double scale;
    switch (m.group(2)) {
      case "MB/s": scale = 1e6; break;
      case "KB/s": case "kB/s": scale = 1e3; break;
      case "B/s": scale = 1; break;
      case "Mbit/s": case "Mb/s": scale = 1e6 / 8; break;
      case "kbit/s": scale = 1e3 / 8; break;
      case "MiB/s": scale = 1 << 20; break;
      case "KiB/s": scale = 1 << 10; break;
      default: throw new AssertionError(m.group(2));
    }
    double bps = v * scale;
    checkArgument(zeroOk ? bps >= 0 : bps > 0, "rate must be positive%s", in);
    return bps;
  }

  /**
   * For a rate whose unit differs from known ones only in case ({@code 4mb/s}), which units it
   * could mean: rate units are case-sensitive because B is bytes and b is bits.
   */
  private static String caseHint(String rate) {
    Matcher n = Pattern.compile(NUMBER + "\\s*(.+)").matcher(rate);
    if (!n.matches()) return "";
    String unit = n.group(2).strip();
    List<String> like = new ArrayList<>();
    for (String known : RATE_UNITS) {
      // KB/s is kB/s written another way: one suggestion is enough.
      if (known.equalsIgnoreCase(unit) && !known.equals("KB/s")) like.add(known);
    }
    if (like.isEmpty()) return "";
    return "; units are case-sensitive (B is bytes, b is bits): did you mean "
        + String.join(" or ", like.stream().map(u -> n.group(1) + u).toList()) + "?";
  }

  private static long wholeRate(double bps, String context) {
    checkArgument(bps < 1e15, "rate %s B/s is too large in '%s'", bps, context);
    long r = Math.round(bps);
    checkArgument(r > 0 || bps == 0, "rate below 1 B/s in '%s'", context);
    return r;
  }

  /** Parses a size such as {@code 2MB} (10^6 bytes), {@code 512KiB}, {@code 1500B}. */
  private static long parseSize(String size, String context) {
    String t = size.strip();
    checkArgument(!t.startsWith("-"), "negative size '%s' in '%s'", t, context);
    Matcher m = SIZE.matcher(t);
    checkArgument(m.matches(),
        "malformed size '%s' in '%s': expected a number and a unit (B, KB, MB, GB, KiB, MiB)",
        t, context);
    long scale;
    switch (m.group(2)) {
      case "B": scale = 1; break;
      case "KB": case "kB": scale = 1_000; break;
      case "MB": scale = 1_000_000; break;
      case "GB": scale = 1_000_000_000; break;
      case "KiB": scale = 1 << 10; break;
      case "MiB": scale = 1 << 20; break;
      case "GiB": scale = 1 << 30; break;
      default: throw new AssertionError(m.group(2));
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(scale));
    checkArgument(bytes.compareTo(BigDecimal.valueOf(1L << 40)) <= 0,
        "size '%s' is too large in '%s' (at most 1 TiB)", t, context);
    long b = bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
    checkArgument(b > 0, "size must be at least 1 B in '%s'", context);
    return b;
  }

  /**
   * A run length such as {@code 180s} or {@code 3m}, in picoseconds, for files that state how long
   * something ran (measurement files); throws IllegalArgumentException naming the problem.
   */
  public static long parseDuration(String text) {
    return parseTime(text, "duration", text.strip());
  }

  /** Parses a time such as {@code 60s}, {@code 500ms}, {@code 2m} to picoseconds. */
  private static long parseTime(String time, String what, String context) {
    String t = time.strip().toLowerCase(Locale.ROOT);
    checkArgument(!t.startsWith("-"), "%s must be positive in '%s'", what, context);
    Matcher m = TIME.matcher(t);
    checkArgument(m.matches(),
        "malformed %s '%s' in '%s': expected a number and a unit, e.g. 60s, 500ms, 2m", what,
        time.strip(), context);
    long unit;
    switch (m.group(2)) {
      case "ns": unit = Time.NS; break;
      case "us": unit = Time.US; break;
      case "ms": unit = Time.MS; break;
      case "s": unit = Time.S; break;
      case "m": case "min": unit = 60 * Time.S; break;
      case "h": unit = 3600 * Time.S; break;
      default: throw new AssertionError(m.group(2));
    }
    BigDecimal ps = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
    checkArgument(ps.compareTo(BigDecimal.valueOf(1000 * 3600 * Time.S)) <= 0,
        "%s '%s' is too long in '%s' (at most 1000h)", what, time.strip(), context);
    long out = ps.setScale(0, RoundingMode.HALF_UP).longValueExact();
    checkArgument(out > 0, "%s must be positive in '%s'", what, context);
    return out;
  }

  /** The canonical text, e.g. {@code tcp:4MB/s} or {@code ramp:1MB/s-4MB/s@60s}. */
  @Override
  public String toString() {
    boolean tcp = traffic.kind() == TrafficFactory.Kind.TCP;
    if (traffic instanceof TrafficSpec.Steady s) {
      return (tcp ? "tcp:" : "udp:") + formatRate(s.bytesPerSec());
    }
    if (traffic instanceof TrafficSpec.Ramp r) {
      return (tcp ? "ramp-tcp:" : "ramp:") + formatRate(r.fromBytesPerSec()) + "-"
          + formatRate(r.toBytesPerSec()) + "@" + formatTime(r.rampPs());
    }
    if (traffic instanceof TrafficSpec.Burst b) {
      return (tcp ? "burst:" : "burst-udp:") + formatSize(b.chunkBytes()) + "@"
          + formatRate(b.burstBytesPerSec()) + "/" + formatTime(b.periodPs());
    }
    return "replay:" + ((TrafficSpec.Replay) traffic).file();
  }

  /**
   * This workload with a replay's trace named by its absolute, normalised path (the trace already
   * read is kept); any other workload as it is. A sweep's grid keeps workloads this way, so that
   * the same sweep resumed from another working directory names the same points.
   */
  public WorkloadSpec absolute() {
    if (!(traffic instanceof TrafficSpec.Replay r)) return this;
    Path abs = r.file().toAbsolutePath().normalize();
    return abs.equals(r.file()) ? this : new WorkloadSpec(new TrafficSpec.Replay(abs, r.trace()));
  }

  /** The file this workload reads (a replay's trace), or null. */
  public Path inputFile() {
    return traffic instanceof TrafficSpec.Replay r ? r.file() : null;
  }

  static String formatRate(double bps) {
    double mb = bps / 1e6;
    if (mb == Math.rint(mb)) return String.format(Locale.US, "%dMB/s", (long) mb);
    return String.format(Locale.US, "%sMB/s", stripZeros(mb));
  }

  private static String formatSize(long bytes) {
    return BigDecimal.valueOf(bytes).movePointLeft(6).stripTrailingZeros().toPlainString() + "MB";
  }

  private static String formatTime(long ps) {
    return BigDecimal.valueOf(ps).movePointLeft(12).stripTrailingZeros().toPlainString() + "s";
  }

  private static String stripZeros(double v) {
    String s = String.format(Locale.US, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static TrafficFactory.Kind transport(Kind kind) {
    return kind == Kind.TCP ? TrafficFactory.Kind.TCP : TrafficFactory.Kind.UDP;
  }
}
