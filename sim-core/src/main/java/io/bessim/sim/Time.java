package io.bessim.sim;

import java.util.Locale;

/** Picosecond time constants and conversions. All simulated time is a {@code long} of ps. */
public final class Time {
  public static final long PS = 1L;
  public static final long NS = 1_000L;
  public static final long US = 1_000_000L;
  public static final long MS = 1_000_000_000L;
  public static final long S = 1_000_000_000_000L;

  private Time() {}

  public static long ns(double ns) {
    return Math.round(ns * NS);
  }

  public static long us(double us) {
    return Math.round(us * US);
  }

  public static long ms(double ms) {
    return Math.round(ms * MS);
  }

  public static long seconds(double s) {
    return Math.round(s * S);
  }

  public static double toSeconds(long ps) {
    return ps / (double) S;
  }

  public static double toMicros(long ps) {
    return ps / (double) US;
  }

  public static double toNanos(long ps) {
    return ps / (double) NS;
  }

  /** Duration of {@code cycles} clock cycles at {@code hz}, rounded to the nearest ps. */
  public static long cycles(long cycles, long hz) {
    // cycles * 1e12 / hz without overflow for any realistic count (cycles < 9.2e6 * hz / 1e6).
    return Math.round(cycles * (1e12 / hz));
  }

  /** "12.345 ms" style, for messages. */
  public static String format(long ps) {
    if (ps >= S) return String.format(Locale.US, "%.3f s", ps / (double) S);
    if (ps >= MS) return String.format(Locale.US, "%.3f ms", ps / (double) MS);
    if (ps >= US) return String.format(Locale.US, "%.3f us", ps / (double) US);
    return String.format(Locale.US, "%.3f ns", ps / (double) NS);
  }
}
