package io.bessim.driver.kernel;

import java.util.ArrayDeque;

/** One CPU: the context running on it, a FIFO run queue, hard-IRQ occupancy and busy time. */
final class Cpu {
  final int id;
  Ctx current;
  final ArrayDeque<Ctx> runqueue = new ArrayDeque<>();
  /** When the last hard IRQ on this CPU began and when it (and those queued behind it) end. */
  long irqStartPs;
  long irqBusyUntilPs;
  long busyPs;
  boolean needResched;
  long irqs;
  final ArrayDeque<Object> softirqPending = new ArrayDeque<>();
  final ArrayDeque<Routine> softirqRoutines = new ArrayDeque<>();
  final ArrayDeque<DeferredIrq> deferredIrqs = new ArrayDeque<>();
  Ctx ksoftirqd;

  /** A hard IRQ held off by spin_lock_irqsave until the irqrestore; {@code what} names it. */
  record DeferredIrq(long durationPs, io.bessim.sim.EventHandler action, int arg, String what) {}

  Cpu(int id) {
    this.id = id;
  }
}
