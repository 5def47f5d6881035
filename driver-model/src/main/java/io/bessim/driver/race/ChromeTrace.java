package io.bessim.driver.race;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * A trace in the Chrome JSON trace format, which ui.perfetto.dev and chrome://tracing open:
 * {@code {"traceEvents": [...]}} with complete slices ({@code "ph":"X"}), instants ({@code "i"}),
 * flow arrows ({@code "s"} / {@code "f"} sharing an id) and metadata naming processes and threads
 * ({@code "M"}). Times are given in picoseconds and written in microseconds, as the format wants.
 */
public final class ChromeTrace {
  private final JsonArray events = new JsonArray();

  /** Names process {@code pid} and places it {@code sortIndex}-th. */
  void processName(int pid, String name, int sortIndex) {
    events.add(meta(pid, 0, "process_name", name));
    events.add(meta(pid, 0, "process_sort_index", sortIndex));
  }

  /** Names thread (track) {@code tid} of {@code pid} and places it {@code sortIndex}-th. */
  void threadName(int pid, int tid, String name, int sortIndex) {
    events.add(meta(pid, tid, "thread_name", name));
    events.add(meta(pid, tid, "thread_sort_index", sortIndex));
  }

  /** A slice from {@code startPs} lasting {@code durPs}. */
  void complete(int pid, int tid, String name, String cat, long startPs, long durPs,
      Map<String, ?> args) {
    JsonObject e = event("X", pid, tid, name, cat, startPs);
    e.addProperty("dur", micros(Math.max(0, durPs)));
    addArgs(e, args);
    events.add(e);
  }

  /** A point in time on one track ({@code "s":"t"}). */
  void instant(int pid, int tid, String name, String cat, long atPs, Map<String, ?> args) {
    JsonObject e = event("i", pid, tid, name, cat, atPs);
    e.addProperty("s", "t");
    addArgs(e, args);
    events.add(e);
  }

  /** The start of flow arrow {@code id}, bound to the slice enclosing {@code atPs}. */
  void flowStart(int pid, int tid, String name, long id, long atPs) {
    JsonObject e = event("s", pid, tid, name, "flow", atPs);
    e.addProperty("id", id);
    events.add(e);
  }

  /** The end of flow arrow {@code id}, bound to the slice enclosing {@code atPs}. */
  void flowEnd(int pid, int tid, String name, long id, long atPs) {
    JsonObject e = event("f", pid, tid, name, "flow", atPs);
    e.addProperty("id", id);
    e.addProperty("bp", "e");
    events.add(e);
  }

  public int size() {
    return events.size();
  }

  public String toJson() {
    JsonObject root = new JsonObject();
    root.add("traceEvents", events);
    root.addProperty("displayTimeUnit", "ns");
    return new GsonBuilder().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static JsonObject event(String ph, int pid, int tid, String name, String cat,
      long atPs) {
    JsonObject e = new JsonObject();
    e.addProperty("ph", ph);
    e.addProperty("pid", pid);
    e.addProperty("tid", tid);
    e.addProperty("name", name);
    e.addProperty("cat", cat);
    e.addProperty("ts", micros(atPs));
    return e;
  }

  private static JsonObject meta(int pid, int tid, String what, Object value) {
    JsonObject e = new JsonObject();
    e.addProperty("ph", "M");
    e.addProperty("pid", pid);
    e.addProperty("tid", tid);
    e.addProperty("name", what);
    JsonObject args = new JsonObject();
    if (value instanceof Number n) {
      args.addProperty(what.endsWith("sort_index") ? "sort_index" : "value", n);
    } else {
      args.addProperty("name", value.toString());
    }
    e.add("args", args);
    return e;
  }

  private static void addArgs(JsonObject e, Map<String, ?> args) {
    if (args == null || args.isEmpty()) return;
    JsonObject a = new JsonObject();
    // Sorted by key: Map.of iterates in an order that changes from one JVM to the next.
    new java.util.TreeMap<String, Object>(args).forEach((k, v) -> {
      if (v instanceof Number n) {
        a.addProperty(k, n);
      } else {
        a.addProperty(k, String.valueOf(v));
      }
    });
    e.add("args", a);
  }

  /** Picoseconds as (fractional) microseconds. */
  static double micros(long ps) {
    return ps / 1e6;
  }
}
