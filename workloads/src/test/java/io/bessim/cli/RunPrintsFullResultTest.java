package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.RunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RunPrintsFullResultTest {
  @Test
  void printsEveryFieldAsKeyValueLines() {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, "run", "--arch", "v3", "--seed", "4", "--duration", "500ms");

    assertEquals(0, o.exit(), o.err());
    assertEquals(List.of(4L), runner.seen().stream().map(RunSpec::seed).toList());
    List<String> keys = o.out().lines().map(l -> l.substring(0, l.indexOf(':'))).toList();
    assertEquals(List.of("arch", "archSpec.arch.rxPath", "archSpec.arch.counters",
        "archSpec.arch.afterTx", "archSpec.rx.delivery", "archSpec.tx.pollAfterWrite",
        "archSpec.ba.stat", "archSpec.pm.psStateLock", "archSpec.irq.reenable", "seed", "workload", "simSeconds", "wallSeconds", "offeredMBps",
        "deliveredMBps", "cpuUtilization", "perSecond.sdio_rx_work", "perSecond.sdio_tx_work",
        "perSecond.workqueue_execute_start", "perSecond.bh_wakeups",
        "perSecond.lock_contention", "lostUpdates", "warns", "firstWarnSec", "wedgedAtSec"), keys);
    assertTrue(o.out().contains("arch: v3\n"));
    assertTrue(o.out().contains("simSeconds: 0.5 s\n"), o.out());
    assertTrue(o.out().contains("firstWarnSec: none\n"));
  }

  @Test
  void countsCarryAUnitAsEveryOtherFigureDoes() {
    // FakeRunner: v1 on seed 1 loses 3 updates, warns once at 11 s and wedges at 42.5 s.
    Cli.Outcome o = Cli.run(new FakeRunner(), "run", "--arch", "v1", "--seed", "1",
        "--duration", "500ms");

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("lostUpdates: 3 (count, whole run)\n"), o.out());
    assertTrue(o.out().contains("warns: 1 (count, whole run)\n"), o.out());
    assertTrue(o.out().contains("firstWarnSec: 11.00 s\n"), o.out());
    assertTrue(o.out().contains("wedgedAtSec: 42.50 s\n"), o.out());
  }
}
