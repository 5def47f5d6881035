package io.bessim.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs many specs on a fixed thread pool. Results come back in the order of the specs, so the
 * output never depends on the number of threads or on scheduling.
 */
public final class Batch {
  /** Told when each run starts; {@code started} counts from 1 up to {@code total}. */
  public interface Progress {
    Progress NONE = (started, total, spec) -> {};

    void started(int started, int total, RunSpec spec);
  }

  /** Told of each run as it finishes, with its index in the specs; from the run's thread. */
  public interface Finished {
    Finished NONE = (index, result) -> {};

    void finished(int index, RunResult result);
  }

  /** A run that threw; the message names the architecture and seed. */
  public static final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(RunSpec spec, Throwable cause) {
      super(
          String.format(
              "run %s seed %d failed: %s",
              spec.arch().cliName(),
              spec.seed(),
              cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()),
          cause);
    }
  }

  private Batch() {}

  /** Runs every spec through {@code runner} on {@code threads} threads; results in spec order. */
  public static List<RunResult> runAll(
      List<RunSpec> specs, Function<RunSpec, RunResult> runner, int threads, Progress progress)
      throws InterruptedException {
    return runAll(specs, runner, threads, progress, Finished.NONE);
  }

  /** As above, telling {@code finished} of each result as it comes (an interrupt keeps them). */
  public static List<RunResult> runAll(List<RunSpec> specs, Function<RunSpec, RunResult> runner,
      int threads, Progress progress, Finished finished) throws InterruptedException {
    checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
    if (specs.isEmpty()) return List.of();
    int total = specs.size();
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), daemonThreads());
    try {
      List<Future<RunResult>> futures = new ArrayList<>(total);
      for (int i = 0; i < total; i++) {
        RunSpec spec = specs.get(i);
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  progress.started(started.incrementAndGet(), total, spec);
                  try {
                    RunResult r = runner.apply(spec);
                    if (r == null) throw new IllegalStateException("runner returned no result");
                    finished.finished(index, r);
                    return r;
                  } catch (RuntimeException | Error e) {
                    throw new RunFailedException(spec, e);
                  }
                }));
      }
      List<RunResult> results = new ArrayList<>(total);
      for (Future<RunResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RunFailedException) throw (RunFailedException) cause;
          throw new IllegalStateException(cause);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "bessim-run-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
