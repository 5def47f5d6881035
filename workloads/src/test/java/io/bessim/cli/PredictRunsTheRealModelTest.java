package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bessim.experiment.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one test of {@code bessim predict} on real simulations: short runs at 1 MB/s, which most
 * pools carry, so a few candidates give the three profiles asked for (rank correlations need
 * three); the JSON holds what the acceptance check reads.
 */
final class PredictRunsTheRealModelTest {
  @TempDir Path dir;

  @Test
  void predictsBaselineAndV3AndWritesTheDocumentedJson() throws IOException {
    Path f = dir.resolve("easy.measurements");
    Files.writeString(f, "[easy]\nworkload = tcp:1MB/s\n"
        + "deliveredMBps = 1.0 | 30% | a rate most pools carry\n");
    Path p = dir.resolve("p.json");

    Cli.Outcome o = Cli.run(Experiment::run, "predict", "--measurements", f.toString(), "--arch",
        "baseline,v3", "--profiles", "3", "--max-candidates", "16", "--duration", "5s", "--json",
        p.toString(), "--threads", "2");

    assertEquals(0, o.exit(), o.err() + o.out());
    JsonObject j = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    assertEquals(3, j.get("keptProfiles").getAsInt());
    JsonArray predictions = j.getAsJsonArray("predictions");
    assertEquals("baseline", predictions.get(0).getAsJsonObject().get("arch").getAsString());
    assertEquals("v3", predictions.get(1).getAsJsonObject().get("arch").getAsString());
    for (int i = 0; i < 2; i++) {
      JsonObject a = predictions.get(i).getAsJsonObject();
      for (String key : new String[] {"deliveredMBps", "ratioToBaseline"}) {
        JsonObject s = a.getAsJsonObject(key);
        assertTrue(s.get("p05").getAsDouble() <= s.get("median").getAsDouble()
            && s.get("median").getAsDouble() <= s.get("p95").getAsDouble(), s.toString());
      }
      assertTrue(a.getAsJsonObject("perSecond").has("sdio_tx_work"), a.toString());
    }
    assertTrue(j.get("sensitivity").isJsonArray());
    assertTrue(j.get("nextMeasurement").getAsString().startsWith("on the baseline at tcp:1MB/s"),
        j.get("nextMeasurement").getAsString());
  }
}
