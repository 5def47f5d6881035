package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.driver.race.RaceExplainRecorder.Access;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

final class RaceExplainFindsTheFirstLostUpdateTest {
  static RaceExplainer.Result explain(Architecture arch, long searchPs) {
    return RaceExplainer.explain(new RaceExplainer.Options(arch, Platform.defaults(), "defaults",
        WorkloadSpec.parse("tcp:4MB/s"), 3L, "hw_bufs_used", searchPs, 500 * Time.US,
        200 * Time.MS));
  }

  @Test
  void v1LosesAnUpdateOfHwBufsUsedBetweenTwoContexts() {
    RaceExplainer.Result r = explain(Architecture.V1, 5 * Time.S);

    Access lost = r.firstLost();
    assertNotNull(lost);
    assertEquals("hw_bufs_used", lost.cell().name());
    assertEquals('W', lost.kind());
    assertTrue(lost.lost());
    String text = r.text();
    assertTrue(text.contains("The first lost update of hw_bufs_used"), text);
    assertTrue(text.contains("<- racing load (sdio_rx_work)"), text);
    assertTrue(text.contains("<- racing load (bes2600_bh)"), text);
    assertTrue(text.contains("<- LOST UPDATE"), text);
    assertTrue(text.matches("(?s).*=> \\S+ stored -?\\d+ over \\S+'s -?\\d+: the (in|de)crement is"
        + " lost\\..*"), text);
    assertTrue(text.contains("What followed"), text);
  }

  @Test
  void theStoryNamesTwoDifferentContextsAndAStaleStore() {
    RaceExplainer.Result r = explain(Architecture.V1, 5 * Time.S);
    String text = r.text();

    // The losing store wrote over a value it never loaded: before != what it loaded.
    Access lost = r.firstLost();
    int at = text.indexOf("<- LOST UPDATE");
    String line = text.substring(text.lastIndexOf('\n', at) + 1, at);
    assertTrue(line.contains("writes " + lost.after() + " (was " + lost.before() + ")"), line);
    assertNotEquals(lost.before(), lost.after() + 1, "a lost decrement would be stale by one");
    assertTrue(text.contains("kworker:sdio_rx_work") && text.contains("bes2600_bh"), text);
  }

  @Test
  void sameSeedTellsTheSameStory() {
    assertEquals(explain(Architecture.V1, 5 * Time.S).text(),
        explain(Architecture.V1, 5 * Time.S).text());
  }

  @Test
  void v2AndV3LoseNoneAndSayWhy() {
    RaceExplainer.Result v2 = explain(Architecture.V2, 2 * Time.S);
    RaceExplainer.Result v3 = explain(Architecture.V3, 2 * Time.S);

    assertNull(v2.firstLost());
    assertNull(v2.trace());
    assertTrue(v2.text().contains("atomic read-modify-write (atomic_t)"), v2.text());
    assertNull(v3.firstLost());
    assertTrue(v3.text().contains("only bes2600_bh wrote it"), v3.text());
  }
}
