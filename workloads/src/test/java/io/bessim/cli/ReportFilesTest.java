package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import io.bessim.experiment.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportFilesTest {
  private static final List<String> RUN_KEYS = List.of("arch", "archSpec", "seed", "workload",
      "simSeconds",
      "wallSeconds", "offeredMBps", "deliveredMBps", "cpuUtilization", "perSecond", "lostUpdates",
      "warns", "firstWarnSec", "wedgedAtSec");

  @TempDir Path dir;

  @Test
  void jsonRunsHaveTheRecordKeysInOrderWithExplicitNulls() throws IOException {
    Path json = dir.resolve("out.json");
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--arch", "v2,v1", "--seeds", "2",
        "--json", json.toString());

    assertEquals(0, o.exit(), o.err());
    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertEquals(List.of("provenance", "runs", "summary"), List.copyOf(root.keySet()));
    JsonArray runs = root.getAsJsonArray("runs");
    assertEquals(4, runs.size());
    JsonObject first = runs.get(0).getAsJsonObject();
    assertEquals(RUN_KEYS, List.copyOf(first.keySet()));
    assertEquals("v2", first.get("arch").getAsString());
    assertTrue(first.get("firstWarnSec").isJsonNull());
    assertTrue(first.get("wedgedAtSec").isJsonNull());
    assertTrue(Files.readString(json).contains("\"firstWarnSec\": null"));
    assertEquals(List.of("sdio_rx_work", "sdio_tx_work", "workqueue_execute_start",
        "bh_wakeups", "lock_contention"), List.copyOf(first.getAsJsonObject("perSecond").keySet()));
    // Deterministic order: arch as given, then seed ascending.
    assertEquals(List.of("v2/1", "v2/2", "v1/1", "v1/2"),
        runs.asList().stream().map(r -> r.getAsJsonObject().get("arch").getAsString() + "/"
            + r.getAsJsonObject().get("seed").getAsLong()).toList());

    JsonArray summary = root.getAsJsonArray("summary");
    assertEquals(2, summary.size());
    JsonObject v2 = summary.get(0).getAsJsonObject();
    assertEquals("v2", v2.get("arch").getAsString());
    assertEquals(2, v2.get("n").getAsInt());
    JsonObject delivered = v2.getAsJsonObject("deliveredMBps");
    assertEquals(List.of("mean", "ci95"), List.copyOf(delivered.keySet()));
    assertEquals(0, v2.getAsJsonObject("firstWarnSec").get("n").getAsInt());
    assertTrue(v2.getAsJsonObject("firstWarnSec").get("mean").isJsonNull());
  }

  @Test
  void jsonDoesNotDependOnThreadsApartFromWallTime() throws IOException {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    assertEquals(0, Cli.run(new FakeRunner(), "compare", "--threads", "1",
        "--json", one.toString()).exit());
    assertEquals(0, Cli.run(new FakeRunner(), "compare", "--threads", "2",
        "--json", two.toString()).exit());

    assertEquals(withoutWallTime(one), withoutWallTime(two));
  }

  @Test
  void csvHasOneRowPerRunAndFlattensRates() throws IOException {
    Path csv = dir.resolve("out.csv");
    Cli.Outcome o = Cli.run(new FakeRunner(), "compare", "--arch", "v1,v3", "--seeds", "2",
        "--csv", csv.toString());

    assertEquals(0, o.exit(), o.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("arch,archSpec,seed,workload,simSeconds,wallSeconds,offeredMBps,deliveredMBps,"
        + "cpuUtilization,perSecond.sdio_rx_work,perSecond.sdio_tx_work,"
        + "perSecond.workqueue_execute_start,perSecond.bh_wakeups,perSecond.lock_contention,"
        + "lostUpdates,warns,firstWarnSec,wedgedAtSec,provenance.version,provenance.commit,"
        + "provenance.commandLine,provenance.profile,provenance.profileHash,provenance.sets",
        lines.get(0));
    assertEquals(5, lines.size());
    assertTrue(lines.get(1).startsWith("v1,arch.rxPath=direct arch.counters=plain "
        + "arch.afterTx=queue-rx-work rx.delivery=per-frame tx.pollAfterWrite=true ba.stat=lock "
        + "pm.psStateLock=taken irq.reenable=auto,1,tcp:4MB/s,180.0,"), lines.get(1));
    assertTrue(lines.get(4).contains(",0,0,,," + Provenance.VERSION + ","),
        "missing events are empty cells: " + lines.get(4));
  }

  @Test
  void reportsReplaceExistingFilesAndLeaveNoTemporaries() throws IOException {
    Path json = dir.resolve("out.json");
    Files.writeString(json, "old");

    Cli.Outcome o = Cli.run(new FakeRunner(), "run", "--arch", "v3", "--json", json.toString());

    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.readString(json).startsWith("{"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(json), files.toList());
    }
  }

  /** The file without wall-clock times and the command line (which names --threads). */
  private static String withoutWallTime(Path p) throws IOException {
    return String.join("\n", Files.readAllLines(p).stream()
        .filter(l -> !l.contains("\"wallSeconds\"") && !l.contains("\"commandLine\"")).toList());
  }
}
