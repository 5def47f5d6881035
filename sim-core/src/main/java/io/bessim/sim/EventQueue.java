package io.bessim.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The pending-event set: a sorted array while few events are pending, a 4-ary min-heap when many
 * are, both on parallel primitive arrays.
 *
 * <p>Ordering rule: events fire in increasing time; events at the same time fire in the order they
 * were scheduled (a {@code long} insertion sequence breaks every tie), so a run is a pure function
 * of its inputs. No object is allocated per event once the arrays have grown to the working size.
 *
 * <p>Why two regimes: a bessim simulation has about ten pending events (most events fire with 4-7
 * pending), where a short sorted array beats any tree or heap: removing the earliest event is a
 * decrement and inserting one moves only the events due before it. The array's cost grows
 * linearly, so above {@value #TO_HEAP} pending events the queue turns into a 4-ary heap (half the
 * depth of a binary heap, four children in one or two cache lines), and back into a sorted array
 * when it drains to {@value #TO_SORTED}; the gap keeps a queue whose size hovers near one bound
 * from switching back and forth. The regime never changes the order in which events fire.
 *
 * <p>Layout: slot 0 of every array is a sentinel (time {@link Long#MAX_VALUE}, no handler), so the
 * earliest event is always at index {@code first} and an empty queue needs no special case there.
 * Sorted regime: slots 1..size hold the events latest first, so the earliest is at {@code size}
 * ({@code first == size}, and 0 when empty) and ties need no stored sequence: a new event goes
 * below every event of equal time, i.e. fires after them. Heap regime: a 4-ary heap rooted at slot
 * 1 ({@code first == 1}), ordered by (time, seq); the children of slot i are 4i-2..4i+1. A heap
 * removal is deferred: it leaves slot 1 empty, and the next add (a fired handler usually schedules
 * one) fills it with a single sift-down, where a removal and an add would cost a sift-down and a
 * sift-up; any read before that add completes the removal first.
 */
public final class EventQueue {
  /** The sorted array turns into a heap when an event is added to this many. */
  static final int TO_HEAP = 24;

  /** The heap turns back into a sorted array when it drains to this many. */
  static final int TO_SORTED = 12;

  private final int toHeap;
  private final int toSorted;
  private long[] times;
  /** Insertion numbers; kept in the heap regime only (the sorted regime implies them). */
  private long[] seqs;
  private EventHandler[] handlers;
  private int[] args;
  private int size;
  /** Index of the earliest event: {@code size} if sorted, 1 in the heap, 0 (sentinel) if empty. */
  private int first;
  private boolean heap;
  /** Heap regime only: slot 1 is empty after a removal; the events are in slots 2..size+1. */
  private boolean hole;
  private long nextSeq;

  public EventQueue() {
    this(1024);
  }

  public EventQueue(int initialCapacity) {
    this(initialCapacity, TO_HEAP, TO_SORTED);
  }

  /** For tests and measurements: other regime bounds ({@code 0 <= toSorted < toHeap}). */
  EventQueue(int initialCapacity, int toHeap, int toSorted) {
    if (toSorted < 0 || toSorted >= toHeap) {
      throw new IllegalArgumentException(
          "need 0 <= toSorted < toHeap: " + toSorted + ", " + toHeap);
    }
    this.toHeap = toHeap;
    this.toSorted = toSorted;
    int c = Math.max(16, initialCapacity + 1);
    times = new long[c];
    seqs = new long[c];
    handlers = new EventHandler[c];
    args = new int[c];
    times[0] = Long.MAX_VALUE;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest event, or {@link Long#MAX_VALUE} when empty. */
  public long peekTime() {
    if (hole) fillHole();
    return times[first];
  }

  /** Adds an event; among events with equal times, earlier adds fire first. */
  public void add(long timePs, EventHandler handler, int arg) {
    // Fail here rather than as a NullPointerException at fire time, far from the faulty caller.
    Objects.requireNonNull(handler, "handler");
    if (size + 1 == times.length) grow();
    if (!heap) {
      if (size < toHeap) {
        addSorted(timePs, handler, arg);
        return;
      }
      toHeap();
    }
    addHeap(timePs, handler, arg);
  }

  /** Insertion from the earliest end: only the events due no later than the new one move. */
  private void addSorted(long t, EventHandler h, int a) {
    long[] ts = times;
    EventHandler[] hs = handlers;
    int[] as = args;
    int i = ++size;
    while (i > 1 && ts[i - 1] <= t) {
      ts[i] = ts[i - 1];
      hs[i] = hs[i - 1];
      as[i] = as[i - 1];
      i--;
    }
    ts[i] = t;
    hs[i] = h;
    as[i] = a;
    first = size;
    nextSeq++;
  }

  private void addHeap(long t, EventHandler h, int a) {
    long s = nextSeq++;
    int i = ++size;
    if (hole) {
      hole = false;
      siftDown(1, i, t, s, h, a);
      return;
    }
    long[] ts = times;
    while (i > 1) {
      int parent = (i + 2) >>> 2;
      // The new event's seq exceeds every pending one, so on a tie it stays below its parent.
      if (t >= ts[parent]) break;
      move(parent, i);
      i = parent;
    }
    set(i, t, s, h, a);
  }

  /**
   * Time of the earliest event, which must exist. Together with {@link #firstHandler()},
   * {@link #firstArg()} and {@link #removeFirst()} this splits a poll into parts, so the caller can
   * set its clock before firing without an event object being allocated.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  public long pollTime() {
    if (size == 0) throw new NoSuchElementException("event queue is empty");
    if (hole) fillHole();
    return times[first];
  }

  /** Handler of the earliest event (call before {@link #removeFirst()}); null when empty. */
  public EventHandler firstHandler() {
    if (hole) fillHole();
    return handlers[first];
  }

  /** Argument of the earliest event (call before {@link #removeFirst()}). */
  public int firstArg() {
    if (hole) fillHole();
    return args[first];
  }

  /**
   * Drops the earliest event.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  public void removeFirst() {
    // Without this check size would go to -1 and corrupt the queue for good.
    if (size == 0) throw new NoSuchElementException("event queue is empty");
    if (!heap) {
      handlers[size] = null;
      first = --size;
      return;
    }
    if (hole) fillHole();
    // Leave a hole at the root: in a simulation the handler about to fire usually schedules an
    // event, and that add fills the hole with one sift-down instead of a removal's sift-down plus
    // an insertion's sift-up.
    handlers[1] = null;
    hole = true;
    if (--size == toSorted) {
      fillHole();
      toSorted();
    }
  }

  /**
   * Fills the hole left at the root by {@link #removeFirst()} with the last event, as a heap
   * removal does; called when the queue is read before anything was added after the removal.
   */
  private void fillHole() {
    hole = false;
    int last = size + 1;
    long t = times[last];
    long s = seqs[last];
    EventHandler h = handlers[last];
    int a = args[last];
    handlers[last] = null;
    siftDown(1, size, t, s, h, a);
  }

  /** Places (t, s, h, a) at slot i of the heap of slots 1..n, moving it down as far as it goes. */
  private void siftDown(int i, int n, long t, long s, EventHandler h, int a) {
    long[] ts = times;
    long[] ss = seqs;
    while (true) {
      int c = 4 * i - 2;
      if (c > n) break;
      int end = Math.min(c + 3, n);
      // The smallest child. Selects rather than branches: which child is smaller is a coin toss,
      // and mispredictions, not memory, dominate a heap that fits in cache.
      int m = c;
      long mt = ts[c];
      long ms = ss[c];
      for (int j = c + 1; j <= end; j++) {
        long jt = ts[j];
        long js = ss[j];
        // Non-short-circuit operators, so the JIT can emit conditional moves.
        boolean less = jt < mt | (jt == mt & js < ms);
        m = less ? j : m;
        mt = less ? jt : mt;
        ms = less ? js : ms;
      }
      if (mt > t || (mt == t && ms > s)) break;
      move(m, i);
      i = m;
    }
    set(i, t, s, h, a);
  }

  /**
   * Sorted array to heap: reversed, the array is ascending, which is a valid heap; the events get
   * sequence numbers in firing order, all below any later add's.
   */
  private void toHeap() {
    int n = size;
    for (int i = 1, j = n; i < j; i++, j--) {
      swap(i, j);
    }
    long base = nextSeq - n;
    for (int i = 1; i <= n; i++) {
      seqs[i] = base + i - 1;
    }
    heap = true;
    first = 1;
  }

  /**
   * Heap to sorted array, in place: an in-place heapsort of a min-heap leaves the events latest
   * first, which is the sorted regime's layout.
   */
  private void toSorted() {
    for (int end = size; end > 1; end--) {
      long t = times[end];
      long s = seqs[end];
      EventHandler h = handlers[end];
      int a = args[end];
      move(1, end);
      siftDown(1, end - 1, t, s, h, a);
    }
    heap = false;
    first = size;
  }

  /** Drops every pending event. */
  public void clear() {
    Arrays.fill(handlers, 1, handlers.length, null);
    size = 0;
    hole = false;
    first = 0;
    heap = false;
  }

  /** Whether the queue is in its heap regime; for tests. */
  boolean isHeap() {
    return heap;
  }

  private void move(int from, int to) {
    times[to] = times[from];
    seqs[to] = seqs[from];
    handlers[to] = handlers[from];
    args[to] = args[from];
  }

  private void swap(int i, int j) {
    long t = times[i];
    times[i] = times[j];
    times[j] = t;
    EventHandler h = handlers[i];
    handlers[i] = handlers[j];
    handlers[j] = h;
    int a = args[i];
    args[i] = args[j];
    args[j] = a;
  }

  private void set(int i, long t, long s, EventHandler h, int a) {
    times[i] = t;
    seqs[i] = s;
    handlers[i] = h;
    args[i] = a;
  }

  private void grow() {
    int c = times.length * 2;
    times = Arrays.copyOf(times, c);
    seqs = Arrays.copyOf(seqs, c);
    handlers = Arrays.copyOf(handlers, c);
    args = Arrays.copyOf(args, c);
  }
}
