package io.bessim.bench;

import io.bessim.sim.EventHandler;
import io.bessim.sim.EventQueue;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Time;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.DoublyLinked;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar HoldBenchmark -f 2 -wi 5 -i 5} measures one
 * hold operation (ns) on bessim's {@link EventQueue} and on the JVM's best-known event lists:
 * {@link PriorityQueue} and the five lists of SSJ 3.3.2.
 *
 * <p>The hold model (Vaucher and Duval 1975; Jones 1986) is the classic pending-event-set
 * benchmark: the list is pre-filled with {@code n} events, then each operation removes the earliest
 * event and schedules it again at its time plus an exponential increment (mean 1 us), so the size
 * stays {@code n}, as in a simulation in steady state. Every list does the same work per hold and
 * draws the same increments from one pre-generated table (random number generation is not timed):
 *
 * <ul>
 *   <li>{@code bessim}: read the earliest time, handler and argument, remove it, add it again.
 *   <li>{@code PriorityQueue}: poll a (time, seq) record and offer a new one, as a simulator built
 *       on it would allocate per event; ties break by insertion order, as in bessim.
 *   <li>{@code ssj.*}: {@code removeFirst} an SSJ {@link Event}, set its time, {@code add} the same
 *       object back, on the {@link EventList} directly (each list has its own SSJ {@link Simulator}
 *       but the hold does not go through its dispatch loop, which would only add cost to SSJ's
 *       side). SSJ lists order by time, then
 *       priority (all equal here), then insertion, the same total order as bessim's.
 * </ul>
 *
 * <p>{@code n} = 10 is where bessim lives (about 10 pending events on average in a simulation;
 * most events fire with 4-7 pending); 100,000 is the classic large-N case. Each fork runs one
 * (list, n) pair, so the hold call site stays monomorphic, and each {@code @Benchmark} invocation
 * is one hold whose returned time JMH consumes. {@code DoublyLinked} at n = 100,000 costs hundreds
 * of microseconds per hold: a linear list is only meant for the small sizes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class HoldBenchmark {
  /** Increments cycle through a table this long; a power of two so the index is a mask. */
  static final int INCREMENTS = 1 << 16;

  /** Mean of the exponential increments, and of the initial event times. */
  static final long MEAN_PS = Time.US;

  /**
   * Two more values, not run by default: bessim's queue held in one regime ({@code -p
   * list=bessim,bessim.sortedOnly,bessim.heapOnly}), the measurement that sets where the queue
   * switches from its sorted array to its heap.
   */
  static final String[] REGIMES = {"bessim.sortedOnly", "bessim.heapOnly"};

  /** Every value of {@link #list}, for tests and for the docs. */
  static final String[] LISTS = {
    "bessim",
    "PriorityQueue",
    "ssj.Henriksen",
    "ssj.DoublyLinked",
    "ssj.SplayTree",
    "ssj.BinaryTree",
    "ssj.RedblackTree"
  };

  @Param({
    "bessim",
    "PriorityQueue",
    "ssj.Henriksen",
    "ssj.DoublyLinked",
    "ssj.SplayTree",
    "ssj.BinaryTree",
    "ssj.RedblackTree"
  })
  public String list;

  @Param({"10", "100", "1000", "100000"})
  public int n;

  private Hold hold;

  /** One hold: pop the earliest event, schedule it again; returns the popped time (ps). */
  interface Hold {
    long hold();
  }

  @Setup(Level.Trial)
  public void setUp() {
    hold = create(list, n);
  }

  @Benchmark
  public long hold() {
    return hold.hold();
  }

  /** The increment table: exponential draws in whole ps, the same for every list. */
  static long[] increments() {
    SplittableRandom r = new RandomStreams(1).stream("hold-increments");
    long[] inc = new long[INCREMENTS];
    for (int i = 0; i < INCREMENTS; i++) {
      inc[i] = RandomStreams.exponentialPs(r, MEAN_PS);
    }
    return inc;
  }

  /**
   * The {@code n} initial event times, in the order they are drawn (and so inserted): a tree filled
   * in time order would start as a chain (SSJ's unbalanced {@code BinaryTree} would stay one for
   * the whole run at n = 100,000).
   */
  static long[] initialTimes(int n) {
    SplittableRandom r = new RandomStreams(1).stream("hold-initial");
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = RandomStreams.exponentialPs(r, MEAN_PS);
    }
    return t;
  }

  /**
   * The same times sorted, for the linked list only: its content after the fill is the same sorted
   * list whatever the order, and filling it in time order takes linear rather than quadratic time.
   */
  private static long[] sorted(long[] times) {
    long[] s = times.clone();
    Arrays.sort(s);
    return s;
  }

  /** A filled list of kind {@code list} with {@code n} events, ready to hold. */
  static Hold create(String list, int n) {
    long[] start = initialTimes(n);
    long[] inc = increments();
    switch (list) {
      case "bessim":
        return new BessimHold(new EventQueue(n), start, inc);
      case "bessim.sortedOnly":
        return new BessimHold(EventQueue.sortedOnly(n), start, inc);
      case "bessim.heapOnly":
        return new BessimHold(EventQueue.heapOnly(n), start, inc);
      case "PriorityQueue":
        return new PriorityQueueHold(start, inc);
      case "ssj.Henriksen":
        return new SsjHold(new Henriksen(), start, inc);
      case "ssj.DoublyLinked":
        return new SsjHold(new DoublyLinked(), sorted(start), inc);
      case "ssj.SplayTree":
        return new SsjHold(new SplayTree(), start, inc);
      case "ssj.BinaryTree":
        return new SsjHold(new BinaryTree(), start, inc);
      case "ssj.RedblackTree":
        return new SsjHold(new RedblackTree(), start, inc);
      default:
        throw new IllegalArgumentException("unknown list " + list);
    }
  }

  /** bessim's queue, driven as bessim's {@code Simulator} drives it. */
  static final class BessimHold implements Hold {
    private static final EventHandler NOOP = (nowPs, arg) -> {};
    private final EventQueue q;
    private final long[] inc;
    private int next;

    BessimHold(EventQueue q, long[] start, long[] inc) {
      this.inc = inc;
      this.q = q;
      for (int i = 0; i < start.length; i++) {
        q.add(start[i], NOOP, i);
      }
    }

    @Override
    public long hold() {
      EventQueue q = this.q;
      long t = q.pollTime();
      EventHandler h = q.firstHandler();
      int a = q.firstArg();
      q.removeFirst();
      q.add(t + inc[next], h, a);
      next = (next + 1) & (INCREMENTS - 1);
      return t;
    }
  }

  /** {@link PriorityQueue} of (time, seq) records; one new record per schedule. */
  static final class PriorityQueueHold implements Hold {
    private final PriorityQueue<Ev> q;
    private final long[] inc;
    private int next;
    private long seq;

    /** A scheduled event: a time and an insertion number that breaks ties. */
    record Ev(long timePs, long seq) implements Comparable<Ev> {
      @Override
      public int compareTo(Ev o) {
        int c = Long.compare(timePs, o.timePs);
        return c != 0 ? c : Long.compare(seq, o.seq);
      }
    }

    PriorityQueueHold(long[] start, long[] inc) {
      this.inc = inc;
      q = new PriorityQueue<>(Math.max(1, start.length));
      for (long t : start) {
        q.add(new Ev(t, seq++));
      }
    }

    @Override
    public long hold() {
      Ev e = q.poll();
      long t = e.timePs();
      q.add(new Ev(t + inc[next], seq++));
      next = (next + 1) & (INCREMENTS - 1);
      return t;
    }
  }

  /** An SSJ event list used directly; the popped event object is scheduled again. */
  static final class SsjHold implements Hold {
    private final EventList list;
    private final long[] inc;
    private int next;

    /** SSJ's event with nothing to do; the hold sets its time as SSJ's Simulator would. */
    static final class HoldEvent extends Event {
      HoldEvent(Simulator sim, double time) {
        super(sim);
        eventTime = time;
      }

      void setEventTime(double time) {
        eventTime = time;
      }

      @Override
      public void actions() {}
    }

    SsjHold(EventList list, long[] start, long[] inc) {
      this.list = list;
      this.inc = inc;
      // Its own simulator, never SSJ's static default; the hold drives the list itself.
      Simulator sim = new Simulator(list);
      for (long t : start) {
        list.add(new HoldEvent(sim, t));
      }
    }

    @Override
    public long hold() {
      HoldEvent e = (HoldEvent) list.removeFirst();
      double t = e.time();
      // Times are whole ps below 2^53, so the double sum is exact and equals bessim's long sum.
      e.setEventTime(t + inc[next]);
      list.add(e);
      next = (next + 1) & (INCREMENTS - 1);
      return (long) t;
    }
  }
}
