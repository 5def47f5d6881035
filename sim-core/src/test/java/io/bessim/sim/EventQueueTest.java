package io.bessim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

final class EventQueueTest {
  /** The reference: an obviously correct priority queue on (time, insertion number). */
  private record Ref(long time, long seq, int arg) {}

  private static final Comparator<Ref> BY_TIME_THEN_SEQ =
      Comparator.comparingLong(Ref::time).thenComparingLong(Ref::seq);

  private static final EventHandler NOOP = (now, arg) -> {};

  private static final EventHandler OTHER = (now, arg) -> {};

  static LongStream seeds() {
    return LongStream.range(1, 51);
  }

  /**
   * The queue's regimes: the shipped bounds, bounds so small that the queue switches every few
   * operations, a heap from the first event on, and a sorted array as long as it can be one.
   */
  enum Regime {
    SHIPPED(EventQueue.TO_HEAP, EventQueue.TO_SORTED),
    SWITCHES_OFTEN(4, 2),
    SWITCHES_AT_ONE(2, 1),
    HEAP_ONLY(1, 0),
    SORTED_UP_TO_MAX(EventQueue.MAX_SORTED, 0);

    final int toHeap;
    final int toSorted;

    Regime(int toHeap, int toSorted) {
      this.toHeap = toHeap;
      this.toSorted = toSorted;
    }

    EventQueue create() {
      // Small initial capacity so the growth path is exercised too.
      return new EventQueue(1, toHeap, toSorted);
    }
  }

  static Stream<Arguments> regimesAndSeeds() {
    return Arrays.stream(Regime.values())
        .flatMap(r -> LongStream.range(1, 41).mapToObj(seed -> Arguments.of(r, seed)));
  }

  /**
   * Random operations whose mix changes every 200 operations, so the size wanders from empty to
   * about two hundred and back and crosses the regime bounds in both directions, must match the
   * reference exactly: times, ties in insertion order, handlers and args. Reads come in every
   * order a caller may use (peek before or after a removal, two removals in a row, an add right
   * after a removal), which covers the heap's deferred removal.
   */
  @ParameterizedTest
  @MethodSource("regimesAndSeeds")
  void matchesReferenceAcrossSizesAndRegimeSwitches(Regime regime, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    EventQueue q = regime.create();
    PriorityQueue<Ref> ref = new PriorityQueue<>(BY_TIME_THEN_SEQ);
    int timeRange = 1 + r.nextInt(100);
    double addBias = 0.5;
    long seq = 0;
    long now = 0;
    int toHeap = 0;
    int toSorted = 0;
    boolean wasHeap = q.isHeap();
    for (int op = 0; op < 20_000; op++) {
      if (op % 200 == 0) {
        // Grow from small, drain from large, wander in between.
        int n = ref.size();
        addBias = n > 150 ? 0.25 : n < 10 ? 0.75 : 0.3 + 0.4 * r.nextDouble();
      }
      if (ref.isEmpty() || r.nextDouble() < addBias) {
        long t = now + r.nextInt(timeRange);
        // Late in the run, now and then a time too late to pack into a sorted key, which holds
        // the queue in its heap regime until it has fired (here: in the final drain).
        if (op > 15_000 && r.nextInt(500) == 0) t = EventQueue.MAX_PACKED_TIME + r.nextInt(3);
        int arg = (int) seq;
        q.add(t, arg % 3 == 0 ? OTHER : NOOP, arg);
        ref.add(new Ref(t, seq++, arg));
      } else {
        Ref expected = ref.poll();
        if (r.nextBoolean()) {
          assertEquals(expected.time(), q.peekTime());
          assertEquals(expected.time(), q.pollTime());
        }
        if (r.nextBoolean()) {
          assertEquals(expected.arg(), q.firstArg(), "tie broken out of insertion order");
          assertSame(expected.arg() % 3 == 0 ? OTHER : NOOP, q.firstHandler());
        }
        q.removeFirst();
        now = expected.time();
      }
      assertEquals(ref.size(), q.size());
      assertEquals(ref.isEmpty() ? Long.MAX_VALUE : ref.peek().time(), q.peekTime());
      if (q.isHeap() != wasHeap) {
        if (wasHeap) toSorted++;
        else toHeap++;
        wasHeap = q.isHeap();
      }
    }
    while (!ref.isEmpty()) {
      Ref expected = ref.poll();
      assertEquals(expected.time(), q.pollTime());
      assertEquals(expected.arg(), q.firstArg());
      q.removeFirst();
    }
    assertTrue(q.isEmpty());
    assertEquals(Long.MAX_VALUE, q.peekTime());
    assertNull(q.firstHandler(), "no handler when empty");
    if (regime == Regime.SHIPPED || regime == Regime.SWITCHES_OFTEN) {
      assertFalse(q.isHeap(), "drained back into the sorted array");
      assertTrue(toHeap > 0 && toSorted > 0, "switched both ways: " + toHeap + ", " + toSorted);
    }
  }

