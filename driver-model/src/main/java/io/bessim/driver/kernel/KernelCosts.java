package io.bessim.driver.kernel;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Costs of kernel primitives on the host CPU, in picoseconds. Values come from the platform
 * profile (see docs/platform.md for each source).
 */
public record KernelCosts(
    long loadPs,
    long storePs,
    long atomicPs,
    long cacheLinePs,
    long spinLockPs,
    long spinLockIrqPs,
    long lockHandoffPs,
    long mutexPs,
    long queueWorkPs,
    long wakeUpCallPs,
    long contextSwitchPs,
    long wakeSameCpuPs,
    long wakeCrossCpuPs,
    long warnPs,
    long workLoopPs) {
  public KernelCosts {
    // Locks halves the spinlock costs with a shift, which equals / 2 only for these.
    checkArgument(spinLockPs >= 0 && spinLockIrqPs >= 0, "negative spinlock cost: %s / %s ps",
        spinLockPs, spinLockIrqPs);
  }
}
