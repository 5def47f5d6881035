package io.bessim.cli;


import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * {@code --seeds}: how many seeds. Null when not given, so a {@code --scenario} file can supply
 * it; each command has its own default.
 */
public final class SeedsOption {
  @Option(
      names = "--seeds",
      paramLabel = "N",
      descriptionKey = "seeds",
      description =
          "Seeds per architecture, at least 1 (default: " + CompareCommand.DEFAULT_SEEDS + ").")
  Integer seeds;

  /** The count given, else {@code fallback}'s, else {@code orElse}; at least 1. */
  public int seeds(OptionalInt fallback, int orElse) {
    return Limits.seeds(seeds != null ? seeds : fallback.orElse(orElse));
  }
}
