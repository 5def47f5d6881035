package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's "delivered MB/s in each simulated second" divided each second's bytes by 10^6
 * whatever its length, so a run of 1.5 s ended at half its rate and a 500 ms run showed half of
 * it throughout.
 *
 * <p>By hand: udp:0.5MB/s is a 1472-B datagram every 2.944 ms, far under what v3 carries, so every
 * half second delivers 0.5 MB/s, within the few datagrams an A-MPDU holds back or brings at once:
 * three of them are 3 x 1472 B / 0.5 s = 0.009 MB/s (the old figure was half, 0.25).
 */
final class DeliveredOverTimeRatesAPartSecondOverItsLengthTest {
  private static List<Double> bySecond(long durationPs) {
    RunResult r = Experiment.run(new RunSpec(Architecture.V3,
        Platform.defaults().with("run.detail", "true"), WorkloadSpec.parse("udp:0.5MB/s"),
        durationPs, 1));
    return r.detail().deliveredMBpsBySecond();
  }

  @Test
  void theLastHalfSecondOfA1point5SecondRunIsAtTheRate() {
    List<Double> mbps = bySecond(Time.MS * 1500);
    assertEquals(2, mbps.size());
    assertEquals(0.5, mbps.get(1), 0.009);
  }

  @Test
  void aHalfSecondRunIsAtTheRate() {
    List<Double> mbps = bySecond(Time.MS * 500);
    assertEquals(1, mbps.size());
    assertEquals(0.5, mbps.get(0), 0.009);
  }
}
