package io.bessim.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.race.Interleavings.Outcome;
import io.bessim.race.Interleavings.Program;
import io.bessim.sim.Time;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class InterleavingsOfTheRealRoutinesTest {
  private static Bes2600Driver driver(Architecture a) {
    return Experiment.build(new RunSpec(a, Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"),
        Time.S, 1)).host().driver();
  }

  @Test
  void orderCountIsTheBinomial() {
    assertEquals(6, Interleavings.orders(2, 2).size());
    assertEquals(6, Interleavings.binomial(4, 2));
    assertEquals(20, Interleavings.orders(3, 3).size());
    assertEquals(20, Interleavings.binomial(6, 3));
    assertEquals(List.of("AB", "BA"), Interleavings.orders(1, 1));
    // Each order keeps both programs' own order: all distinct, m 'A's and n 'B's each.
    List<String> o = Interleavings.orders(3, 2);
    assertEquals(10, new HashSet<>(o).size());
    assertTrue(o.stream().allMatch(s -> s.chars().filter(c -> c == 'A').count() == 3));
  }

  @Test
  void v1PlainUpdatesLoseInFourOfSixOrders() {
    // From 5: A (alloc) = load, store +1; B (release) = load, store -1. An order loses an update
    // exactly when a store lands between the other's load and store: AABB and BBAA end at 5;
    // ABAB and BAAB end at 4 (B's store last, A's +1 lost); ABBA and BABA end at 6.
    Bes2600Driver d = driver(Architecture.V1);
    Program a = new Program("A", d.wsm_alloc_tx_buffer);
    Program b = new Program("B", d.wsm_release_tx_buffer);
    assertEquals(2, Interleavings.sharedOpsAlone(a, d.hw_bufs_used, 5));
    assertEquals(2, Interleavings.sharedOpsAlone(b, d.hw_bufs_used, 5));

    List<Outcome> all = Interleavings.orders(2, 2).stream()
        .map(order -> Interleavings.execute(a, b, order, d.hw_bufs_used, 5)).toList();

    assertEquals(List.of("AABB:5", "ABAB:4", "ABBA:6", "BAAB:4", "BABA:6", "BBAA:5"),
        all.stream().map(x -> x.order() + ":" + x.end()).toList());
    assertEquals(4, all.stream().filter(Outcome::lostUpdate).count());
    assertTrue(all.stream().allMatch(x -> x.expected() == 5));
  }

  @Test
  void v2AtomicUpdatesLoseInNoOrder() {
    Bes2600Driver d = driver(Architecture.V2);
    Program a = new Program("A", d.wsm_alloc_tx_buffer);
    Program b = new Program("B", d.wsm_release_tx_buffer);
    assertEquals(1, Interleavings.sharedOpsAlone(a, d.hw_bufs_used, 5));

    List<Outcome> all = Interleavings.orders(1, 1).stream()
        .map(order -> Interleavings.execute(a, b, order, d.hw_bufs_used, 5)).toList();

    assertEquals(2, all.size());
    assertTrue(all.stream().noneMatch(Outcome::lostUpdate));
    assertTrue(all.stream().allMatch(x -> x.end() == 5));
  }

  @Test
  void releaseFromZeroFiresTheWarn() {
    Bes2600Driver d = driver(Architecture.V1);
    Outcome o = Interleavings.execute(new Program("A", d.wsm_alloc_tx_buffer),
        new Program("B", d.wsm_release_tx_buffer), "BBAA", d.hw_bufs_used, 0);

    assertEquals(0, o.end());
    assertEquals(List.of("B: WARN_ON(hw_bufs_used < 0)"), o.warnings());
  }

  @Test
  void reportShowsV3AsOneContextWithSequentialOrdersOnly() {
    InterleavingsReport.Section v1 = InterleavingsRun.section(Architecture.V1,
        Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"), 1, 5);
    InterleavingsReport.Section v3 = InterleavingsRun.section(Architecture.V3,
        Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"), 1, 5);

    assertEquals(6, v1.orders());
    assertEquals(6, v1.binomial());
    assertEquals(4, v1.lost());
    assertFalse(v1.oneContext());
    assertTrue(v3.oneContext());
    assertEquals(2, v3.orders());
    assertEquals(0, v3.lost());
    assertTrue(v3.text().contains("Single writer: both routines run in bes2600_bh"), v3.text());
    assertTrue(v1.text().lines().filter(l -> l.contains("LOST update")).count() == 4,
        v1.text().lines().collect(Collectors.joining("\n")));
  }
}
