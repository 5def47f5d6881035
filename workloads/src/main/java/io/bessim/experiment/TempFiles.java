package io.bessim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temp files being written, removed by a shutdown hook when the JVM exits before they were
 * renamed into place: an exception, {@code System.exit}, SIGINT or SIGTERM. (Only SIGKILL, which
 * runs no code, can leave one; it is then a {@code .NAME.*.tmp} beside the output.)
 */
public final class TempFiles {
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static boolean hooked;

  private TempFiles() {}

  /** A new empty temp file in {@code dir}, registered for removal at exit. */
  public static Path create(Path dir, String prefix, String suffix) throws IOException {
    hook();
    Path tmp = Files.createTempFile(dir, prefix, suffix);
    LIVE.add(tmp);
    return tmp;
  }

  /** Removes {@code tmp} if it is still there (renamed away is fine) and forgets it. */
  public static void delete(Path tmp) throws IOException {
    try {
      Files.deleteIfExists(tmp);
    } finally {
      LIVE.remove(tmp);
    }
  }

  /** How many temp files are registered now; for tests. */
  static int live() {
    return LIVE.size();
  }

  private static synchronized void hook() {
    if (hooked) return;
    hooked = true;
    Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAll, "bessim-temp-files"));
  }

  private static void removeAll() {
    for (Path p : LIVE) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // Exiting: nothing better to do than try the others.
      }
    }
  }
}
