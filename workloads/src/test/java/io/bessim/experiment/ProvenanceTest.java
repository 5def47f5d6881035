package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bessim.driver.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ProvenanceTest {
  private static final Provenance P = Provenance.of(List.of("compare", "--set", "tcp.mss=1400"),
      "built-in defaults", Platform.defaults().with(Map.of("tcp.mss", "1400")),
      Map.of("tcp.mss", "1400"));

  @Test
  void profileHashFollowsTheResolvedValuesNotHowTheyWereGiven() {
    String defaults = Provenance.hash(Platform.defaults());
    assertEquals(defaults, Provenance.hash(Platform.defaults().with(Map.of())));
    assertNotEquals(defaults, P.profileHash());
    assertEquals(16, defaults.length());
  }

  @Test
  void commandLineLeavesOutWhatCannotChangeTheResults() {
    Provenance p = Provenance.of(List.of("compare", "--json", "/tmp/a b.json", "--threads=2",
        "--quiet", "--arch", "v3", "--csv=x.csv", "--wide", "--seeds", "2"), "built-in defaults",
        Platform.defaults(), Map.of());
    // Same seeds, same bytes: the JSON of two runs writing to different files is identical.
    assertEquals("bessim compare --arch v3 --seeds 2", p.commandLine());
  }

  @Test
  void jsonLeadsWithProvenanceAndCsvEndsWithItsColumns() {
    RunResult r = new RunResult("v3", Map.of(), 1, "tcp:4MB/s", 1, 0, 4, 1, 0.01, Map.of(), 0, 0,
        null, null);
    JsonObject o = JsonParser.parseString(Reports.json(List.of(r), ArchSummary.of(List.of(r)), P))
        .getAsJsonObject();
    JsonObject p = o.getAsJsonObject("provenance");
    assertEquals("bessim compare --set tcp.mss=1400", p.get("commandLine").getAsString());
    assertEquals("1400", p.getAsJsonObject("sets").get("tcp.mss").getAsString());
    assertEquals(Provenance.VERSION, p.get("version").getAsString());
    assertTrue(p.has("commit") && p.has("profileHash"));

    List<String> csv = Reports.csv(List.of(r), P).lines().toList();
    assertTrue(csv.get(0).endsWith(",provenance.version,provenance.commit,provenance.commandLine,"
        + "provenance.profile,provenance.profileHash,provenance.sets"), csv.get(0));
    assertTrue(csv.get(1).endsWith(",bessim compare --set tcp.mss=1400,built-in defaults,"
        + P.profileHash() + ",tcp.mss=1400"), csv.get(1));
  }
}
