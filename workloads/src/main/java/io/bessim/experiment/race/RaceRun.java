package io.bessim.experiment.race;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.race.AccessRecorder;
import io.bessim.driver.race.RaceRecording;
import io.bessim.experiment.Batch;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulation run with an {@link AccessRecorder} attached from time 0, to its {@link
 * RaceRecording}: what every field saw, its RMW windows, and the kernel's own counts to check them
 * against.
 */
public final class RaceRun {
  private RaceRun() {}

  /** Runs {@code spec} to its end with the recorder attached. */
  public static RaceRecording run(RunSpec spec) {
    Experiment.Setup s = Experiment.build(spec);
    Kernel k = s.host().kernel();
    AccessRecorder rec = AccessRecorder.attach(k, spec.seed());
    s.sim().runUntil(spec.durationPs());
    rec.end(spec.durationPs());
    k.setAccessLog(null);
    Map<String, Long> lost = new LinkedHashMap<>();
    Map<String, Long> overlaps = new LinkedHashMap<>();
    for (Cell c : k.cells()) {
      lost.put(c.name(), c.lostUpdates());
      overlaps.put(c.name(), c.overlaps());
    }
    return new RaceRecording(spec.arch(), spec.durationPs(), rec.fields(), rec.windows(),
        rec.lockNames(), k.firstWarnPs(), s.host().chip().wedgedAtPs(), k.costs().cacheLinePs(),
        lost, overlaps);
  }

  /**
   * Runs every spec on {@code threads} threads; results in the order of the specs, so what is
   * printed never depends on the thread count.
   */
  public static List<RaceRecording> runAll(List<RunSpec> specs, int threads,
      Batch.Progress progress)
      throws InterruptedException {
    checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
    if (specs.isEmpty()) return List.of();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, specs.size()), r -> {
      Thread t = new Thread(r, "bessim-race-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RaceRecording>> futures = new ArrayList<>();
      for (RunSpec spec : specs) {
        futures.add(pool.submit(() -> {
          progress.started(started.incrementAndGet(), specs.size(), spec);
          return run(spec);
        }));
      }
      List<RaceRecording> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          RunSpec spec = specs.get(i);
          Throwable c = e.getCause();
          if (c instanceof IllegalArgumentException iae) throw iae;
          throw new IllegalStateException("run " + spec.arch().cliName() + " seed " + spec.seed()
              + " failed: " + (c.getMessage() != null ? c.getMessage() : c), c);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
