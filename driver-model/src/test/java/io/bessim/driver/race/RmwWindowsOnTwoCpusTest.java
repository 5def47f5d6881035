package io.bessim.driver.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.KernelCosts;
import io.bessim.driver.kernel.Local;
import io.bessim.driver.kernel.Routine;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window analysis on a hand-built scenario. Costs: a load 1 ns (+80 ns when the line was last
 * written on the other CPU), a store 1 ns, everything else free; each increment is loadForUpdate,
 * 10 ns of work, store. So a plain window is 1 + 10 = 11 ns and a transferred one 91 ns.
 *
 * <pre>
 *   a  CPU0 at 0 ns:    load 0 (line never written: no transfer), store 1 at 11 ns: 11 ns, plain
 *   b  CPU1 at 5 ns:    load 0 inside a's window (overlap), store 1 at 16 ns over a's 1:
 *                       lost; 11 ns
 *   c  CPU0 at 1000 ns: load (b wrote on CPU1: transfer), store at 1091 ns: 91 ns, cache line
 *   d  CPU1 at 2000 ns: load (c wrote on CPU0: transfer) would store at 2091 ns, but a 1000 ns hard
 *                       IRQ on CPU1 at 2005 ns delays it to 3091 ns: 1091 ns, hard IRQ
 *   e  CPU0 at 5000 ns: plain load and store (not an RMW in the model): no window
 * </pre>
 */
final class RmwWindowsOnTwoCpusTest {
  private static final KernelCosts COSTS = new KernelCosts(1 * Time.NS, 1 * Time.NS, 0,
      80 * Time.NS, 0, 0, 0, 0, 0, 0, 2 * Time.US, 5 * Time.US, 6 * Time.US, 0, 0);

  private final Simulator sim = new Simulator();
  private final Kernel kernel = new Kernel(sim, COSTS, 2);
  private Cell cell;
  private AccessRecorder rec;

  private Routine increment() {
    return Routine.define("inc", b -> {
      Local v = b.local("counter");
      b.loadForUpdate(cell, v)
          .compute("think", 10 * Time.NS)
          .exec("counter += 1", (c, t) -> c.set(v, c.get(v) + 1))
          .store(cell, v);
    });
  }

  @BeforeEach
  void run() {
    cell = kernel.cell("counter", false);
    rec = AccessRecorder.attach(kernel, 7);
    kernel.startThread("a", 0, increment(), 0);
    kernel.startThread("b", 1, increment(), 5 * Time.NS);
    kernel.startThread("c", 0, increment(), 1000 * Time.NS);
    kernel.startThread("d", 1, increment(), 2000 * Time.NS);
    sim.scheduleAt(2005 * Time.NS, (now, arg) -> kernel.hardIrq(1, now, 1000 * Time.NS,
        (t, x) -> { }, 0), 0);
    kernel.startThread("e", 0, Routine.define("peek_poke", b -> {
      Local v = b.local("counter");
      b.load(cell, v).exec("counter += 1", (c, t) -> c.set(v, c.get(v) + 1)).store(cell, v);
    }), 5000 * Time.NS);
    sim.run();
    rec.end(Time.S); // observed for one second: the estimate below is over second 0
  }

  @Test
  void windowWidthsAndCausesAreTheHandComputedOnes() {
    RmwWindows w = rec.windows().get("counter");
    assertEquals(4, w.windows());
    assertEquals(11 * Time.NS, w.site("a", "inc").widthsPs().max());
    assertEquals(11 * Time.NS, w.site("b", "inc").widthsPs().max());
    assertEquals(91 * Time.NS, w.site("c", "inc").widthsPs().max());
    assertEquals(1091 * Time.NS, w.site("d", "inc").widthsPs().max());
    assertEquals(1, w.site("a", "inc").causeCount(RmwWindows.Cause.PLAIN));
    assertEquals(1, w.site("b", "inc").causeCount(RmwWindows.Cause.PLAIN));
    assertEquals(1, w.site("c", "inc").causeCount(RmwWindows.Cause.CACHE_LINE));
    assertEquals(1, w.site("d", "inc").causeCount(RmwWindows.Cause.HARD_IRQ));
    assertEquals(11 * Time.NS, w.site("a", "inc").plainPs());
    assertEquals(91 * Time.NS, w.site("c", "inc").transferPs());
    // The widest first: d, c, then a and b tie at 11 ns (a opened first).
    assertEquals(List.of(1091 * Time.NS, 91 * Time.NS, 11 * Time.NS),
        w.widest().stream().map(RmwWindows.Widest::widthPs).toList());
    assertEquals("d", w.widest().get(0).site().context());
    assertEquals(7, w.widest().get(0).seed());
    // The kernel's own count of windows and their total width agree: 11 + 11 + 91 + 1091 ns.
    assertEquals(4, cell.rmwWindows());
    assertEquals(1204 * Time.NS, cell.rmwWindowPsTotal());
  }

  @Test
  void oneOverlapAndOneLostUpdate() {
    RmwWindows w = rec.windows().get("counter");
    assertEquals(1, w.overlaps());
    assertEquals(1, w.lostUpdates());
    assertEquals(cell.overlaps(), w.overlaps());
    assertEquals(cell.lostUpdates(), w.lostUpdates());
    // b's store is the one that overwrote a's update, closing a plain window.
    assertEquals(1, w.site("b", "inc").lostCount(RmwWindows.Cause.PLAIN));
    assertEquals(0, w.site("a", "inc").lost());
    // a, b, c, d each increment once, e once more; b's store lost a's: 5 - 1.
    assertEquals(4, cell.peek());
  }

  @Test
  void overlapIsChargedToThePairAndTheEstimateIsRateTimesRateTimesWidths() {
    RmwWindows w = rec.windows().get("counter");
    RmwWindows.PairEstimate ab = w.pairs().stream()
        .filter(p -> p.a().context().equals("a") && p.b().context().equals("b"))
        .findFirst().orElseThrow();
    assertEquals(1, ab.simulated());
    // Second 0: one window each of 11 ns: r_a r_b (w_a + w_b) * 1 s = 1 * 1 * 22 ns / 1 s.
    assertEquals(22e-9, ab.expected(), 1e-15);
    assertEquals(1.0, ab.busySeconds());
    assertEquals(1.0, ab.rateA());
    assertEquals(11 * Time.NS, ab.meanPsA());
    // Four sites in four contexts: six pairs, one overlap among them.
    assertEquals(6, w.pairs().size());
    assertEquals(1, w.pairs().stream().mapToLong(RmwWindows.PairEstimate::simulated).sum());
  }

  @Test
  void fiveWriterContextsWithNoLockAreFlagged() {
    FieldUse f = rec.fields().get("counter");
    assertEquals(5, f.concurrentWriters());
    assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(f.contexts().keySet()));
    assertEquals(List.of(0), List.copyOf(f.contexts().get("c").cpus()));
    Protection p = Protection.of(f, rec.lockNames());
    assertEquals(Protection.Kind.NONE, p.kind());
    assertTrue(p.flagged());
    assertEquals("NONE: a + b + c + d + e", p.text());
  }
}