  @ParameterizedTest
  @EnumSource(Regime.class)
  void clearEmptiesTheQueueInEveryRegime(Regime regime) {
    EventQueue q = regime.create();
    for (int i = 0; i < 100; i++) q.add(i, NOOP, i);
    q.removeFirst(); // a heap now has its deferred removal pending
    q.clear();
    assertTrue(q.isEmpty());
    assertEquals(Long.MAX_VALUE, q.peekTime());
    assertNull(q.firstHandler());
    q.add(7, NOOP, 0);
    q.add(3, OTHER, 1);
    assertEquals(2, q.size());
    assertEquals(3, q.pollTime());
    assertEquals(1, q.firstArg());
  }

  @ParameterizedTest
  @EnumSource(Regime.class)
  void equalTimesFireInInsertionOrderInEveryRegime(Regime regime) {
    EventQueue q = regime.create();
    for (int i = 0; i < 200; i++) q.add(5, NOOP, i);
    for (int i = 0; i < 200; i++) {
      assertEquals(i, q.firstArg());
      q.removeFirst();
      // Refill half-way so adds interleave with removals at the same time.
      if (i == 99) for (int j = 200; j < 300; j++) q.add(5, NOOP, j);
    }
    for (int i = 200; i < 300; i++) {
      assertEquals(i, q.firstArg());
      q.removeFirst();
    }
    assertTrue(q.isEmpty());
  }

  @Test
  void regimeBoundsMustLeaveAGapAndFitTheSlots() {
    assertThrows(IllegalArgumentException.class, () -> new EventQueue(1, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> new EventQueue(1, 4, -1));
    assertThrows(
        IllegalArgumentException.class, () -> new EventQueue(1, EventQueue.MAX_SORTED + 1, 0));
  }

  /**
   * Times a sorted key cannot pack (negative, or past {@link EventQueue#MAX_PACKED_TIME}) keep the
   * order in every regime, and the queue returns to its sorted array once they have fired.
   */
  @ParameterizedTest
  @EnumSource(Regime.class)
  void unpackableTimesKeepTheOrder(Regime regime) {
    long max = EventQueue.MAX_PACKED_TIME;
    long[] times = {5, Long.MAX_VALUE, -3, 5, max + 1, max, -3, 0, Long.MIN_VALUE, max + 1, 2};
    EventQueue q = regime.create();
    PriorityQueue<Ref> ref = new PriorityQueue<>(BY_TIME_THEN_SEQ);
    for (int i = 0; i < times.length; i++) {
      q.add(times[i], NOOP, i);
      ref.add(new Ref(times[i], i, i));
    }
    while (!ref.isEmpty()) {
      Ref expected = ref.poll();
      assertEquals(expected.time(), q.peekTime());
      assertEquals(expected.arg(), q.firstArg());
      q.removeFirst();
      if (ref.size() == 2) {
        // Only max + 1 and Long.MAX_VALUE are left: still unpackable, so still a heap.
        assertTrue(q.isHeap());
      }
    }
    q.add(7, NOOP, 0);
    q.add(1, NOOP, 1);
    assertEquals(regime == Regime.HEAP_ONLY, q.isHeap());
    assertEquals(1, q.pollTime());
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
