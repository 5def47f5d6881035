package io.bessim.cli;

import io.bessim.driver.Platform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Stack;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --set} and {@code --profile}, shared by the commands that run simulations. */
public final class PlatformOptions {
  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      descriptionKey = "set",
      description = "Override one platform parameter for all runs; repeatable, each name once"
          + " (see 'bessim arch list').",
      parameterConsumer = OnceEach.class)
  Map<String, String> overrides = new LinkedHashMap<>();

  /**
   * Reads one {@code --set NAME=VALUE} into the map, each name once: {@code --set x=1 --set x=2}
   * is refused, as a name given twice in a profile or scenario file is (keeping the last silently
   * hid a mistake in a script).
   */
  static final class OnceEach implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      CommandLine cl = commandSpec.commandLine();
      if (args.isEmpty()) {
        throw new ParameterException(cl,
            "Missing required parameter for option '--set' (NAME=VALUE)");
      }
      String arg = args.pop();
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(cl,
            "Value for option '--set' should be in NAME=VALUE format but was " + arg);
      }
      String name = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      Map<String, String> sets = argSpec.getValue();
      if (sets.containsKey(name)) {
        throw new ParameterException(cl, "--set " + name + " is given twice (" + name + "="
            + sets.get(name) + " and " + arg + ")");
      }
      sets.put(name, value);
    }
  }

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

  /** The profile (or the defaults) with the {@code --set}s applied, checked as a host. */
  Platform platform() {
    Platform p = CliInputs.loadProfile(profile).with(overrides);
    io.bessim.driver.host.Host.check(p);
    return p;
  }

  /** The platform as an output header names it. */
  String describe() {
    String base = profile == null ? "built-in defaults" : "profile " + profile;
    if (overrides.isEmpty()) return base;
    return base + " with --set "
        + overrides.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().strip())
            .collect(Collectors.joining(", "));
  }
}
