package io.bessim.cli;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.WorkloadSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved experiment: what {@code --scenario FILE} reads for {@code compare}, {@code run} and
 * {@code sweep}. Every part is optional; options given on the command line win over the file's.
 *
 * <p>Format: UTF-8 text, one {@code key = value} per line; blank lines are skipped and {@code #}
 * starts a comment (a whole line, or the rest of a line after a blank). Keys:
 *
 * <pre>
 * arch     = baseline,v3               # architectures, as --arch
 * workload = ramp:1MB/s-4MB/s@60s      # as --workload
 * duration = 180s                      # as --duration
 * seeds    = 3                         # as --seeds (run uses one seed and ignores it)
 * profile  = rig.profile               # as --profile
 * set fw.rxPoolFrames = 16             # as --set NAME=VALUE; repeatable
 * variant v3-batch = v3 + rx.delivery=batch   # a named variant: a preset and knobs; repeatable
 * </pre>
 *
 * A variant's name can then be used in {@code arch} and in {@code --arch}, anywhere a preset
 * can; it is labelled with its own name.
 *
 * Relative paths (the profile, a replay trace) are resolved against the scenario file's folder,
 * so a scenario and its files can move together. Each value is checked when the file is read; a
 * problem is reported as {@code FILE line N: ...}. A key given twice is an error.
 *
 * @param archs the architectures, in order
 * @param workload the workload
 * @param durationPs simulated time per run, ps
 * @param seeds seeds per architecture
 * @param sets platform overrides, in file order
 * @param profile the platform profile file
 * @param variants the named variants, in file order
 */
public record Scenario(
    Optional<List<Architecture>> archs,
    Optional<WorkloadSpec> workload,
    OptionalLong durationPs,
    OptionalInt seeds,
    Map<String, String> sets,
    Optional<Path> profile,
    Map<String, Architecture> variants) {

  /** No scenario: every part absent. */
  public static final Scenario NONE = new Scenario(Optional.empty(), Optional.empty(),
      OptionalLong.empty(), OptionalInt.empty(), Map.of(), Optional.empty(), Map.of());

  private static final Pattern SET = Pattern.compile("set\\s+([^=\\s]+)\\s*=\\s*(.*)");
  private static final Pattern VARIANT =
      Pattern.compile("variant\\s+([A-Za-z][A-Za-z0-9_.-]*)\\s*=\\s*(.*)");
  private static final Pattern KEY_VALUE =
      Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)\\s*=\\s*(.*)");
  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s#");
  private static final List<String> KEYS =
      List.of("arch", "workload", "duration", "seeds", "profile");

  public Scenario {
    archs = archs.map(List::copyOf);
    sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
  }

  /** An architecture as written in {@code --arch}: a preset, one of this file's variants, or
   * either with {@code +knob=value} parts. */
  public Architecture arch(String written) {
    return Architecture.parse(written, variants);
  }

  /** Reads and checks {@code file}; throws IllegalArgumentException naming the file and line. */
  public static Scenario load(Path file) {
    List<String> lines;
    try {
      lines = io.bessim.sim.TextFiles.read(file, "--scenario").lines().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read --scenario '" + file + "': " + ExperimentOptions.describe(e), e);
    }
    return parse(lines, file.toString(), file.getParent() != null ? file.getParent() : Path.of(""));
  }

  /**
   * Parses the lines of a scenario; {@code source} names it in messages and relative paths are
   * resolved against {@code baseDir}.
   */
  static Scenario parse(List<String> lines, String source, Path baseDir) {
    Optional<List<Architecture>> archs = Optional.empty();
    Optional<WorkloadSpec> workload = Optional.empty();
    OptionalLong durationPs = OptionalLong.empty();
    OptionalInt seeds = OptionalInt.empty();
    Optional<Path> profile = Optional.empty();
    Map<String, String> sets = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Architecture> variants = variants(lines, source, seen);
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = stripComment(lines.get(i));
      if (line.isEmpty()) continue;
      String where = source + " line " + lineNo;
      try {
        if (VARIANT.matcher(line).matches()) continue;
        Matcher set = SET.matcher(line);
        if (set.matches()) {
          String name = set.group(1);
          String value = nonEmpty(set.group(2), "set " + name);
          once(seen, "set " + name, lineNo);
          Platform.defaults().with(name, value); // checks the name and the value now
          sets.put(name, value);
          continue;
        }
        Matcher kv = KEY_VALUE.matcher(line);
        checkArgument(kv.matches(),
            "expected 'key = value', 'set NAME = VALUE' or 'variant NAME = PRESET + knob=value',"
                + " got '%s'", line);
        String key = kv.group(1);
        checkArgument(KEYS.contains(key), "unknown key '%s' (known: %s, set NAME, variant NAME)",
            key,
            String.join(", ", KEYS));
        String value = nonEmpty(kv.group(2), key);
        once(seen, key, lineNo);
        switch (key) {
          case "arch":
            archs = Optional.of(archs(value, variants));
            break;
          case "workload":
            workload = Optional.of(WorkloadSpec.parse(value, baseDir));
            break;
          case "duration":
            durationPs = OptionalLong.of(Limits.durationPs(Durations.parse(value), "duration ="));
            break;
          case "seeds":
            seeds = OptionalInt.of(seeds(value));
            break;
          case "profile":
            profile = Optional.of(existingFile(value, baseDir));
            break;
          default:
            throw new AssertionError(key);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new Scenario(archs, workload, durationPs, seeds, sets, profile, variants);
  }

  /**
   * The {@code variant NAME = PRESET + knob=value ...} lines, read before the rest so that
   * {@code arch} may name a variant defined anywhere in the file.
   */
  private static Map<String, Architecture> variants(
      List<String> lines, String source, Map<String, Integer> seen) {
    Map<String, Architecture> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = VARIANT.matcher(stripComment(lines.get(i)));
      if (!m.matches()) continue;
      try {
        String name = m.group(1);
        once(seen, "variant " + name, i + 1);
        // In any case: --arch reads preset names so (V3 is v3), and a variant V1 beside v1 ran
        // two different architectures under one name.
        for (Architecture p : Architecture.presets()) {
          checkArgument(!p.label().equalsIgnoreCase(name),
              "variant '%s' has the name of a preset (%s)", name, p.label());
        }
        Architecture base = Architecture.parse(nonEmpty(m.group(2), "variant " + name), out);
        String knobs = base.label().contains("+")
            ? base.label().substring(base.label().indexOf('+') + 1).replace("+", ", ") : "";
        out.put(name, base.named(name, knobs.isEmpty() ? base.description()
            : "variant: " + base.label().substring(0, base.label().indexOf('+')) + " with "
                + knobs));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Drops a whole-line comment, or a {@code #} comment after a blank. */
  private static String stripComment(String line) {
    String s = line.strip();
    if (s.startsWith("#")) return "";
    Matcher m = TRAILING_COMMENT.matcher(s);
    return m.find() ? s.substring(0, m.start()).strip() : s;
  }

  private static String nonEmpty(String value, String key) {
    String v = value.strip();
    checkArgument(!v.isEmpty(), "no value for '%s'", key);
    return v;
  }

  private static void once(Map<String, Integer> seen, String key, int lineNo) {
    Integer first = seen.putIfAbsent(key, lineNo);
    checkArgument(first == null, "'%s' given twice (first on line %s)", key, first);
  }

  private static List<Architecture> archs(String value, Map<String, Architecture> variants) {
    List<Architecture> out = new ArrayList<>();
    for (String name : value.split(",", -1)) {
      Architecture a = Architecture.parse(name, variants);
      checkArgument(!out.contains(a), "architecture '%s' given twice", name.strip());
      out.add(a);
    }
    return out;
  }

  private static int seeds(String value) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seeds wants a whole number, got '" + value + "'", e);
    }
    checkArgument(n >= 1, "seeds must be at least 1, got %s", n);
    checkArgument(n <= Limits.MAX_SEEDS, "seeds %s is over the limit of %s per architecture", n,
        Limits.MAX_SEEDS);
    return n;
  }

  private static Path existingFile(String value, Path baseDir) {
    Path p;
    try {
      p = Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("bad profile file name '" + value + "'", e);
    }
    if (!p.isAbsolute()) p = baseDir.resolve(p).normalize();
    // 'profile = .' beside the scenario normalises to the empty path: name it as the folder '.'.
    String shown = p.toString().isEmpty() ? "." : p.toString();
    checkArgument(!Files.isDirectory(p), "profile '%s' is a folder, not a profile file", shown);
    checkArgument(Files.isRegularFile(p), "profile '%s' does not exist", shown);
    return p;
  }
}
