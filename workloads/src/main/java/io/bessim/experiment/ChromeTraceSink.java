package io.bessim.experiment;

import com.google.gson.stream.JsonWriter;
import io.bessim.sim.TraceSink;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TraceSink} that builds a Chrome JSON trace (opens in ui.perfetto.dev): one thread
 * track per sink track, in order of first use, under one process; counters on their own tracks;
 * flow arrows; times written in microseconds.
 *
 * <p>Events are kept in primitive arrays (about 40 bytes each) and streamed to the file, so a
 * million events need about 40 MB of heap, not the gigabytes a tree of JSON objects took. A sink
 * holds at most {@code maxEvents}: the one after throws {@link TooManyEventsException}, which
 * stops the run, rather than let a wide window exhaust the heap.
 */
public final class ChromeTraceSink implements TraceSink {
  /** The default cap: about 100 MB of JSON (999,161 events made 101.5 MB), 40 MB of arrays. */
  public static final int DEFAULT_MAX_EVENTS = 1_000_000;

  private static final int PID = 1;
  private static final byte X = 0;
  private static final byte INSTANT = 1;
  private static final byte COUNTER = 2;
  private static final byte FLOW_START = 3;
  private static final byte FLOW_END = 4;

  /** Thrown when a sink would hold more than its cap; {@link #atPs()} is where it filled. */
  public static final class TooManyEventsException extends RuntimeException {
    private final long atPs;

    TooManyEventsException(int max, long atPs) {
      super("more than " + max + " trace events");
      this.atPs = atPs;
    }

    public long atPs() {
      return atPs;
    }
  }

  private final String processName;
  private final int maxEvents;
  private final Map<String, Integer> tids = new LinkedHashMap<>();
  private final Map<String, Integer> nameIds = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private int size;
  private byte[] ph = new byte[1024];
  private int[] tid = new int[1024];
  private int[] name = new int[1024];
  private long[] tsPs = new long[1024];
  /** A slice's duration in ps, a flow's id, or a counter's value as raw double bits. */
  private long[] extra = new long[1024];

  public ChromeTraceSink(String processName) {
    this(processName, DEFAULT_MAX_EVENTS);
  }

  public ChromeTraceSink(String processName, int maxEvents) {
    this.processName = processName;
    this.maxEvents = maxEvents;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  private int tid(String track) {
    return tids.computeIfAbsent(track, t -> tids.size() + 1);
  }

  private void add(byte kind, String track, String label, long atPs, long more) {
    if (size == maxEvents) throw new TooManyEventsException(maxEvents, atPs);
    if (size == ph.length) {
      int n = Math.min(maxEvents, size * 2);
      ph = Arrays.copyOf(ph, n);
      tid = Arrays.copyOf(tid, n);
      name = Arrays.copyOf(name, n);
      tsPs = Arrays.copyOf(tsPs, n);
      extra = Arrays.copyOf(extra, n);
    }
    ph[size] = kind;
    tid[size] = tid(track);
    name[size] = nameIds.computeIfAbsent(label, l -> {
      names.add(l);
      return names.size() - 1;
    });
    tsPs[size] = atPs;
    extra[size] = more;
    size++;
  }

  @Override
  public void complete(String track, String name, long startPs, long durPs) {
    add(X, track, name, startPs, durPs);
  }

  @Override
  public void instant(String track, String name, long atPs) {
    add(INSTANT, track, name, atPs, 0);
  }

  @Override
  public void counter(String track, String name, long atPs, double value) {
    add(COUNTER, track, name, atPs, Double.doubleToRawLongBits(value));
  }

  @Override
  public void flow(String track, String name, long atPs, long id, boolean start) {
    add(start ? FLOW_START : FLOW_END, track, name, atPs, id);
  }

  public int size() {
    return size;
  }

  /** Writes the trace atomically: a reader never sees half a file. */
  public void write(Path file) throws IOException {
    Reports.writeAtomically(file, toJson());
  }

  /** The trace as Chrome/Perfetto JSON text (for outputs that take text: '-', a FIFO, ...). */
  public String toJson() {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      write(w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Writes {"traceEvents": [...], "displayTimeUnit": "ns"}: names first, then the events. */
  public void write(Writer out) throws IOException {
    JsonWriter j = new JsonWriter(out);
    j.setHtmlSafe(false);
    j.beginObject().name("traceEvents").beginArray();
    meta(j, 0, "process_name", processName);
    for (Map.Entry<String, Integer> t : tids.entrySet()) {
      meta(j, t.getValue(), "thread_name", t.getKey());
      meta(j, t.getValue(), "thread_sort_index", t.getValue());
    }
    for (int i = 0; i < size; i++) {
      j.beginObject();
      String label = names.get(name[i]);
      switch (ph[i]) {
        case X -> {
          head(j, "X", i, label);
          j.name("dur").jsonValue(micros(extra[i]));
        }
        case INSTANT -> {
          head(j, "i", i, label);
          j.name("s").value("t");
        }
        case COUNTER -> {
          head(j, "C", i, label);
          j.name("args").beginObject().name("value")
              .value(Double.longBitsToDouble(extra[i])).endObject();
        }
        default -> {
          head(j, ph[i] == FLOW_START ? "s" : "f", i, label);
          j.name("cat").value("flow").name("id").value(extra[i]);
          // Bind the arrow's end to the slice that encloses it, not the next one to start.
          if (ph[i] == FLOW_END) j.name("bp").value("e");
        }
      }
      j.endObject();
    }
    j.endArray().name("displayTimeUnit").value("ns").endObject();
    j.flush();
    out.write('\n');
  }

  private void head(JsonWriter j, String phase, int i, String label) throws IOException {
    j.name("ph").value(phase).name("pid").value(PID).name("tid").value(tid[i])
        .name("name").value(label).name("ts").jsonValue(micros(tsPs[i]));
  }

  /** Picoseconds as microseconds, exact to the picosecond (a decimal, not a binary fraction). */
  private static String micros(long ps) {
    return java.math.BigDecimal.valueOf(ps, 6).stripTrailingZeros().toPlainString();
  }

  private static void meta(JsonWriter j, int t, String what, Object value) throws IOException {
    j.beginObject().name("ph").value("M").name("pid").value(PID).name("tid").value(t)
        .name("name").value(what).name("args").beginObject();
    if (value instanceof Number n) {
      j.name("sort_index").value(n);
    } else {
      j.name("name").value(String.valueOf(value));
    }
    j.endObject().endObject();
  }
}
