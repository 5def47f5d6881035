package io.bessim.cli;

import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * {@code --duration}: simulated time per run, parsed by picocli ({@link Converters.Duration}).
 * Null when not given, so a {@code --scenario} file can supply it. A command that words the help
 * differently says so in {@code Options.properties} ({@code bessim.sweep.duration}).
 */
public final class DurationOption {
  /** The duration when neither the option nor a fallback gives one. */
  public static final String DEFAULT = "180s";

  private static final long DEFAULT_PS = Durations.parse(DEFAULT);

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      descriptionKey = "duration",
      converter = Converters.Duration.class,
      description =
          "Simulated time per run, e.g. 180s, 500ms, 3m, 2h or 1.5s (default: " + DEFAULT + ").")
  Long durationPs;

  /** The duration given, else {@code fallback}'s, else {@link #DEFAULT}; in ps. */
  public long durationPs(OptionalLong fallback) {
    return Limits.durationPs(durationPs != null ? durationPs : fallback.orElse(DEFAULT_PS));
  }
}
