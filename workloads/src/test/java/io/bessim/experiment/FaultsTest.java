package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.driver.host.Host;
import io.bessim.driver.host.RunCheck;
import io.bessim.driver.mmc.SdioHost;
import io.bessim.sim.Time;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault what-ifs follow the driver's recovery paths (docs/faults.md): CRC errors retried up to
 * 10 times, then wifi_force_close; a timeout force-closes at once; a lost interrupt is found by a
 * poll; a firmware stall longer than the bh's 5 s timeout trips "Missed interrupt?". Every run here
 * is checked ({@link RunCheck}) and must keep every invariant.
 */
final class FaultsTest {
  private record Run(Host host, Map<String, Long> violations) {
    Bes2600Driver driver() {
      return host.driver();
    }

    SdioHost sdio() {
      return host.sdio();
    }
  }

  private static Run run(Architecture a, String fault, String value, long ps) {
    Platform p = Platform.defaults().with(fault, value);
    RunSpec spec = new RunSpec(a, p, WorkloadSpec.parse("tcp:4MB/s"), ps, 1);
    Experiment.Setup s = Experiment.build(spec);
    RunCheck check = RunCheck.attach(s.host());
    check.runUntil(ps);
    return new Run(s.host(), check.violations());
  }

  @Test
  void occasionalCrcErrorsAreRetriedAndLoseNothing() {
    Run r = run(Architecture.BASELINE, "fault.sdioCrcRate", "0.05", 3 * Time.S);

    // At 5% no transfer fails 11 times in a row (0.05^11): every error is retried.
    assertTrue(r.sdio().crcErrors() > 10, "crc errors: " + r.sdio().crcErrors());
    assertEquals(r.sdio().crcErrors(), r.driver().crcRetries());
    assertEquals(0, r.driver().forceCloses());
    assertTrue(r.driver().deliveredFrames() > 1000, "delivered " + r.driver().deliveredFrames());
    assertEquals(Map.of(), r.violations());
  }

  @Test
  void aTransferThatAlwaysFailsIsTriedElevenTimesThenWifiIsForceClosed() {
    Run r = run(Architecture.BASELINE, "fault.sdioCrcRate", "1", 2 * Time.S);

    // Each failed transfer: 1 try + 10 retries (crc_retry 1..10 loop, the 11th error gives up).
    long errors = r.sdio().crcErrors();
    assertTrue(errors >= 11 && errors % 11 == 0, "crc errors: " + errors);
    assertEquals(errors / 11 * 10, r.driver().crcRetries());
    assertEquals(1, r.driver().forceCloses());
    assertEquals(0, r.driver().deliveredFrames());
    assertEquals(Map.of(), r.violations());
  }

  @Test
  void aTimeoutForceClosesAndTheSdioWorksStop() {
    Run r = run(Architecture.BASELINE, "fault.sdioTimeoutRate", "1", 3 * Time.S);

    assertEquals(1, r.driver().forceCloses());
    // sdio_rx_work's failed: path WARNs; after it, no work touches the bus again.
    assertEquals(1, r.host().kernel().warns());
    assertEquals(1, r.sdio().timeouts());
    assertEquals(1, r.sdio().requests());
    assertEquals(Map.of(), r.violations());
  }

  @Test
  void baselineFindsLostInterruptsByPolling() {
    Run r = run(Architecture.BASELINE, "fault.lostIrqRate", "0.2", 3 * Time.S);

    long lost = r.sdio().lostIrqs();
    assertTrue(lost > 10, "lost " + lost);
    // Each lost interrupt's data is read by a later poll (at most the last is still pending).
    assertTrue(r.sdio().lostIrqRecoveries() >= lost - 1,
        lost + " lost, " + r.sdio().lostIrqRecoveries() + " recovered");
    assertEquals(0, r.driver().forceCloses());
    assertEquals(Map.of(), r.violations());
  }

  @Test
  void aFirmwareStallLongerThanTheBhTimeoutTripsMissedInterrupt() {
    // 6 s stalls, one a second on average: the first one outlasts the bh's 5 s wait while TX
    // buffers are outstanding.
    Run r = run(Architecture.V3, "fault.fwStallMs", "6000@1", 12 * Time.S);

    assertTrue(r.host().chip().stalls() >= 1);
    assertTrue(r.driver().missedIrqTimeouts() >= 1);
    assertEquals(1, r.driver().forceCloses());
    assertEquals(Map.of(), r.violations());
  }

  @Test
  void aFaultedRunIsDeterministic() {
    RunSpec spec = new RunSpec(Architecture.V2,
        Platform.defaults().with(Map.of("fault.sdioCrcRate", "0.02", "fault.lostIrqRate", "0.05",
            "fault.fwStallMs", "300@0.5")),
        WorkloadSpec.parse("tcp:4MB/s"), 8 * Time.S, 7);

    RunResult a = Experiment.run(spec);
    RunResult b = Experiment.run(spec);

    assertEquals(withoutWall(a), withoutWall(b));
    assertTrue(a.perSecond().get("sdio_crc_retries") > 0);
    assertTrue(a.perSecond().get("fw_stalls") > 0);
  }

  @Test
  void unfaultedRunsCountNoFaultCounters() {
    RunResult r = Experiment.run(new RunSpec(Architecture.V3, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), 2 * Time.S, 1));

    assertEquals(false, r.perSecond().containsKey("sdio_crc_retries"));
    assertEquals(null, r.checkViolations());
  }

  private static RunResult withoutWall(RunResult r) {
    return new RunResult(r.arch(), r.archSpec(), r.seed(), r.workload(), r.simSeconds(), 0,
        r.offeredMBps(), r.deliveredMBps(), r.cpuUtilization(), r.perSecond(), r.lostUpdates(),
        r.warns(), r.firstWarnSec(), r.wedgedAtSec(), r.checkViolations(), RunDetail.NONE);
  }
}
