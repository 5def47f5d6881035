package io.bessim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.experiment.Metric;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class MeasurementsTest {
  @Test
  void shippedRigBaselineHoldsEveryFieldNotesFigureWithItsConditions() {
    Measurements ms = Measurements.load("rig");

    assertEquals(List.of("preflight", "captureB", "at1MBps", "phase0", "weakSignal"),
        ms.sections().stream().map(Section::name).toList());
    for (Section s : ms.sections()) assertEquals(Architecture.BASELINE, s.arch(), s.name());
    Section preflight = ms.sections().get(0);
    assertEquals(WorkloadSpec.parse("tcp:4MB/s"), preflight.workload());
    assertEquals(180 * Time.S, preflight.durationPs());
    assertEquals(List.of("deliveredMBps 1.362 15%", "perSecond.sdio_rx_work 86.4 25%",
        "perSecond.sdio_tx_work 276.1 25%"), describe(preflight));
    Section captureB = ms.sections().get(1);
    assertEquals(180 * Time.S, captureB.durationPs());
    assertEquals(List.of(
        "perSecond.workqueue_execute_start / perSecond.bes2600_rx_cb 9.24 30%",
        "perSecond.mmc_request_start / perSecond.bes2600_rx_cb 9.5 30%",
        "perSecond.bes2600_bh_wakeup / perSecond.bes2600_rx_cb 0.437 30%",
        "perSecond.wsm_cmd_send 13.0 0..30", "perSecond.contention_begin 50.0 15..150",
        "perSecond.bes2600_rx_cb 611.0 - report-only"), describe(captureB));
    Section at1 = ms.sections().get(2);
    assertEquals(WorkloadSpec.parse("tcp:1MB/s"), at1.workload());
    assertNull(at1.durationPs());
    assertEquals(List.of("deliveredMBps 1.015 15%"), describe(at1));
    assertTrue(ms.sections().get(3).figures().get(0).reportOnly());
    assertTrue(ms.sections().get(4).figures().get(0).reportOnly());
    assertEquals(9, ms.fitted().size());
    assertTrue(ms.countable().contains(Metric.counter("mmc_request_start")));
    assertFalse(ms.countable().contains(Metric.counter("chip_rx_dropped_pool_full")),
        "the firmware's drops are not visible to the rig");
    for (Measurement m : ms.figures()) assertTrue(m.source().startsWith("field-notes.md"));
  }

  private static List<String> describe(Section s) {
    return s.figures().stream().map(m -> m.quantity().key() + " " + m.value() + " " + m.band()
        + (m.reportOnly() ? " report-only" : "")).toList();
  }

  @Test
  void aFileWithoutSectionsIsOneUnnamedSection() {
    Measurements ms = Measurements.parse(String.join("\n",
        "# no arch or workload line: both stay open",
        "deliveredMBps = 2.0 | 20% | a",
        "  perSecond.bh_wakeups = 1_000 | 0.5 report-only | b  ",
        "cpuUtilization = 0.25 | 0.1 | c | with a bar in the source"), "t");

    assertEquals(1, ms.sections().size());
    Section s = ms.sections().get(0);
    assertEquals("", s.name());
    assertFalse(ms.named());
    assertNull(s.arch());
    assertNull(s.workload());
    assertEquals(0.2, ms.figures().get(0).tolerance(), 1e-12);
    Measurement wakeups = ms.figures().get(1);
    assertEquals(1000, wakeups.value());
    assertEquals(0.5, wakeups.tolerance());
    assertTrue(wakeups.reportOnly());
    assertEquals("c | with a bar in the source", ms.figures().get(2).source());
    assertEquals(List.of("deliveredMBps", "cpuUtilization"),
        ms.fitted().stream().map(m -> m.quantity().key()).toList());
  }

  @Test
  void theSameFigureMayBeMeasuredInTwoSectionsButNotTwiceInOne() {
    Measurements ms = Measurements.parse(String.join("\n",
        "[a]", "workload = tcp:4MB/s", "deliveredMBps = 1.3 | 15% | x",
        "[b]", "workload = tcp:1MB/s", "deliveredMBps = 1.0 | 15% | y"), "t");

    assertEquals(List.of("[a] deliveredMBps", "[b] deliveredMBps"),
        ms.figures().stream().map(Measurement::label).toList());
  }

  @Test
  void aResidualIsInTolerancesOnTheModelsSideOfTheValue() {
    Measurement relative = Measurement.relative("", Quantity.of(Metric.DELIVERED_MBPS), 2.0, 0.1,
        false, "s");
    // 2.3 is 15% above 2.0, one and a half tolerances: 1.5^2 = 2.25.
    assertEquals(1.5, relative.residual(2.3), 1e-12);
    assertEquals(2.25, relative.term(2.3), 1e-12);
    assertEquals(0.15, relative.offBy(2.3), 1e-12);
    assertFalse(relative.inside(2.3));
    assertTrue(relative.inside(1.81));

    // 13 in 0..30: above, the band is 30 - 13 = 17 wide; below, 13 - 0 = 13 wide.
    Measurement interval = Measurement.interval("", Quantity.of(Metric.counter("wsm_cmd_send")),
        13, 0, 30, false, "s");
    assertEquals(27.0 / 17, interval.residual(40), 1e-12);
    assertEquals(-0.5, interval.residual(6.5), 1e-12);
    assertEquals(1.0, interval.residual(30), 1e-12);
    assertTrue(interval.inside(30));
    assertTrue(interval.inside(0));
    assertFalse(interval.inside(30.01));
    assertEquals("0..30", interval.band());
    assertEquals(0, Measurement.relative("", Quantity.of(Metric.WARNS), 5, 0.1, true, "s")
        .term(100));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("deliveredMBps 1.362",
            "t:1: expected 'quantity = value | band | source' or '[section]'"),
        Arguments.of("deliveredMBps = 1.362 | 0.15", "t:1: expected 'quantity = value"),
        Arguments.of("deliveredMBps = fast | 0.15 | s", "t:1: value of deliveredMBps is not a"),
        Arguments.of("deliveredMBps = 1 | wide | s", "t:1: tolerance of deliveredMBps is not a"),
        Arguments.of("deliveredMBps = 1 |  | s", "t:1: no band for deliveredMBps"),
        Arguments.of("deliveredMBps = 1 | -0.1 | s", "t:1: tolerance of deliveredMBps must be"),
        Arguments.of("deliveredMBps = 0 | 0.1 | s",
            "t:1: measured deliveredMBps must be non-zero for a relative tolerance"),
        Arguments.of("deliveredMBps = 1 | 0.1 |  ", "t:1: no source for deliveredMBps"),
        Arguments.of("deliveredMBps = 1 | 0.1 2..3 | s", "t:1: two bands for deliveredMBps"),
        Arguments.of("perSecond.irq = 40 | 0..30 | s",
            "t:1: measured perSecond.irq = 40 lies outside its interval 0..30"),
        Arguments.of("perSecond.irq = 5 | 9..3 | s",
            "t:1: interval of perSecond.irq must have lo < hi, got 9..3"),
        Arguments.of("perSecond.irq = 5 | 1..x | s", "t:1: interval of perSecond.irq is not a"),
        Arguments.of("speed = 1 | 0.1 | s", "t:1: unknown metric 'speed'"),
        Arguments.of("perSecond.a-b = 1 | 0.1 | s",
            "t:1: unknown counter 'a-b' in 'perSecond.a-b' (known: sdio_rx_work, sdio_tx_work,"),
        Arguments.of("perSecond.irq / perSecond.nope = 1 | 0.1 | s",
            "t:1: unknown counter 'nope'"),
        Arguments.of("perSecond.irq / warns / deliveredMBps = 1 | 0.1 | s",
            "t:1: 'perSecond.irq / warns / deliveredMBps': at most one '/'"),
        Arguments.of("warns / warns = 1 | 0.1 | s", "t:1: 'warns / warns' is a ratio of a metric"),
        Arguments.of("simSeconds = 1 | 0.1 | s", "t:1: unknown metric 'simSeconds' (known:"
            + " offeredMBps, deliveredMBps, cpuUtilization, lostUpdates, warns,"
            + " perSecond.<counter>)"),
        Arguments.of("warns = 1 | 0.1 | s\n\nwarns = 2 | 0.1 | s", "t:3: 'warns' given twice"),
        Arguments.of("[a]\nwarns = 1 | 0.1 | s\nwarns = 2 | 0.1 | s",
            "t:3: 'warns' given twice in [a]"),
        Arguments.of("[a]\nwarns = 1 | 0.1 | s\n[a]\nwarns = 2 | 0.1 | s",
            "t:3: section [a] given twice"),
        Arguments.of("warns = 1 | 0.1 | s\n[a]\nwarns = 2 | 0.1 | s",
            "t:2: [a]: figures before the first section belong in one"),
        Arguments.of("[a b]\nwarns = 1 | 0.1 | s", "t:1: a section name is letters"),
        Arguments.of("[a\nwarns = 1 | 0.1 | s", "t:1: a section line is '[name]'"),
        Arguments.of("[a]\nworkload = tcp:1MB/s\n[b]\nwarns = 1 | 0.1 | s",
            "t:3: section [a] has no figure"),
        Arguments.of("[a]\nwarns = 1 | 0.1 | s\ncountable = warns",
            "t:3: 'countable' belongs before the first section"),
        Arguments.of("countable = warns, nope\nwarns = 1 | 0.1 | s", "t:1: unknown metric 'nope'"),
        Arguments.of("[a]\nduration = soon\nwarns = 1 | 0.1 | s", "t:2: malformed duration 'soon'"),
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
