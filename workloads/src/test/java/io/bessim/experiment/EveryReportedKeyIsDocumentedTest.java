package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every key a run's JSON and CSV carry is named in README.md, with what it counts: the CSV's
 * {@code perSecond.sdio_requests} and {@code perSecond.gpio_wake_settle} were in no document, and
 * the README's run showed the counters as "...". The fault what-ifs' counters are in
 * docs/faults.md; the summary's events carry an {@code n} the README did not mention.
 */
final class EveryReportedKeyIsDocumentedTest {
  private static String read(String path) throws IOException {
    return Files.readString(Path.of("..").resolve(path));
  }

  @Test
  void everyCounterIsInTheReadmesTableWithItsDescription() throws IOException {
    String readme = read("README.md");
    List<String> missing = new ArrayList<>();
    for (Metric m : Metric.counters()) {
      String row = "| `" + m.counter() + "` | " + m.description() + " |";
      boolean fault = m.ordinal() >= Metric.SDIO_CRC_RETRIES.ordinal();
      if (!fault && !readme.contains(row)) missing.add(row);
    }
    assertTrue(missing.isEmpty(), "README.md lacks the rows " + missing);
  }

  @Test
  void everyFaultCounterIsInTheFaultsDocument() throws IOException {
    String faults = read("docs/faults.md");
    for (Metric m : Metric.counters()) {
      if (m.ordinal() < Metric.SDIO_CRC_RETRIES.ordinal()) continue;
      assertTrue(faults.contains("`" + m.counter() + "`"), m.counter());
    }
  }

  @Test
  void everyOtherKeyIsNamedInTheReadme() throws IOException {
    String readme = read("README.md");
    for (Metric m : Metric.values()) {
      if (m.kind() == Metric.Kind.COUNTER) continue;
      assertTrue(readme.contains("\"" + m.key() + "\"") || readme.contains("`" + m.key() + "`"),
          m.key());
    }
    assertTrue(readme.contains("`{\"n\", \"mean\", \"ci95\"}`"), "the events' n");
  }
}
