package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * A deterministic space-filling design in the unit cube: the Halton sequence (one prime base per
 * dimension), shifted by a random vector drawn from the seed, modulo 1 (a Cranley-Patterson
 * rotation).
 *
 * <p>Unlike a Latin hypercube it can be extended one point at a time, so {@code bessim predict}
 * draws candidates until it has kept enough, and the first n points of any run are the same. The
 * shift makes each seed a different, equally even design. Points are numbered from 0; the
 * unshifted sequence starts at index 1, skipping the origin.
 */
public final class Design {
  private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53,
    59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151};

  private final double[] shift;

  public Design(int dims, long seed) {
    checkArgument(dims >= 1 && dims <= PRIMES.length, "a design has 1..%s dimensions, got %s",
        PRIMES.length, dims);
    SplittableRandom r = new SplittableRandom(seed);
    shift = new double[dims];
    for (int i = 0; i < dims; i++) shift[i] = r.nextDouble();
  }

  /** Point {@code index} (from 0), each coordinate in [0, 1). */
  public double[] point(int index) {
    checkArgument(index >= 0, "index must not be negative, got %s", index);
    double[] u = new double[shift.length];
    for (int i = 0; i < u.length; i++) {
      double x = radicalInverse(index + 1L, PRIMES[i]) + shift[i];
      u[i] = x >= 1 ? x - 1 : x;
    }
    return u;
  }

  /** {@code n} written in base {@code b} and mirrored about the point: 6 = 110b gives 0.011b. */
  static double radicalInverse(long n, int b) {
    double inv = 1.0 / b;
    double f = inv;
    double x = 0;
    while (n > 0) {
      x += (n % b) * f;
      n /= b;
      f *= inv;
    }
    return x;
  }
}
