package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A routine's variables live in its own frame, as a C function's locals do: a call gets fresh
 * copies, arguments are copied in, a return value is copied out, and a softirq that borrows the
 * context leaves the interrupted routine's variables alone.
 */
final class RoutineLocalsTest {
  private final Simulator sim = new Simulator();
  private final Kernel kernel = new Kernel(sim, new KernelCosts(
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 1);
  private final List<String> seen = new ArrayList<>();

  @Test
  void calledRoutineCannotOverwriteItsCallersLocals() {
    // Both routines name a local "i", as two C functions may; with shared registers the callee's
    // i = 99 would have been the caller's i after the call.
    Routine callee = Routine.define("callee", b -> {
      Local i = b.local("i");
      b.exec("i = 99", (c, t) -> c.set(i, 99));
    });
    Routine caller = Routine.define("caller", b -> {
      Local i = b.local("i");
      b.exec("i = 7", (c, t) -> c.set(i, 7))
          .call(callee)
          .exec("see i", (c, t) -> seen.add("i=" + c.get(i)));
    });
    kernel.startThread("t", 0, caller, 0);
    sim.run();

    assertEquals(List.of("i=7"), seen);
  }

  @Test
  void argumentsAreCopiedInAndTheReturnValueOut() {
    Routine twice = Routine.define("twice", b -> {
      Local n = b.param("n");
      Ref<String> who = b.refParam("who");
      b.exec("note", (c, t) -> seen.add(c.get(who) + " " + c.get(n)))
          .exec("n = n * 2", (c, t) -> c.set(n, c.get(n) * 2))
          .ret(n);
    });
    Routine caller = Routine.define("caller", b -> {
      Local n = b.local("n");
      Local doubled = b.local("doubled");
      Ref<String> who = b.ref("who");
      b.exec("n = 21", (c, t) -> {
        c.set(n, 21);
        c.set(who, "caller");
      })
          .callInto(doubled, twice, n, who)
          .exec("see", (c, t) -> seen.add("n=" + c.get(n) + " doubled=" + c.get(doubled)));
    });
    kernel.startThread("t", 0, caller, 0);
    sim.run();

    // The callee doubled its own copy of n: the caller's n is still 21.
    assertEquals(List.of("caller 21", "n=21 doubled=42"), seen);
  }

  @Test
  void returnValuesTravelUpThroughNestedCalls() {
    // top: r = mid(4); mid(n): r = leaf(n), return r * 10; leaf(n): return n + 1.
    Routine leaf = Routine.define("leaf", b -> {
      Local n = b.param("n");
      b.ret("n + 1", c -> c.get(n) + 1);
    });
    Routine mid = Routine.define("mid", b -> {
      Local n = b.param("n");
      Local r = b.local("r");
      b.callInto(r, leaf, n).ret("r * 10", c -> c.get(r) * 10);
    });
    Routine top = Routine.define("top", b -> {
      Local n = b.local("n");
      Local r = b.local("r");
      b.exec("n = 4", (c, t) -> c.set(n, 4))
          .callInto(r, mid, n)
          .exec("see", (c, t) -> seen.add(c.get(n) + " -> " + c.get(r)));
    });
    kernel.startThread("t", 0, top, 0);
    sim.run();

    assertEquals(List.of("4 -> 50"), seen);
  }

  @Test
  void callIntoARoutineThatReturnsNothingFails() {
    Routine quiet = Routine.define("quiet", b -> b.compute("x", Time.NS));
    Routine caller = Routine.define("caller", b -> {
      Local r = b.local("r");
      b.callInto(r, quiet);
    });
    kernel.startThread("t", 0, caller, 0);

    IllegalStateException e = assertThrows(IllegalStateException.class, sim::run);
    assertTrue(e.getMessage().contains("quiet ended without returning a value"), e.getMessage());
  }

  @Test
  void aVariableOfAnotherRoutineIsRefused() {
    Local[] foreign = new Local[1];
    Routine.define("other", b -> foreign[0] = b.local("x"));

    assertThrows(IllegalArgumentException.class,
        () -> Routine.define("mine", b -> b.load(kernel.cell("c", false), foreign[0])));
  }

  @Test
  void blockingRequestDeliversItsResultIntoTheNamedLocal() {
    Routine reader = Routine.define("reader", b -> {
      Local len = b.local("len");
      b.blocking("read length", (c, t) -> sim.scheduleAt(t + Time.US,
              (now, a) -> kernel.complete(c, now, 0, 512L), 0), len)
          .exec("see", (c, t) -> seen.add("len=" + c.get(len)));
    });
    kernel.startThread("t", 0, reader, 0);
    sim.run();

    assertEquals(List.of("len=512"), seen);
  }

  @Test
  void softirqHandlerGetsTheObjectAndLeavesTheInterruptedLocalsAlone() {
    SpinLock l = kernel.spinLock("lock");
    Routine handler = Routine.define("handler", b -> {
      Ref<String> skb = b.refParam("skb");
      Local i = b.local("i");
      b.exec("i = 99", (c, t) -> {
        c.set(i, 99);
        seen.add("handler got " + c.get(skb));
      });
    });
    Routine bh = Routine.define("bh", b -> {
      Local i = b.local("i");
      b.spinLockBh(l)
          .exec("i = 7; raise", (c, t) -> {
            c.set(i, 7);
            kernel.raiseSoftirq(c, handler, "frame");
          })
          .spinUnlockBh(l)
          .exec("see", (c, t) -> seen.add("i=" + c.get(i)));
    });
    kernel.startThread("t", 0, bh, 0);
    sim.run();

    assertEquals(List.of("handler got frame", "i=7"), seen);
  }
}
