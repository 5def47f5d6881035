package io.bessim.driver.host;

import io.bessim.driver.bes2600.DriverInvariants;
import io.bessim.driver.kernel.KernelCheck;
import io.bessim.sim.Simulator;
import io.bessim.sim.Violations;
import java.util.Map;

/**
 * {@code --check} for one tablet: the kernel's invariants ({@link KernelCheck}) and the driver's
 * and chip's conservation laws ({@link DriverInvariants}), all checked after every event. It
 * only observes, so a checked run produces the same results as an unchecked one, slower.
 */
public final class RunCheck {
  private final Simulator sim;
  private final Violations violations = new Violations();
  private final KernelCheck kernel;
  private final DriverInvariants driver;

  private RunCheck(Host host) {
    this.sim = host.sim();
    this.kernel = host.kernel().check(violations);
    this.driver = new DriverInvariants(host.driver(), host.chip(), kernel, violations);
  }

  /** Starts checking {@code host}, built and not yet run. */
  public static RunCheck attach(Host host) {
    return new RunCheck(host);
  }

  /** Runs the simulation to {@code endPs} (as {@link Simulator#runUntil}), checking each event. */
  public void runUntil(long endPs) {
    while (sim.step(endPs)) {
      kernel.afterEvent(sim.nowPs());
      driver.afterEvent();
    }
    sim.runUntil(endPs);
  }

  /** Violations by invariant, in name order; empty when every invariant held. */
  public Map<String, Long> violations() {
    return violations.counts();
  }
}
