package io.bessim.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The pending-event set: a sorted array of packed keys while few events are pending, a 4-ary
 * min-heap when many are, both on primitive arrays.
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
 * <p>Sorted regime: {@code keys[1..size]} hold the events latest first, so the earliest is at
 * {@code size}. A key packs the time (shifted left by {@value #SLOT_BITS} bits) and a slot that
 * holds the event's handler and argument, so an insertion moves one {@code long} per event (no
 * reference store, no GC barrier). Ties need no stored sequence: a new event goes below every
 * event of equal time, i.e. fires after them. Packing needs a time in [0, 2^57 - 1) ps (over 40
 * hours); an event outside that range sends the queue to the heap regime until it has fired.
 *
 * <p>Heap regime: a 4-ary heap on parallel arrays rooted at index 1, ordered by (time, seq); the
 * children of i are 4i-2..4i+1. A heap removal is deferred: it leaves index 1 empty, and the next
 * add (a fired handler usually schedules one) fills it with a single sift-down, where a removal
 * and an add would cost a sift-down and a sift-up; any read before that add completes the removal
 * first.
 */
public final class EventQueue {
  /** The sorted array turns into a heap when an event is added to this many. */
  static final int TO_HEAP = 48;

  /** The heap turns back into a sorted array when it drains to this many. */
  static final int TO_SORTED = 24;

  /** Low key bits that name the slot; slots 0..62 hold events, slot 63 is the empty sentinel. */
  static final int SLOT_BITS = 6;

  /** The most events the sorted regime can hold: one per slot. */
  static final int MAX_SORTED = (1 << SLOT_BITS) - 1;

  /** The latest time a key can pack; a later or negative time makes an event unpackable. */
  static final long MAX_PACKED_TIME = (Long.MAX_VALUE >>> SLOT_BITS) - 1;

  private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;

  private final int toHeap;
  private final int toSorted;

  // Sorted regime.
  private final long[] keys;
  private final EventHandler[] slotHandlers = new EventHandler[SLOT_MASK + 1];
  private final int[] slotArgs = new int[SLOT_MASK + 1];
  /**
   * The free slots, a stack: {@code freeStack[0..freeTop)}. A stack rather than a bit mask: taking
   * a slot is then a load, where a mask needs a count of trailing zeros, which C1 (the launcher's
   * compiler) does not turn into one instruction but calls as a method.
   */
  private final byte[] freeStack = new byte[MAX_SORTED];
  private int freeTop;

  // Heap regime.
  private long[] times;
  private long[] seqs;
  private EventHandler[] handlers;
  private int[] args;
  /** Slot 1 is empty after a removal; the events are in 2..size+1. */
  private boolean hole;
  /** Pending events whose time cannot be packed into a key; while any, the heap regime stays. */
  private int unpackable;

  private int size;
  private boolean heap;
  private long nextSeq;

  public EventQueue() {
    this(1024);
  }

  public EventQueue(int initialCapacity) {
    this(initialCapacity, TO_HEAP, TO_SORTED);
  }

  /** For tests and measurements: other regime bounds ({@code 0 <= toSorted < toHeap <= 63}). */
  EventQueue(int initialCapacity, int toHeap, int toSorted) {
    if (toSorted < 0 || toSorted >= toHeap || toHeap > MAX_SORTED) {
      throw new IllegalArgumentException(
          "need 0 <= toSorted < toHeap <= " + MAX_SORTED + ": " + toSorted + ", " + toHeap);
    }
    this.toHeap = toHeap;
    this.toSorted = toSorted;
    keys = new long[toHeap + 1];
    // The sentinel at index 0, past the latest event: it stops an insertion's scan, and its slot
    // bits name slot 63, which never holds an event, so an empty queue's first handler is null.
    keys[0] = Long.MAX_VALUE;
    freeAllSlots();
    int c = Math.max(16, initialCapacity + 2);
    times = new long[c];
    seqs = new long[c];
    handlers = new EventHandler[c];
    args = new int[c];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest event, or {@link Long#MAX_VALUE} when empty. */
  public long peekTime() {
    if (heap) {
      if (hole) fillHole();
      return times[1];
    }
    int n = size;
    return n == 0 ? Long.MAX_VALUE : keys[n] >>> SLOT_BITS;
  }

  /** Adds an event; among events with equal times, earlier adds fire first. */
  public void add(long timePs, EventHandler handler, int arg) {
    // Fail here rather than as a NullPointerException at fire time, far from the faulty caller.
    Objects.requireNonNull(handler, "handler");
    boolean packable = packable(timePs);
    if (!heap) {
      if (size < toHeap && packable) {
        addSorted(timePs, handler, arg);
        return;
      }
      toHeap();
    }
    addHeap(timePs, handler, arg, packable);
  }

  /**
   * Whether a key can hold {@code t}. The bound is one below the largest shiftable time, so that a
   * pending key never reaches the sentinel's {@link Long#MAX_VALUE}.
   */
  private static boolean packable(long t) {
    return t >= 0 && t <= MAX_PACKED_TIME;
  }

  /** Insertion from the earliest end: only the events due no later than the new one move. */
  private void addSorted(long t, EventHandler h, int a) {
    int slot = freeStack[--freeTop];
    slotHandlers[slot] = h;
    slotArgs[slot] = a;
    long[] ks = keys;
    long shifted = t << SLOT_BITS;
    // Every pending event due at or before t has a key at most this, so it moves up and fires
    // first; the sentinel's key exceeds it.
    long bound = shifted | SLOT_MASK;
    int i = ++size;
    long k;
    while ((k = ks[i - 1]) <= bound) {
      ks[i] = k;
      i--;
    }
    ks[i] = shifted | slot;
    nextSeq++;
  }

  private void addHeap(long t, EventHandler h, int a, boolean packable) {
    if (!packable) unpackable++;
    if (size + 2 > times.length) grow();
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
    return peekTime();
  }

  /** Handler of the earliest event (call before {@link #removeFirst()}); null when empty. */
  public EventHandler firstHandler() {
    if (heap) {
      if (hole) fillHole();
      return handlers[1];
    }
    return slotHandlers[(int) keys[size] & SLOT_MASK];
  }

  /** Argument of the earliest event (call before {@link #removeFirst()}). */
  public int firstArg() {
    if (heap) {
      if (hole) fillHole();
      return args[1];
    }
    return slotArgs[(int) keys[size] & SLOT_MASK];
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
      // The slot keeps its handler until reused: handlers are a model's few long-lived lambdas,
      // and a reference store (with its GC card mark) on every removal is a fifth of a hold.
      freeStack[freeTop++] = (byte) (keys[size--] & SLOT_MASK);
      return;
    }
    if (hole) fillHole();
    if (!packable(times[1])) unpackable--;
    // Leave a hole at the root: in a simulation the handler about to fire usually schedules an
    // event, and that add fills the hole with one sift-down instead of a removal's sift-down plus
    // an insertion's sift-up.
    handlers[1] = null;
    hole = true;
    if (--size <= toSorted && unpackable == 0) {
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
    if (size > 0) siftDown(1, size, t, s, h, a);
  }

  /** Places (t, s, h, a) at index i of the heap 1..n, moving it down as far as it goes. */
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
   * Sorted array to heap: read from the earliest end, the keys give an ascending array, which is a
   * valid heap; the events get sequence numbers in firing order, all below any later add's.
   */
  private void toHeap() {
    int n = size;
    while (n + 2 > times.length) grow();
    long base = nextSeq - n;
    for (int j = 1; j <= n; j++) {
      long k = keys[n + 1 - j];
      int slot = (int) k & SLOT_MASK;
      set(j, k >>> SLOT_BITS, base + j - 1, slotHandlers[slot], slotArgs[slot]);
      slotHandlers[slot] = null;
    }
    freeAllSlots();
    heap = true;
  }

  /**
   * Heap to sorted array: an in-place heapsort of a min-heap leaves the events latest first, the
   * sorted regime's order; each then gets a slot and a key.
   */
  private void toSorted() {
    int n = size;
    for (int end = n; end > 1; end--) {
      long t = times[end];
      long s = seqs[end];
      EventHandler h = handlers[end];
      int a = args[end];
      move(1, end);
      siftDown(1, end - 1, t, s, h, a);
    }
    freeAllSlots();
    for (int i = 1; i <= n; i++) {
      int slot = freeStack[--freeTop];
      slotHandlers[slot] = handlers[i];
      slotArgs[slot] = args[i];
      handlers[i] = null;
      keys[i] = (times[i] << SLOT_BITS) | slot;
    }
    heap = false;
  }

  /** Every slot free, slot 0 on top of the stack (any order would do: slots never order events). */
  private void freeAllSlots() {
    for (int i = 0; i < MAX_SORTED; i++) {
      freeStack[i] = (byte) (MAX_SORTED - 1 - i);
    }
    freeTop = MAX_SORTED;
  }

  /** Drops every pending event. */
  public void clear() {
    Arrays.fill(handlers, null);
    Arrays.fill(slotHandlers, null);
    freeAllSlots();
    size = 0;
    hole = false;
    unpackable = 0;
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

  /**
   * A queue held in its sorted-array regime as long as it can (up to {@link #MAX_SORTED} events):
   * for {@code HoldBenchmark}, which measures each regime at every size (the measurement behind
   * {@link #TO_HEAP}). Simulations use the adaptive queue.
   */
  public static EventQueue sortedOnly(int initialCapacity) {
    return new EventQueue(initialCapacity, MAX_SORTED, 0);
  }

  /** A queue that is a 4-ary heap from its first event on (for {@code HoldBenchmark}). */
  public static EventQueue heapOnly(int initialCapacity) {
    return new EventQueue(initialCapacity, 1, 0);
  }
}
