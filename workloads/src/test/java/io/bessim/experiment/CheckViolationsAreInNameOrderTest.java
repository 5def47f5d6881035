package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run's check violations come out in name order, in the map and so in the JSON and the check
 * line: they were copied with Map.copyOf, whose iteration order changes with every JVM, so two
 * runs of one seed printed them in different orders.
 */
final class CheckViolationsAreInNameOrderTest {
  @Test
  void violationsAreKeptInNameOrderWhateverOrderTheyCameIn() {
    Map<String, Long> given = new HashMap<>();
    for (String name : List.of("wedged.noIrq", "bufs.balance", "lock.holder", "irq.nesting")) {
      given.put(name, (long) name.length());
    }
    RunResult r = new RunResult("v1", Map.of(), 1, "tcp:4MB/s", 1, 0, 4, 1.5, 0.01, Map.of(), 0,
        0, null, null).withCheckViolations(given);

    assertEquals(List.of("bufs.balance", "irq.nesting", "lock.holder", "wedged.noIrq"),
        List.copyOf(r.checkViolations().keySet()));
    String json = Reports.json(List.of(r), ArchSummary.of(List.of(r)), null, false);
    int a = json.indexOf("\"bufs.balance\"");
    int b = json.indexOf("\"irq.nesting\"");
    int c = json.indexOf("\"lock.holder\"");
    int d = json.indexOf("\"wedged.noIrq\"");
    assertTrue(a >= 0 && a < b && b < c && c < d, json);
  }
}
