package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bessim predict} on a fake model whose figures are known functions of the two free
 * parameters: at tcp:4MB/s the baseline delivers pool / 10 MB/s and every architecture that much
 * times (1 + 0.1 x its preset index), so v3 delivers 1.3 times the baseline on every profile;
 * sdio_rx_work is rxProcessingUs /s and sdio_tx_work 10 x pool /s. v1 warns when the seed is 3
 * modulo 5, at 2 + (seed modulo 7) s.
 */
final class PredictCommandTest {
  private static final String MEASURED = String.join("\n",
      "countable = perSecond.sdio_tx_work, perSecond.sdio_rx_work",
      "[fast]",
      "workload = tcp:4MB/s",
      "deliveredMBps = 1.0 | 20% | fake: a pool of 8 to 12 frames",
      "perSecond.sdio_rx_work = 50 | 20..60 | fake: 20 to 60 us",
      "");

  @TempDir Path dir;

  /** The fake model: a pure function of the spec, safe from many threads. */
  static final class Model implements Function<RunSpec, RunResult> {
    final List<RunSpec> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public RunResult apply(RunSpec spec) {
      seen.add(spec);
      Platform p = spec.platform();
      int a = Architecture.presets().stream().map(Architecture::cliName).toList()
          .indexOf(spec.arch().cliName());
      double pool = p.number("fw.rxPoolFrames");
      Map<String, Double> perSecond = new LinkedHashMap<>();
      perSecond.put("sdio_rx_work", p.number("fw.rxProcessingUs"));
      perSecond.put("sdio_tx_work", 10 * pool);
      perSecond.put("workqueue_execute_start", 100.0 + a);
      boolean warns = a == 1 && spec.seed() % 5 == 3;
      return new RunResult(spec.arch().cliName(), spec.arch().spec(), spec.seed(),
          spec.workload().toString(), 10, 0, 4, pool / 10 * (1 + 0.1 * a), 0.1, perSecond, 0,
          warns ? 1 : 0, warns ? 2.0 + spec.seed() % 7 : null, null);
    }
  }

  private Path file(String text) throws IOException {
    Path f = dir.resolve("fake.measurements");
    Files.writeString(f, text);
    return f;
  }

