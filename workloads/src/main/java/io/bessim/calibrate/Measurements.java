package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.experiment.Metric;
import io.bessim.experiment.WorkloadSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code .measurements} file: what the rig measured, at which architecture and workload.
 *
 * <pre>
 * # comment
 * arch = baseline
 * workload = tcp:4MB/s
 * deliveredMBps = 1.362 | 0.15 | field-notes.md: Patch B baseline
 * perSecond.sdio_rx_work = 86.4 | 30% | field-notes.md: ftrace count
 * perSecond.lock_contention = 50 | report-only | the rig counts a different event
 * </pre>
 *
 * <p>A figure line is {@code metric = value | tolerance | source}: the metric is a figure or a
 * counter ({@code perSecond.<counter>}) as {@link Metric} declares it; the tolerance is a
 * fraction ({@code 0.15}) or a percentage ({@code 15%}) of the value, optionally followed by
 * {@code report-only} (or just {@code report-only}) for a figure that is printed but not fitted.
 * {@code arch} and {@code workload} lines say where the figures were taken; both are optional.
 */
public record Measurements(
    String origin, Architecture arch, WorkloadSpec workload, List<Measurement> figures) {
  /** The name that means the shipped rig baseline. */
  public static final String SHIPPED = "rig";

  private static final String SHIPPED_FILE = "rig-baseline.measurements";
  private static final String SHIPPED_RESOURCE = "/io/bessim/measurements/" + SHIPPED_FILE;
  private static final String REPORT_ONLY = "report-only";

  public Measurements {
    figures = List.copyOf(figures);
  }

  /** The figures the fit uses. */
  public List<Measurement> fitted() {
    return figures.stream().filter(m -> !m.reportOnly()).toList();
  }

  /** {@code rig} (the shipped rig baseline) or a file path. */
  public static Measurements load(String nameOrPath) {
    if (nameOrPath.strip().equals(SHIPPED)) return shipped();
    Path file = Path.of(nameOrPath);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "cannot read --measurements '" + nameOrPath + "': no such file", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "cannot read --measurements '" + nameOrPath + "': permission denied", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read --measurements '" + nameOrPath + "': " + e.getMessage(), e);
    }
    return parse(text, nameOrPath);
  }

  /** The rig's baseline figures from field-notes.md, shipped with bessim. */
  public static Measurements shipped() {
    try (InputStream in = Measurements.class.getResourceAsStream(SHIPPED_RESOURCE)) {
      checkArgument(in != null, "shipped measurements %s missing", SHIPPED_RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the text; throws IllegalArgumentException naming the file, line and problem. */
  public static Measurements parse(String text, String origin) {
    Architecture arch = null;
    WorkloadSpec workload = null;
    List<Measurement> figures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String where = origin + ":" + (i + 1) + ": ";
      try {
        int eq = line.indexOf('=');
        checkArgument(eq > 0, "expected 'metric = value | tolerance | source'");
        String key = line.substring(0, eq).strip();
        String rest = line.substring(eq + 1).strip();
        checkArgument(seen.add(key), "'%s' given twice", key);
        if (key.equals("arch")) {
          arch = Architecture.fromName(rest);
        } else if (key.equals("workload")) {
          workload = WorkloadSpec.parse(rest);
        } else {
          figures.add(figure(key, rest));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
    checkArgument(figures.stream().anyMatch(m -> !m.reportOnly()),
        "%s: no figure to fit (every line is report-only or there are none)", origin);
    return new Measurements(origin, arch, workload, figures);
  }

  private static Measurement figure(String metric, String rest) {
    Metric declared = Metric.figure(metric);
    String[] parts = rest.split("\\|", 3);
    checkArgument(parts.length == 3,
        "expected 'metric = value | tolerance | source', got '%s = %s'", metric, rest);
    double value = number(parts[0].strip(), "value of " + metric);
    String source = parts[2].strip();
    checkArgument(!source.isEmpty(), "no source for %s: say where the figure comes from", metric);
    double tolerance = Double.NaN;
    boolean reportOnly = false;
    for (String word : parts[1].strip().split("\\s+")) {
      if (word.isEmpty()) continue;
      if (word.toLowerCase(Locale.ROOT).equals(REPORT_ONLY)) {
        reportOnly = true;
      } else {
        checkArgument(Double.isNaN(tolerance), "two tolerances for %s", metric);
        tolerance = word.endsWith("%")
            ? number(word.substring(0, word.length() - 1), "tolerance of " + metric) / 100
            : number(word, "tolerance of " + metric);
      }
    }
    checkArgument(reportOnly || !Double.isNaN(tolerance),
        "no tolerance for %s: give a fraction (0.15), a percentage (15%%) or report-only", metric);
    return new Measurement(declared, value, tolerance, reportOnly, source);
  }

  private static double number(String s, String what) {
    try {
      return Double.parseDouble(s.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a number: '" + s + "'", e);
    }
  }
}
