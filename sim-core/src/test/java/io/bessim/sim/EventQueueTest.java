package io.bessim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class EventQueueTest {
  /** The reference: an obviously correct priority queue on (time, insertion number). */
  private record Ref(long time, long seq, int arg) {}

  private static final Comparator<Ref> BY_TIME_THEN_SEQ =
      Comparator.comparingLong(Ref::time).thenComparingLong(Ref::seq);

  private static final EventHandler NOOP = (now, arg) -> {};

  static LongStream seeds() {
    return LongStream.range(1, 51);
  }

  /**
   * Random interleavings of adds and removes, with times drawn from a small range so that ties are
   * common, must pop in exactly the reference order; the arg (unique per add) identifies the event.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void matchesReferenceOrderIncludingTies(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    // Small initial capacity so the growth path is exercised too.
    EventQueue q = new EventQueue(1);
    PriorityQueue<Ref> ref = new PriorityQueue<>(BY_TIME_THEN_SEQ);
    int timeRange = 1 + r.nextInt(50); // 1 = every event ties
    double addBias = 0.4 + 0.3 * r.nextDouble(); // sometimes growing, sometimes draining
    long seq = 0;
    long now = 0;
    for (int op = 0; op < 5_000; op++) {
      if (ref.isEmpty() || r.nextDouble() < addBias) {
        // Times never precede the last removal, as in a simulation.
        long t = now + r.nextInt(timeRange);
        int arg = (int) seq;
        q.add(t, NOOP, arg);
        ref.add(new Ref(t, seq++, arg));
      } else {
        Ref expected = ref.poll();
        assertEquals(expected.time(), q.peekTime());
        assertEquals(expected.time(), q.pollTime());
        assertEquals(expected.arg(), q.firstArg(), "tie broken out of insertion order");
        assertSame(NOOP, q.firstHandler());
        q.removeFirst();
        now = expected.time();
      }
      assertEquals(ref.size(), q.size());
    }
    while (!ref.isEmpty()) {
      Ref expected = ref.poll();
      assertEquals(expected.time(), q.pollTime());
      assertEquals(expected.arg(), q.firstArg());
      q.removeFirst();
    }
    assertTrue(q.isEmpty());
    assertEquals(Long.MAX_VALUE, q.peekTime());
  }

  @Test
  void removingFromAnEmptyQueueThrowsAndLeavesItUsable() {
    EventQueue q = new EventQueue();
    assertThrows(NoSuchElementException.class, q::removeFirst);
    assertThrows(NoSuchElementException.class, q::pollTime);
    assertEquals(0, q.size());
    q.add(5, NOOP, 1);
    assertEquals(5, q.pollTime());
  }

  @Test
  void clearEmptiesTheQueue() {
    EventQueue q = new EventQueue();
    for (int i = 0; i < 100; i++) q.add(i, NOOP, i);
    q.clear();
    assertTrue(q.isEmpty());
    q.add(7, NOOP, 0);
    assertEquals(1, q.size());
  }

  @Test
  void nullHandlerIsRejected() {
    assertThrows(NullPointerException.class, () -> new EventQueue().add(0, null, 0));
  }
}
