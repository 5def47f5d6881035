package io.bessim.workloads;

import io.bessim.sim.EventHandler;
import io.bessim.sim.Simulator;

/**
 * A restartable one-shot timer (like the kernel's {@code sk_reset_timer}) on a simulator that
 * cannot cancel events. Pushing the deadline later costs nothing: the pending event fires, sees
 * the later deadline and re-queues itself. Only an earlier deadline schedules a new event, and a
 * generation number makes the superseded one a no-op.
 */
final class OneShotTimer {
  interface Expiry {
    void expire(long nowPs);
  }

  private static final long NONE = Long.MAX_VALUE;

  private final Simulator sim;
  private final Expiry expiry;
  private final EventHandler fire = this::fire;
  private long deadlinePs = NONE;
  private long eventAtPs = NONE;
  private int generation;

  OneShotTimer(Simulator sim, Expiry expiry) {
    this.sim = sim;
    this.expiry = expiry;
  }

  boolean armed() {
    return deadlinePs != NONE;
  }

  long deadlinePs() {
    return deadlinePs;
  }

  /** (Re)arms the timer for {@code atPs}, replacing any earlier deadline. */
  void arm(long atPs) {
    deadlinePs = atPs;
    if (atPs < eventAtPs) {
      generation++;
      eventAtPs = atPs;
      sim.scheduleAt(atPs, fire, generation);
    }
  }

  void cancel() {
    deadlinePs = NONE;
  }

  private void fire(long nowPs, int gen) {
    if (gen != generation) return;
    eventAtPs = NONE;
    if (deadlinePs == NONE) return;
    if (nowPs < deadlinePs) {
      eventAtPs = deadlinePs;
      sim.scheduleAt(deadlinePs, fire, generation);
      return;
    }
    deadlinePs = NONE;
    expiry.expire(nowPs);
  }
}
