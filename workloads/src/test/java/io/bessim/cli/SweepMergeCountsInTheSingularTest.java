package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep merge} said "1 rows (1 duplicates dropped)" for one row and one duplicate, as the
 * folder count beside it already did not ("merged 1 folder").
 */
final class SweepMergeCountsInTheSingularTest {
  @TempDir Path tmp;

  @Test
  void oneRowAndOneDuplicateAreSaidInTheSingular() {
    for (String shard : new String[] {"1/2", "2/2"}) {
      assertEquals(0, Cli.run(new FakeRunner(), "sweep", "--arch", "v3", "--seeds", "2",
          "--duration", "1s", "--shard", shard, "--out", tmp.resolve("s" + shard.charAt(0))
              .toString(), "--quiet").exit());
    }
    assertEquals(0, Cli.run(new FakeRunner(), "sweep", "merge", tmp.resolve("s1").toString(),
        "--out", tmp.resolve("m").toString()).exit());

    Cli.Outcome o = Cli.run(new FakeRunner(), "sweep", "merge", tmp.resolve("m").toString(),
        tmp.resolve("s1").toString(), "--out", tmp.resolve("m2").toString());

    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().endsWith(": 1 row (1 duplicate dropped); 1 of 2 grid points, 1 missing\n"),
        o.out());
  }
}
