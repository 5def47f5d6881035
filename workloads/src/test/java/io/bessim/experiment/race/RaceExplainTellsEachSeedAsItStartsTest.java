package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `race explain` searches up to 20 seeds, each for --duration, and said nothing until the end:
 * with `--duration 600s` and a race that cannot happen that is 12,000 simulated seconds of
 * silence on a terminal, where the README promises a progress line for race commands (and
 * --quiet to turn it off, which race explain did not take). It tells its caller each seed as it
 * starts; the command draws the progress line from that.
 *
 * <p>v1 at tcp:4MB/s loses its first update of hw_bufs_used in seed 3 (seeds 1 and 2 lose none in
 * 20 s, docs/race.md): seeds 1, 2, 3 start, in that order.
 */
final class RaceExplainTellsEachSeedAsItStartsTest {
  @Test
  void theSearchTellsSeedsOneTwoThreeForV1() {
    List<Long> started = new ArrayList<>();
    RaceExplainer.Result r = RaceExplainer.explain(new RaceExplainer.Options(Architecture.V1,
        Platform.defaults(), "defaults", WorkloadSpec.parse("tcp:4MB/s"), null, "hw_bufs_used",
        20 * Time.S, 500 * Time.US, 200 * Time.MS), started::add);
    assertEquals(3, r.seed());
    assertEquals(List.of(1L, 2L, 3L), started);
  }
}
