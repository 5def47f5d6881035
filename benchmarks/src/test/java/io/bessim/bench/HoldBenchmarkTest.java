package io.bessim.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Param;

/** The hold benchmark compares like with like: every list pops the same times. */
final class HoldBenchmarkTest {
  private static final int HOLDS = 20_000;

  private static long[] pops(String list, int n) {
    HoldBenchmark.Hold h = HoldBenchmark.create(list, n);
    long[] times = new long[HOLDS];
    for (int i = 0; i < HOLDS; i++) {
      times[i] = h.hold();
    }
    return times;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 100, 1000})
  void everyListPopsTheSameTimesForTheSameIncrements(int n) {
    long[] expected = pops("PriorityQueue", n);
    for (int i = 1; i < HOLDS; i++) {
      assertTrue(expected[i] >= expected[i - 1], "hold model times never go back");
    }
    for (String list : HoldBenchmark.LISTS) {
      assertArrayEquals(expected, pops(list, n), list + " at n=" + n);
    }
    for (String list : HoldBenchmark.REGIMES) {
      assertArrayEquals(expected, pops(list, n), list + " at n=" + n);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "n"})
  void theParamsAreTheDocumentedOnes(String name) throws NoSuchFieldException {
    Field f = HoldBenchmark.class.getField(name);
    String[] values = f.getAnnotation(Param.class).value();
    if (name.equals("list")) {
      assertArrayEquals(HoldBenchmark.LISTS, values);
      assertEquals(5, Arrays.stream(values).filter(v -> v.startsWith("ssj.")).count());
    } else {
      assertArrayEquals(new String[] {"10", "100", "1000", "100000"}, values);
    }
  }
}
