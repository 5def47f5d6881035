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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code .measurements} file: what the rig measured, under which conditions, and what the rig
 * can count at all.
 *
 * <pre>
 * # comment
 * countable = deliveredMBps, perSecond.sdio_rx_work, perSecond.bes2600_rx_cb
 *
 * [preflight]
 * arch = baseline
 * workload = tcp:4MB/s
 * duration = 180s
 * deliveredMBps = 1.362 | 15% | field-notes.md: Patch B baseline
 * perSecond.sdio_rx_work = 86.4 | 0.25 | field-notes.md: ftrace count
 *
 * [captureB]
 * workload = tcp:4MB/s
 * perSecond.workqueue_execute_start / perSecond.bes2600_rx_cb = 9.24 | 30% | 5643 / 611
 * perSecond.wsm_cmd_send = 13 | 0..30 | capture B
 * perSecond.lock_contention = 50 | report-only | the rig counts a different event
 * </pre>
 *
 * <p>A figure line is {@code quantity = value | band | source}. The quantity is a metric as
 * {@link Metric} declares it (a figure, or a counter as {@code perSecond.<counter>}) or the ratio
 * of two ({@code a / b}). The band is a fraction ({@code 0.15}), a percentage ({@code 15%}) or an
 * interval in the quantity's unit ({@code 0..30}), optionally followed by {@code report-only} (or
 * just {@code report-only}) for a figure that is printed but neither fitted nor used to accept a
 * profile. {@code arch}, {@code workload} and {@code duration} lines state a section's conditions;
 * each is optional. A file without {@code [section]} lines is one unnamed section. The optional
 * {@code countable} line, before the first section, lists what the rig can count (default: every
 * declared figure and counter); {@code bessim predict} picks the next measurement among them.
 */
public record Measurements(String origin, List<Section> sections, List<Metric> countable) {
  /** The name that means the shipped rig baseline. */
  public static final String SHIPPED = "rig";

  private static final String SHIPPED_FILE = "rig-baseline.measurements";
  private static final String SHIPPED_RESOURCE = "/io/bessim/measurements/" + SHIPPED_FILE;
  private static final String REPORT_ONLY = "report-only";

  public Measurements {
    sections = List.copyOf(sections);
    countable = List.copyOf(countable);
  }

  /** Every figure, section by section, in file order. */
  public List<Measurement> figures() {
    return sections.stream().flatMap(s -> s.figures().stream()).toList();
  }

  /** The figures the fit uses and a profile must match. */
  public List<Measurement> fitted() {
    return figures().stream().filter(m -> !m.reportOnly()).toList();
  }

  /** Whether the file names its sections (reports then show them). */
  public boolean named() {
    return sections.stream().anyMatch(s -> !s.name().isEmpty());
  }

