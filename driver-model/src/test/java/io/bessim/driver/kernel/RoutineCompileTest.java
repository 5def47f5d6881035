package io.bessim.driver.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's arrays built with a routine: runs of computes merged, chains of jumps
 * collapsed, and the same outcome with a tracer (op by op) as without (merged).
 */
final class RoutineCompileTest {
  private static final KernelCosts FREE = new KernelCosts(
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * pc 0 compute 1 us, 1 compute 2 us, 2 goto b, 3 (a:) compute 8 us, 4 (b:) compute 4 us,
   * 5 goto c, 6 goto a, 7 (c:) jump-if to d, 8 exec, 9 (d:) goto e, 10 (e:) store.
   */
  private static Routine sample(Cell cell, long[] flag) {
    return Routine.define("f", b -> {
      Local x = b.local("x");
      b.compute("one", Time.US).compute("two", 2 * Time.US).jump("b")
          .label("a").compute("eight", 8 * Time.US)
          .label("b").compute("four", 4 * Time.US).jump("c").jump("a")
          .label("c").jumpIf("flag", c -> flag[0] != 0, "d")
          .exec("x = 7", (c, t) -> c.set(x, 7))
          .label("d").jump("e")
          .label("e").store(cell, x);
    });
  }

  @Test
  void computesMergeAcrossJumpsAndJumpChainsEndAtTheirLastTarget() {
    Routine r = sample(new Kernel(new Simulator(), FREE, 1).cell("x", false), new long[1]);
    // From pc 0: 1 + 2 + (goto b) 4 us, then goto c lands on the jump-if at 7.
    assertEquals(7 * Time.US, r.runPs[0]);
    assertEquals(7, r.next[0]);
    // From pc 3 (a): 8 + 4 us, also to 7.
    assertEquals(12 * Time.US, r.runPs[3]);
    assertEquals(7, r.next[3]);
    // goto c at 5 -> 7; goto a at 6 -> 3 (a compute, not a jump).
    assertEquals(7, r.next[5]);
    assertEquals(3, r.next[6]);
    // The jump-if: taken to d (goto e) -> 10; not taken falls to the exec at 8.
    assertEquals(10, r.jumpTo[7]);
    assertEquals(8, r.next[7]);
    assertArrayEquals(new int[] {Op.COMPUTE, Op.COMPUTE, Op.JUMP, Op.COMPUTE, Op.COMPUTE,
        Op.JUMP, Op.JUMP, Op.JUMP_IF, Op.EXEC, Op.JUMP, Op.STORE}, r.code);
  }

  @Test
  void aLoopOfComputesAloneStopsMergingInsteadOfSpinning() {
    Routine r = Routine.define("spin", b -> b.label("top").compute("c", Time.NS).jump("top"));
    // Building returns (instead of hanging): merging stops after n + 1 = 3 steps (compute, jump,
    // compute) at the jump, which the interpreter then runs as a jump back to the compute.
    assertEquals(2 * Time.NS, r.runPs[0]);
    assertEquals(1, r.next[0]);
    assertEquals(0, r.next[1]);
  }

  @Test
  void mergedAndOpByOpRunsEndAtTheSameTimeWithTheSameStore() {
    for (long flag : new long[] {0, 1}) {
      long[] plain = run(flag, false);
      long[] traced = run(flag, true);
      assertArrayEquals(plain, traced);
      // 7 us of computes either way; the exec sets 7 only when the jump-if is not taken.
      assertEquals(7 * Time.US, plain[0]);
      assertEquals(flag == 0 ? 7 : 0, plain[1]);
    }
  }

  /** Runs {@link #sample} on one thread; returns the time of the store and the value stored. */
  private static long[] run(long flag, boolean traced) {
    Simulator sim = new Simulator();
    Kernel kernel = new Kernel(sim, FREE, 1);
    Cell cell = kernel.cell("x", false);
    long[] storedAt = {-1};
    if (traced) {
      kernel.setTracer(new KernelTracer() {});
    }
    kernel.setAccessLog((atPs, c, ctx, routine, kind, before, after, lockMask, lost) -> {
      if (kind == 'W') storedAt[0] = atPs;
    });
    kernel.startThread("t", 0, sample(cell, new long[] {flag}), 0);
    sim.run();
    return new long[] {storedAt[0], cell.value};
  }
}
