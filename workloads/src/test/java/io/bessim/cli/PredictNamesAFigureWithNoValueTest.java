package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fitted ratio over a count the model keeps at zero (here over wsm_cmd_send, which it never
 * counts above 0; with the rig's file, capture B's ratios over bes2600_rx_cb in a 10 ms run) has no
 * residual. predict's closing line said the closest candidate "missed [r] ... by - tolerances",
 * and each calibrate point "worst [r] ... -": they say the figure had no finite value.
 */
final class PredictNamesAFigureWithNoValueTest {
  @TempDir Path dir;

  private Path measurements() throws IOException {
    Path f = dir.resolve("zero.measurements");
    Files.writeString(f, "[r]\nworkload = tcp:4MB/s\n"
        + "perSecond.sdio_rx_work / perSecond.wsm_cmd_send = 1.0 | 30% | over a count kept at 0\n");
    return f;
  }

  @Test
  void predictSaysTheClosestCandidateHadNoFiniteValue() throws IOException {
    Cli.Outcome o = Cli.run(Experiment::run, "predict", "--measurements",
        measurements().toString(), "--arch", "baseline", "--profiles", "1", "--max-candidates",
        "2", "--duration", "1s", "--threads", "2", "--quiet");

    assertEquals(3, o.exit(), o.err());
    String line = o.err().strip();
    assertTrue(line.startsWith("bessim: no profile kept: none of the 2 candidates had every"
        + " fitted figure inside its band; the closest (candidate 0: "), line);
    assertTrue(line.endsWith(") gave no finite value for [r] perSecond.sdio_rx_work /"
        + " perSecond.wsm_cmd_send (a ratio over zero)"), line);
    assertFalse(line.contains("by - tolerances"), line);
  }

  @Test
  void calibratesPointLinesSayTheWorstFigureHadNoFiniteValue() throws IOException {
    Cli.Outcome o = Cli.run(Experiment::run, "calibrate", "--measurements",
        measurements().toString(), "--params", "fw.rxPoolFrames", "--max-evals", "2",
        "--seeds", "1", "--duration", "1s", "--threads", "2", "--quiet",
        "--out", dir.resolve("c.profile").toString());

    assertEquals(3, o.exit(), o.err());
    assertTrue(o.out().contains("point  1: fw.rxPoolFrames=11 frames -> objective infinite;"
        + " 0 of 1 fitted figures inside, worst [r] perSecond.sdio_rx_work /"
        + " perSecond.wsm_cmd_send: no finite value\n"), o.out());
  }
}
