package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report's comparison says what its values are, as the printed table does: from one
 * seed there is no interval (the page used to promise a Student t interval regardless).
 */
final class ReportComparisonSaysWhatItsValuesAreTest {
  @TempDir Path dir;

  private String page(String seeds) throws IOException {
    Path html = dir.resolve("r" + seeds + ".html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "report", "--arch", "v3", "--seeds", seeds,
        "--duration", "1s", "-o", html.toString());
    assertEquals(0, o.exit(), o.err());
    return Files.readString(html);
  }

  @Test
  void oneSeedIsValuesWithoutAnInterval() throws IOException {
    String html = page("1");
    assertTrue(html.contains("values from one seed (no interval); MB = 10^6 bytes"), html);
    assertFalse(html.contains("Student t"), html);
  }

  @Test
  void severalSeedsAreMeansWithAStudentTInterval() throws IOException {
    String html = page("3");
    assertTrue(html.contains("mean ±95% interval across seeds (Student t); MB = 10^6 bytes"),
        html);
  }
}
