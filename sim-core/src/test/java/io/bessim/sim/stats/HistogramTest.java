package io.bessim.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class HistogramTest {
  @Test
  void smallValuesAreExact() {
    Histogram h = new Histogram();
    for (long v = 1; v <= 10; v++) h.record(v);
    assertEquals(10, h.count());
    assertEquals(1, h.min());
    assertEquals(10, h.max());
    assertEquals(5.5, h.mean(), 1e-12);
    // Nearest rank: p50 of 1..10 is the 5th value, p90 the 9th, p91 the 10th.
    assertEquals(5, h.percentile(50));
    assertEquals(9, h.percentile(90));
    assertEquals(10, h.percentile(91));
    assertEquals(1, h.percentile(0));
    assertEquals(10, h.percentile(100));
  }

  @Test
  void bucketsTileTheRangeWithoutGapsOrOverlaps() {
    // Bucket 64 starts at 64 and is 2 wide; each bucket starts where the previous one ended.
    assertEquals(64, Histogram.indexOf(64));
    assertEquals(64, Histogram.indexOf(65));
    assertEquals(65, Histogram.indexOf(66));
    assertEquals(96, Histogram.indexOf(128));
    for (int i = 1; i <= Histogram.indexOf(Long.MAX_VALUE); i++) {
      long lo = Histogram.lowerBound(i);
      assertEquals(Histogram.lowerBound(i - 1) + Histogram.bucketWidth(i - 1), lo, "bucket " + i);
      assertEquals(i, Histogram.indexOf(lo));
      assertEquals(i, Histogram.indexOf(lo + Histogram.bucketWidth(i) - 1));
      // Width over lower bound is the resolution: at most 1/32.
      assertTrue(Histogram.bucketWidth(i) * 32 <= Math.max(lo, 32), "bucket " + i);
    }
  }

  @Test
  void percentileIsWithinBucketResolution() {
    // One value each of 1,000..100,999 ps: the p-th percentile is 1,000 + p * 1,000 - 1.
    Histogram h = new Histogram();
    for (long v = 1_000; v < 101_000; v++) h.record(v);
    for (double p : new double[] {1, 10, 25, 50, 75, 90, 99, 99.9}) {
      double exact = 1_000 + p * 1_000 - 1;
      double got = h.percentile(p);
      assertEquals(exact, got, exact * 0.016, "p" + p);
    }
    assertEquals(51_000 - 0.5, h.mean(), 1e-9);
  }

  @Test
  void percentilesOfExponentialSamplesMatchTheory() {
    // For Exp(mean m) the p-quantile is -m ln(1 - p). With 200,000 samples the sampling error at
    // p99 is about 1%, plus up to 1.6% quantisation.
    SplittableRandom r = new SplittableRandom(11);
    Histogram h = new Histogram();
    double mean = 1e6;
    for (int i = 0; i < 200_000; i++) h.record(Math.round(-mean * Math.log(1 - r.nextDouble())));
    assertEquals(mean * Math.log(2), h.percentile(50), mean * Math.log(2) * 0.03);
    assertEquals(mean * Math.log(100), h.percentile(99), mean * Math.log(100) * 0.04);
  }

  @Test
  void mergeEqualsRecordingEverythingInOne() {
    SplittableRandom r = new SplittableRandom(5);
    Histogram a = new Histogram();
    Histogram b = new Histogram();
    Histogram all = new Histogram();
    long[] values = r.longs(10_000, 0, 1L << 40).toArray();
    for (int i = 0; i < values.length; i++) {
      (i % 3 == 0 ? a : b).record(values[i]);
      all.record(values[i]);
    }
    a.merge(b);
    assertEquals(all.count(), a.count());
    assertEquals(all.min(), a.min());
    assertEquals(all.max(), a.max());
    assertEquals(all.mean(), a.mean(), all.mean() * 1e-12);
    for (double p = 0; p <= 100; p += 0.5) assertEquals(all.percentile(p), a.percentile(p));
    Arrays.sort(values);
    assertEquals(values[0], a.min());
    assertEquals(values[values.length - 1], a.max());
  }

  @Test
  void mergingAnEmptyHistogramChangesNothing() {
    Histogram h = new Histogram();
    h.record(100);
    h.merge(new Histogram());
    assertEquals(1, h.count());
    assertEquals(100, h.min());
    assertEquals(100, h.max());
  }

  @Test
  void emptyAndResetHistogramsReportNothing() {
    Histogram h = new Histogram();
    assertEquals(0, h.count());
    assertEquals(0, h.percentile(50));
    assertTrue(Double.isNaN(h.mean()));
    h.record(12345);
    h.reset();
    assertEquals(0, h.count());
    assertEquals(0, h.max());
  }

  @Test
  void extremeValuesAreAccepted() {
    Histogram h = new Histogram();
    h.record(0);
    h.record(Long.MAX_VALUE);
    assertEquals(0, h.percentile(50));
    assertEquals(Long.MAX_VALUE, h.percentile(100));
    assertThrows(IllegalArgumentException.class, () -> h.record(-1));
  }
}
