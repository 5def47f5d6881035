package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.csv took its header from the first point to finish, so a sweep that varies a fault
 * what-if ({@code --vary fault.sdioCrcRate=0,0.01}) or {@code run.check} lost the columns only
 * the other points report: with the fault-free point first, every row's sdio_crc_retries,
 * wifi_force_close, ... were dropped ("results have columns [...] that results.csv's header
 * lacks; they are not written"), and which columns a sweep kept depended on which point finished
 * first. The header now widens to every point's columns, whatever the order.
 */
final class SweepKeepsTheColumnsOfEveryPointTest {
  @TempDir Path tmp;

  private List<String> sweep(String dir, String vary) throws Exception {
    Cli.Outcome o = Cli.run(Experiment::run, "sweep", "--arch", "baseline", "--vary", vary,
        "--duration", "1s", "--threads", "1", "--out", tmp.resolve(dir).toString(), "--quiet");
    assertEquals(0, o.exit(), o.err());
    assertEquals("", o.err());
    return Files.readAllLines(tmp.resolve(dir).resolve("results.csv"));
  }

  @Test
  void aFaultFreePointFinishingFirstKeepsTheFaultCountersOfTheOthers() throws Exception {
    List<String> first = sweep("a", "fault.sdioCrcRate=0,0.5");
    List<String> last = sweep("b", "fault.sdioCrcRate=0.5,0");

    assertTrue(first.get(0).contains(",perSecond.sdio_crc_retries,"), first.get(0));
    // One header whichever point finished first, and the same cells under it.
    assertEquals(last.get(0), first.get(0));
    int col = List.of(first.get(0).split(",")).indexOf("perSecond.sdio_crc_retries");
    String faultRow = first.stream().filter(l -> l.contains("fault.sdioCrcRate=0.5|"))
        .findFirst().orElseThrow();
    assertTrue(Double.parseDouble(faultRow.split(",", -1)[col]) > 0, faultRow);
    String cleanRow = first.stream().filter(l -> l.contains("fault.sdioCrcRate=0|"))
        .findFirst().orElseThrow();
    assertEquals("", cleanRow.split(",", -1)[col], cleanRow);
  }

  /** Merged shards, one with the fault point and one without, have the unsharded header. */
  @Test
  void mergedShardsPutTheFaultColumnsWhereOneSweepHasThem() throws Exception {
    List<String> whole = sweep("w", "fault.sdioCrcRate=0,0.5");
    for (String shard : List.of("1/2", "2/2")) {
      assertEquals(0, Cli.run(Experiment::run, "sweep", "--arch", "baseline", "--vary",
          "fault.sdioCrcRate=0,0.5", "--duration", "1s", "--shard", shard, "--out",
          tmp.resolve("s" + shard.charAt(0)).toString(), "--quiet").exit());
    }
    Cli.Outcome o = Cli.run(Experiment::run, "sweep", "merge", tmp.resolve("s1").toString(),
        tmp.resolve("s2").toString(), "--out", tmp.resolve("m").toString());
    assertEquals(0, o.exit(), o.err());

    assertEquals(whole.get(0), Files.readAllLines(tmp.resolve("m/results.csv")).get(0));
  }

  @Test
  void anUncheckedPointFinishingFirstKeepsTheCheckedPointsViolations() throws Exception {
    List<String> lines = sweep("c", "run.check=false,true");

    assertTrue(lines.get(0).endsWith(",checkViolations"), lines.get(0));
    assertEquals(3, lines.size());
  }
}
