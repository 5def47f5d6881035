package io.bessim.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The pending-event set: a binary min-heap on parallel primitive arrays.
 *
 * <p>Ordering rule: events fire in increasing time; events at the same time fire in the order they
 * were scheduled (a {@code long} insertion sequence breaks every tie), so a run is a pure function
 * of its inputs. No object is allocated per event once the arrays have grown to the working size.
 */
public final class EventQueue {
  private long[] times;
  private long[] seqs;
  private EventHandler[] handlers;
  private int[] args;
  private int size;
  private long nextSeq;

  public EventQueue() {
    this(1024);
  }

  public EventQueue(int initialCapacity) {
    int c = Math.max(16, initialCapacity);
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
    return size == 0 ? Long.MAX_VALUE : times[0];
  }

  /** Adds an event; among events with equal times, earlier adds fire first. */
  public void add(long timePs, EventHandler handler, int arg) {
    // Fail here rather than as a NullPointerException at fire time, far from the faulty caller.
    Objects.requireNonNull(handler, "handler");
    if (size == times.length) grow();
    long seq = nextSeq++;
    int i = size++;
    // sift up
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(timePs, seq, times[parent], seqs[parent])) break;
      move(parent, i);
      i = parent;
    }
    set(i, timePs, seq, handler, arg);
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
    return times[0];
  }

  /** Handler of the earliest event (call before {@link #removeFirst()}); null when empty. */
  public EventHandler firstHandler() {
    return handlers[0];
  }

  /** Argument of the earliest event (call before {@link #removeFirst()}). */
  public int firstArg() {
    return args[0];
  }

  /**
   * Drops the earliest event.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  public void removeFirst() {
    // Without this check size would go to -1 and corrupt the queue for good.
    if (size == 0) throw new NoSuchElementException("event queue is empty");
    int last = --size;
    long t = times[last];
    long s = seqs[last];
    EventHandler h = handlers[last];
    int a = args[last];
    handlers[last] = null;
    if (last == 0) return;
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < last && less(times[right], seqs[right], times[child], seqs[child])) child = right;
      if (!less(times[child], seqs[child], t, s)) break;
      move(child, i);
      i = child;
    }
    set(i, t, s, h, a);
  }

  /** Drops every pending event. */
  public void clear() {
    Arrays.fill(handlers, 0, size, null);
    size = 0;
  }

  private static boolean less(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
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
}
