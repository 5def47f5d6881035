package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A traffic description as users write it: {@code udp:4MB/s} (open-loop constant rate) or
 * {@code tcp:4MB/s} (a TCP stream whose sender is capped at that rate, like pv).
 */
public record WorkloadSpec(Kind kind, double bytesPerSecond) {
  /** The workload kinds. */
  public enum Kind { UDP, TCP }

  private static final Pattern RATE =
      Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(MB/s|KB/s|kB/s|B/s|Mbit/s|Mb/s|kbit/s|MiB/s|KiB/s)");

  public WorkloadSpec {
    checkArgument(bytesPerSecond > 0, "workload rate must be positive");
  }

  /** Parses {@code kind:rate}; throws IllegalArgumentException naming the problem. */
  public static WorkloadSpec parse(String text) {
    String s = text.strip();
    int colon = s.indexOf(':');
    checkArgument(colon > 0, "malformed workload '%s': expected kind:rate, e.g. tcp:4MB/s", text);
    String kindName = s.substring(0, colon).toLowerCase(Locale.ROOT);
    Kind kind;
    switch (kindName) {
      case "udp": kind = Kind.UDP; break;
      case "tcp": kind = Kind.TCP; break;
      default:
        throw new IllegalArgumentException(
            "unknown workload kind '" + kindName + "' in '" + text + "' (known: udp, tcp)");
    }
    return new WorkloadSpec(kind, parseRate(s.substring(colon + 1), text));
  }

  /** Parses a rate such as {@code 4MB/s} (10^6 bytes), {@code 500KB/s}, {@code 32Mbit/s}. */
  public static double parseRate(String rate, String context) {
    String r = rate.strip();
    checkArgument(!r.startsWith("-"), "negative rate '%s' in '%s'", r, context);
    Matcher m = RATE.matcher(r);
    checkArgument(m.matches(),
        "malformed rate '%s' in '%s': expected a number and a unit (MB/s, KB/s, Mbit/s, MiB/s)", r, context);
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
    checkArgument(bps > 0, "rate must be positive in '%s'", context);
    return bps;
  }

  /** The canonical text, e.g. {@code tcp:4MB/s}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + formatRate(bytesPerSecond);
  }

  static String formatRate(double bps) {
    double mb = bps / 1e6;
    if (mb == Math.rint(mb)) return String.format(Locale.US, "%dMB/s", (long) mb);
    return String.format(Locale.US, "%sMB/s", stripZeros(mb));
  }

  private static String stripZeros(double v) {
    String s = String.format(Locale.US, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