  /** {@code rig} (the shipped rig baseline) or a file path. */
  public static Measurements load(String nameOrPath) {
    if (nameOrPath.strip().equals(SHIPPED)) return shipped();
    Path file = Path.of(nameOrPath);
    String text;
    try {
      text = io.bessim.sim.TextFiles.read(file, "--measurements");
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
    Parser p = new Parser();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      try {
        p.line(line);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    List<Section> sections = p.finish(origin);
    checkArgument(sections.stream().flatMap(s -> s.figures().stream())
            .anyMatch(m -> !m.reportOnly()),
        "%s: no figure to fit (every line is report-only or there are none)", origin);
    return new Measurements(origin, sections, p.countable != null ? p.countable : everything());
  }

  /** Every declared figure and counter: what a rig is assumed to count unless a file says. */
  private static List<Metric> everything() {
    return Arrays.stream(Metric.values())
        .filter(m -> m.kind() == Metric.Kind.FIGURE || m.kind() == Metric.Kind.COUNTER).toList();
  }

  /** Reads line by line; a section is closed when the next one opens or the file ends. */
  private static final class Parser {
    final List<Section> sections = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    List<Metric> countable;
    String name;
    Architecture arch;
    WorkloadSpec workload;
    Long durationPs;
    List<Measurement> figures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean open;
    boolean implicit;

    void line(String line) {
      if (line.startsWith("[")) {
        section(line);
        return;
      }
      int eq = line.indexOf('=');
      checkArgument(eq > 0, "expected 'quantity = value | band | source' or '[section]'");
      String key = line.substring(0, eq).strip();
      String rest = line.substring(eq + 1).strip();
      if (key.equals("countable")) {
        checkArgument(!open, "'countable' belongs before the first section");
        checkArgument(countable == null, "'countable' given twice");
        countable = countable(rest);
        return;
      }
      if (!open) {
        checkArgument(sections.isEmpty(), "'%s' outside a section", key);
        open = true;
        implicit = true;
        name = "";
      }
      checkArgument(seen.add(key), "'%s' given twice%s", key,
          name.isEmpty() ? "" : " in [" + name + "]");
      switch (key) {
        case "arch" -> arch = Architecture.fromName(rest);
        case "workload" -> workload = WorkloadSpec.parse(rest);
        case "duration" -> durationPs = WorkloadSpec.parseDuration(rest);
        default -> figures.add(figure(name, key, rest));
      }
    }

    void section(String line) {
      checkArgument(line.endsWith("]"), "a section line is '[name]', got '%s'", line);
      String n = line.substring(1, line.length() - 1).strip();
      checkArgument(n.matches("[A-Za-z0-9_.-]+"),
          "a section name is letters, digits, '_', '.' or '-', got '%s'", n);
      checkArgument(!implicit, "[%s]: figures before the first section belong in one", n);
      checkArgument(names.add(n), "section [%s] given twice", n);
      close();
      open = true;
      name = n;
    }

    void close() {
      if (!open) return;
      checkArgument(!figures.isEmpty(), "%s has no figure",
          name.isEmpty() ? "the file" : "section [" + name + "]");
      sections.add(new Section(name, arch, workload, durationPs, figures));
      arch = null;
      workload = null;
      durationPs = null;
      figures = new ArrayList<>();
      seen = new HashSet<>();
    }

    List<Section> finish(String origin) {
      try {
        close();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
      }
      return sections;
    }
  }

  private static List<Metric> countable(String list) {
    List<Metric> out = new ArrayList<>();
    for (String key : list.split(",")) {
      if (key.isBlank()) continue;
      Metric m = Metric.figure(key.strip());
      checkArgument(!out.contains(m), "countable: %s given twice", m.key());
      out.add(m);
    }
    checkArgument(!out.isEmpty(), "countable: name at least one metric");
    return out;
  }

  private static Measurement figure(String section, String key, String rest) {
    Quantity q = Quantity.parse(key);
    String[] parts = rest.split("\\|", 3);
    checkArgument(parts.length == 3,
        "expected 'quantity = value | band | source', got '%s = %s'", key, rest);
    double value = number(parts[0].strip(), "value of " + key);
    String source = parts[2].strip();
    checkArgument(!source.isEmpty(), "no source for %s: say where the figure comes from", key);
    double tolerance = Double.NaN;
    double[] interval = null;
    boolean reportOnly = false;
    for (String word : parts[1].strip().split("\\s+")) {
      if (word.isEmpty()) continue;
      if (word.toLowerCase(Locale.ROOT).equals(REPORT_ONLY)) {
        reportOnly = true;
        continue;
      }
      checkArgument(Double.isNaN(tolerance) && interval == null, "two bands for %s", key);
      if (word.contains("..")) {
        interval = interval(word, key);
      } else {
        tolerance = word.endsWith("%")
            ? number(word.substring(0, word.length() - 1), "tolerance of " + key) / 100
            : number(word, "tolerance of " + key);
      }
    }
    if (interval != null) {
      return Measurement.interval(section, q, value, interval[0], interval[1], reportOnly, source);
    }
    checkArgument(reportOnly || !Double.isNaN(tolerance),
        "no band for %s: give a fraction (0.15), a percentage (15%%), an interval (lo..hi)"
            + " or report-only", key);
    return Measurement.relative(section, q, value, tolerance, reportOnly, source);
  }

  private static double[] interval(String word, String key) {
    int dots = word.indexOf("..");
    return new double[] {number(word.substring(0, dots), "interval of " + key),
        number(word.substring(dots + 2), "interval of " + key)};
  }

  private static double number(String s, String what) {
    try {
      return Double.parseDouble(s.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a number: '" + s + "'", e);
    }
  }
}
