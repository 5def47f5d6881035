package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.TextFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded traffic trace to replay: one row per transfer, {@code time_s,bytes,direction}, where
 * {@code down} is server to tablet and {@code up} tablet to server. Only the downlink is modelled;
 * up rows are counted and otherwise skipped.
 *
 * <p>File format: UTF-8 text; an optional header line {@code time_s,bytes,direction}; blank lines
 * and lines starting with {@code #} are ignored. {@code time_s} is seconds from the start of the
 * simulation (a non-negative decimal, kept to the picosecond), rows in time order; {@code bytes}
 * is a positive whole number of application (UDP payload) bytes; {@code direction} is {@code down}
 * or {@code up}.
 *
 * @param down the downlink rows in time order
 * @param upRows how many up rows the file had
 * @param upBytes their bytes
 */
public record ReplayTrace(List<Row> down, long upRows, long upBytes) {
  /**
   * The most bytes one row may offer: 100 MB (25 s at 4 MB/s). A row's units all leave at once,
   * so a row of 10^11 bytes made 68 million frames in one instant (minutes, gigabytes of heap).
   */
  public static final long MAX_ROW_BYTES = 100_000_000L;

  /** The expected header line. */
  public static final String HEADER = "time_s,bytes,direction";

  /** One downlink transfer: {@code bytes} of payload offered at {@code atPs}. */
  public record Row(long atPs, long bytes) {
    public Row {
      checkArgument(atPs >= 0, "negative time %s", atPs);
      checkArgument(bytes > 0, "bytes must be positive: %s", bytes);
    }
  }

  public ReplayTrace {
    down = List.copyOf(down);
    checkArgument(!down.isEmpty(), "the trace has no 'down' rows: nothing to replay");
    for (int i = 1; i < down.size(); i++) {
      checkArgument(down.get(i).atPs() >= down.get(i - 1).atPs(), "rows out of time order");
    }
  }

  /** Downlink payload bytes in the whole trace. */
  public long downBytes() {
    return down.stream().mapToLong(Row::bytes).sum();
  }

  /** Instant of the last downlink row. */
  public long lastPs() {
    return down.get(down.size() - 1).atPs();
  }

  /**
   * Reads and checks {@code file}; throws IllegalArgumentException naming the file, and the line
   * for a bad row.
   */
  public static ReplayTrace read(Path file) {
    List<String> lines;
    try {
      lines = TextFiles.read(file, "replay trace").lines().toList();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("replay trace '" + file + "' does not exist", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("replay trace '" + file + "': permission denied", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read replay trace '" + file + "': " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  /** Parses the lines of a trace; {@code source} names it in messages. */
  public static ReplayTrace parse(List<String> lines, String source) {
    List<Row> down = new ArrayList<>();
    long upRows = 0;
    long upBytes = 0;
    long lastPs = 0;
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      boolean header = first && line.replace(" ", "").equalsIgnoreCase(HEADER);
      first = false;
      if (header) continue;
      String where = source + " line " + (i + 1);
      String[] f = line.split(",", -1);
      checkArgument(f.length == 3, "%s: expected %s, got '%s'", where, HEADER, line);
      long atPs = seconds(f[0].strip(), where);
      long bytes = bytes(f[1].strip(), where);
      String dir = f[2].strip().toLowerCase(Locale.ROOT);
      checkArgument(dir.equals("down") || dir.equals("up"),
          "%s: direction must be 'down' or 'up', got '%s'", where, f[2].strip());
      checkArgument(atPs >= lastPs,
          "%s: time %s s is before the previous row's; rows must be in time order", where,
          f[0].strip());
      lastPs = atPs;
      if (dir.equals("up")) {
        upRows++;
        upBytes += bytes;
      } else {
        down.add(new Row(atPs, bytes));
      }
    }
    checkArgument(!down.isEmpty(), "replay trace %s has no 'down' rows: nothing to replay", source);
    return new ReplayTrace(down, upRows, upBytes);
  }

  private static long seconds(String s, String where) {
    BigDecimal v;
    try {
      v = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": time_s must be a number of seconds, got '"
          + s + "'", e);
    }
    checkArgument(v.signum() >= 0, "%s: time_s must not be negative, got '%s'", where, s);
    BigDecimal ps = v.movePointRight(12);
    checkArgument(ps.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0,
        "%s: time_s '%s' is too large", where, s);
    return ps.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static long bytes(String s, String where) {
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      checkArgument(!s.matches("[0-9]+"), "%s: bytes %s is over the limit of %s per row",
          where, s, MAX_ROW_BYTES);
      throw new IllegalArgumentException(
          where + ": bytes must be a whole number, got '" + s + "'", e);
    }
    checkArgument(v > 0, "%s: bytes must be positive, got '%s'", where, s);
    checkArgument(v <= MAX_ROW_BYTES, "%s: bytes %s is over the limit of %s per row (split it)",
        where, s, MAX_ROW_BYTES);
    return v;
  }
}
