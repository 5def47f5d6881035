package io.bessim.experiment;

import io.bessim.driver.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from, written beside it (JSON {@code provenance}, CSV
 * {@code provenance.*} columns, the HTML report): bessim's version and git commit, the command
 * line, the profile with a hash of every resolved parameter, and every {@code --set}. Two files
 * with the same {@code profileHash} ran on the same platform values whatever file or sets gave them.
 *
 * @param version bessim's version
 * @param commit the git commit the jar was built from, {@code +dirty} if the checkout had
 *     uncommitted changes, or {@code unknown} outside a git checkout
 * @param commandLine the command as typed, {@code bessim compare --arch v3 ...}, less the
 *     options that cannot change the results (where outputs go, {@code --threads},
 *     {@code --quiet}, {@code --wide}): same seeds still give the same bytes
 * @param profile the profile file, or {@code built-in defaults}
 * @param profileHash SHA-256 (first 16 hex digits) of the resolved parameters, name=value lines
 * @param sets every {@code --set} (and scenario set line), in order
 */
public record Provenance(String version, String commit, String commandLine, String profile,
    String profileHash, Map<String, String> sets) {

  public static final String VERSION = "0.1.0-SNAPSHOT";

  /** Options with a value that change where output goes or how fast, not what it says. */
  private static final java.util.Set<String> OUTPUT_OPTIONS = java.util.Set.of("--json",
      "--csv", "--report", "--out", "-o", "--trace", "--ftrace", "--threads");

  /** Flags that change only what the terminal shows. */
  private static final java.util.Set<String> OUTPUT_FLAGS = java.util.Set.of("--quiet", "--wide");

  private static String commitCache;

  public Provenance {
    sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sets));
  }

  /** The provenance of a run of {@code bessim args...} on {@code platform}. */
  public static Provenance of(Iterable<String> args, String profile, Platform platform,
      Map<String, String> sets) {
    StringBuilder cmd = new StringBuilder("bessim");
    boolean skipValue = false;
    for (String a : args) {
      if (skipValue) {
        skipValue = false;
        continue;
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (OUTPUT_FLAGS.contains(a)) continue;
      if (OUTPUT_OPTIONS.contains(name)) {
        skipValue = !a.contains("=");
        continue;
      }
      cmd.append(' ').append(quote(a));
    }
    return new Provenance(VERSION, buildCommit(), cmd.toString(), profile, hash(platform), sets);
  }

  /** The fields in order, for JSON and CSV. */
  public Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("commit", commit);
    m.put("commandLine", commandLine);
    m.put("profile", profile);
    m.put("profileHash", profileHash);
    m.put("sets", sets);
    return m;
  }

  /** A hash of every resolved parameter value, stable across runs and machines. */
  public static String hash(Platform p) {
    StringBuilder b = new StringBuilder();
    p.params().stream().map(x -> x.name() + "=" + x.value()).sorted()
        .forEach(l -> b.append(l).append('\n'));
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The commit of the checkout the running jar sits in ({@code <repo>/workloads/target/*.jar}),
   * asked of git once; {@code unknown} when there is no git or no checkout.
   */
  public static synchronized String buildCommit() {
    if (commitCache == null) commitCache = askGit();
    return commitCache;
  }

  private static String askGit() {
    try {
      Path jar = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      Path repo = jar.getParent();
      while (repo != null && !Files.exists(repo.resolve(".git"))) repo = repo.getParent();
      if (repo == null) return "unknown";
      String head = git(repo, "rev-parse", "--short=12", "HEAD");
      if (head.isEmpty()) return "unknown";
      // Tracked files only: build output and scratch files do not make a checkout dirty.
      String dirty = git(repo, "status", "--porcelain", "--untracked-files=no");
      return dirty.isEmpty() ? head : head + "+dirty";
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String git(Path repo, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = repo.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return "";
    return out;
  }

  private static String quote(String a) {
    return a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
  }
}
