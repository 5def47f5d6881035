package io.bessim.sim;

import io.bessim.sim.stats.Histogram;
import io.bessim.sim.stats.TimeWeighted;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A FIFO single-server queue with Poisson arrivals (M/M/1 or M/D/1) built on {@link Simulator},
 * for checking the kernel against queueing theory.
 *
 * <p>Customers are numbered in arrival order; the first {@code warmup} are served but not
 * measured, so that the empty start does not bias the estimate, and the run stops once {@code
 * measured} further customers have entered service.
 */
final class SingleServerQueue {
  private final Simulator sim = new Simulator();
  private final SplittableRandom arrivalRng;
  private final SplittableRandom serviceRng;
  private final double meanInterarrivalPs;
  private final double meanServicePs;
  private final boolean deterministicService;
  private final long warmup;
  private final long lastMeasured;

  private final EventHandler onArrival = (now, arg) -> arrive(now);
  private final EventHandler onDeparture = (now, arg) -> depart(now);

  /** Arrival times of waiting customers, a ring buffer so the steady state allocates nothing. */
  private long[] waiting = new long[1024];
  private int head;
  private int queued;
  private boolean busy;
  private long arrivals;
  private long started;

  private double waitSumPs;
  private long waitCount;
  private final Histogram waits = new Histogram();
  private final TimeWeighted queueLength = new TimeWeighted();
  private final TimeWeighted serverBusy = new TimeWeighted();
  private long measureStartPs = -1;

  /**
   * A queue whose arrivals come at {@code arrivalRatePerServiceTime} (that is, rho) per mean
   * service time, drawing from the streams "arrivals" and "service" of {@code streams}.
   */
  SingleServerQueue(
      RandomStreams streams,
      double arrivalRatePerServiceTime,
      long meanServicePs,
      boolean deterministicService,
      long warmup,
      long measured) {
    this.arrivalRng = streams.stream("arrivals");
    this.serviceRng = streams.stream("service");
    this.meanServicePs = meanServicePs;
    this.meanInterarrivalPs = meanServicePs / arrivalRatePerServiceTime;
    this.deterministicService = deterministicService;
    this.warmup = warmup;
    this.lastMeasured = warmup + measured;
  }

  /** Runs to completion and returns this, for chaining. */
  SingleServerQueue run() {
    sim.schedule(nextInterarrival(), onArrival, 0);
    sim.run();
    return this;
  }

  /** Mean wait in queue (excluding service) over the measured customers, in ps. */
  double meanWaitPs() {
    return waitSumPs / waitCount;
  }

  long measuredCustomers() {
    return waitCount;
  }

  Histogram waits() {
    return waits;
  }

  /** Time-weighted mean number waiting over the measured window. */
  double meanQueueLength() {
    return queueLength.mean(sim.nowPs());
  }

  /** Fraction of the measured window the server was busy. */
  double utilisation() {
    return serverBusy.mean(sim.nowPs());
  }

  private void arrive(long now) {
    arrivals++;
    sim.schedule(nextInterarrival(), onArrival, 0);
    if (!busy) {
      startService(now, now);
    } else {
      if (queued == waiting.length) grow();
      waiting[(head + queued) & (waiting.length - 1)] = now;
      queued++;
      queueLength.add(now, 1);
    }
  }

  private void depart(long now) {
    if (queued > 0) {
      long arrivedAt = waiting[head];
      head = (head + 1) & (waiting.length - 1);
      queued--;
      queueLength.add(now, -1);
      startService(now, arrivedAt);
    } else {
      busy = false;
      serverBusy.set(now, 0);
    }
  }

  private void startService(long now, long arrivedAt) {
    busy = true;
    serverBusy.set(now, 1);
    long customer = started++;
    if (customer == warmup) {
      // Measurement starts with this customer; the time-weighted levels restart with it.
      measureStartPs = now;
      queueLength.reset(now);
      serverBusy.reset(now);
    }
    if (customer >= warmup) {
      long wait = now - arrivedAt;
      waitSumPs += wait;
      waitCount++;
      waits.record(wait);
      if (customer + 1 == lastMeasured) {
        sim.stop();
        return;
      }
    }
    sim.schedule(nextService(), onDeparture, 0);
  }

  private long nextInterarrival() {
    return Math.round(RandomStreams.exponential(arrivalRng, meanInterarrivalPs));
  }

  private long nextService() {
    if (deterministicService) return Math.round(meanServicePs);
    return Math.round(RandomStreams.exponential(serviceRng, meanServicePs));
  }

  private void grow() {
    long[] bigger = new long[waiting.length * 2];
    for (int i = 0; i < queued; i++) bigger[i] = waiting[(head + i) & (waiting.length - 1)];
    waiting = bigger;
    head = 0;
  }

  @Override
  public String toString() {
    return String.format(
        "SingleServerQueue[arrivals=%d, measured=%d, Wq=%.1f ps, from %d ps]",
        arrivals, waitCount, meanWaitPs(), measureStartPs);
  }
}
