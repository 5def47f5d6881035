package io.bessim.experiment;


import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.bessim.sim.stats.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable reports of a batch of runs: formatters over {@link Metric}. A run's keys are the
 * metrics in declaration order, the counters nested (JSON) or flattened (CSV) under
 * {@link Metric#PER_SECOND}. Output is deterministic: the same results give the same bytes.
 */
public final class Reports {
  private static final String PER_SECOND = Metric.PER_SECOND;

  /** The JSON key and the CSV column that mark a report cut short by an interrupt. */
  public static final String PARTIAL = "partial";

  private Reports() {}

  /** {@code {"runs": [...], "summary": [...]}}, pretty-printed, nulls written as null. */
  public static String json(List<RunResult> runs, List<ArchSummary> summary) {
    return json(runs, summary, null, false);
  }

  /** As {@link #json(List, List)}, led by {@code "provenance": {...}} unless it is null. */
  public static String json(List<RunResult> runs, List<ArchSummary> summary,
      Provenance provenance) {
    return json(runs, summary, provenance, false);
  }

  /**
   * As {@link #json(List, List, Provenance)}; {@code partial} puts {@code "partial": true} first:
   * the runs are those that finished before an interrupt. (Absent otherwise, so complete reports
   * keep their bytes.)
   */
  public static String json(List<RunResult> runs, List<ArchSummary> summary,
      Provenance provenance, boolean partial) {
    JsonObject root = new JsonObject();
    if (partial) root.addProperty(PARTIAL, true);
    if (provenance != null) root.add("provenance", toJson(provenance.fields()));
    JsonArray runArray = new JsonArray();
    for (RunResult r : runs) {
      JsonObject o = new JsonObject();
      fields(r).forEach((k, v) -> o.add(k, toJson(v)));
      runArray.add(o);
    }
    root.add("runs", runArray);
    JsonArray sumArray = new JsonArray();
    for (ArchSummary s : summary) sumArray.add(toJson(s));
    root.add("summary", sumArray);
    return text(root);
  }

  /**
   * A JSON object's text with {@code "provenance": {...}} put first, formatted like
   * {@link #json(List, List, Provenance)}; for reports written elsewhere (predict).
   */
  public static String withProvenance(String json, Provenance provenance) {
    JsonObject in = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
    JsonObject root = new JsonObject();
    root.add("provenance", toJson(provenance.fields()));
    in.entrySet().forEach(e -> root.add(e.getKey(), e.getValue()));
    return text(root);
  }

  /**
   * The text of every JSON report bessim writes: indented, nulls kept (an absent figure is
   * {@code null}, not a missing key), no HTML escaping, a newline at the end.
   */
  public static String text(com.google.gson.JsonElement root) {
    return new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create()
            .toJson(root)
        + "\n";
  }

  /**
   * One row per run; the header is the run's keys with the counters flattened to
   * {@code perSecond.<counter>}, those any run counted, in declaration order.
   */
  public static String csv(List<RunResult> runs) {
    return csv(runs, null);
  }

  /**
   * As {@link #csv(List)}, with the provenance in trailing {@code provenance.<field>} columns
   * (the same in every row; sets as {@code name=value} pairs separated by blanks) unless null.
   */
  public static String csv(List<RunResult> runs, Provenance provenance) {
    return csv(runs, provenance, false);
  }

  /**
   * As {@link #csv(List, Provenance)}; {@code partial} adds a last column, {@code partial}, that
   * is {@code true} in every row: the runs are those that finished before an interrupt. The
   * header has it even with no row. (Absent otherwise, so complete reports keep their bytes and
   * every other column keeps its place.)
   */
  public static String csv(List<RunResult> runs, Provenance provenance, boolean partial) {
    Map<String, Object> prov = provenance == null ? Map.of() : provenance.fields();
    List<Metric> counters = Metric.counters().stream()
        .filter(m -> runs.stream().anyMatch(r -> r.perSecond().containsKey(m.counter())))
        .toList();
    List<String> header = new ArrayList<>();
    for (String k : fields(runs.isEmpty() ? null : runs.get(0)).keySet()) {
      if (k.equals(PER_SECOND)) {
        for (Metric m : counters) header.add(m.key());
      } else {
        header.add(k);
      }
    }
    for (String k : prov.keySet()) header.add("provenance." + k);
    if (partial) header.add(PARTIAL);
    StringBuilder b = new StringBuilder();
    b.append(csvLine(header));
    for (RunResult r : runs) {
      List<String> cells = new ArrayList<>();
      fields(r).forEach(
          (k, v) -> {
            if (k.equals(PER_SECOND)) {
              for (Metric m : counters) cells.add(csvValue(m.value(r)));
            } else {
              cells.add(csvValue(v));
            }
          });
      for (Object v : prov.values()) cells.add(csvValue(v));
      if (partial) cells.add("true");
      b.append(csvLine(cells));
    }
    return b.toString();
  }

  /**
   * The run's values by key, in declaration order, with {@code perSecond} (the run's counter map)
   * where the counters stand; {@code r} null gives the keys with null values.
   */
  public static Map<String, Object> fields(RunResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      if (m.kind() == Metric.Kind.COUNTER) {
        out.putIfAbsent(PER_SECOND, r == null ? null : r.perSecond());
      } else if (m.kind() == Metric.Kind.CHECK) {
        // Present only in checked runs, so that unchecked output stays as it was.
        if (r != null && m.value(r) != null) out.put(m.key(), m.value(r));
      } else {
        out.put(m.key(), r == null ? null : m.value(r));
      }
    }
    return out;
  }

  /**
   * Writes {@code text} to {@code file} through {@link OutputFile}: a regular file is replaced
   * atomically, so readers never see a half-written report. For the files a command writes
   * inside its own folder (a sweep's); options go through {@link OutputFile#of} themselves.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    OutputFile.of("output", file).write(text, null);
  }

  /**
   * Checks up front that {@code file} can be written, as {@link OutputFile#of} does (which a
   * command should hold on to and write through). Throws IllegalArgumentException naming
   * {@code what} and the problem.
   */
  public static void checkWritable(Path file, String what) {
    OutputFile.of(what, file);
  }

  /**
   * The architecture, its spec, the number of seeds, then the measured metrics' summaries, events
   * with their {@code n}, counters under perSecond.
   */
  private static JsonElement toJson(ArchSummary s) {
    JsonObject o = new JsonObject();
    o.addProperty(Metric.ARCH.key(), s.arch());
    o.add(Metric.ARCH_SPEC.key(), toJson(s.archSpec()));
    o.addProperty("n", s.n());
    for (Metric m : Metric.values()) {
      if (m.kind() == Metric.Kind.COUNTER) {
        if (!o.has(PER_SECOND)) o.add(PER_SECOND, new JsonObject());
        Summary x = s.get(m);
        if (x != null) o.getAsJsonObject(PER_SECOND).add(m.counter(), toJson(x, false));
      } else if (m.measured()) {
        o.add(m.key(), toJson(s.get(m), m.kind() == Metric.Kind.EVENT));
      }
    }
    return o;
  }

  /** {@code {mean, ci95}}, plus {@code n} (seeds where it happened) for per-event metrics. */
  private static JsonElement toJson(Summary s, boolean withN) {
    JsonObject o = new JsonObject();
    if (withN) o.addProperty("n", s.n());
    o.add("mean", toJson(s.mean()));
    o.add("ci95", toJson(s.halfWidth95()));
    return o;
  }

  private static JsonElement toJson(Object v) {
    if (v == null) return JsonNull.INSTANCE;
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
    }
    if (v instanceof Number) return new JsonPrimitive((Number) v);
    if (v instanceof Boolean) return new JsonPrimitive((Boolean) v);
    if (v instanceof Map) {
      JsonObject o = new JsonObject();
      ((Map<?, ?>) v).forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
      return o;
    }
    return new JsonPrimitive(v.toString());
  }

  /** A value as a CSV cell: null and non-finite numbers are empty. */
  public static String csvValue(Object v) {
    if (v == null) return "";
    if (v instanceof Map) {
      // A map in one cell (the architecture's spec): key=value pairs separated by blanks.
      StringBuilder b = new StringBuilder();
      ((Map<?, ?>) v).forEach((k, x) -> b.append(b.length() == 0 ? "" : " ").append(k)
          .append('=').append(x));
      return b.toString();
    }
    if (v instanceof Double && !Double.isFinite((Double) v)) return "";
    return v.toString();
  }

  /** One CSV line with its newline; cells with a comma, quote or line break are quoted. */
  public static String csvLine(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) b.append(',');
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.append('\n').toString();
  }
}
