package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.sim.Time;
import io.bessim.sim.stats.Summary;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MetricTest {
  @Test
  void aRunsKeysAreTheRunResultComponentsInRecordOrder() {
    // The detail feeds the HTML report's charts and is no metric: no JSON or CSV key.
    List<String> components = Arrays.stream(RunResult.class.getRecordComponents())
        .map(RecordComponent::getName).filter(n -> !n.equals("detail")).toList();

    // checkViolations, the last, is there only in a run made with --check.
    assertEquals(components.subList(0, components.size() - 1),
        List.copyOf(Reports.fields(null).keySet()));
    assertEquals("checkViolations", components.get(components.size() - 1));
    RunResult checked = new RunResult("v3", Map.of(), 1, "udp:1MB/s", 10, 0, 1, 1, 0, Map.of(), 0,
        0, null, null).withCheckViolations(Map.of());
    assertEquals(components, List.copyOf(Reports.fields(checked).keySet()));
  }

  @Test
  void theHostCountsDeclaredCountersOnlyInTheirOrder() {
    Experiment.Setup s = Experiment.build(new RunSpec(Architecture.BASELINE, Platform.defaults(),
        WorkloadSpec.parse("udp:1MB/s"), Time.S, 1));
    List<String> counted = List.copyOf(s.host().counts().keySet());

    // A declared counter may still be missing (declared ahead of the model code), never extra.
    assertEquals(counted, Metric.counters().stream().map(Metric::counter)
        .filter(counted::contains).toList());
    assertTrue(counted.contains("sdio_rx_work"));
  }

  @Test
  void theRigsCaptureBEventsAreDeclaredCounters() {
    for (String name : List.of("mmc_request_start", "bes2600_rx_cb", "bes2600_bh_wakeup",
        "wsm_cmd_send", "contention_begin", "gpio_wake_settle")) {
      assertEquals(Metric.Unit.PER_SECOND, Metric.counter(name).unit(), name);
    }
  }

  @Test
  void headersNameTheUnitAndCpuIsShownAsAPercentage() {
    assertEquals("delivered MB/s", Metric.DELIVERED_MBPS.header());
    assertEquals("CPU %", Metric.CPU_UTILIZATION.header());
    assertEquals("sdio_rx_work /s", Metric.SDIO_RX_WORK.header());
    assertEquals("lost updates (count)", Metric.LOST_UPDATES.header());
    assertEquals("first WARN (s)", Metric.FIRST_WARN_SEC.header());
    assertEquals(12.5, Metric.CPU_UTILIZATION.shown(0.125));
    assertEquals("fraction", Metric.CPU_UTILIZATION.unit().symbol());
  }

  @Test
  void intervalIsTheMeanAndHalfWidthInTheShownUnitAtTheDeclaredDecimals() {
    // CPU: 0.0125 +- 0.0011 of all CPUs is 1.25% +- 0.11%, two decimals.
    assertEquals("1.25 ±0.11", Metric.CPU_UTILIZATION.interval(new Summary(3, 0.0125, 0.0011)));
    assertEquals("1.362", Metric.DELIVERED_MBPS.interval(new Summary(1, 1.3621, Double.NaN)));
    assertEquals("-", Metric.SDIO_RX_WORK.interval(null));
    assertEquals("-", Metric.FIRST_WARN_SEC.interval(new Summary(0, Double.NaN, Double.NaN)));
    assertEquals("12.3", Metric.LOST_UPDATES.mean(new Summary(2, 12.25, 3)));
  }

  @Test
  void aCounterIsReadFromPerSecondAndAbsentIsNull() {
    RunResult r = new RunResult("v3", Map.of("arch.rxPath", "bh"), 1, "udp:1MB/s", 10, 0, 1, 0.9,
        0.02,
        Map.of("irq", 42.0), 0, 0, null, 7.5);

    assertEquals(42.0, Metric.IRQ.number(r));
    assertNull(Metric.SDIO_RX_WORK.number(r));
    assertNull(Metric.FIRST_WARN_SEC.number(r));
    assertEquals(7.5, Metric.WEDGED_AT_SEC.number(r));
    assertEquals(1.0, Metric.SEED.number(r));
    assertEquals("v3", Metric.ARCH.value(r));
    assertEquals(Map.of("arch.rxPath", "bh"), Metric.ARCH_SPEC.value(r));
  }

  @Test
  void aRunMayHoldDeclaredCountersOnly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RunResult("v3", Map.of(), 1, "udp:1MB/s", 10, 0, 1, 1, 0, Map.of("nope", 1.0),
            0, 0, null, null));

    assertEquals("perSecond.nope is not a counter Metric declares", e.getMessage());
  }

  @Test
  void figureResolvesMeasurementNames() {
    assertEquals(Metric.DELIVERED_MBPS, Metric.figure("deliveredMBps"));
    assertEquals(Metric.AIR_DROPS, Metric.figure("perSecond.air_drops"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Metric.figure("wallSeconds"))
        .getMessage().startsWith("unknown metric 'wallSeconds'"));
  }
}
