package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.bessim.driver.Architecture;
import io.bessim.sim.stats.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A sweep folder's results summarised per varied point: one row per combination of the varied
 * values, in grid order, and in each row, for every chosen architecture and metric, the mean over
 * the seeds with its 95% half-width ({@link Summary}).
 *
 * <p>Grid order is the order of {@code sweep.json} ({@code udp:0.5MB/s} before
 * {@code udp:10MB/s}, which a text sort would swap). A folder without {@code sweep.json} (rows
 * copied by hand, say) falls back to the order of the {@code point} numbers, which is the same
 * order for the points present. Rows are read through {@link SweepCsv#read}, so a partial last
 * line left by a crash is ignored, as a resumed sweep would.
 *
 * @param dims the varied parameters, outermost first; when nothing was varied, the single
 *     column {@code workload} holding the fixed workload
 * @param archs the architectures shown, in the order asked for (else the grid's)
 * @param metrics the {@code results.csv} columns summarised, as resolved
 * @param rows one per combination of varied values that has at least one row
 * @param expectedPoints the grid's points for the architectures shown
 * @param foundPoints how many of them are in {@code results.csv}
 * @param partialTail whether {@code results.csv} ends in a partial line, which was ignored
 */
public record SweepTable(
    List<String> dims,
    List<String> archs,
    List<String> metrics,
    List<Row> rows,
    int expectedPoints,
    int foundPoints,
    boolean partialTail) {

  /** The metrics shown when none are asked for, as {@code results.csv} columns. */
  public static final List<String> DEFAULT_METRICS =
      Stream.of(Metric.DELIVERED_MBPS, Metric.CPU_UTILIZATION, Metric.SDIO_RX_WORK,
          Metric.CHIP_RX_DROPPED_POOL_FULL, Metric.AIR_DROPS).map(Metric::key).toList();

  private static final String PER_SECOND = Metric.PER_SECOND + ".";

  /**
   * One seed-averaged figure. {@code seeds} is how many rows (seeds) the point has; the summary
   * covers those whose cell is not empty (an event that never happened leaves it empty), so
   * {@code summary.n()} may be smaller.
   */
  public record Cell(int seeds, Summary summary) {}

  /** One combination of varied values and its cells, by architecture, then by metric. */
  public record Row(List<String> values, Map<String, Map<String, Cell>> cells) {
    /** The cell of {@code arch} and {@code metric}; null when the architecture has no row here. */
    public Cell cell(String arch, String metric) {
      Map<String, Cell> m = cells.get(arch);
      return m == null ? null : m.get(metric);
    }
  }

  public SweepTable {
    dims = List.copyOf(dims);
    archs = List.copyOf(archs);
    metrics = List.copyOf(metrics);
    rows = List.copyOf(rows);
  }

  /**
   * Reads the sweep folder {@code dir}. {@code metrics} are {@code results.csv} column names
   * (a counter may be named without its {@code perSecond.} prefix); empty means
   * {@link #DEFAULT_METRICS}. {@code archNames} picks architectures, by the names the rows have
   * (a scenario's variants included); empty means all of the grid's. Throws
   * IllegalArgumentException, with one line naming the problem, for a missing folder or file, an
   * unknown metric or architecture, or a malformed file.
   */
  public static SweepTable load(Path dir, List<String> metrics, List<String> archNames) {
    checkArgument(Files.isDirectory(dir), "no sweep folder %s", dir);
    Path file = dir.resolve(SweepCsv.FILE);
    checkArgument(Files.isRegularFile(file),
        "%s has no %s: is it a sweep folder (bessim sweep --out %s)?", dir, SweepCsv.FILE, dir);
    Path meta = dir.resolve(Sweep.META);
    try {
      SweepCsv.Table t = SweepCsv.read(file);
      checkArgument(!t.header().isEmpty() && !t.rows().isEmpty(), "%s has no rows yet", file);
      JsonObject grid = Files.isRegularFile(meta) ? Sweep.gridOf(meta) : null;
      Layout layout = grid != null ? Layout.of(grid, meta, t.header(), file)
          : Layout.of(t, file);
      List<String> archs = archs(archNames, layout.archs(), dir);
      List<String> cols = metrics(metrics.isEmpty() ? DEFAULT_METRICS : metrics, t.header(),
          layout, file);
      return summarise(t, file, layout, archs, cols);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + dir + ": " + Sweep.describe(e), e);
    }
  }

  /**
   * What the rows are laid out by: the architectures and the varied parameters with their values,
   * each in grid order. {@code fixedWorkload} labels the single row of a sweep that varied
   * nothing; {@code seeds} is the seeds per point (0 when unknown).
   */
  private record Layout(List<String> archs, List<String> dimNames, List<List<String>> values,
      String fixedWorkload, int seeds) {

    /** The layout {@code sweep.json} describes, checked against the header of the rows. */
    static Layout of(JsonObject grid, Path meta, List<String> header, Path file) {
      try {
        List<String> archs = strings(grid.getAsJsonArray("archs"));
        List<String> names = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (JsonElement d : grid.getAsJsonArray("vary")) {
          JsonObject o = d.getAsJsonObject();
          String name = o.get("name").getAsString();
          checkArgument(header.contains(name), "%s varies %s but %s has no %s column", meta, name,
              file, name);
          names.add(name);
          values.add(strings(o.getAsJsonArray("values")));
        }
        JsonElement w = grid.get(SweepGrid.WORKLOAD);
        return new Layout(archs, names, values, w == null ? null : w.getAsString(),
            grid.get("seeds").getAsInt());
      } catch (RuntimeException e) {
        if (e instanceof IllegalArgumentException) throw e;
        // A hand-edited or foreign sweep.json: a missing field or one of the wrong type.
        throw new IllegalArgumentException(
            meta + " does not describe a bessim sweep grid (" + e.getMessage() + ")", e);
      }
    }

    /**
     * The layout of rows without a {@code sweep.json}: the varied columns are those between
     * {@code arch} and {@code seed}, and each list is ordered by the first point it appears in.
     */
    static Layout of(SweepCsv.Table t, Path file) {
      List<String> h = t.header();
      int arch = h.indexOf("arch");
      int seed = h.indexOf("seed");
      checkArgument(arch >= 0 && seed > arch,
          "%s has no arch and seed columns, and there is no %s beside it", file, Sweep.META);
      List<Map<String, String>> rows = new ArrayList<>(t.rows());
      rows.sort(Comparator.comparingInt(r -> point(r, file)));
      List<String> names = h.subList(arch + 1, seed);
      Set<String> archs = new LinkedHashSet<>();
      List<Set<String>> values = new ArrayList<>();
      names.forEach(n -> values.add(new LinkedHashSet<>()));
      for (Map<String, String> r : rows) {
        archs.add(r.get("arch"));
        for (int i = 0; i < names.size(); i++) values.get(i).add(r.get(names.get(i)));
      }
      return new Layout(List.copyOf(archs), List.copyOf(names),
          values.stream().map(s -> (List<String>) List.copyOf(s)).toList(),
          names.isEmpty() ? rows.get(0).getOrDefault(SweepGrid.WORKLOAD, "") : null, 0);
    }

    /** The columns that name a point rather than measure it. */
    Set<String> pointColumns() {
      Set<String> s = new HashSet<>(List.of(SweepCsv.POINT, SweepCsv.KEY, "arch", "seed",
          SweepGrid.WORKLOAD));
      s.addAll(dimNames);
      return s;
    }
  }

  private static List<String> strings(Iterable<JsonElement> a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) out.add(e.getAsString());
    return out;
  }

  private static List<String> archs(List<String> asked, List<String> present, Path dir) {
    if (asked.isEmpty()) return present;
    List<String> out = new ArrayList<>();
    for (String name : asked) {
      String a = inSweep(name.strip(), present, dir);
      checkArgument(!out.contains(a), "architecture '%s' given twice in --arch", a);
      out.add(a);
    }
    return out;
  }

  /**
   * The sweep's name for {@code --arch name}: the name itself when the sweep has rows of it (a
   * scenario's variant, which no preset list knows), else the preset or variant it spells
   * ({@code V3} is {@code v3}). Refused, with the sweep's architectures, when it has neither.
   */
  private static String inSweep(String name, List<String> present, Path dir) {
    if (present.contains(name)) return name;
    String shown = name.length() <= 60 ? name : name.substring(0, 57) + "...";
    String a;
    try {
      a = Architecture.fromName(name).cliName();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format("unknown architecture '%s' (%s's"
          + " architectures: %s)", shown, dir, String.join(", ", present)), e);
    }
    checkArgument(present.contains(a), "%s holds no %s rows (its architectures: %s)", dir, a,
        String.join(", ", present));
    return a;
  }

  private static List<String> metrics(List<String> asked, List<String> header, Layout layout,
      Path file) {
    Set<String> fixed = new HashSet<>(layout.pointColumns());
    // The labels (archSpec: the arch's knobs) name the point too: they are text, not numbers.
    for (Metric m : Metric.values()) {
      if (m.kind() == Metric.Kind.LABEL) fixed.add(m.key());
    }
    List<String> known = header.stream().filter(c -> !fixed.contains(c)).toList();
    List<String> out = new ArrayList<>();
    for (String m : asked) {
      String name = m.strip();
      String col = known.contains(name) ? name
          : known.contains(PER_SECOND + name) ? PER_SECOND + name : null;
      checkArgument(!fixed.contains(name),
          "'%s' names the point, not a metric (a row per point has it already)", name);
      checkArgument(col != null, "unknown metric '%s': %s has %s", name, file,
          String.join(", ", known));
      checkArgument(!out.contains(col), "metric '%s' given twice", col);
      out.add(col);
    }
    return out;
  }

  private static SweepTable summarise(SweepCsv.Table t, Path file, Layout layout,
      List<String> archs, List<String> metrics) {
    List<String> dimNames = layout.dimNames().isEmpty() && layout.fixedWorkload() != null
        ? List.of(SweepGrid.WORKLOAD) : layout.dimNames();
    // Values of each (combination, arch, metric) over the seeds, first row per key winning as in
    // a merge; combinations keyed by their values.
    Map<List<String>, Map<String, Map<String, List<String>>>> cells = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    Set<String> wanted = new HashSet<>(archs);
    int found = 0;
    for (Map<String, String> r : t.rows()) {
      if (!wanted.contains(r.get("arch")) || !keys.add(r.get(SweepCsv.KEY))) continue;
      List<String> combo = new ArrayList<>();
      for (int i = 0; i < layout.dimNames().size(); i++) {
        String name = layout.dimNames().get(i);
        String v = r.get(name);
        checkArgument(layout.values().get(i).contains(v),
            "%s has a row with %s=%s, a value its sweep's grid does not have", file, name, v);
        combo.add(v);
      }
      found++;
      Map<String, List<String>> byMetric = cells
          .computeIfAbsent(combo, c -> new LinkedHashMap<>())
          .computeIfAbsent(r.get("arch"), a -> new LinkedHashMap<>());
      for (String m : metrics) byMetric.computeIfAbsent(m, x -> new ArrayList<>()).add(r.get(m));
    }
    List<Row> rows = new ArrayList<>();
    for (List<String> combo : combinations(layout.values())) {
      Map<String, Map<String, List<String>>> byArch = cells.get(combo);
      if (byArch == null) continue;
      Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
      for (String a : archs) {
        Map<String, List<String>> byMetric = byArch.get(a);
        if (byMetric == null) continue;
        Map<String, Cell> m = new LinkedHashMap<>();
        byMetric.forEach((metric, texts) -> m.put(metric, cell(texts, metric, file)));
        out.put(a, m);
      }
      rows.add(new Row(combo.isEmpty() ? List.of(layout.fixedWorkload()) : combo, out));
    }
    int combos = 1;
    for (List<String> v : layout.values()) combos *= v.size();
    int expected = layout.seeds() > 0 ? archs.size() * combos * layout.seeds() : found;
    return new SweepTable(dimNames, archs, metrics, rows, expected, found, t.partialTail());
  }

  /** Every combination of the values, the first list outermost: the grid's order. */
  private static List<List<String>> combinations(List<List<String>> values) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (List<String> v : values) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String x : v) {
          List<String> c = new ArrayList<>(prefix);
          c.add(x);
          next.add(List.copyOf(c));
        }
      }
      out = next;
    }
    return out;
  }

  private static Cell cell(List<String> texts, String metric, Path file) {
    List<Double> xs = new ArrayList<>();
    for (String s : texts) {
      if (s == null || s.isBlank()) continue;
      try {
        xs.add(Double.parseDouble(s.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + " has '" + s + "' in column " + metric + ", not a number", e);
      }
    }
    return new Cell(texts.size(), Summary.of(xs.stream().mapToDouble(Double::doubleValue)
        .toArray()));
  }

  private static int point(Map<String, String> row, Path file) {
    String p = row.get(SweepCsv.POINT);
    checkArgument(p != null && p.matches("[0-9]{1,9}"),
        "%s has a row whose %s is not a point number: '%s'", file, SweepCsv.POINT, p);
    return Integer.parseInt(p);
  }
}
