package io.bessim.driver.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.host.Host;
import io.bessim.driver.Platform;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.driver.race.Interleavings.Outcome;
import io.bessim.driver.race.Interleavings.Program;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InterleavingsOfTheRealRoutinesTest {
  /** The driver as built for {@code a}: its routines, never run (no traffic reaches it). */
  private static Bes2600Driver driver(Architecture a) {
    return new Host(new Simulator(), Platform.defaults(), a, new RandomStreams(1),
        (nowPs, frame) -> null).driver();
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
}
