package io.bessim.sim;

/**
 * What an event does when it fires. The int argument lets one handler serve many targets (a CPU
 * number, a thread id) without allocating an event object per schedule.
 */
@FunctionalInterface
public interface EventHandler {
  void fire(long nowPs, int arg);
}
