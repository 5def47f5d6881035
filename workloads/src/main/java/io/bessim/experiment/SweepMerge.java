package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Joins the folders of one sweep (its shards, or partial runs) into one: one header, each point
 * once (the first row seen for a key wins), rows in point order. Every folder must describe the
 * same grid, so rows of different sweeps are never mixed.
 */
public final class SweepMerge {
  /** What a merge did: rows written, duplicate rows dropped, and the grid's size. */
  public record Outcome(int rows, int duplicates, int gridPoints) {
    public int missing() {
      return gridPoints - rows;
    }
  }

  private SweepMerge() {}

  /**
   * Merges the sweep folders {@code dirs} into {@code out}, writing {@code out/results.csv} and
   * {@code out/sweep.json} atomically. {@code out} may be one of the inputs; otherwise it must not
   * hold results already. Throws IllegalArgumentException naming the problem.
   */
  public static Outcome merge(List<Path> dirs, Path out, Consumer<String> log) {
    checkArgument(!dirs.isEmpty(), "nothing to merge: give the sweep folders");
    try {
      JsonObject grid = null;
      Path first = null;
      List<String> header = List.of();
      Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
      int duplicates = 0;
      Set<Path> inputs = new LinkedHashSet<>();
      for (Path dir : dirs) {
        Path meta = dir.resolve(Sweep.META);
        checkArgument(Files.isRegularFile(meta), "%s is not a sweep folder (no %s)", dir,
            Sweep.META);
        checkArgument(inputs.add(dir.toAbsolutePath().normalize()), "%s is given twice", dir);
        JsonObject g = Sweep.gridOf(meta);
        if (grid == null) {
          grid = g;
          first = dir;
        } else {
          checkArgument(g.equals(grid),
              "%s and %s hold different sweeps (their grids differ in %s)", first, dir,
              Sweep.firstDifference(grid, g));
        }
        Path file = dir.resolve(SweepCsv.FILE);
        SweepCsv.Table t = SweepCsv.read(file);
        if (t.partialTail()) log.accept("ignored the partial last row of " + file);
        // Each column in its place, as one sweep's widened header has it (a shard without the
        // fault points lacks their counters): not at the end, in the order the folders came.
        header = SweepCsv.Appender.widened(header, t.header());
        for (Map<String, String> row : t.rows()) {
          point(row, file);
          if (byKey.putIfAbsent(row.get(SweepCsv.KEY), row) != null) duplicates++;
        }
      }
      checkOut(out, grid, inputs);
      List<Map<String, String>> rows = new ArrayList<>(byKey.values());
      rows.sort(Comparator.comparingInt(r -> point(r, out)));
      StringBuilder text = new StringBuilder();
      if (!header.isEmpty()) text.append(Reports.csvLine(header));
      for (Map<String, String> r : rows) {
        List<String> cells = new ArrayList<>(header.size());
        for (String col : header) cells.add(r.getOrDefault(col, ""));
        text.append(Reports.csvLine(cells));
      }
      Files.createDirectories(out);
      // A sweep still running in --out (one of the inputs) would append its next rows to the
      // results.csv this replaces, and they would be lost: refused, as a second sweep is.
      FileChannel lock = Sweep.lock(out);
      try {
        Reports.writeAtomically(out.resolve(SweepCsv.FILE), text.toString());
        Reports.writeAtomically(out.resolve(Sweep.META), Sweep.metaJson(grid, null, null));
      } finally {
        Sweep.release(lock);
      }
      return new Outcome(rows.size(), duplicates, grid.get("points").getAsInt());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot merge: " + Sweep.describe(e), e);
    }
  }

  /** The output folder: new, or one of the inputs, or empty of results; and the same grid. */
  private static void checkOut(Path out, JsonObject grid, Set<Path> inputs) throws IOException {
    checkArgument(!Files.exists(out) || Files.isDirectory(out),
        "--out '%s' is a file, not a folder", out);
    if (inputs.contains(out.toAbsolutePath().normalize())) return;
    Path results = out.resolve(SweepCsv.FILE);
    checkArgument(!Files.exists(results) || Files.size(results) == 0,
        "%s already holds results: merge into a new folder, or name it among the inputs",
        results);
    Path meta = out.resolve(Sweep.META);
    if (Files.isRegularFile(meta)) {
      JsonObject g = Sweep.gridOf(meta);
      checkArgument(g.equals(grid), "--out %s holds a different sweep (its grid differs in %s)",
          out, Sweep.firstDifference(g, grid));
    }
  }

  private static int point(Map<String, String> row, Path file) {
    String p = row.get(SweepCsv.POINT);
    checkArgument(p != null && p.matches("[0-9]{1,9}"),
        "%s has a row whose %s is not a point number: '%s'", file, SweepCsv.POINT, p);
    return Integer.parseInt(p);
  }
}
