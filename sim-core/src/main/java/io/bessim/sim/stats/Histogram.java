package io.bessim.sim.stats;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Locale;

/**
 * A log-linear histogram of non-negative longs (typically picosecond latencies) with about 3%
 * resolution over the whole range.
 *
 * <p>Values below 64 are counted exactly. Above that, each power-of-two range [2^e, 2^(e+1)) is cut
 * into 32 equal buckets, so a bucket is at most 1/32 (3.1%) of its lower bound wide, and a
 * percentile reported as the bucket midpoint is within 1.6% of a recorded value. The layout is the
 * one HdrHistogram uses with 5 sub-bucket bits. There are 1,888 buckets in all; {@link #record}
 * does no allocation and no floating-point work beyond the running sum.
 *
 * <p>Count, minimum, maximum and mean are exact; only percentiles are quantised.
 */
public final class Histogram {
  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS; // buckets per power of two
  /** Bucket count: 64 exact buckets, then 32 per power of two from 2^6 to 2^62. */
  private static final int BUCKETS = indexOf(Long.MAX_VALUE) + 1;

  private final long[] counts = new long[BUCKETS];
  private long count;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private double sum;

  /** Counts one occurrence of {@code value} (must be non-negative). */
  public void record(long value) {
    checkArgument(value >= 0, "negative value %s", value);
    counts[indexOf(value)]++;
    count++;
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }

  public long count() {
    return count;
  }

  /** The smallest recorded value, or 0 when empty. */
  public long min() {
    return count == 0 ? 0 : min;
  }

  /** The largest recorded value, or 0 when empty. */
  public long max() {
    return count == 0 ? 0 : max;
  }

  /** The exact mean of the recorded values, or NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * The value at percentile {@code p} (0 to 100): the smallest value such that at least p% of the
   * recorded values are at or below it (nearest rank), reported as the midpoint of its bucket and
   * clamped to [min, max]; the first and last ranks are the exact min and max. Returns 0 when
   * empty.
   */
  public long percentile(double p) {
    checkArgument(p >= 0 && p <= 100, "percentile out of [0, 100]: %s", p);
    if (count == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
    // The extreme ranks are known exactly, so report them without quantisation.
    if (rank == 1) return min;
    if (rank >= count) return max;
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        long lo = lowerBound(i);
        long mid = lo + (bucketWidth(i) - 1) / 2;
        return Math.max(min, Math.min(max, mid));
      }
    }
    return max; // unreachable: the counts sum to count
  }

  /** Adds every value recorded in {@code other} to this histogram. */
  public void merge(Histogram other) {
    for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
    count += other.count;
    sum += other.sum;
    if (other.min < min) min = other.min;
    if (other.max > max) max = other.max;
  }

  /** Forgets everything recorded, e.g. at the end of a warm-up. */
  public void reset() {
    Arrays.fill(counts, 0);
    count = 0;
    sum = 0;
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
  }

  /** The bucket holding {@code v >= 0}. */
  static int indexOf(long v) {
    if (v < 2 * SUB) return (int) v;
    int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS; // >= 1 here
    int mantissa = (int) (v >>> shift); // in [SUB, 2 * SUB)
    return (shift + 1) * SUB + (mantissa - SUB);
  }

  /** The smallest value that falls into bucket {@code i}. */
  static long lowerBound(int i) {
    if (i < 2 * SUB) return i;
    int shift = i / SUB - 1;
    long mantissa = SUB + i % SUB;
    return mantissa << shift;
  }

  /** How many distinct values bucket {@code i} covers. */
  static long bucketWidth(int i) {
    return i < 2 * SUB ? 1 : 1L << (i / SUB - 1);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.US,
        "Histogram[n=%d, min=%d, p50=%d, p99=%d, max=%d]",
        count, min(), percentile(50), percentile(99), max());
  }
}