  private Cli.Outcome predict(Model model, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("predict", "--measurements",
        file(MEASURED).toString(), "--duration", "10s", "--json",
        dir.resolve("p.json").toString()));
    args.addAll(List.of(extra));
    return Cli.run(model, args.toArray(String[]::new));
  }

  private JsonObject json() throws IOException {
    return JsonParser.parseString(Files.readString(dir.resolve("p.json"))).getAsJsonObject();
  }

  @Test
  void jsonHasTheDocumentedSchema() throws IOException {
    Cli.Outcome o = predict(new Model(), "--arch", "baseline,v3", "--profiles", "4");

    assertEquals(0, o.exit(), o.err());
    JsonObject j = json();
    assertEquals(4, j.get("keptProfiles").getAsInt());
    JsonArray predictions = j.getAsJsonArray("predictions");
    assertEquals(2, predictions.size());
    for (JsonElement e : predictions) {
      JsonObject p = e.getAsJsonObject();
      for (String key : new String[] {"deliveredMBps", "ratioToBaseline"}) {
        JsonObject s = p.getAsJsonObject(key);
        double p05 = s.get("p05").getAsDouble();
        double median = s.get("median").getAsDouble();
        double p95 = s.get("p95").getAsDouble();
        assertTrue(p05 <= median && median <= p95, key + " " + s);
      }
      assertTrue(p.getAsJsonObject("perSecond").has("sdio_tx_work"), p.toString());
      assertTrue(p.getAsJsonObject("firstWarnSec").get("median").isJsonNull(), "never warned");
      assertEquals(0, p.getAsJsonObject("firstWarnSec").get("warnedProfiles").getAsInt());
    }
    JsonObject baseline = predictions.get(0).getAsJsonObject();
    JsonObject v3 = predictions.get(1).getAsJsonObject();
    assertEquals("baseline", baseline.get("arch").getAsString());
    assertEquals("v3", v3.get("arch").getAsString());
    assertEquals(1.0, baseline.getAsJsonObject("ratioToBaseline").get("p95").getAsDouble());
    // Paired per profile: v3 / baseline = 1.3 on every profile, so the range is one point.
    JsonObject ratio = v3.getAsJsonObject("ratioToBaseline");
    assertEquals(1.3, ratio.get("p05").getAsDouble(), 1e-12);
    assertEquals(1.3, ratio.get("p95").getAsDouble(), 1e-12);
    assertTrue(j.getAsJsonArray("sensitivity").size() > 0);
    assertNotNull(j.get("nextMeasurement").getAsString());
  }

  @Test
  void theUnknownThatMovesEachPredictionAndTheNextMeasurementAreNamed() throws IOException {
    Cli.Outcome o = predict(new Model(), "--arch", "baseline,v3", "--profiles", "6");

    assertEquals(0, o.exit(), o.err());
    JsonArray sensitivity = json().getAsJsonArray("sensitivity");
    // Delivered is pool / 10 times a constant: rank correlation +1 with the pool.
    JsonObject v3 = sensitivity.get(1).getAsJsonObject();
    assertEquals("v3", v3.get("arch").getAsString());
    assertEquals("deliveredMBps", v3.get("prediction").getAsString());
    assertEquals("fw.rxPoolFrames", v3.get("mostMovedBy").getAsString());
    assertEquals(1.0, v3.getAsJsonObject("spearman").get("fw.rxPoolFrames").getAsDouble(), 1e-12);
    // The ratio is 1.3 everywhere: constant, so no parameter moves it.
    JsonObject ratio = sensitivity.get(2).getAsJsonObject();
    assertEquals("ratioToBaseline", ratio.get("prediction").getAsString());
    assertTrue(ratio.get("mostMovedBy").isJsonNull());
    // sdio_tx_work = 10 x pool tracks v3's throughput exactly.
    String next = json().get("nextMeasurement").getAsString();
    assertTrue(next.startsWith("on the baseline at tcp:4MB/s, count sdio_tx_work per second"),
        next);
    assertTrue(next.contains("v3's delivered MB/s is +1.00 (Spearman), the strongest of the 2"
        + " quantities"), next);
    assertTrue(next.endsWith("the measurements file does not have it yet."), next);
    assertTrue(o.out().contains("\nnext measurement: " + next + "\n"), o.out());
  }

  @Test
  void printsTheSamplingThenProfilesThenPredictionsWithUnits() throws IOException {
    Cli.Outcome o = predict(new Model(), "--profiles", "3");

    String out = o.out();
    assertTrue(out.startsWith("predicting baseline, v1, v2, v3 at tcp:4MB/s (10s simulated per"
        + " run)"), out);
    assertTrue(out.contains("fw.rxPoolFrames 1..128 frames (whole numbers, log-uniform)"), out);
    assertTrue(out.matches("(?s).*\\ntried \\d+ candidates: kept the 3 inside every band"
        + " \\([0-9.]+%\\)\\n.*"), out);
    assertTrue(out.contains("arch            delivered MB/s     ratio to baseline"), out);
    // v1 warns when the seed is 3 modulo 5: here the first profile's (seed 23, at 2 + 23 % 7 =
    // 4 s), not the others'. So the earliest 5% warned at 4 s and the median never did.
    assertTrue(out.matches("(?s).*\\nv1 .* none \\[4\\.0\\.\\.none\\] \\(1 of 3 warned\\)\\n.*"),
        out);
    int sampling = out.indexOf("tried ");
    int profiles = out.indexOf("kept profiles");
    int predictions = out.indexOf("predictions at tcp:4MB/s over the 3 kept profiles");
    int moves = out.indexOf("what moves each prediction");
    int next = out.indexOf("next measurement:");
    assertTrue(0 < sampling && sampling < profiles && profiles < predictions
        && predictions < moves && moves < next, out);
  }

  /**
   * With fewer than three kept profiles every rank correlation is '-' (Spearman needs three), but
   * the legend said '-' meant "the parameter or prediction is constant", which neither was.
   */
  @Test
  void withTwoKeptProfilesTheLegendSaysWhyEveryCorrelationIsUndefined() throws IOException {
    Cli.Outcome o = predict(new Model(), "--arch", "v3", "--profiles", "2");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("Spearman rank correlation with each free parameter across the"
        + " 2 kept profiles (+1: rises with it in lockstep, -1: falls, 0: no monotone relation;"
        + " - : undefined, fewer than 3 kept profiles)\n"), o.out());
    o = predict(new Model(), "--arch", "v3", "--profiles", "1");
    assertTrue(o.out().contains("across the 1 kept profile (+1:"), o.out());
  }

  @Test
  void jsonDashPutsOnlyTheJsonOnStandardOutputAndTheReportOnStandardError() throws IOException {
    Cli.Outcome o = Cli.run(new Model(), "predict", "--measurements", file(MEASURED).toString(),
        "--duration", "10s", "--arch", "baseline,v3", "--profiles", "2", "--json", "-");

    assertEquals(0, o.exit(), o.err());
    JsonObject j = JsonParser.parseString(o.out()).getAsJsonObject();
    assertEquals("provenance", j.keySet().iterator().next());
    assertEquals(2, j.get("keptProfiles").getAsInt());
    assertEquals(2, j.getAsJsonArray("predictions").size());
    assertTrue(o.out().startsWith("{\n") && o.out().endsWith("}\n"), o.out());
    assertTrue(o.err().startsWith("predicting baseline, v3 at tcp:4MB/s (10s simulated per run)"),
        o.err());
    assertTrue(o.err().contains("predictions at tcp:4MB/s over the 2 kept profiles"), o.err());
    assertTrue(o.err().contains("\nnext measurement: "
        + j.get("nextMeasurement").getAsString() + "\n"), o.err());
  }

  @Test
  void noProfileKeptWithJsonDashStillLeavesOnlyTheJsonOnStandardOutput() throws IOException {
    Path f = file("deliveredMBps = 50 | 1% | no pool delivers this\n");

    Cli.Outcome o = Cli.run(new Model(), "predict", "--measurements", f.toString(),
        "--profiles", "2", "--max-candidates", "40", "--json", "-");

    assertEquals(3, o.exit(), o.err());
    JsonObject j = JsonParser.parseString(o.out()).getAsJsonObject();
    assertEquals(0, j.get("keptProfiles").getAsInt());
    assertEquals(40, j.get("candidatesTried").getAsInt());
    assertTrue(o.err().startsWith("predicting baseline, v1, v2, v3 at tcp:4MB/s"), o.err());
    assertTrue(o.err().contains("tried 40 candidates: kept the 0 inside every band (0.0%)"),
        o.err());
    assertTrue(o.err().strip().lines().reduce((a, b) -> b).orElseThrow()
        .startsWith("bessim: no profile kept: none of the 40 candidates"), o.err());
  }

  @Test
  void sameSeedSameBytesWhateverTheThreads() throws IOException {
    Cli.Outcome one = predict(new Model(), "--profiles", "5", "--threads", "1");
    String jsonOne = Files.readString(dir.resolve("p.json"));
    Cli.Outcome three = predict(new Model(), "--profiles", "5", "--threads", "3");

    assertEquals(one.out(), three.out());
    // The provenance's command line names --threads; everything else is the same bytes.
    assertEquals(withoutCommandLine(jsonOne), withoutCommandLine(Files.readString(dir.resolve(
        "p.json"))));
    Cli.Outcome other = predict(new Model(), "--profiles", "5", "--seed", "2");
    assertFalse(one.out().equals(other.out()), "another seed, another design");
  }

  private static String withoutCommandLine(String json) {
    return json.replaceAll("\"commandLine\": \"[^\"]*\"", "");
  }

  @Test
  void everyArchitectureOnAProfileRunsTheProfilesSeed() throws IOException {
    Model model = new Model();
    Cli.Outcome o = predict(model, "--arch", "v3,v3+rx.delivery=batch", "--profiles", "2");

    assertEquals(0, o.exit(), o.err());
    JsonArray profiles = json().getAsJsonArray("profiles");
    for (JsonElement e : profiles) {
      long seed = e.getAsJsonObject().get("seed").getAsLong();
      List<String> archs = model.seen.stream().filter(s -> s.seed() == seed)
          .map(s -> s.arch().label()).sorted().toList();
      assertEquals(List.of("baseline", "v3", "v3+rx.delivery=batch"), archs,
          "the baseline's check run is reused for the ratio, not repeated");
    }
  }

  @Test
  void noProfileKeptIsOneLineAndExitThreeWithTheJsonStillWritten() throws IOException {
    Path f = file("deliveredMBps = 50 | 1% | no pool delivers this\n");

    Cli.Outcome o = Cli.run(new Model(), "predict", "--measurements", f.toString(),
        "--profiles", "2", "--max-candidates", "40", "--json", dir.resolve("p.json").toString());

    assertEquals(3, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("bessim: no profile kept: none of the 40 candidates had every"
        + " fitted figure inside its band; the closest (candidate "), o.err());
    assertTrue(o.out().contains("tried 40 candidates: kept the 0 inside every band (0.0%)"),
        o.out());
    JsonObject j = json();
    assertEquals(0, j.get("keptProfiles").getAsInt());
    assertEquals(0, j.getAsJsonArray("predictions").size());
    assertTrue(j.get("nextMeasurement").isJsonNull());
  }

  @Test
  void noProfileKeptWithReportSaysOnItsOneLineThatNoReportWasWritten() throws IOException {
    Path f = file("deliveredMBps = 50 | 1% | no pool delivers this\n");
    Path html = dir.resolve("p.html");

    Cli.Outcome o = Cli.run(new Model(), "predict", "--measurements", f.toString(),
        "--profiles", "2", "--max-candidates", "40", "--report", html.toString());

    assertEquals(3, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().strip().endsWith(
        " (no --report written: there is no prediction to show)"), o.err());
    assertFalse(Files.exists(html));
  }
}
