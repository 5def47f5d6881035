package io.bessim.driver;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.sim.Time;

/**
 * The fault what-ifs of a platform ({@code --set fault.*}, docs/faults.md), each off at 0. Every
 * fault follows the driver's own recovery path: a CRC error is retried up to 10 times
 * ({@code bes2600_sdio.c} sdio_rx_work, sdio_tx_work), a timeout or a CRC error that outlasts the
 * retries force-closes Wi-Fi ({@code bes2600_chrdev_wifi_force_close}), a lost interrupt waits for
 * a poll or for the bh's 5 s timeout ("Missed interrupt?", {@code bh.c} bes2600_bh), which
 * force-closes when buffers are outstanding.
 *
 * @param sdioCrcRate probability that a CMD53 transfer fails its data CRC (-EILSEQ, -84)
 * @param sdioTimeoutRate probability that a CMD52 length read or a CMD53 times out (-ETIMEDOUT)
 * @param lostIrqRate probability that a card interrupt never reaches the host
 * @param fwStallPs how long each firmware stall lasts
 * @param fwStallsPerSecond how often the firmware stalls (Poisson), per simulated second
 */
public record Faults(double sdioCrcRate, double sdioTimeoutRate, double lostIrqRate,
    long fwStallPs, double fwStallsPerSecond) {
  public static final Faults NONE = new Faults(0, 0, 0, 0, 0);

  public Faults {
    checkArgument(sdioCrcRate >= 0 && sdioCrcRate <= 1, "fault.sdioCrcRate must be in 0..1");
    checkArgument(sdioTimeoutRate >= 0 && sdioTimeoutRate <= 1,
        "fault.sdioTimeoutRate must be in 0..1");
    checkArgument(lostIrqRate >= 0 && lostIrqRate <= 1, "fault.lostIrqRate must be in 0..1");
    checkArgument(fwStallPs >= 0 && fwStallsPerSecond >= 0, "fault.fwStallMs must not be negative");
  }

  /** The faults {@code p} sets; throws IllegalArgumentException naming a malformed one. */
  public static Faults of(Platform p) {
    String stall = p.string("fault.fwStallMs");
    int at = stall.indexOf('@');
    checkArgument(at > 0 && at < stall.length() - 1,
        "fault.fwStallMs wants MS@RATE (stall length in ms @ stalls per simulated second, e.g."
            + " 200@0.1), got '%s'", stall);
    // The messages name the numbers as written: a double prints 99999999999 as 9.9999999999E10.
    String msText = stall.substring(0, at).strip();
    String rateText = stall.substring(at + 1).strip();
    double ms = number(msText, stall);
    double rate = number(rateText, stall);
    checkArgument(ms <= 60_000, "fault.fwStallMs: a stall of %s ms is over a minute", msText);
    checkArgument(rate <= 100, "fault.fwStallMs: %s stalls per second is over 100", rateText);
    // Below one stall in 1000 s the gaps drawn would overflow the clock; 0 turns stalls off.
    checkArgument(rate == 0 || rate >= 0.001,
        "fault.fwStallMs: %s stalls per second is under 0.001 (use 0 for none)", rateText);
    return new Faults(p.number("fault.sdioCrcRate"), p.number("fault.sdioTimeoutRate"),
        p.number("fault.lostIrqRate"), Math.round(ms * Time.MS), rate);
  }

  private static double number(String s, String whole) {
    try {
      double d = Double.parseDouble(s.strip());
      checkArgument(d >= 0 && Double.isFinite(d),
          "fault.fwStallMs wants two numbers, not negative, as MS@RATE, got '%s'", whole);
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault.fwStallMs wants MS@RATE (e.g. 200@0.1), got '" + whole + "'");
    }
  }

  /** Whether any fault is on: the recovery paths are built into the driver only then. */
  public boolean any() {
    return sdioCrcRate > 0 || sdioTimeoutRate > 0 || lostIrqRate > 0 || stalls();
  }

  /** Whether the firmware stalls at all. */
  public boolean stalls() {
    return fwStallPs > 0 && fwStallsPerSecond > 0;
  }
}
