package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sweeps into one folder at once (the same command in two terminals, or a requeued batch task
 * whose first run still goes, both with --resume) each found no rows, each wrote a header and each
 * ran every point: results.csv held two headers and every point twice, and {@code report --sweep}
 * then read the second header as a row. While one sweep runs in a folder, a second is refused.
 */
final class TwoSweepsIntoOneFolderTest {
  @TempDir Path tmp;

  @Test
  void aSecondSweepIntoAFolderWhoseSweepIsRunningIsRefused() throws Exception {
    Path dir = tmp.resolve("s");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<RunSpec, RunResult> slow = holding(1, started, release);
    String[] args = {"sweep", "--arch", "v3", "--seeds", "2", "--duration", "1s", "--out",
        dir.toString(), "--resume", "--threads", "1", "--quiet"};
    CompletableFuture<Cli.Outcome> first = CompletableFuture.supplyAsync(() -> Cli.run(slow, args));
    assertTrue(started.await(10, TimeUnit.SECONDS));

    Cli.Outcome second = Cli.run(new FakeRunner(), args);
    release.countDown();

    assertEquals(2, second.exit(), second.err());
    assertEquals("bessim: another bessim sweep is writing to " + dir + " now: wait for it to"
        + " finish (then --resume finishes what is left), or use another --out\n", second.err());
    Cli.Outcome one = first.get(10, TimeUnit.SECONDS);
    assertEquals(0, one.exit(), one.err());
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("point,key,"), lines.get(0));

    // Once it has finished, the folder is free again.
    Cli.Outcome again = Cli.run(new FakeRunner(), args);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("2 already done, 0 ran now"), again.out());
  }

  /**
   * {@code sweep merge} into the folder of a sweep that still runs replaced its results.csv, and
   * the sweep's later rows went to the replaced file: lost, with exit 0 from both.
   */
  @Test
  void aMergeIntoAFolderWhoseSweepIsRunningIsRefused() throws Exception {
    Path dir = tmp.resolve("s");
    CountDownLatch second = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // The first point finishes at once; the second waits, so the folder has a row to merge.
    Function<RunSpec, RunResult> slow = holding(2, second, release);
    String[] args = {"sweep", "--arch", "v3", "--seeds", "2", "--duration", "1s", "--out",
        dir.toString(), "--threads", "1", "--quiet"};
    CompletableFuture<Cli.Outcome> first = CompletableFuture.supplyAsync(() -> Cli.run(slow, args));
    assertTrue(second.await(10, TimeUnit.SECONDS));

    Cli.Outcome merge = Cli.run(new FakeRunner(), "sweep", "merge", dir.toString(), "--out",
        dir.toString());
    release.countDown();

    assertEquals(2, merge.exit(), merge.err());
    assertEquals("bessim: another bessim sweep is writing to " + dir + " now: wait for it to"
        + " finish (then --resume finishes what is left), or use another --out\n", merge.err());
    Cli.Outcome one = first.get(10, TimeUnit.SECONDS);
    assertEquals(0, one.exit(), one.err());
    assertEquals(3, Files.readAllLines(dir.resolve("results.csv")).size());
  }

  /**
   * A fake runner that holds the run of seed {@code seed}: it counts {@code reached} down and
   * waits (at most 10 s) for {@code release}; every other seed finishes at once.
   */
  private static Function<RunSpec, RunResult> holding(long seed, CountDownLatch reached,
      CountDownLatch release) {
    FakeRunner fake = new FakeRunner();
    return spec -> {
      if (spec.seed() == seed) {
        reached.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return fake.apply(spec);
    };
  }
}
