package io.bessim.experiment.race;

import static com.google.common.base.Preconditions.checkArgument;
import static io.bessim.driver.race.RaceExplainStory.SAMPLE_PS;
import static io.bessim.driver.race.RaceExplainStory.describe;
import static io.bessim.driver.race.RaceExplainStory.seconds;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.race.ChromeTrace;
import io.bessim.driver.race.RaceExplainRecorder.Access;
import io.bessim.driver.race.RaceExplainRecorder;
import io.bessim.driver.race.RaceExplainStory.Sample;
import io.bessim.driver.race.RaceExplainStory;
import io.bessim.driver.race.RaceExplainTrace;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds the first lost update of a shared counter in one run and tells its story: the two racing
 * read-modify-writes op by op, then what followed (drift, WARNs, over-commit, wedge, throughput).
 *
 * <p>Two passes over the same deterministic run: the first stops at the first lost update to
 * learn its time; the second replays the same seed, records every op in a window around that
 * time, and keeps running to show the aftermath. The second pass checks it met the same lost
 * update at the same picosecond.
 */
public final class RaceExplainer {
  /** How long to keep running once the chip has wedged (the throughput stays at zero). */
  static final long AFTER_WEDGE_PS = 500 * Time.MS;
  /** The trace reaches back to the IRQ behind the racing work executions if at most this old. */
  static final long MAX_CHAIN_PS = 50 * Time.MS;

  /** Seeds tried, from 1, when none is given. */
  public static final int MAX_SEEDS = 20;

  /**
   * What to explain. {@code seed} null means: the first seed, from 1, whose run loses an update of
   * the field within {@code searchPs}.
   */
  public record Options(Architecture arch, Platform platform, String platformText,
      WorkloadSpec workload, Long seed, String field, long searchPs, long windowPs,
      long afterPs) {
    public Options {
      checkArgument(windowPs > 0, "--window-us must be positive");
      checkArgument(afterPs > 0, "--after must be positive");
    }
  }

  /**
   * The story, the trace of its window {@code [fromPs, toPs]} (null when none was lost) and the
   * seed of the run it tells.
   */
  public record Result(String text, ChromeTrace trace, Access firstLost, long fromPs, long toPs,
      long seed) {}

  private RaceExplainer() {}

  public static Result explain(Options o) {
    return explain(o, seed -> { });
  }

