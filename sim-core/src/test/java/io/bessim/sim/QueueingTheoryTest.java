package io.bessim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.sim.stats.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Validates the kernel and the random streams against closed-form queueing results.
 *
 * <p>Run lengths are sized from the asymptotic variance of the M/M/1 mean wait, about
 * rho(2 + 5rho - 4rho^2 + rho^3) / (mu^2 (1 - rho)^4) per customer (Daley 1968): at rho = 0.9 that
 * is ~36,000 service times squared, so 8 seeds of 5 million customers give a standard error of
 * 0.35% of Wq and the 2% tolerance is about six standard errors. Exploratory replications with
 * other seeds stayed within 0.9% (M/M/1 at 0.9, 4 x 5M), 0.5% (M/M/1 at 0.5) and 0.5% (M/D/1 at
 * 0.8); the fixed seeds here land at -0.5%, -0.2% and +0.1%. The whole class runs in about 3 s.
 */
final class QueueingTheoryTest {
  private static final long SERVICE_PS = Time.US;
  private static final long WARMUP = 50_000;

  /** Runs {@code seeds} independent replications (root seeds 1..seeds) and pools them. */
  private static Pooled simulate(
      double rho, boolean deterministic, long customersPerSeed, int seeds) {
    Pooled p = new Pooled();
    for (int seed = 1; seed <= seeds; seed++) {
      SingleServerQueue q =
          new SingleServerQueue(
                  new RandomStreams(seed), rho, SERVICE_PS, deterministic, WARMUP, customersPerSeed)
              .run();
      assertEquals(customersPerSeed, q.measuredCustomers());
      // Equal customer counts, so the mean of the means is the pooled mean.
      p.wqPs += q.meanWaitPs() / seeds;
      p.lq += q.meanQueueLength() / seeds;
      p.utilisation += q.utilisation() / seeds;
      p.waits.merge(q.waits());
    }
    return p;
  }

  private static final class Pooled {
    double wqPs;
    double lq;
    double utilisation;
    final Histogram waits = new Histogram();
  }

  private static void assertWithin(double expected, double actual, double relTol, String what) {
    assertEquals(
        expected,
        actual,
        Math.abs(expected) * relTol,
        () ->
            String.format(
                "%s: expected %.5g, got %.5g (%.2f%% off)",
                what, expected, actual, 100 * (actual - expected) / expected));
  }

  @Test
  void mm1AtHalfLoadMatchesTheory() {
    double rho = 0.5;
    Pooled p = simulate(rho, false, 2_000_000, 2);
    // Wq = rho / (mu - lambda) = 0.5 / (1 - 0.5) service times = 1 us.
    double wq = rho / (1 - rho) * SERVICE_PS;
    assertWithin(wq, p.wqPs, 0.02, "Wq");
    assertWithin(rho, p.utilisation, 0.01, "utilisation");
    // Little's law on the queue: Lq = lambda Wq, lambda = rho per service time.
    assertWithin(rho * p.wqPs / SERVICE_PS, p.lq, 0.01, "Lq vs lambda Wq");
    // P(Wq <= t) = 1 - rho exp(-(mu - lambda) t): half the customers never wait, and the 90th
    // percentile is ln(rho / 0.1) / (mu - lambda) = 2 ln 5 = 3.219 service times.
    assertEquals(0, p.waits.percentile(49));
    assertWithin(Math.log(rho / 0.1) / (1 - rho) * SERVICE_PS, p.waits.percentile(90), 0.03, "p90");
  }

  @Test
  void mm1AtNinetyPercentLoadMatchesTheory() {
    double rho = 0.9;
    Pooled p = simulate(rho, false, 5_000_000, 8);
    // Wq = 0.9 / (1 - 0.9) = 9 service times.
    double wq = rho / (1 - rho) * SERVICE_PS;
    assertWithin(wq, p.wqPs, 0.02, "Wq");
    assertWithin(rho, p.utilisation, 0.01, "utilisation");
    assertWithin(rho * p.wqPs / SERVICE_PS, p.lq, 0.01, "Lq vs lambda Wq");
    // 99th percentile: ln(0.9 / 0.01) / 0.1 = 45.0 service times.
    double p99 = Math.log(rho / 0.01) / (1 - rho) * SERVICE_PS;
    assertWithin(p99, p.waits.percentile(99), 0.03, "p99");
  }

  @Test
  void md1MatchesPollaczekKhinchine() {
    double rho = 0.8;
    Pooled p = simulate(rho, true, 2_000_000, 2);
    // P-K: Wq = lambda E[S^2] / (2 (1 - rho)); with S fixed, E[S^2] = S^2, so
    // Wq = rho S / (2 (1 - rho)) = 0.8 / 0.4 = 2 service times, half the M/M/1 value.
    double lambda = rho / SERVICE_PS;
    double wq = lambda * SERVICE_PS * (double) SERVICE_PS / (2 * (1 - rho));
    assertWithin(wq, p.wqPs, 0.02, "Wq");
    assertWithin(rho, p.utilisation, 0.01, "utilisation");
    assertWithin(rho * p.wqPs / SERVICE_PS, p.lq, 0.01, "Lq vs lambda Wq");
  }
}
