package io.bessim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --set} and {@code --profile}, shared by the commands that run simulations. */
public final class PlatformOptions {
  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      descriptionKey = "set",
      description = "Override one platform parameter for all runs; repeatable"
          + " (see 'bessim arch list').")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      descriptionKey = "profile",
      description = "Platform profile file; parameters it omits keep their defaults.")
  Path profile;

  /** The {@code --set} overrides in the order given. */
  public Map<String, String> overrides() {
    return overrides;
  }

  /** The {@code --profile} file, or null. */
  public Path profile() {
    return profile;
  }
}
