package io.bessim.experiment.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.race.FieldUse;
import io.bessim.driver.race.Protection;
import io.bessim.driver.race.RaceRecording;
import io.bessim.driver.race.SharedStateTable;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared-state table of each architecture from a 10 s run at tcp:4MB/s: hw_bufs_used is
 * flagged in v1 only, and the two other counters get the protection each design gives them.
 */
final class SharedStateTableTest {
  private static final Map<Architecture, SharedStateTable> TABLES =
      new java.util.LinkedHashMap<>();

  @BeforeAll
  static void runAll() throws InterruptedException {
    List<RunSpec> specs = new java.util.ArrayList<>();
    for (Architecture a : Architecture.presets()) {
      specs.add(new RunSpec(a, Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"),
          10 * Time.S, 1));
    }
    for (RaceRecording r : RaceRun.runAll(specs, 2, io.bessim.experiment.Batch.Progress.NONE)) {
      TABLES.put(r.arch(), r.table());
    }
  }

  private static Protection protection(Architecture a, String field) {
    return TABLES.get(a).row(field).protection();
  }

  @Test
  void hwBufsUsedIsFlaggedInV1Only() {
    assertTrue(protection(Architecture.V1, "hw_bufs_used").flagged());
    assertFalse(protection(Architecture.BASELINE, "hw_bufs_used").flagged());
    assertFalse(protection(Architecture.V2, "hw_bufs_used").flagged());
    assertFalse(protection(Architecture.V3, "hw_bufs_used").flagged());
    assertEquals("NONE: bes2600_bh + kworker:sdio_rx_work",
        protection(Architecture.V1, "hw_bufs_used").text());
  }

  @Test
  void theCountersGetEachDesignsProtection() {
    for (String f : List.of("hw_bufs_used", "hw_bufs_used_vif[0]", "wsm_tx_pending[0]")) {
      assertEquals("single writer (bes2600_bh)", protection(Architecture.BASELINE, f).text(), f);
      assertEquals(Protection.Kind.NONE, protection(Architecture.V1, f).kind(), f);
      assertTrue(protection(Architecture.V1, f).flagged(), f);
      assertEquals("atomic", protection(Architecture.V2, f).text(), f);
      assertEquals("single writer (bes2600_bh)", protection(Architecture.V3, f).text(), f);
    }
  }

  @Test
  void v1ReleasesInTheRxWorkerAndAllocatesInTheBh() {
    FieldUse f = TABLES.get(Architecture.V1).row("hw_bufs_used").use();
    FieldUse.ContextUse rx = f.contexts().get("kworker:sdio_rx_work");
    FieldUse.ContextUse bh = f.contexts().get("bes2600_bh");
    assertEquals(FieldUse.ContextKind.WORK_ITEM, rx.kind());
    assertEquals(FieldUse.ContextKind.THREAD, bh.kind());
    assertTrue(rx.routines().contains("wsm_release_tx_buffer"));
    assertTrue(bh.routines().contains("wsm_alloc_tx_buffer"));
    // The rx worker runs where the IRQ work queued it (host.irqCpu = 0, sometimes the other CPU);
    // the bh is bound to host.bhCpu = 1.
    assertTrue(rx.writeCpus().contains(0), rx.writeCpus().toString());
    assertEquals(List.of(1), List.copyOf(bh.writeCpus()));
    assertEquals(0, rx.commonLocks());
  }

  @Test
  void onlyV1HasFlaggedFieldsAndTheLockedFlagIsNamed() {
    assertEquals(List.of("hw_bufs_used", "hw_bufs_used_vif[0]", "wsm_tx_pending[0]"),
        TABLES.get(Architecture.V1).flagged());
    for (Architecture a : List.of(Architecture.BASELINE, Architecture.V2, Architecture.V3)) {
      assertEquals(List.of(), TABLES.get(a).flagged(), a.cliName());
      assertEquals("lock io_mutex", protection(a, "gpio_wakup_flags").text());
    }
    assertEquals("atomic", protection(Architecture.V1, "bh_tx").text());
  }

  @Test
  void deltaTableHasOneRowPerFieldAndOneColumnPerArchitecture() {
    String delta = SharedStateTable.renderDelta(List.of(TABLES.get(Architecture.BASELINE),
        TABLES.get(Architecture.V1), TABLES.get(Architecture.V2), TABLES.get(Architecture.V3)));
    List<String> lines = delta.lines().toList();
    assertTrue(lines.get(0).matches("field +baseline +v1 +v2 +v3"), lines.get(0));
    String vif = lines.stream().filter(l -> l.startsWith("hw_bufs_used_vif[0] ")).findFirst()
        .orElseThrow();
    assertTrue(vif.matches("hw_bufs_used_vif\\[0\\] +single writer \\(bes2600_bh\\) +\\*\\* NONE:"
        + " bes2600_bh \\+ kworker:sdio_rx_work +atomic +single writer \\(bes2600_bh\\)"), vif);
    assertTrue(delta.contains("baseline: none; v1: hw_bufs_used, hw_bufs_used_vif[0],"
        + " wsm_tx_pending[0]; v2: none; v3: none"), delta);
  }
}
