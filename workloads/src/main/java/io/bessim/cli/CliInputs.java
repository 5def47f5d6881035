package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.calibrate.Measurements;
import io.bessim.driver.Platform;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input checks every command shares: the profile file and the thread count. */
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
