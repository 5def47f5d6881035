package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.bessim.driver.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code compare} writes on SIGINT or SIGTERM is marked partial in both formats: the JSON
 * with {@code "partial": true} first, the CSV with a last column {@code partial}. The CSV used to
 * look complete while the message said "marked partial".
 */
final class InterruptedReportsAreMarkedPartialTest {
  private static final Provenance P = Provenance.of(List.of("compare"), "built-in defaults",
      Platform.defaults(), Map.of());
  private static final List<RunResult> RUNS = List.of(
      new RunResult("v3", Map.of(), 1, "tcp:4MB/s", 1, 0, 4, 1.5, 0.01, Map.of(), 0, 0, null,
          null),
      new RunResult("v3", Map.of(), 2, "tcp:4MB/s", 1, 0, 4, 1.25, 0.01, Map.of(), 0, 0, null,
          null));

  @Test
  void partialCsvAddsALastColumnPartialThatIsTrueInEveryRow() {
    List<String> complete = Reports.csv(RUNS, P).lines().toList();
    List<String> partial = Reports.csv(RUNS, P, true).lines().toList();

    assertEquals(3, partial.size());
    // Every other column keeps its name and its place: the mark is appended.
    assertEquals(complete.get(0) + ",partial", partial.get(0));
    assertTrue(partial.get(0).endsWith(",provenance.sets,partial"), partial.get(0));
    assertEquals(complete.get(1) + ",true", partial.get(1));
    assertEquals(complete.get(2) + ",true", partial.get(2));
    assertTrue(partial.get(1).startsWith("v3,,1,tcp:4MB/s,1.0,0.0,4.0,1.5,"), partial.get(1));
  }

  @Test
  void partialCsvWithNoFinishedRunStillSaysSoInItsHeader() {
    List<String> partial = Reports.csv(List.of(), P, true).lines().toList();

    assertEquals(1, partial.size());
    assertTrue(partial.get(0).startsWith("arch,archSpec,seed,"), partial.get(0));
    assertTrue(partial.get(0).endsWith(",partial"), partial.get(0));
  }

  @Test
  void completeReportsHaveNoPartialMarkAndKeepTheirBytes() {
    assertEquals(Reports.csv(RUNS, P), Reports.csv(RUNS, P, false));
    assertFalse(Reports.csv(RUNS, P).lines().findFirst().orElseThrow().contains("partial"));
    assertFalse(JsonParser.parseString(Reports.json(RUNS, ArchSummary.of(RUNS), P))
        .getAsJsonObject().has("partial"));
    assertTrue(JsonParser.parseString(Reports.json(RUNS, ArchSummary.of(RUNS), P, true))
        .getAsJsonObject().get("partial").getAsBoolean());
  }
}
