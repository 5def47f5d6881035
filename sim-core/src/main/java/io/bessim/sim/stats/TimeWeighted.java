package io.bessim.sim.stats;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A level that holds between changes (queue length, busy flag, buffer occupancy) and its
 * time-weighted mean and maximum.
 *
 * <p>Each level counts in proportion to how long it was held, not how often it was set, which is
 * what Little's law and utilisation need; a plain average of the values set would over-weight
 * short-lived levels.
 */
public final class TimeWeighted {
  private long startPs;
  private long lastPs;
  private double level;
  private double area;
  private double max;

  /** Starts at time 0 with level 0. */
  public TimeWeighted() {
    this(0, 0);
  }

  public TimeWeighted(long startPs, double initialLevel) {
    this.startPs = startPs;
    this.lastPs = startPs;
    this.level = initialLevel;
    this.max = initialLevel;
  }

  /** Changes the level to {@code newLevel} at {@code nowPs}, not before the last change. */
  public void set(long nowPs, double newLevel) {
    advance(nowPs);
    level = newLevel;
    if (newLevel > max) max = newLevel;
  }

  /** Changes the level by {@code delta} at {@code nowPs}. */
  public void add(long nowPs, double delta) {
    set(nowPs, level + delta);
  }

  public double level() {
    return level;
  }

  /** The highest level held since the start (or the last reset). */
  public double max() {
    return max;
  }

  /**
   * Time-weighted mean level from the start up to {@code nowPs}; the current level when no time
   * has passed.
   */
  public double mean(long nowPs) {
    checkArgument(nowPs >= lastPs, "time went backwards: %s < %s", nowPs, lastPs);
    long span = nowPs - startPs;
    if (span == 0) return level;
    return (area + level * (nowPs - lastPs)) / span;
  }

  /**
   * Forgets the history before {@code nowPs} but keeps the current level, so a warm-up period can
   * be discarded without disturbing the model.
   */
  public void reset(long nowPs) {
    checkArgument(nowPs >= lastPs, "time went backwards: %s < %s", nowPs, lastPs);
    startPs = nowPs;
    lastPs = nowPs;
    area = 0;
    max = level;
  }

  private void advance(long nowPs) {
    checkArgument(nowPs >= lastPs, "time went backwards: %s < %s", nowPs, lastPs);
    area += level * (nowPs - lastPs);
    lastPs = nowPs;
  }
}
