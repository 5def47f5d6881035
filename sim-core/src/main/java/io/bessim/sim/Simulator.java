package io.bessim.sim;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One simulation: one clock, one event queue. Single-threaded by design; parallelism is across
 * independent simulators, never inside one.
 */
public final class Simulator {
  private static final long UNKNOWN = -1;

  private final EventQueue queue = new EventQueue(4096);
  /**
   * The time of the earliest pending event, or {@link #UNKNOWN} after a removal until asked: the
   * interpreter asks before every shared op, several times per event, so the answer is a field
   * read in a method small enough for C1 to inline rather than a call into the queue.
   */
  private long nextPs = Long.MAX_VALUE;
  private long nowPs;
  private long eventsFired;
  private boolean stopRequested;

  public long nowPs() {
    return nowPs;
  }

  public long eventsFired() {
    return eventsFired;
  }

  /** Schedules {@code handler} at absolute time {@code atPs} (not before now). */
  public void scheduleAt(long atPs, EventHandler handler, int arg) {
    checkArgument(atPs >= nowPs, "event in the past: %s < %s", atPs, nowPs);
    queue.add(atPs, handler, arg);
    if (atPs < nextPs) nextPs = atPs;
  }

  /** Schedules {@code handler} {@code delayPs} from now. */
  public void schedule(long delayPs, EventHandler handler, int arg) {
    checkArgument(delayPs >= 0, "negative delay %s", delayPs);
    // An overflowing sum would wrap negative and fire at once, ahead of everything pending.
    checkArgument(
        delayPs <= Long.MAX_VALUE - nowPs, "delay %s overflows the clock at %s", delayPs, nowPs);
    long atPs = nowPs + delayPs;
    queue.add(atPs, handler, arg);
    if (atPs < nextPs) nextPs = atPs;
  }

  /** Time of the next pending event, or {@link Long#MAX_VALUE}. */
  public long nextEventPs() {
    long n = nextPs;
    return n != UNKNOWN ? n : refreshNext();
  }

  private long refreshNext() {
    return nextPs = queue.peekTime();
  }

  public int pendingEvents() {
    return queue.size();
  }

  /** Asks {@link #runUntil} to return after the event being fired. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Fires events in order until the queue is empty or {@link #stop()} is called; the clock is left
   * at the last event fired.
   */
  public void run() {
    runLoop(Long.MAX_VALUE);
  }

  /**
   * Fires events in order until the queue is empty, {@link #stop()} is called, or the next event
   * lies beyond {@code endPs}; the clock then stands at {@code endPs} (unless stopped early).
   * Events at exactly {@code endPs} fire.
   */
  public void runUntil(long endPs) {
    if (runLoop(endPs) && endPs > nowPs) nowPs = endPs;
  }

  /**
   * Fires the next event if it is due at or before {@code endPs} and returns true; returns false,
   * firing nothing, otherwise. For checkers that look at the model between every two events
   * ({@code --check}); the plain loop below stays free of the hook.
   */
  public boolean step(long endPs) {
    if (queue.isEmpty()) return false;
    long t = nextEventPs();
    if (t > endPs) return false;
    fire(t);
    return true;
  }

  /** Returns false if stopped by {@link #stop()}. */
  private boolean runLoop(long endPs) {
    stopRequested = false;
    EventQueue q = queue;
    while (!q.isEmpty()) {
      long t = nextEventPs();
      if (t > endPs) break;
      fire(t);
      if (stopRequested) return false;
    }
    return true;
  }

  /** Removes the earliest event, due at {@code t}, sets the clock to it and fires it. */
  private void fire(long t) {
    EventQueue q = queue;
    EventHandler h = q.firstHandler();
    int a = q.firstArg();
    q.removeFirst();
    // The cached next time was this event's. UNKNOWN is below every time, so the adds the handler
    // makes leave it unknown until asked.
    nextPs = UNKNOWN;
    nowPs = t;
    eventsFired++;
    h.fire(t, a);
  }
}
