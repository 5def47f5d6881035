package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.experiment.Metric;
import io.bessim.experiment.WorkloadSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class MeasurementsTest {
  @Test
  void shippedRigBaselineHoldsTheFieldNotesFigures() {
    Measurements ms = Measurements.load("rig");

    assertEquals(Architecture.BASELINE, ms.arch());
    assertEquals(WorkloadSpec.parse("tcp:4MB/s"), ms.workload());
    assertEquals(List.of("deliveredMBps", "perSecond.sdio_rx_work", "perSecond.sdio_tx_work",
            "perSecond.workqueue_execute_start", "perSecond.lock_contention"),
        ms.figures().stream().map(m -> m.metric().key()).toList());
    Measurement delivered = ms.figures().get(0);
    assertEquals(1.362, delivered.value());
    assertEquals(0.15, delivered.tolerance());
    assertEquals(86.4, ms.figures().get(1).value());
    assertEquals(276.1, ms.figures().get(2).value());
    assertEquals(3, ms.fitted().size());
    assertTrue(ms.figures().get(3).reportOnly());
    assertEquals(5643, ms.figures().get(3).value());
    assertTrue(ms.figures().get(4).reportOnly());
    assertEquals(50, ms.figures().get(4).value());
  }

  @Test
  void toleranceMayBeAFractionOrAPercentageAndReportOnlyMayFollowIt() {
    Measurements ms = Measurements.parse(String.join("\n",
        "# no arch or workload line: both stay open",
        "deliveredMBps = 2.0 | 20% | a",
        "  perSecond.bh_wakeups = 1_000 | 0.5 report-only | b  ",
        "cpuUtilization = 0.25 | 0.1 | c | with a bar in the source"), "t");

    assertNull(ms.arch());
    assertNull(ms.workload());
    assertEquals(0.2, ms.figures().get(0).tolerance(), 1e-12);
    Measurement wakeups = ms.figures().get(1);
    assertEquals(1000, wakeups.value());
    assertEquals(0.5, wakeups.tolerance());
    assertTrue(wakeups.reportOnly());
    assertEquals("c | with a bar in the source", ms.figures().get(2).source());
    assertEquals(List.of("deliveredMBps", "cpuUtilization"),
        ms.fitted().stream().map(m -> m.metric().key()).toList());
  }

  @Test
  void termIsTheResidualInTolerancesSquared() {
    Measurement m = new Measurement(Metric.DELIVERED_MBPS, 2.0, 0.1, false, "s");

    // 2.3 is 15% above 2.0, one and a half tolerances: 1.5^2 = 2.25.
    assertEquals(2.25, m.term(2.3), 1e-12);
    assertEquals(0.15, m.residual(2.3), 1e-12);
    assertFalse(m.within(2.3));
    assertTrue(m.within(1.81));
    assertEquals(0, new Measurement(Metric.WARNS, 5, 0.1, true, "s").term(100));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("deliveredMBps 1.362", "t:1: expected 'metric = value | tolerance | source'"),
        Arguments.of("deliveredMBps = 1.362 | 0.15", "t:1: expected 'metric = value"),
        Arguments.of("deliveredMBps = fast | 0.15 | s", "t:1: value of deliveredMBps is not a"),
        Arguments.of("deliveredMBps = 1 | wide | s", "t:1: tolerance of deliveredMBps is not a"),
        Arguments.of("deliveredMBps = 1 |  | s", "t:1: no tolerance for deliveredMBps"),
        Arguments.of("deliveredMBps = 1 | -0.1 | s", "t:1: tolerance of deliveredMBps must be"),
        Arguments.of("deliveredMBps = 0 | 0.1 | s",
            "t:1: measured deliveredMBps must be a non-zero"),
        Arguments.of("deliveredMBps = 1 | 0.1 |  ", "t:1: no source for deliveredMBps"),
        Arguments.of("speed = 1 | 0.1 | s", "t:1: unknown metric 'speed'"),
        Arguments.of("perSecond.a-b = 1 | 0.1 | s",
            "t:1: unknown counter 'a-b' in 'perSecond.a-b' (known: sdio_rx_work, sdio_tx_work,"),
        Arguments.of("perSecond.nope = 1 | 0.1 | s", "t:1: unknown counter 'nope'"),
        Arguments.of("simSeconds = 1 | 0.1 | s", "t:1: unknown metric 'simSeconds' (known:"
            + " offeredMBps, deliveredMBps, cpuUtilization, lostUpdates, warns,"
            + " perSecond.<counter>)"),
        Arguments.of("warns = 1 | 0.1 | s\n\nwarns = 2 | 0.1 | s", "t:3: 'warns' given twice"),
        Arguments.of("arch = v9\nwarns = 1 | 0.1 | s", "t:1: unknown architecture 'v9'"),
        Arguments.of("workload = tcp:-4MB/s", "t:1: negative rate"),
        Arguments.of("warns = 1 | report-only | s", "t: no figure to fit"),
        Arguments.of("# only a comment", "t: no figure to fit"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void badInputNamesFileLineAndProblem(String text, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Measurements.parse(text, "t"));

    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void missingFileIsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Measurements.load("/no/such/file.measurements"));

    assertEquals("cannot read --measurements '/no/such/file.measurements': no such file",
        e.getMessage());
  }
}
