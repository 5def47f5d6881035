package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.TraceSinkTracer;
import io.bessim.sim.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunTraceTest {
  private static RunSpec spec() {
    return new RunSpec(Architecture.V3, Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"),
        Time.seconds(2), 1);
  }

  @Test
  void tracingAWindowWritesChromeJsonWithCpuAndContextTracks(@TempDir Path dir) throws Exception {
    ChromeTraceSink sink = new ChromeTraceSink("bessim v3");
    Experiment.run(spec(), new TraceSinkTracer(sink, Time.seconds(1), Time.seconds(1.1)));
    Path file = dir.resolve("t.json");
    sink.write(file);

    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    Set<String> tracks = new HashSet<>();
    boolean alloc = false;
    for (JsonElement e : root.getAsJsonArray("traceEvents")) {
      JsonObject o = e.getAsJsonObject();
      if (o.get("name").getAsString().equals("thread_name")) {
        tracks.add(o.getAsJsonObject("args").get("name").getAsString());
      }
      if (o.get("name").getAsString().startsWith("wsm_alloc_tx_buffer:")) {
        alloc = true;
        double ts = o.get("ts").getAsDouble();
        assertTrue(ts >= 1e6 - 1e3 && ts <= 1.1e6, "inside the window (us): " + ts);
      }
    }
    assertTrue(tracks.contains("CPU1") && tracks.contains("bes2600_bh"), tracks.toString());
    assertTrue(alloc, "the bh's wsm_alloc_tx_buffer ops are on the trace");
  }

  @Test
  void tracingDoesNotChangeTheResult() {
    RunResult plain = Experiment.run(spec());
    RunResult traced = Experiment.run(spec(),
        new TraceSinkTracer(new ChromeTraceSink("x"), 0, Time.seconds(2)));
    assertEquals(plain.deliveredMBps(), traced.deliveredMBps(), 0.0);
    assertEquals(plain.perSecond(), traced.perSecond());
  }
}
