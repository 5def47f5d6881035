package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bessim.driver.Architecture;
import io.bessim.sim.Time;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RaceExplainTraceIsChromeJsonTest {
  /** The trace JSON of v1 seed 3's first lost update (explained once for all the tests). */
  private static String json;

  private static synchronized JsonArray events() {
    if (json == null) {
      json = RaceExplainFindsTheFirstLostUpdateTest.explain(Architecture.V1, 5 * Time.S).trace()
          .toJson();
    }
    return JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("traceEvents");
  }

  @Test
  void parsesWithManyEventsOnSeveralTracks() {
    JsonArray ev = events();
    Set<String> tracks = new HashSet<>();
    for (JsonElement e : ev) {
      JsonObject o = e.getAsJsonObject();
      tracks.add(o.get("pid").getAsInt() + "/" + o.get("tid").getAsInt());
      String ph = o.get("ph").getAsString();
      assertTrue(Set.of("X", "i", "s", "f", "M").contains(ph), ph);
      if (ph.equals("X")) {
        assertTrue(o.get("ts").getAsDouble() >= 0, o.toString());
        assertTrue(o.get("dur").getAsDouble() >= 0, o.toString());
      }
    }
    assertTrue(ev.size() > 10, "events " + ev.size());
    assertTrue(tracks.size() >= 2, "tracks " + tracks);
  }

  @Test
  void marksBothRacingWindowsAndNamesTheTracks() {
    int lost = 0;
    int overwritten = 0;
    Set<String> threadNames = new HashSet<>();
    for (JsonElement e : events()) {
      JsonObject o = e.getAsJsonObject();
      String name = o.get("name").getAsString();
      if (name.equals("RMW hw_bufs_used (lost)")) lost++;
      if (name.equals("RMW hw_bufs_used (overwritten)")) overwritten++;
      if (o.get("ph").getAsString().equals("M") && name.equals("thread_name")) {
        threadNames.add(o.getAsJsonObject("args").get("name").getAsString());
      }
    }
    assertEquals(1, lost);
    assertEquals(1, overwritten);
    assertTrue(threadNames.containsAll(Set.of("CPU0", "CPU1", "kworker:sdio_rx_work",
        "bes2600_bh")), threadNames.toString());
  }

  @Test
  void everyFlowHasOneStartAndOneEnd() {
    Map<Long, Integer> starts = new HashMap<>();
    Map<Long, Integer> ends = new HashMap<>();
    for (JsonElement e : events()) {
      JsonObject o = e.getAsJsonObject();
      String ph = o.get("ph").getAsString();
      if (ph.equals("s")) starts.merge(o.get("id").getAsLong(), 1, Integer::sum);
      if (ph.equals("f")) ends.merge(o.get("id").getAsLong(), 1, Integer::sum);
    }
    assertTrue(!starts.isEmpty(), "no flow arrows");
    assertEquals(starts.keySet(), ends.keySet());
    assertTrue(starts.values().stream().allMatch(n -> n == 1));
    assertTrue(ends.values().stream().allMatch(n -> n == 1));
  }

  /**
   * `race explain` prints the losing read-modify-write window as load to store (84 ns for v1 seed
   * 3); the trace's slice for it must be as wide, ending at the lost store's instant, not 1 ns
   * more.
   */
  @Test
  void lostWindowSliceRunsFromTheLoadToTheLostStore() {
    JsonObject slice = null;
    JsonObject lostStore = null;
    for (JsonElement e : events()) {
      JsonObject o = e.getAsJsonObject();
      String name = o.get("name").getAsString();
      if (name.equals("RMW hw_bufs_used (lost)")) slice = o;
      if (name.equals("lost update of hw_bufs_used")) lostStore = o;
    }
    assertTrue(slice != null && lostStore != null, "no lost window or lost-store instant");
    double end = slice.get("ts").getAsDouble() + slice.get("dur").getAsDouble();
    assertEquals(lostStore.get("ts").getAsDouble(), end, 1e-6, slice.toString());
    assertEquals(0.084, slice.get("dur").getAsDouble(), 1e-9, slice.toString());
  }
}
