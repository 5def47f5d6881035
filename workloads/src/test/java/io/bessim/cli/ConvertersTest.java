package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.WorkloadSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The converters turn what users write into ps, B/s and workloads; worked by hand. */
final class ConvertersTest {
  private static final long S = 1_000_000_000_000L;

  @Test
  void durationsAreIntegerPicoseconds() {
    Converters.Duration d = new Converters.Duration();

    assertEquals(180 * S, d.convert("180s"));
    assertEquals(S / 2, d.convert("500ms"));
    assertEquals(180 * S, d.convert("3m"));
    assertEquals(1_500_000_000_000L, d.convert("1.5s"));
    assertEquals(2 * 3600 * S, d.convert("2h"));
    assertEquals(250_000L, d.convert("250ns"));
  }

  @Test
  void ratesAreBytesPerSecondWithDecimalAndBinaryPrefixes() {
    Converters.Rate r = new Converters.Rate();

    assertEquals(4_000_000.0, r.convert("4MB/s"));
    assertEquals(500_000.0, r.convert("500KB/s"));
    assertEquals(4_000_000.0, r.convert("32Mbit/s")); // 32e6 bits / 8
    assertEquals(1_048_576.0, r.convert("1MiB/s")); // 2^20
    assertEquals(1536.0, r.convert("1.5KiB/s"));
  }

  @Test
  void workloadsAreParsedToTheirCanonicalSpec() {
    Converters.Workload w = new Converters.Workload();

    assertEquals(new WorkloadSpec(WorkloadSpec.Kind.TCP, 4e6), w.convert("tcp:4MB/s"));
    assertEquals(new WorkloadSpec(WorkloadSpec.Kind.UDP, 1e6), w.convert("udp:8Mbit/s"));
    assertEquals("ramp:1MB/s-4MB/s@60s", w.convert("ramp:1MB/s-4MB/s@1m").toString());
    assertEquals("burst:2MB@8MB/s/2s", w.convert("burst:2MB@8MB/s/2000ms").toString());
  }

  @Test
  void aTraceWindowMayStartAtZero() {
    Converters.Window w = new Converters.Window();

    assertEquals(new Converters.TimeWindow(10 * S, 10_100_000_000_000L), w.convert("10s..10.1s"));
    assertEquals(new Converters.TimeWindow(0, S), w.convert("0..1s"));
  }

  @Test
  void aBadValueIsATypeConversionNamingTheProblem() {
    expect(new Converters.Duration(), "-5s", "duration must be positive, got '-5s'");
    expect(new Converters.Duration(), "banana", "malformed duration 'banana': expected a number");
    expect(new Converters.Rate(), "4MB", "malformed rate '4MB': expected a number and a unit");
    expect(new Converters.Rate(), "-1MB/s", "negative rate '-1MB/s'");
    expect(new Converters.Workload(), "carrier-pigeon:3MB/s",
        "unknown workload kind 'carrier-pigeon'");
    expect(new Converters.Window(), "10s", "expected FROM..TO, e.g. 10s..10.1s, got '10s'");
    expect(new Converters.Window(), "5s..1s", "the window must end after it starts");
  }

  @Test
  void aRateUnitInTheWrongCaseIsAnsweredWithTheUnitsItCouldMean() {
    Converters.Rate r = new Converters.Rate();

    // B is bytes and b is bits, so 4mb/s is not read as either: the message names both.
    expect(r, "4mb/s", "malformed rate '4mb/s': expected a number and a unit");
    assertTrue(message(r, "4mb/s").endsWith(
        "units are case-sensitive (B is bytes, b is bits): did you mean 4MB/s or 4Mb/s?"),
        message(r, "4mb/s"));
    assertTrue(message(r, "2kb/s").endsWith("did you mean 2kB/s?"), message(r, "2kb/s"));
    assertTrue(message(r, "1mib/s").endsWith("did you mean 1MiB/s?"), message(r, "1mib/s"));
    // A unit that is not a known one in any case gets no guess.
    assertTrue(message(r, "4Mbps").endsWith("KiB/s)"), message(r, "4Mbps"));
  }

  private static String message(ITypeConverter<?> c, String text) {
    return assertThrows(TypeConversionException.class, () -> c.convert(text)).getMessage();
  }

  private static void expect(ITypeConverter<?> c, String text, String message) {
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> c.convert(text));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
