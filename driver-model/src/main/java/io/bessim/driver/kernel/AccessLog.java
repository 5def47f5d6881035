package io.bessim.driver.kernel;

/** Receives every shared-cell access; the race tools implement it. */
public interface AccessLog {
  /**
   * One access. {@code kind} is 'R' (plain load), 'W' (plain store), 'A' (atomic RMW), 'r'
   * (atomic read). {@code lost} is true for a store that overwrote another context's update.
   */
  void access(long atPs, Cell cell, Ctx ctx, String routine, char kind, long valueBefore,
      long valueAfter, long lockMask, boolean lost);
}
