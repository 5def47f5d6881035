package io.bessim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * fault.fwStallMs's refusals print the numbers as the user wrote them: a stall of
 * {@code 99999999999} ms was printed as Java's double {@code 9.9999999999E10}.
 */
final class FaultsMessagesTest {
  private static String refusal(String stall) {
    Platform p = Platform.defaults().with("fault.fwStallMs", stall);
    return assertThrows(IllegalArgumentException.class, () -> Faults.of(p)).getMessage();
  }

  @Test
  void anOutOfRangeStallNamesItsNumbersAsWritten() {
    assertEquals("fault.fwStallMs: a stall of 99999999999 ms is over a minute",
        refusal("99999999999@0.1"));
    assertEquals("fault.fwStallMs: a stall of 60001 ms is over a minute", refusal("60001@1"));
    assertEquals("fault.fwStallMs: 1000 stalls per second is over 100", refusal("200@1000"));
    assertEquals("fault.fwStallMs: 0.0001 stalls per second is under 0.001 (use 0 for none)",
        refusal("200@0.0001"));
    assertEquals("fault.fwStallMs: a stall of 1e6 ms is over a minute", refusal(" 1e6 @ 1"));
  }
}
