package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's {@code results.csv}: one header, then one row per finished point. Columns are
 * {@code point}, {@code key}, {@code arch}, each varied parameter, {@code seed}, then the
 * {@link RunResult} components as {@link Reports#csv} writes them ({@code perSecond.*} flattened,
 * {@code wallSeconds} included), less those already named.
 *
 * <p>The file only ever grows by whole lines, each written with one call, so a crash leaves at
 * worst a partial last line; {@link #read} reports it and the resumed sweep cuts it off.
 */
public final class SweepCsv {
  /** The results file in a sweep folder. */
  public static final String FILE = "results.csv";

  static final String POINT = "point";
  static final String KEY = "key";
  private static final String PER_SECOND = Metric.PER_SECOND;

  private SweepCsv() {}

  /** The cells of one finished point by column name, in column order. */
  static Map<String, String> cells(SweepGrid grid, SweepGrid.Point p, RunResult r) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(POINT, Integer.toString(p.index()));
    c.put(KEY, p.key());
    c.put("arch", p.arch().cliName());
    for (int i = 0; i < grid.dims().size(); i++) {
      c.put(grid.dims().get(i).name(), p.values().get(i));
    }
    c.put("seed", Long.toString(p.seed()));
    Reports.fields(r).forEach(
        (k, v) -> {
          if (k.equals(PER_SECOND)) {
            r.perSecond().forEach(
                (rate, x) -> c.putIfAbsent(PER_SECOND + "." + rate, Reports.csvValue(x)));
          } else {
            c.putIfAbsent(k, Reports.csvValue(v));
          }
        });
    return c;
  }

  /**
   * What a results file holds. {@code completeBytes} is the length of its whole lines; a longer
   * file ends in a partial line left by a crash. {@code header} is empty for an empty file.
   */
  record Table(List<String> header, List<Map<String, String>> rows, long completeBytes,
      long fileBytes) {
    boolean partialTail() {
      return fileBytes > completeBytes;
    }
  }

  /**
   * The rows of a results file as run results, for the HTML report (without {@link RunDetail}:
   * the file keeps no time series), in point order, each run labelled with its point: the
   * architecture and every varied parameter's value ({@code baseline fw.rxPoolFrames=8}), the
   * workload's only when {@code withWorkload} (a curve against offered load takes the workload
   * from the run's offered rate). Summarised by label, the runs of a point are its seeds: the
   * architecture's runs across points are different platforms or loads, no sample of one.
   */
  public static List<RunResult> readPointResults(Path file, boolean withWorkload)
      throws IOException {
    Table t = read(file);
    // The varied parameters' columns stand between arch and seed.
    int arch = t.header().indexOf("arch");
    int seed = t.header().indexOf("seed");
    List<String> varied = arch < 0 || seed <= arch ? List.of() : t.header().subList(arch + 1, seed);
    List<Map<String, String>> rows = new ArrayList<>(t.rows());
    // A cell that is not a number (a file edited by hand or in a spreadsheet) is named with its
    // file and column; Long.parseLong's and Double.valueOf's own message named neither.
    for (Map<String, String> row : rows) whole(row, POINT, file);
    rows.sort(java.util.Comparator.comparingLong(r -> whole(r, POINT, file)));
    List<RunResult> out = new ArrayList<>();
    for (Map<String, String> row : rows) {
      Map<String, Double> perSecond = new LinkedHashMap<>();
      for (Metric m : Metric.counters()) {
        String v = row.get(PER_SECOND + "." + m.counter());
        if (v != null && !v.isEmpty()) {
          perSecond.put(m.counter(), optional(row, PER_SECOND + "." + m.counter(), file));
        }
      }
      StringBuilder label = new StringBuilder(row.get("arch"));
      for (String name : varied) {
        if (withWorkload || !name.equals("workload")) {
          label.append(' ').append(name).append('=').append(row.get(name));
        }
      }
      out.add(new RunResult(label.toString(), Map.of(), whole(row, "seed", file),
          row.getOrDefault("workload", ""), number(row, "simSeconds", file),
          number(row, "wallSeconds", file), number(row, "offeredMBps", file),
          number(row, "deliveredMBps", file), number(row, "cpuUtilization", file), perSecond,
          (long) number(row, "lostUpdates", file), (long) number(row, "warns", file),
          optional(row, "firstWarnSec", file), optional(row, "wedgedAtSec", file)));
    }
    return out;
  }

  private static double number(Map<String, String> row, String key, Path file) {
    Double d = optional(row, key, file);
    return d == null ? 0 : d;
  }

  /** The cell as a finite number, null when empty or absent. */
  private static Double optional(Map<String, String> row, String key, Path file) {
    String v = row.get(key);
    if (v == null || v.isEmpty()) return null;
    double d;
    try {
      d = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw notANumber(file, row, key, v, "a number", e);
    }
    // NaN or Infinity reached the charts' axes as "Infinite or NaN" from BigDecimal.
    if (!Double.isFinite(d)) throw notANumber(file, row, key, v, "a finite number", null);
    return d;
  }

  /** The cell as a whole number (a point number, a seed). */
  private static long whole(Map<String, String> row, String key, Path file) {
    String v = row.get(key);
    try {
      return Long.parseLong(v == null ? "" : v.strip());
    } catch (NumberFormatException e) {
      throw notANumber(file, row, key, v == null ? "" : v, "a whole number", e);
    }
  }

  private static IllegalArgumentException notANumber(Path file, Map<String, String> row,
      String key, String value, String what, Throwable cause) {
    return new IllegalArgumentException(String.format("%s has '%s' in column %s (key %s), not %s",
        file, value, key, row.get(KEY), what), cause);
  }

  /** Reads a results file, ignoring a partial last line; a missing file reads as empty. */
  static Table read(Path file) throws IOException {
    if (!Files.exists(file)) return new Table(List.of(), List.of(), 0, 0);
    byte[] bytes = Files.readAllBytes(file);
    int complete = bytes.length;
    while (complete > 0 && bytes[complete - 1] != '\n') complete--;
    List<List<String>> records = parse(
        io.bessim.sim.TextFiles.decode(java.util.Arrays.copyOf(bytes, complete), file.toString()),
        file);
    if (records.isEmpty()) return new Table(List.of(), List.of(), complete, bytes.length);
    List<String> header = records.get(0);
    checkArgument(header.contains(POINT) && header.contains(KEY),
        "%s is not a sweep results file: its header has no %s and %s columns", file, POINT, KEY);
    checkArgument(Set.copyOf(header).size() == header.size(),
        "%s has a column named twice in its header", file);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      checkArgument(r.size() == header.size(),
          "%s row %s has %s cells but the header has %s", file, i, r.size(), header.size());
      Map<String, String> m = new LinkedHashMap<>();
      for (int j = 0; j < r.size(); j++) m.put(header.get(j), r.get(j));
      rows.add(m);
    }
    return new Table(header, rows, complete, bytes.length);
  }

  /** Splits whole CSV text into records of cells; blank lines are skipped. */
  static List<List<String>> parse(String text, Path file) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        record.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (ch == '\n') {
        if (any || cell.length() > 0) {
          record.add(stripCr(cell.toString()));
          out.add(record);
        }
        record = new ArrayList<>();
        cell.setLength(0);
        any = false;
      } else {
        cell.append(ch);
      }
    }
    checkArgument(!quoted, "%s ends inside a quoted cell", file);
    if (any || cell.length() > 0) {
      record.add(stripCr(cell.toString()));
      out.add(record);
    }
    return out;
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Appends rows to a results file, each with a single write under a lock, so concurrent runs
   * never interleave and a crash never leaves half a row. The header is taken from the file if it
   * has one, else from the first row appended, and widened (the file rewritten atomically) when a
   * row has a column it lacks. Once closed, appends are dropped: that is how an interrupted sweep
   * stops writing before the JVM exits.
   */
  static final class Appender implements AutoCloseable {
    private final Path file;
    private List<String> header;
    private OutputStream out;
    private int rows;

    /** Opens {@code file} for appending; {@code header} is its existing header, or empty. */
    Appender(Path file, List<String> header) throws IOException {
      this.file = file;
      this.header = header.isEmpty() ? null : List.copyOf(header);
      // A plain FileOutputStream: unlike a FileChannel it is not closed when a writing thread is
      // interrupted (as ExecutorService.shutdownNow does), and it has no buffer to flush.
      this.out = new FileOutputStream(file.toFile(), true);
    }

    /**
     * Appends one row (with the header first if the file has none); false if closed. A row with a
     * column the header lacks (a point with a fault what-if or --check among points without:
     * their counters are reported only then) widens the header first: the file is rewritten
     * atomically with the new columns in their place and empty cells in the rows before. The
     * header was the first finished row's, so those columns were dropped from every row, and
     * which ones depended on which point finished first.
     */
    synchronized boolean append(Map<String, String> cells) throws IOException {
      if (out == null) return false;
      StringBuilder text = new StringBuilder();
      if (header == null) {
        header = List.copyOf(cells.keySet());
        text.append(Reports.csvLine(header));
      } else if (!header.containsAll(cells.keySet())) {
        widen(cells.keySet());
      }
      List<String> row = new ArrayList<>(header.size());
      for (String col : header) row.add(cells.getOrDefault(col, ""));
      text.append(Reports.csvLine(row));
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      rows++;
      return true;
    }

    /** Rewrites the file with the columns of {@code columns} the header lacks added. */
    private void widen(Set<String> columns) throws IOException {
      List<String> wider = widened(header, List.copyOf(columns));
      out.close();
      out = null;
      String old = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      List<List<String>> records = parse(old, file);
      StringBuilder text = new StringBuilder(Reports.csvLine(wider));
      for (List<String> r : records.subList(Math.min(1, records.size()), records.size())) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int j = 0; j < r.size() && j < header.size(); j++) byName.put(header.get(j), r.get(j));
        List<String> cells = new ArrayList<>(wider.size());
        for (String col : wider) cells.add(byName.getOrDefault(col, ""));
        text.append(Reports.csvLine(cells));
      }
      Reports.writeAtomically(file, text.toString());
      header = wider;
      out = new FileOutputStream(file.toFile(), true);
    }

    /**
     * {@code header} with the columns of {@code row} it lacks, each placed right after the
     * column it follows in {@code row}: both are in the order a row's cells are made, so the
     * result is in that order too, whichever row came first.
     */
    static List<String> widened(List<String> header, List<String> row) {
      List<String> out = new ArrayList<>(header);
      for (int i = 0; i < row.size(); i++) {
        String col = row.get(i);
        if (out.contains(col)) continue;
        int at = i == 0 ? 0 : out.indexOf(row.get(i - 1)) + 1;
        out.add(at, col);
      }
      return out;
    }

    /** Rows appended so far. */
    synchronized int rows() {
      return rows;
    }

    /** Waits for a write in progress, then stops appending. */
    @Override
    public synchronized void close() throws IOException {
      if (out == null) return;
      try {
        out.close();
      } finally {
        out = null;
      }
    }
  }
}
