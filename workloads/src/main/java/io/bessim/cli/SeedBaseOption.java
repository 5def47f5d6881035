package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --seed-base} (alias {@code --seed}): the first seed; runs use it and the next ones. */
public final class SeedBaseOption {
  @Option(
      names = {"--seed-base", "--seed"},
      paramLabel = "N",
      defaultValue = "1",
      descriptionKey = "seed-base",
      description = "First seed; runs use seed-base, seed-base+1, ... (default: ${DEFAULT-VALUE}).")
  long seedBase;

  public long seedBase() {
    return seedBase;
  }

  /** The first {@code count} seeds from the base; throws if they would overflow a long. */
  public List<Long> seeds(int count) {
    checkArgument(seedBase <= Long.MAX_VALUE - (count - 1),
        "--seed-base %s is too large for %s seeds", seedBase, count);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(seedBase + i);
    return out;
  }
}
