package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on {@code compare} (issue 10: it exited silently and lost every finished run). A real
 * JVM runs bessim's {@code main}, since signal handling is per process; {@code Process.destroy}
 * sends SIGTERM on Linux.
 */
final class SigtermWritesWhatFinishedTest {
  @TempDir Path dir;

  @Test
  void writesTheFinishedRunsToJsonAndCsvBothMarkedPartialExits143AndLeavesNoTempFile()
      throws Exception {
    Path json = dir.resolve("part.json");
    Path csv = dir.resolve("part.csv");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xss4m", "-cp", System.getProperty("java.class.path"),
        Bessim.class.getName(), "compare", "--arch", "v3", "--duration", "2s", "--seeds", "2000",
        "--threads", "1", "--quiet", "--json", json.toString(), "--csv", csv.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    // A 2 s run takes well under a second; a few seconds finish a handful of them.
    Thread.sleep(5000);
    assertTrue(p.isAlive(), "the 2000 runs ended before the signal");
    p.destroy();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit after SIGTERM");
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertEquals(143, p.exitValue(), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("bessim: interrupted by SIGTERM: "), err);
    assertTrue(err.contains("of 2000 runs finished, written to " + json + " and " + csv
        + " marked partial"), err);
    JsonObject d = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertTrue(d.get("partial").getAsBoolean());
    int runs = d.getAsJsonArray("runs").size();
    assertTrue(runs >= 1 && runs < 2000, "runs: " + runs);
    assertTrue(err.contains(": " + runs + " of 2000 runs finished"), err);
    // The CSV says so too: a last column partial, true in each of the same runs' rows.
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("arch,archSpec,seed,"), lines.get(0));
    assertTrue(lines.get(0).endsWith(",provenance.sets,partial"), lines.get(0));
    assertEquals(runs + 1, lines.size(), "one row per finished run");
    for (String row : lines.subList(1, lines.size())) {
      assertTrue(row.startsWith("v3,") && row.endsWith(",true"), row);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("err.txt", "part.csv", "part.json"),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "a temp file was left behind");
    }
  }
}
