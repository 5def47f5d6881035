package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.experiment.WorkloadSpec;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli type converters for the values users write with units, so an option's text is parsed
 * while picocli parses the command line, not in {@code call()}. A bad value becomes picocli's
 * one-line {@code Invalid value for option '--duration': ...} error, exit 2, with our message
 * naming the problem.
 */
public final class Converters {
  private Converters() {}

  /** A simulated duration ({@code 180s}, {@code 500ms}, {@code 3m}, {@code 1.5s}) in ps. */
  public static final class Duration implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      return converted(text, Durations::parse);
    }
  }

  /**
   * A rate ({@code 4MB/s}, {@code 500KB/s}, {@code 32Mbit/s}, {@code 1MiB/s}) in bytes per
   * second; MB are 10^6 bytes, MiB 2^20.
   */
  public static final class Rate implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return converted(text, WorkloadSpec::parseRate);
    }
  }

  /**
   * A workload ({@code tcp:4MB/s}, {@code udp:...}, {@code ramp:...}, {@code burst:...},
   * {@code replay:FILE}); a replay's trace is read and checked now.
   */
  public static final class Workload implements ITypeConverter<WorkloadSpec> {
    @Override
    public WorkloadSpec convert(String text) {
      return converted(text, WorkloadSpec::parse);
    }
  }

  /** A stretch of simulated time {@code FROM..TO}, e.g. {@code 10s..10.1s}; FROM may be 0. */
  public static final class Window implements ITypeConverter<TimeWindow> {
    @Override
    public TimeWindow convert(String text) {
      return converted(text, Window::parse);
    }

    static TimeWindow parse(String text) {
      int dots = text.indexOf("..");
      checkArgument(dots > 0, "expected FROM..TO, e.g. 10s..10.1s, got '%s'", text);
      long from = Durations.parseNonNegative(text.substring(0, dots));
      long to = Durations.parse(text.substring(dots + 2));
      checkArgument(to > from, "the window must end after it starts, got '%s'", text);
      return new TimeWindow(from, to);
    }
  }

  /** Simulated time from {@code fromPs} to {@code toPs}. */
  public record TimeWindow(long fromPs, long toPs) {}

  /** {@code parse(text)}, its IllegalArgumentException turned into picocli's bad-value error. */
  private static <T> T converted(String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