  /**
   * As {@link #explain(Options)}, telling {@code seedStarted} each seed of the search as its run
   * starts (a progress line: up to {@link #MAX_SEEDS} runs of the search's length each).
   */
  public static Result explain(Options o, java.util.function.LongConsumer seedStarted) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.US, "bessim race explain: %s (%s)%nworkload %s, platform: %s%n",
        o.arch().cliName(), describe(o.arch()), o.workload(), o.platformText()));

    // Pass 1: run until the first lost update of the field, and stop there; without --seed, try
    // seeds from 1 while a race is possible (two plain writers) but did not happen.
    long first = o.seed() == null ? 1 : o.seed();
    long last = o.seed() == null ? MAX_SEEDS : o.seed();
    Experiment.Setup s1 = null;
    RaceExplainRecorder r1 = null;
    long seed = first;
    for (; seed <= last; seed++) {
      seedStarted.accept(seed);
      s1 = Experiment.build(spec(o, seed));
      r1 = new RaceExplainRecorder(cell(s1.host().kernel(), o.field()), s1.host().chip(),
          s1.host().kernel().workItems());
      r1.onFirstLost(s1.sim()::stop);
      s1.host().kernel().setAccessLog(r1);
      // For the trigger chains (IRQ -> queue_work -> execution) of the racing work items.
      s1.host().kernel().setTracer(r1);
      s1.sim().runUntil(o.searchPs());
      if (r1.firstLost() != null || !raceable(r1, o.field(), s1.host().kernel())) break;
      out.append(String.format(Locale.US,
          "seed %d: no update of %s lost in %s simulated (%s wrote it; their windows never"
              + " overlapped)%n", seed, o.field(), seconds(o.searchPs()),
          writers(r1)));
    }
    if (r1.firstLost() == null) {
      if (seed > last) seed = last;
      out.append(noLostUpdate(o, r1, s1.host().kernel(), seed, o.seed() == null));
      return new Result(out.toString(), null, null, 0, 0, seed);
    }
    out.append(String.format(Locale.US, "seed %d%s%n", seed,
        o.seed() == null ? ": the first seed whose run loses an update of " + o.field() : ""));
    RunSpec spec = spec(o, seed);
    long lostPs = r1.firstLost().atPs();
    // Widen the window back to the interrupt that started the racing work executions, if near.
    long from = Math.max(0, lostPs - o.windowPs());
    for (Ctx c : s1.host().kernel().contexts()) {
      for (RaceExplainRecorder.Link l : r1.chainAtFirstLost(c)) {
        if (c == r1.firstLost().ctx() || c == r1.lastOverwritten()) {
          if (lostPs - l.atPs() <= MAX_CHAIN_PS) from = Math.min(from, l.atPs() - 5 * Time.US);
        }
      }
    }
    from = Math.max(0, from);

    // Pass 2: the same run again, recording the window around the lost update in detail.
    Experiment.Setup s2 = Experiment.build(spec);
    Kernel k = s2.host().kernel();
    Cell cell = cell(k, o.field());
    RaceExplainRecorder r = new RaceExplainRecorder(cell, s2.host().chip(), k.workItems());
    long to = lostPs + o.windowPs();
    r.window(from, to);
    k.setAccessLog(r);
    k.setWarnListener(r);
    List<Sample> samples = runAftermath(s2, r, cell, from, to, lostPs + o.afterPs());
    if (r.firstLost() == null || r.firstLost().atPs() != lostPs) {
      throw new IllegalStateException("the replay did not meet the same lost update at "
          + lostPs + " ps: the run is not deterministic");
    }
    RaceExplainStory story = new RaceExplainStory(r, cell, k, s2.host());
    out.append(story.interleaving());
    out.append(story.aftermath(samples));
    return new Result(out.toString(), RaceExplainTrace.build(r, cell, from, to), r.firstLost(),
        from, to, seed);
  }

  private static RunSpec spec(Options o, long seed) {
    return new RunSpec(o.arch(), o.platform(), o.workload(), o.searchPs(), seed);
  }

  /** Whether the field can lose an update at all: plain, with two or more writers. */
  private static boolean raceable(RaceExplainRecorder r, String field, Kernel k) {
    return !cell(k, field).isAtomicType() && r.writersOfWatched().size() >= 2;
  }

  /** The contexts that wrote the field; called only when one did ("nobody" read as a writer). */
  private static String writers(RaceExplainRecorder r) {
    List<String> names = new ArrayList<>();
    for (Ctx x : r.writersOfWatched()) names.add(x.name());
    return String.join(" and ", names);
  }

  /**
   * Runs pass 2 in {@link RaceExplainStory#SAMPLE_PS} steps up to {@code endPs} (or until the chip
   * has been wedged for {@link #AFTER_WEDGE_PS}), with the tracer attached from a little before
   * {@code fromPs} (contexts run their private ops ahead of the clock) to {@code toPs}.
   */
  private static List<Sample> runAftermath(Experiment.Setup s, RaceExplainRecorder r, Cell cell,
      long fromPs, long toPs, long endPs) {
    Kernel k = s.host().kernel();
    long traceOn = Math.max(0, fromPs - 200 * Time.US);
    long end = ceil(Math.max(endPs, toPs), SAMPLE_PS);
    List<Sample> samples = new ArrayList<>();
    samples.add(sample(s, r, cell, 0));
    boolean traced = false;
    if (traceOn == 0) {
      k.setTracer(r);
      traced = true;
    }
    long now = 0;
    while (now < end) {
      long next = ceil(now + 1, SAMPLE_PS);
      if (!traced && traceOn > now && traceOn < next) next = traceOn;
      if (traced && toPs > now && toPs < next) next = toPs;
      s.sim().runUntil(next);
      now = next;
      if (!traced && now == traceOn) {
        k.setTracer(r);
        traced = true;
      } else if (traced && now == toPs) {
        k.setTracer(null);
      }
      if (now % SAMPLE_PS == 0) {
        samples.add(sample(s, r, cell, now));
        long wedged = s.host().chip().wedgedAtPs();
        if (wedged >= 0 && now >= wedged + AFTER_WEDGE_PS && now >= toPs) break;
      }
    }
    k.setTracer(null);
    return samples;
  }

  private static Sample sample(Experiment.Setup s, RaceExplainRecorder r, Cell cell, long atPs) {
    return new Sample(atPs, s.traffic().deliveredAppBytes(), cell.peek(), r.shadow(),
        s.host().chip().inputBuffersInUse(), r.warns(), r.lostWatched(),
        s.host().chip().isWedged());
  }

  private static long ceil(long v, long step) {
    return (v + step - 1) / step * step;
  }

  static Cell cell(Kernel k, String name) {
    for (Cell c : k.cells()) {
      if (c.name().equals(name)) return c;
    }
    throw new IllegalArgumentException("unknown shared field '" + name + "' (known: "
        + k.cells().stream().map(Cell::name).collect(Collectors.joining(", ")) + ")");
  }

  /** v2, v3 and the baseline: say that none was lost, and why, from the accesses seen. */
  private static String noLostUpdate(Options o, RaceExplainRecorder r, Kernel k, long seed,
      boolean searched) {
    Cell c = cell(k, o.field());
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.US, "%nNo update of %s was lost in %s simulated (seed %d).%n",
        o.field(), seconds(o.searchPs()), seed));
    if (r.writersOfWatched().isEmpty()) {
      // A run too short for the driver to reach the field: "only nobody wrote it" said nothing.
      b.append(String.format(Locale.US, "Nothing wrote %s in this run: there was no update to"
          + " lose; try a longer --duration.%n", o.field()));
      return b.toString();
    }
    String who = writers(r);
    if (c.isAtomicType()) {
      b.append(String.format(Locale.US,
          "Written by %s, but every update of %s is one atomic read-modify-write (atomic_t):%n"
              + "another context can come before or after it, never between its load and its"
              + " store.%n", who, o.field()));
    } else if (r.writersOfWatched().size() < 2) {
      b.append(String.format(Locale.US,
          "%s is a plain int, but only %s wrote it: a single writer cannot lose its own"
              + " updates.%n", o.field(), who));
    } else {
      b.append(String.format(Locale.US,
          "%s is a plain int written by %s, so an update can be lost, but their windows never"
              + " overlapped%s;%ntry %s or a longer --duration.%n", o.field(), who,
          searched ? " in seeds 1.." + seed : " in this run",
          searched ? "other workloads" : "another --seed"));
    }
    return b.toString();
  }
}
