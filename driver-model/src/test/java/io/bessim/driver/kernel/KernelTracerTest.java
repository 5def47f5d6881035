package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the op-level tracer is told, with the round-number costs of {@link KernelTest}: loads,
 * stores and queue_work are free, a context switch 2 us, a same-CPU wake-up 5 us, a hard IRQ as
 * long as asked.
 */
final class KernelTracerTest {
  private static final KernelCosts COSTS = new KernelCosts(
      0, 0, 0, 0, 2 * Time.NS, 2 * Time.NS, 100 * Time.NS, 0, 0, 0, 2 * Time.US, 5 * Time.US,
      6 * Time.US, 0, Time.US);

  private final Simulator sim = new Simulator();
  private final Kernel kernel = new Kernel(sim, COSTS, 2);
  private final List<String> seen = new ArrayList<>();

  private final KernelTracer tracer = new KernelTracer() {
    @Override
    public void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {
      seen.add(String.format("op %s %s %s %d..%d", ctx, routine, op.text(), startPs / Time.NS,
          endPs < 0 ? -1 : endPs / Time.NS));
    }

    @Override
    public void running(Ctx ctx, int cpu, long fromPs, long toPs) {
      seen.add(String.format("run %s cpu%d %d..%d", ctx, cpu, fromPs / Time.NS, toPs / Time.NS));
    }

    @Override
    public void hardIrq(int cpu, long startPs, long endPs, String what) {
      seen.add(String.format("irq cpu%d %s %d..%d", cpu, what, startPs / Time.NS,
          endPs / Time.NS));
    }

    @Override
    public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {
      seen.add(String.format("queue %s from %s cpu%d %s at %d", w, from == null ? "irq" : from,
          cpu, queued, atPs / Time.NS));
    }

    @Override
    public void workStart(long atPs, WorkItem w) {
      seen.add(String.format("start %s at %d", w, atPs / Time.NS));
    }
  };

  @Test
  void tellsEachOpWithItsTimesAndASleepAsMinusOne() {
    // The thread computes 0 .. 1000 ns, loads and stores at 1000 ns (free), then sleeps 1 us:
    // the sleep is reported with end -1 and the slice on CPU 0 ends as it goes to sleep.
    Cell cell = kernel.cell("x", false);
    kernel.setTracer(tracer);
    kernel.startThread("t", 0, Routine.define("f", b -> {
      Local x = b.local("x");
      b.compute("work", Time.US)
          .loadForUpdate(cell, x)
          .store(cell, x)
          .sleep("msleep", Time.US);
    }), 0);
    sim.run();

    assertEquals(List.of(
        "op t f work 0..1000",
        "op t f load x 1000..1000",
        "op t f store x 1000..1000",
        "op t f msleep 1000..-1",
        "run t cpu0 0..1000",
        "run t cpu0 2000..2000"), seen);
  }

  @Test
  void tellsTheIrqTheQueueWorkAndTheWorkStart() {
    // A 1.5 us IRQ on CPU 1 at 10 us queues the work as it ends (11.5 us); it starts 6 us later.
    kernel.setTracer(tracer);
    WorkItem w = kernel.workItem("rx", "wq", Routine.define("rx_work", b -> b
        .compute("read", 500 * Time.NS)), 6 * Time.US, true);
    sim.scheduleAt(10 * Time.US, (t, a) -> kernel.hardIrq(1, t, 1500 * Time.NS,
        (t2, a2) -> kernel.queueWork(w, 1, t2), 0, "card"), 0);
    sim.run();

    assertEquals(List.of(
        "irq cpu1 card 10000..11500",
        "queue rx from irq cpu1 true at 11500",
        "start rx at 17500",
        "op kworker:rx rx_work read 17500..18000",
        "run kworker:rx cpu1 17500..18000"), seen);
  }

  @Test
  void detachedTracerHearsNothing() {
    kernel.setTracer(tracer);
    kernel.setTracer(null);
    kernel.startThread("t", 0, Routine.define("f", b -> b.compute("work", Time.US)), 0);
    sim.run();

    assertEquals(List.of(), seen);
  }
}
