package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link SweepGrid} into a folder: {@code sweep.json} describes the grid, and
 * {@code results.csv} gets one row per point as each finishes (see {@link SweepCsv}).
 *
 * <p>Points run in parallel, one simulation per thread; rows are appended in completion order,
 * but which rows there are never depends on the thread count, since each row is a function of its
 * point alone. A resumed sweep skips the points whose key is already in the file, so a sweep
 * stopped by a crash or Ctrl-C and resumed ends with each point exactly once. A shard {@code i/n}
 * runs the points whose index is {@code i-1} modulo {@code n}; {@link SweepMerge} joins shards.
 */
public final class Sweep {
  /** The grid description in a sweep folder. */
  public static final String META = "sweep.json";

  /**
   * The file a running sweep holds locked in its folder, so that a second sweep into the same
   * folder (the same command in two terminals, a requeued batch task whose first run still goes)
   * is refused instead of appending a second header and every point twice.
   */
  public static final String LOCK = "sweep.lock";

  static final String FORMAT = "bessim-sweep/1";

  /** The slice {@code index/count} (1-based) of a grid's points; {@code 1/1} is all of them. */
  public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})/([0-9]{1,9})");

    public Shard {
      checkArgument(count >= 1 && index >= 1 && index <= count,
          "--shard %s/%s: expected i/n with 1 <= i <= n", index, count);
    }

    /** Parses {@code i/n}, e.g. {@code 2/8}. */
    public static Shard parse(String text) {
      Matcher m = TEXT.matcher(text.strip());
      checkArgument(m.matches(), "malformed --shard '%s': expected i/n, e.g. 1/4", text);
      return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean contains(int point) {
      return point % count == index - 1;
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }

  /** Told when each point starts; {@code started} counts from 1 up to {@code total}. */
  public interface Progress {
    Progress NONE = (started, total, point) -> {};

    void started(int started, int total, SweepGrid.Point point);
  }

  /** What a finished sweep did, in points. */
  public record Outcome(int gridPoints, int shardPoints, int alreadyDone, int ran) {}

  /** A point whose simulation threw; rows of the points that finished are kept. */
  public static final class PointFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PointFailedException(SweepGrid.Point p, Path results, Throwable cause) {
      super(String.format("point %s failed: %s; the rows of finished points are in %s,"
              + " rerun with --resume to finish the rest", p.key(),
              cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(),
              results),
          cause);
    }
  }

  private final SweepGrid grid;
  private final Path results;
  private final List<SweepGrid.Point> todo;
  private final int shardPoints;
  private final int alreadyDone;
  private final SweepCsv.Appender appender;
  private final FileChannel lock;
  private volatile ExecutorService pool;

  private Sweep(SweepGrid grid, Path results, List<SweepGrid.Point> todo, int shardPoints,
      int alreadyDone, SweepCsv.Appender appender, FileChannel lock) {
    this.grid = grid;
    this.results = results;
    this.todo = todo;
    this.shardPoints = shardPoints;
    this.alreadyDone = alreadyDone;
    this.appender = appender;
    this.lock = lock;
  }

  /**
   * Prepares folder {@code dir} for the sweep. Without {@code resume} the folder must not hold
   * results yet; with it, it must hold this same grid (or nothing), and its finished points are
   * skipped. Writes {@code sweep.json} (with {@code args}, for people) unless resuming. Throws
   * IllegalArgumentException, with one line saying what to do, if the folder does not fit.
   */
  public static Sweep open(SweepGrid grid, Path dir, Shard shard, boolean resume,
      List<String> args, Consumer<String> log) {
    // Shard i gets points i-1, i-1+n, ...: one past the grid's size gets none, and ran nothing
    // into an empty results.csv with exit 0.
    checkArgument(shard.index() <= grid.size(),
        "--shard %s gets no point: the grid has %s, one each for shards 1..%s at most; use"
            + " at most %s shards", shard, grid.size() == 1 ? "1 point" : grid.size() + " points",
        grid.size(), grid.size());
    Path results = dir.resolve(SweepCsv.FILE);
    Path meta = dir.resolve(META);
    try {
      checkArgument(!Files.exists(dir) || Files.isDirectory(dir),
          "--out '%s' is a file, not a folder", dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot use --out folder '" + dir + "': " + describe(e), e);
    }
    boolean lockIsNew = !Files.exists(dir.resolve(LOCK));
    FileChannel lock = lock(dir);
    try {
      boolean hasResults = Files.exists(results) && Files.size(results) > 0;
      checkArgument(resume || !hasResults,
          "%s already holds results: use --resume to finish that sweep, or another --out",
          results);
      JsonObject gridJson = grid.toJson();
      if (resume && Files.exists(meta)) {
        JsonObject old = gridOf(meta);
        checkSameTraces(old, gridJson, dir);
        checkArgument(old.equals(gridJson),
            "%s holds a different sweep (its grid differs in %s): use another --out, or the same"
                + " arguments to resume it", dir, firstDifference(old, gridJson));
      } else {
        checkArgument(!hasResults,
            "%s has results but no %s, so it cannot be checked to be this sweep; use another"
                + " --out", dir, META);
        Reports.writeAtomically(meta, metaJson(gridJson, shard, args, grid.platform()));
      }
      SweepCsv.Table table = SweepCsv.read(results);
      if (table.partialTail()) {
        try (FileChannel ch = FileChannel.open(results, StandardOpenOption.WRITE)) {
          ch.truncate(table.completeBytes());
        }
        // With no whole line before it, the partial line was the header: no row, no point lost.
        boolean header = table.completeBytes() == 0;
        log.accept(String.format("dropped the partial %s of %s (%d bytes) left by an"
            + " interrupted sweep; %s", header ? "header" : "last row", results,
            table.fileBytes() - table.completeBytes(),
            header ? "no row had been written" : "its point runs again"));
      }
      Set<String> done = new HashSet<>();
      for (Map<String, String> row : table.rows()) done.add(row.get(SweepCsv.KEY));
      List<SweepGrid.Point> todo = new ArrayList<>();
      int inShard = 0;
      int skipped = 0;
      for (int i = 0; i < grid.size(); i++) {
        if (!shard.contains(i)) continue;
        inShard++;
        SweepGrid.Point p = grid.point(i);
        if (done.contains(p.key())) {
          skipped++;
        } else {
          todo.add(p);
        }
      }
      SweepCsv.Appender appender = new SweepCsv.Appender(results, table.header());
      return new Sweep(grid, results, List.copyOf(todo), inShard, skipped, appender, lock);
    } catch (IOException e) {
      abandon(lock, lockIsNew, dir);
      throw new IllegalArgumentException(
          "cannot use --out folder '" + dir + "': " + describe(e), e);
    } catch (RuntimeException e) {
      abandon(lock, lockIsNew, dir);
      throw e;
    }
  }

  /**
   * On {@code --resume} of a sweep that replays a trace: refused, with one line, when the folder's
   * sweep.json records no hash of its traces (an older bessim wrote it), or when a trace the
   * sweep reads at the same path has changed since (its rows came from other contents).
   */
  private static void checkSameTraces(JsonObject old, JsonObject now, Path dir) {
    JsonElement nowTraces = now.get(SweepGrid.TRACES);
    if (nowTraces == null) return;
    JsonElement oldTraces = old.get(SweepGrid.TRACES);
    checkArgument(oldTraces != null && oldTraces.isJsonObject(),
        "%s records no SHA-256 of the replay trace its rows came from (an older bessim wrote it),"
            + " so it cannot be checked to be this sweep's trace: use another --out",
        dir.resolve(META));
    for (Map.Entry<String, JsonElement> e : nowTraces.getAsJsonObject().entrySet()) {
      JsonElement was = oldTraces.getAsJsonObject().get(e.getKey());
      checkArgument(was == null || was.equals(e.getValue()),
          "the replay trace %s changed since the sweep in %s began (its SHA-256 is not the one"
              + " %s records): restore it, or use another --out", e.getKey(), dir, META);
    }
  }

  /** A refused sweep leaves the folder as it found it: the lock file goes if it made it. */
  private static void abandon(FileChannel lock, boolean lockIsNew, Path dir) {
    try {
      if (lockIsNew) Files.deleteIfExists(dir.resolve(LOCK));
    } catch (IOException e) {
      // An empty file left behind; the refusal's message matters more.
    } finally {
      release(lock);
    }
  }

  /**
   * Locks {@code dir}'s {@link #LOCK} file for this sweep (or a merge into the folder); closing
   * the channel releases it. A file system that has no locks (some network mounts) runs the sweep
   * unguarded, as before.
   */
  static FileChannel lock(Path dir) {
    FileChannel ch;
    try {
      ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot use --out folder '" + dir + "': " + describe(e), e);
    }
    FileLock held;
    try {
      held = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null; // another sweep of this JVM holds it
    } catch (IOException e) {
      return ch;
    }
    if (held == null) {
      release(ch);
      throw new IllegalArgumentException(String.format("another bessim sweep is writing to %s"
          + " now: wait for it to finish (then --resume finishes what is left), or use another"
          + " --out", dir));
    }
    return ch;
  }

  static void release(FileChannel lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // Closing releases the lock; nothing was written through it.
    }
  }

  /** The points this run will simulate, in grid order. */
  public List<SweepGrid.Point> todo() {
    return todo;
  }

  /** The results file rows go to. */
  public Path results() {
    return results;
  }

  /**
   * Runs the remaining points through {@code runner} on {@code threads} threads, appending a row
   * as each finishes. If a point throws, no new points start, the running ones finish and are
   * written, and a {@link PointFailedException} names the point.
   */
  public Outcome run(Function<RunSpec, RunResult> runner, int threads, Progress progress)
      throws InterruptedException {
    checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
    try {
      if (!todo.isEmpty()) runPool(runner, Math.min(threads, todo.size()), progress);
    } finally {
      closeQuietly();
    }
    return new Outcome(grid.size(), shardPoints, alreadyDone, appender.rows());
  }

  private void runPool(Function<RunSpec, RunResult> runner, int threads, Progress progress)
      throws InterruptedException {
    int total = todo.size();
    AtomicInteger started = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    ExecutorService p = Executors.newFixedThreadPool(threads, daemonThreads());
    pool = p;
    try {
      for (SweepGrid.Point point : todo) {
        p.execute(() -> {
          if (failure.get() != null) return;
          RunSpec spec = grid.spec(point);
          progress.started(started.incrementAndGet(), total, point);
          RuntimeException error = runOne(point, spec, runner);
          if (error != null && failure.compareAndSet(null, error)) p.shutdownNow();
        });
      }
    } catch (RejectedExecutionException e) {
      // A point failed (or Ctrl-C) while we were still queueing: the rest must not start.
    }
    p.shutdown();
    try {
      while (!p.awaitTermination(1, TimeUnit.MINUTES)) {
        // Long simulations: keep waiting, the rows of running points must not be lost.
      }
    } catch (InterruptedException e) {
      p.shutdownNow();
      throw e;
    }
    if (failure.get() != null) throw failure.get();
  }

  /** Runs one point and appends its row; returns what went wrong, or null. */
  private RuntimeException runOne(
      SweepGrid.Point point, RunSpec spec, Function<RunSpec, RunResult> runner) {
    RunResult r;
    try {
      r = runner.apply(spec);
      if (r == null) throw new IllegalStateException("runner returned no result");
    } catch (RuntimeException | Error e) {
      return new PointFailedException(point, results, e);
    }
    try {
      appender.append(SweepCsv.cells(grid, point, r));
      return null;
    } catch (IOException e) {
      return new UncheckedIOException("cannot append to " + results + ": " + describe(e), e);
    }
  }

  /**
   * Stops a running sweep from another thread (a Ctrl-C hook): no new point starts, a row being
   * written is finished, and nothing is written after. Returns the rows this run appended.
   */
  public int stop() {
    ExecutorService p = pool;
    if (p != null) p.shutdownNow();
    closeQuietly();
    return appender.rows();
  }

  private void closeQuietly() {
    try {
      appender.close();
    } catch (IOException e) {
      // Every row was written with its own write; closing loses nothing.
    } finally {
      release(lock);
    }
  }

  /** The {@code grid} object of a folder's {@code sweep.json}. */
  static JsonObject gridOf(Path meta) throws IOException {
    JsonElement e =
        StrictJson.parse(io.bessim.sim.TextFiles.read(meta, "sweep description"), meta.toString());
    checkArgument(e.isJsonObject() && e.getAsJsonObject().has("grid")
            && e.getAsJsonObject().get("grid").isJsonObject(),
        "%s is not a bessim sweep description (no grid)", meta);
    JsonObject grid = e.getAsJsonObject().getAsJsonObject("grid");
    checkGrid(grid, meta);
    return grid;
  }

  /**
   * Checks that a grid read from {@code meta} has the fields its readers use, of their types, so
   * that a hand-edited {@code sweep.json} (say {@code {"grid": {}}}) is refused naming the field
   * rather than with a Java NullPointerException's text.
   */
  private static void checkGrid(JsonObject grid, Path meta) {
    String bad = meta + " does not describe a bessim sweep grid: its grid has ";
    checkArgument(isStrings(grid.get("archs")), "%sno 'archs' (a list of architecture names)", bad);
    JsonElement vary = grid.get("vary");
    checkArgument(vary != null && vary.isJsonArray(),
        "%sno 'vary' (a list of the varied parameters, [] for none)", bad);
    for (JsonElement d : vary.getAsJsonArray()) {
      checkArgument(d.isJsonObject() && isString(d.getAsJsonObject().get("name"))
              && isStrings(d.getAsJsonObject().get("values")),
          "%sa 'vary' entry without a 'name' and a list of 'values'", bad);
    }
    JsonElement workload = grid.get(SweepGrid.WORKLOAD);
    checkArgument(workload == null || isString(workload), "%sa 'workload' that is not text", bad);
    for (String count : List.of("seeds", "points")) {
      JsonElement n = grid.get(count);
      checkArgument(n != null && n.isJsonPrimitive() && n.getAsJsonPrimitive().isNumber()
              && n.getAsString().matches("[0-9]{1,9}"),
          "%sno '%s' (a whole number)", bad, count);
    }
  }

  private static boolean isString(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  private static boolean isStrings(JsonElement e) {
    if (e == null || !e.isJsonArray()) return false;
    for (JsonElement x : e.getAsJsonArray()) {
      if (!isString(x)) return false;
    }
    return true;
  }

  /** The first top-level grid field that differs, e.g. {@code vary}; for error messages. */
  static String firstDifference(JsonObject a, JsonObject b) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      JsonElement x = a.get(k);
      JsonElement y = b.get(k);
      if (x == null || !x.equals(y)) {
        if (k.equals("platform") && x != null && y != null) {
          return "platform parameter " + firstDifference(x.getAsJsonObject(), y.getAsJsonObject());
        }
        return k;
      }
    }
    return "nothing";
  }

  static String metaJson(JsonObject grid, Shard shard, List<String> args) {
    return metaJson(grid, shard, args, null);
  }

  /**
   * As {@link #metaJson(JsonObject, Shard, List)}, with the provenance of the sweep run on
   * {@code platform} (version, commit, command line, profile hash; the sets are in the grid).
   */
  static String metaJson(JsonObject grid, Shard shard, List<String> args,
      io.bessim.driver.Platform platform) {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    if (args != null && platform != null) {
      Provenance p = Provenance.of(args, "see grid", platform, Map.of());
      JsonObject prov = new JsonObject();
      prov.addProperty("version", p.version());
      prov.addProperty("commit", p.commit());
      prov.addProperty("commandLine", p.commandLine());
      prov.addProperty("profileHash", p.profileHash());
      o.add("provenance", prov);
    }
    if (args != null) {
      JsonArray a = new JsonArray();
      args.forEach(a::add);
      o.add("args", a);
    }
    if (shard != null) o.addProperty("shard", shard.toString());
    o.add("grid", grid);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file " + e.getMessage();
    if (e instanceof AccessDeniedException) return "permission denied on " + e.getMessage();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "bessim-sweep-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
