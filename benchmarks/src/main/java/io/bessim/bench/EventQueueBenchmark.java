package io.bessim.bench;

import io.bessim.sim.EventHandler;
import io.bessim.sim.EventQueue;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Time;
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

/**
 * {@code java -jar benchmarks/target/benchmarks.jar EventQueueBenchmark} measures the cost of one
 * hold operation on bessim's {@link EventQueue}, with {@link PriorityQueue} as the peer.
 *
 * <p>The hold model (Vaucher and Duval 1975) is the classic pending-event-set benchmark: the queue
 * is pre-filled with {@code size} events, then every operation removes the earliest event and
 * inserts one at its time plus an exponential increment, so the size stays constant, as in a
 * simulation in steady state. Both queues draw the same precomputed increments (so random number
 * generation is not timed) and break ties by insertion order. The peer allocates one small
 * (time, seq) object per insert, as a simulator built on it would; that allocation is part of what
 * the primitive-array heap is meant to avoid.
 *
 * <p>Each {@code @Benchmark} invocation is one hold; the returned time keeps the JIT from removing
 * the work. Settings are short so a run fits a 2-core machine; pass {@code -wi/-i/-f} for more.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EventQueueBenchmark {
  /** Increments cycle through a table this long; a power of two so the index is a mask. */
  private static final int INCREMENTS = 1 << 16;

  private static final EventHandler NOOP = (nowPs, arg) -> {};

  @Param({"10", "1000", "100000"})
  public int size;

  private long[] increments;
  private int next;
  private EventQueue bessim;
  private PriorityQueue<Event> peer;
  private long peerSeq;

  /** The peer's event: a time and an insertion number to break ties, as bessim does. */
  record Event(long timePs, long seq) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = Long.compare(timePs, o.timePs);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  @Setup(Level.Trial)
  public void fill() {
    SplittableRandom r = new RandomStreams(1).stream("hold-increments");
    increments = new long[INCREMENTS];
    for (int i = 0; i < INCREMENTS; i++) {
      increments[i] = RandomStreams.exponentialPs(r, Time.US);
    }
    // Both queues start from the same N event times, spread like the increments.
    bessim = new EventQueue(size);
    peer = new PriorityQueue<>(size);
    for (int i = 0; i < size; i++) {
      long t = RandomStreams.exponentialPs(r, Time.US);
      bessim.add(t, NOOP, i);
      peer.add(new Event(t, peerSeq++));
    }
  }

  private long nextIncrement() {
    long inc = increments[next];
    next = (next + 1) & (INCREMENTS - 1);
    return inc;
  }

  @Benchmark
  public long bessimEventQueue() {
    EventQueue q = bessim;
    long t = q.pollTime();
    int arg = q.firstArg();
    q.removeFirst();
    q.add(t + nextIncrement(), NOOP, arg);
    return t;
  }

  @Benchmark
  public long javaUtilPriorityQueue() {
    Event e = peer.poll();
    peer.add(new Event(e.timePs() + nextIncrement(), peerSeq++));
    return e.timePs();
  }
}
