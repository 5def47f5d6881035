package io.bessim.driver.kernel;

import io.bessim.sim.Time;

/** Routines several kernel tests run. */
final class TestRoutines {
  private TestRoutines() {}

  /** {@code cell++} with no lock: load, 10 ns of thought, store; two CPUs can lose an update. */
  static Routine unlockedIncrement(Cell cell) {
    return Routine.define("inc", b -> {
      Local v = b.local("v");
      b.loadForUpdate(cell, v)
          .compute("think", 10 * Time.NS)
          .exec("v += 1", (c, t) -> c.set(v, c.get(v) + 1))
          .store(cell, v);
    });
  }
}
