package io.bessim.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a Chrome trace against the trace-event format as Perfetto's JSON importer reads it:
 * every event has a known {@code ph}, {@code pid} and (but metadata) {@code ts}; slices have a
 * {@code tid}; X slices a non-negative {@code dur}; the slices of a track nest (none crosses the
 * end of another); B and E balance per track; each flow id has one start and one later end.
 * Returns the problems, counted by kind ("negative dur", "overlap on CPU0", ...).
 */
final class TraceValidator {
  private static final Set<String> PHASES = Set.of("X", "B", "E", "i", "I", "C", "M", "s", "t",
      "f");
  /** Slack for times printed in microseconds: a thousandth of a nanosecond. */
  private static final double EPS_US = 1e-6;

  private TraceValidator() {}

  static Map<String, Integer> problems(String json) {
    Map<String, Integer> errs = new TreeMap<>();
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    Map<Integer, String> names = new HashMap<>();
    Map<Integer, List<double[]>> slices = new HashMap<>();
    Map<Integer, Integer> open = new HashMap<>();
    Map<Long, double[]> flows = new HashMap<>();
    for (JsonElement el : root.getAsJsonArray("traceEvents")) {
      JsonObject e = el.getAsJsonObject();
      String ph = e.has("ph") ? e.get("ph").getAsString() : null;
      if (ph == null || !PHASES.contains(ph)) {
        add(errs, "unknown ph " + ph);
        continue;
      }
      if (!e.has("pid") || (!ph.equals("M") && !e.has("ts"))) {
        add(errs, "event without pid or ts");
        continue;
      }
      boolean slice = ph.equals("X") || ph.equals("B") || ph.equals("E");
      if ((slice || ph.equals("M")) && !e.has("tid")) {
        add(errs, "slice without tid");
        continue;
      }
      int tid = e.has("tid") ? e.get("tid").getAsInt() : -1;
      if (ph.equals("M") && e.get("name").getAsString().equals("thread_name")) {
        names.put(tid, e.getAsJsonObject("args").get("name").getAsString());
        continue;
      }
      if (ph.equals("M")) continue;
      double ts = e.get("ts").getAsDouble();
      switch (ph) {
        case "X" -> {
          double dur = e.has("dur") ? e.get("dur").getAsDouble() : -1;
          if (dur < 0) {
            add(errs, "negative or missing dur");
          } else {
            slices.computeIfAbsent(tid, t -> new ArrayList<>()).add(new double[] {ts, ts + dur});
          }
        }
        case "B" -> open.merge(tid, 1, Integer::sum);
        case "E" -> {
          if (open.getOrDefault(tid, 0) == 0) add(errs, "E without B");
          else open.merge(tid, -1, Integer::sum);
        }
        case "C" -> {
          if (!e.has("args") || e.getAsJsonObject("args").entrySet().isEmpty()) {
            add(errs, "counter without a value");
          }
        }
        case "s", "f" -> {
          long id = e.get("id").getAsLong();
          double[] f = flows.computeIfAbsent(id, k -> new double[] {Double.NaN, Double.NaN, 0});
          int at = ph.equals("s") ? 0 : 1;
          if (!Double.isNaN(f[at])) add(errs, "flow id used twice");
          f[at] = ts;
        }
        default -> { }
      }
    }
    open.forEach((tid, n) -> {
      if (n != 0) add(errs, "unclosed B");
    });
    for (double[] f : flows.values()) {
      if (Double.isNaN(f[0]) || Double.isNaN(f[1])) add(errs, "flow without both ends");
      else if (f[1] < f[0] - EPS_US) add(errs, "flow ending before it starts");
    }
    slices.forEach((tid, list) -> {
      if (!nests(list)) add(errs, "overlap on " + names.getOrDefault(tid, "tid " + tid));
    });
    return errs;
  }

  /** Whether no slice crosses the end of one that encloses its start. */
  static boolean nests(List<double[]> slices) {
    List<double[]> s = new ArrayList<>(slices);
    s.sort(Comparator.<double[]>comparingDouble(x -> x[0]).thenComparingDouble(x -> -x[1]));
    ArrayList<Double> ends = new ArrayList<>();
    for (double[] x : s) {
      while (!ends.isEmpty() && ends.get(ends.size() - 1) <= x[0] + EPS_US) {
        ends.remove(ends.size() - 1);
      }
      if (!ends.isEmpty() && x[1] > ends.get(ends.size() - 1) + EPS_US) return false;
      ends.add(x[1]);
    }
    return true;
  }

  private static void add(Map<String, Integer> errs, String what) {
    errs.merge(what, 1, Integer::sum);
  }
}
