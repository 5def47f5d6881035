package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one output of a command goes, checked before the run and written in the one way that
 * cannot damage what is at the path. Every command writes its files through this class.
 *
 * <ul>
 *   <li>{@code -}: standard output.
 *   <li>A regular file, or a path that does not exist yet: written to a temp file beside it and
 *       renamed over it, so a reader never sees half a report and a crash leaves the old one. A
 *       symlink is followed: its target is replaced that way, the link kept.
 *   <li>Anything else that exists (a device such as {@code /dev/null}, a FIFO, a {@code /proc}
 *       or {@code /dev/fd} path such as bash's {@code >(jq .)}): written directly, in place.
 *       Renaming over those replaced a device node with a file and left a FIFO's reader hanging.
 *   <li>A path that does not exist under {@code /proc}, {@code /sys} or {@code /dev}, which no
 *       program can create, is refused before the run.
 * </ul>
 *
 * <p>Temp files are registered with {@link TempFiles}, whose shutdown hook removes any left when
 * the JVM exits for whatever reason, SIGINT and SIGTERM included.
 */
public final class OutputFile {
  /** How the output is written. */
  public enum Kind {
    STDOUT, REPLACE, DIRECT
  }

  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private final String option;
  private final Path given;
  private final Path target;
  private final Kind kind;

  private OutputFile(String option, Path given, Path target, Kind kind) {
    this.option = option;
    this.given = given;
    this.target = target;
    this.kind = kind;
  }

  /**
   * The output {@code option} (e.g. {@code --json}) names, checked now: throws
   * IllegalArgumentException with one line naming the problem if it cannot be written.
   */
  public static OutputFile of(String option, String path) {
    return of(option, Path.of(path));
  }

  /** As {@link #of(String, String)}; a path of {@code -} is standard output. */
  public static OutputFile of(String option, Path path) {
    String text = path.toString();
    checkArgument(!text.isEmpty(), "%s '': an empty path (use - for standard output)", option);
    if (text.equals("-")) return new OutputFile(option, null, null, Kind.STDOUT);
    Path abs = path.toAbsolutePath().normalize();
    if (isSpecialTree(abs)) {
      // /proc/self/fd/1, /dev/stdout, /dev/fd/63: magic links, written through as they are.
      checkArgument(Files.exists(abs), "cannot write %s '%s': nothing can be created in /%s",
          option, path, abs.getName(0));
      checkArgument(!Files.isDirectory(abs), "cannot write %s '%s': it is a directory", option,
          path);
      checkArgument(Files.isWritable(abs), "cannot write %s '%s': permission denied", option,
          path);
      return new OutputFile(option, path, abs, Kind.DIRECT);
    }
    Path target = followLinks(abs, option, path);
    checkArgument(!isSpecialTree(target) || Files.exists(target),
        "cannot write %s '%s': nothing can be created in %s", option, path, target.getParent());
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      checkArgument(!Files.isDirectory(target), "cannot write %s '%s': it is a directory",
          option, path);
      checkArgument(Files.isWritable(target), "cannot write %s '%s': permission denied", option,
          path);
      return new OutputFile(option, path, target, Kind.DIRECT);
    }
    Path dir = target.getParent();
    checkArgument(dir != null, "cannot write %s '%s': not a file path", option, path);
    checkArgument(Files.exists(dir), "cannot write %s '%s': directory %s does not exist", option,
        path, dir);
    checkArgument(Files.isDirectory(dir), "cannot write %s '%s': %s is not a directory", option,
        path, dir);
    checkArgument(Files.isWritable(dir), "cannot write %s '%s': directory %s is not writable",
        option, path, dir);
    checkArgument(!Files.exists(target) || Files.isWritable(target),
        "cannot write %s '%s': file is read-only", option, path);
    return new OutputFile(option, path, target, Kind.REPLACE);
  }

  /**
   * Refuses two outputs that would land in one place (the same file, through links or not, or
   * standard output twice): one would silently overwrite the other.
   */
  public static void checkDistinct(List<OutputFile> outputs) {
    for (int i = 0; i < outputs.size(); i++) {
      for (int j = 0; j < i; j++) {
        OutputFile a = outputs.get(j);
        OutputFile b = outputs.get(i);
        checkArgument(!a.samePlace(b), "%s and %s both write to %s: give each its own path",
            a.option, b.option, a.kind == Kind.STDOUT ? "standard output" : "'" + b.given + "'");
      }
    }
  }

  /**
   * Refuses an output that is one of the command's input files ({@code inputs}: the option that
   * names each input, e.g. {@code --profile}, and its path; null paths are skipped): replacing it
   * would silently destroy what the run reads, and the next run would read the output instead.
   * The same file through a link or another spelling counts.
   */
  public static void checkNotInputs(List<OutputFile> outputs, Map<String, Path> inputs) {
    for (OutputFile o : outputs) {
      // Standard output, devices and FIFOs are not files a command reads its inputs from.
      if (o.kind != Kind.REPLACE) continue;
      for (Map.Entry<String, Path> in : inputs.entrySet()) {
        Path input = in.getValue();
        checkArgument(input == null || !sameFile(o.target, input),
            "cannot write %s '%s': it is the %s file this command reads; give the output its own"
                + " path", o.option, o.given, in.getKey());
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
      // An input the command will create before it writes the output (a sweep's results.csv in
      // a new folder) can only be compared by its path.
      return a.equals(b.toAbsolutePath().normalize());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Whether any of {@code outputs} is standard output: the command's printed text then goes to
   * standard error, so that standard output holds only that one.
   */
  public static boolean anyStdout(List<OutputFile> outputs) {
    return outputs.stream().anyMatch(OutputFile::isStdout);
  }

  /** The option that named this output, e.g. {@code --json}. */
  public String option() {
    return option;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isStdout() {
    return kind == Kind.STDOUT;
  }

  /** The path as the user gave it ({@code -} for standard output), for messages. */
  public String describe() {
    return kind == Kind.STDOUT ? "standard output" : given.toString();
  }

  /**
   * Writes {@code text} (UTF-8) to the output; {@code stdout} is used for {@code -} (null: the
   * process's standard output).
   */
  public void write(String text, PrintWriter stdout) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    switch (kind) {
      case STDOUT -> {
        if (stdout == null) {
          System.out.write(bytes);
          System.out.flush();
        } else {
          stdout.print(text);
          stdout.flush();
        }
      }
      case DIRECT -> {
        // No CREATE: the target exists; TRUNCATE_EXISTING is ignored by devices and FIFOs.
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          out.write(bytes);
        }
      }
      case REPLACE -> replace(bytes);
      default -> throw new AssertionError(kind);
    }
  }

  private void replace(byte[] bytes) throws IOException {
    Path dir = target.getParent();
    Set<PosixFilePermission> perms = NEW_FILE;
    if (Files.isRegularFile(target)) {
      try {
        perms = Files.getPosixFilePermissions(target);
      } catch (UnsupportedOperationException | IOException e) {
        // Keep the default; the report matters more than the mode bits.
      }
    }
    Path tmp = TempFiles.create(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.setPosixFilePermissions(tmp, perms);
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: keep whatever the temp file got.
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      TempFiles.delete(tmp);
    }
  }

  private boolean samePlace(OutputFile o) {
    if (kind == Kind.STDOUT || o.kind == Kind.STDOUT) return kind == o.kind;
    if (target.equals(o.target)) return true;
    try {
      return Files.exists(target) && Files.exists(o.target) && Files.isSameFile(target, o.target);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isSpecialTree(Path abs) {
    if (abs.getNameCount() == 0) return false;
    String top = abs.getName(0).toString();
    return top.equals("proc") || top.equals("sys") || top.equals("dev");
  }

  /**
   * The file a path finally names: symlinks followed one by one (a dangling link names the file
   * it would create), its directory resolved so that two spellings of one file compare equal.
   */
  private static Path followLinks(Path abs, String option, Path given) {
    Path p = abs;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      checkArgument(hops < 40, "cannot write %s '%s': too many levels of symbolic links", option,
          given);
      try {
        p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write " + option + " '" + given
            + "': cannot read the link (" + e.getMessage() + ")", e);
      }
    }
    Path dir = p.getParent();
    if (dir != null && Files.isDirectory(dir)) {
      try {
        return dir.toRealPath().resolve(p.getFileName());
      } catch (IOException e) {
        return p;
      }
    }
    return p;
  }
}
