package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RoutineStepperTest {
  private final Kernel kernel = new Kernel(new Simulator(), new KernelCosts(
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 1);
  private final Cell counter = kernel.cell("counter", false);
  private final Map<Cell, Long> memory = new HashMap<>(Map.of(counter, 5L));
  private final Map<Cell, Long> versions = new HashMap<>();

  private Routine add(String name, long delta) {
    return Routine.define(name, b -> {
      Local v = b.local("counter");
      b.loadForUpdate(counter, v)
          .compute("think", Time.NS)
          .exec("counter += delta", (c, t) -> c.set(v, c.get(v) + delta))
          .store(counter, v)
          .warnOn("counter < 0", c -> c.get(v) < 0);
    });
  }

  @Test
  void runsTheRoutinesOwnArithmeticBetweenItsSharedOps() {
    RoutineStepper s = new RoutineStepper(add("inc", 1), "A");

    assertEquals("load counter", s.advance().text());
    RoutineStepper.Step load = s.step(memory, versions);
    assertEquals('R', load.kind());
    assertEquals(5, load.value());
    RoutineStepper.Step store = s.step(memory, versions);
    assertEquals('W', store.kind());
    assertEquals(6, store.after());
    assertEquals(5, store.base());
    assertFalse(store.lost());
    assertNull(s.advance());
    assertEquals(6L, memory.get(counter));
    assertEquals(List.of(), s.warnings());
  }

  @Test
  void storeBasedOnAStaleLoadIsALostUpdate() {
    // A loads 5, B loads 5 and stores 4, A stores 6 over it: A's store is the lost update.
    RoutineStepper a = new RoutineStepper(add("inc", 1), "A");
    RoutineStepper b = new RoutineStepper(add("dec", -1), "B");
    a.step(memory, versions);
    b.step(memory, versions);
    assertFalse(b.step(memory, versions).lost());
    RoutineStepper.Step last = a.step(memory, versions);

    assertTrue(last.lost());
    assertEquals(4, last.before());
    assertEquals(6L, memory.get(counter));
  }

  @Test
  void warnOnIsEvaluatedOnTheRoutinesVariables() {
    memory.put(counter, 0L);
    RoutineStepper s = new RoutineStepper(add("dec", -1), "B");
    s.finish(memory, versions);

    assertEquals(-1L, memory.get(counter));
    assertEquals(List.of("WARN_ON(counter < 0)"), s.warnings());
  }

  @Test
  void opsThatNeedARunningKernelAreRefused() {
    Routine sleeper = Routine.define("sleeper", b -> b.sleep("msleep", Time.MS));
    RoutineStepper s = new RoutineStepper(sleeper, "A");

    assertThrows(IllegalStateException.class, s::advance);
  }
}
