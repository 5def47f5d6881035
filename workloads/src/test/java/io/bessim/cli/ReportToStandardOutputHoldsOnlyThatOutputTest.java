package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bessim report} with an output of {@code -}: standard output holds that output alone and
 * the table with its {@code report:} line goes to standard error, as in {@code compare}. The
 * table and "report: r.html" used to follow the JSON (a JSON parser failed with "Extra data"),
 * the CSV, and the page's {@code </html>}.
 */
final class ReportToStandardOutputHoldsOnlyThatOutputTest {
  @TempDir Path dir;

  @Test
  void jsonDashPutsOnlyTheJsonOnStandardOutputAndTheTableOnStandardError() throws IOException {
    Path html = dir.resolve("r.html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "report", "--arch", "v3", "--seeds", "1",
        "--duration", "1s", "-o", html.toString(), "--json", "-");

    assertEquals(0, o.exit(), o.err());
    JsonObject j = JsonParser.parseString(o.out()).getAsJsonObject();
    assertEquals(List.of("provenance", "runs", "summary"), List.copyOf(j.keySet()));
    assertEquals(1, j.getAsJsonArray("runs").size());
    assertEquals("v3", j.getAsJsonArray("runs").get(0).getAsJsonObject().get("arch")
        .getAsString());
    assertTrue(o.out().endsWith("}\n"), o.out());
    assertTrue(o.err().startsWith("workload tcp:4MB/s, duration 1s simulated, seed 1;"), o.err());
    assertTrue(o.err().lines().anyMatch(l -> l.startsWith("v3 ")), o.err());
    assertTrue(o.err().endsWith("report: " + html + "\n"), o.err());
    assertTrue(Files.readString(html).endsWith("</html>\n"));
  }

  @Test
  void csvDashPutsOnlyTheCsvOnStandardOutput() {
    Cli.Outcome o = Cli.run(new FakeRunner(), "report", "--arch", "v1,v3", "--seeds", "1",
        "--duration", "1s", "-o", dir.resolve("r.html").toString(), "--csv", "-");

    assertEquals(0, o.exit(), o.err());
    List<String> lines = o.out().lines().toList();
    assertEquals(3, lines.size(), o.out());
    assertTrue(lines.get(0).startsWith("arch,archSpec,seed,workload,"), lines.get(0));
    assertTrue(lines.get(1).startsWith("v1,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("v3,"), lines.get(2));
    assertTrue(o.err().contains("report: " + dir.resolve("r.html")), o.err());
  }

  @Test
  void outDashPutsOnlyThePageOnStandardOutputAndNamesItOnStandardError() {
    Cli.Paged p = Cli.runCapturingPage(new FakeRunner(), "report", "--arch", "v3", "--seeds",
        "1", "--duration", "1s", "-o", "-");
    Cli.Outcome o = p.outcome();

    assertEquals(0, o.exit(), o.err());
    assertEquals("", o.out());
    String html = p.page();
    assertTrue(html.startsWith("<!DOCTYPE html>\n"), html);
    assertTrue(html.endsWith("</html>\n"), html.substring(Math.max(0, html.length() - 200)));
    assertTrue(o.err().lines().anyMatch(l -> l.startsWith("v3 ")), o.err());
    assertTrue(o.err().endsWith("report: standard output\n"), o.err());
  }

  @Test
  void withFilesOnlyTheTableAndReportLineAreOnStandardOutput() {
    Path html = dir.resolve("r.html");
    Cli.Outcome o = Cli.run(new FakeRunner(), "report", "--arch", "v3", "--seeds", "1",
        "--duration", "1s", "-o", html.toString(), "--json", dir.resolve("r.json").toString());

    assertEquals(0, o.exit(), o.err());
    assertEquals("", o.err());
    assertTrue(o.out().startsWith("workload tcp:4MB/s, duration 1s simulated, seed 1;"), o.out());
    assertTrue(o.out().endsWith("report: " + html + "\n"), o.out());
  }
}
