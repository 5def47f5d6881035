package io.bessim.experiment;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.bessim.sim.TraceSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link TraceSink} that builds a Chrome JSON trace (opens in ui.perfetto.dev): one thread
 * track per sink track, in order of first use, under one process; times written in microseconds.
 */
public final class ChromeTraceSink implements TraceSink {
  private static final int PID = 1;
  private final JsonArray events = new JsonArray();
  private final Map<String, Integer> tids = new LinkedHashMap<>();

  public ChromeTraceSink(String processName) {
    events.add(meta(0, "process_name", processName));
  }

  @Override
  public boolean enabled() {
    return true;
  }

  private int tid(String track) {
    Integer t = tids.get(track);
    if (t == null) {
      t = tids.size() + 1;
      tids.put(track, t);
      events.add(meta(t, "thread_name", track));
      events.add(meta(t, "thread_sort_index", t));
    }
    return t;
  }

  @Override
  public void complete(String track, String name, long startPs, long durPs) {
    JsonObject e = event("X", tid(track), name, startPs);
    e.addProperty("dur", durPs / 1e6);
    events.add(e);
  }

  @Override
  public void instant(String track, String name, long atPs) {
    JsonObject e = event("i", tid(track), name, atPs);
    e.addProperty("s", "t");
    events.add(e);
  }

  @Override
  public void counter(String track, String name, long atPs, double value) {
    JsonObject e = event("C", tid(track), name, atPs);
    JsonObject args = new JsonObject();
    args.addProperty(name, value);
    e.add("args", args);
    events.add(e);
  }

  public int size() {
    return events.size();
  }

  /** Writes the trace atomically: a reader never sees half a file. */
  public void write(Path file) throws IOException {
    Reports.writeAtomically(file, toJson());
  }

  /** The trace as Chrome/Perfetto JSON text. */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.add("traceEvents", events);
    root.addProperty("displayTimeUnit", "ns");
    return new GsonBuilder().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static JsonObject event(String ph, int tid, String name, long atPs) {
    JsonObject e = new JsonObject();
    e.addProperty("ph", ph);
    e.addProperty("pid", PID);
    e.addProperty("tid", tid);
    e.addProperty("name", name);
    e.addProperty("ts", atPs / 1e6);
    return e;
  }

  private static JsonObject meta(int tid, String what, Object value) {
    JsonObject e = new JsonObject();
    e.addProperty("ph", "M");
    e.addProperty("pid", PID);
    e.addProperty("tid", tid);
    e.addProperty("name", what);
    JsonObject args = new JsonObject();
    if (value instanceof Number n) {
      args.addProperty("sort_index", n);
    } else {
      args.addProperty("name", String.valueOf(value));
    }
    e.add("args", args);
    return e;
  }
}
