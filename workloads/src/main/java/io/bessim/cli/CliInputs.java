package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.calibrate.FitParam;
import io.bessim.calibrate.Measurements;
import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Input checks every command shares: the profile file, the thread count, the fit's box. */
public final class CliInputs {
  private CliInputs() {}

  /**
   * The files a command reads besides a scenario, by option: {@code measurements} (null, or the
   * shipped set's name, for none) and the --profile, for {@code OutputFile.checkNotInputs}.
   */
  static Map<String, Path> inputs(String measurements, PlatformOptions platform) {
    Map<String, Path> in = new LinkedHashMap<>();
    boolean file = measurements != null && !measurements.strip().equals(Measurements.SHIPPED);
    in.put("--measurements", file ? Path.of(measurements) : null);
    in.put("--profile", platform.profile());
    return in;
  }

  /** The profile in {@code file}, or the built-in one when null; unreadable is bad input. */
  public static Platform loadProfile(Path file) {
    if (file == null) return Platform.defaults();
    try {
      return Platform.load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read --profile '" + file + "': " + describe(e), e);
    }
  }

  /**
   * A folder named on the command line by {@code what} ({@code --out}, {@code DIR}): an empty
   * path is refused, as OutputFile refuses one for a file, since it would silently mean the
   * working directory.
   */
  static Path folder(String what, Path dir) {
    checkArgument(dir == null || !dir.toString().isEmpty(), "%s '': an empty path", what);
    return dir;
  }

  /**
   * Checks that the host can be built with each of {@code params} at either end of its box, the
   * others as {@code platform} has them, so that a fit or a sample does not reach a platform the
   * model refuses mid-run ({@code host.cpus} moved down to 1 with the bh on CPU 1). Throws
   * IllegalArgumentException naming the command, the value, the problem and {@code advice}
   * (given the parameter's name).
   */
  static void checkBoxEnds(Platform platform, List<FitParam> params, String command,
      Function<String, String> advice) {
    for (FitParam f : params) {
      for (double end : new double[] {f.min(), f.max()}) {
        String v = f.format(end);
        try {
          Host.check(platform.with(f.name(), v));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(String.format("%s would try %s=%s (an end of its"
                  + " range %s..%s), where %s; %s", command, f.name(), v, f.format(f.min()),
              f.format(f.max()), e.getMessage(), advice.apply(f.name())), e);
        }
      }
    }
  }

  /** {@code --threads}: the number asked for, or every processor; at least 1. */
  public static int threads(Integer requested) {
    int n = requested != null ? requested : Runtime.getRuntime().availableProcessors();
    checkArgument(n >= 1, "--threads must be at least 1, got %s", n);
    return n;
  }

  /** An I/O failure in words a user can act on. */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file " + e.getMessage();
    if (e instanceof AccessDeniedException) return "permission denied on " + e.getMessage();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
