package io.bessim.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.Platform;
import io.bessim.experiment.Batch;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Rejection approximate Bayesian computation: which profiles, of all the free parameters allow,
 * reproduce every measured figure?
 *
 * <p>Candidates are the points of a {@link Design} mapped through each parameter's prior
 * ({@link FitParam#draw}: uniform over its declared range, log-uniform over a range of a factor of
 * ten or more). Each candidate is simulated with its own seed (candidate i runs seed
 * {@code seed + i}) under each condition the fitted figures need, one run per condition, and kept
 * when every fitted figure the model counts is inside its band. That is ABC with a uniform kernel
 * whose width is the rig's own tolerance: the kept profiles are a sample from the posterior under
 * those priors, seed noise included, since the rig's runs had their luck too. One seed per
 * candidate is the standard choice: averaging seeds would judge a smoother model than the one
 * that is then run.
 *
 * <p>A candidate's conditions are simulated in file order, one after the other, and a candidate
 * that misses a band is not simulated further (it is rejected whatever the rest says), which saves
 * most of the second condition's runs. Candidates run in parallel, a few ahead of the one being
 * judged so that no thread waits; they are judged strictly in candidate order, and the search
 * stops at the candidate that completes the wanted number. Work done ahead of that point is
 * dropped, so what is tried, kept and reported does not depend on the number of threads.
 */
public final class Abc {
  /**
   * What to sample.
   *
   * @param platform the profile every candidate starts from; only {@code params} change
   * @param params the free parameters, each over its whole range
   * @param seed the design's seed and the first candidate's run seed
   * @param wanted profiles to keep
   * @param maxCandidates candidates to try at most
   */
  public record Plan(Scoring scoring, Platform platform, List<FitParam> params, long seed,
      int wanted, int maxCandidates, int threads) {
    public Plan {
      checkArgument(!params.isEmpty(), "the profile has no free parameter (kind fitted or unknown"
          + " with a numeric range): nothing to sample");
      checkArgument(wanted >= 1, "--profiles must be at least 1, got %s", wanted);
      checkArgument(maxCandidates >= wanted,
          "--max-candidates must be at least --profiles (%s), got %s", wanted, maxCandidates);
      checkArgument(threads >= 1, "--threads must be at least 1, got %s", threads);
      checkArgument(seed <= Long.MAX_VALUE - maxCandidates, "--seed %s is too large", seed);
      params = List.copyOf(params);
    }

    /** The conditions that have a fitted figure: what a candidate must pass. */
    public List<Condition> screening() {
      return scoring.conditions().stream().filter(c -> scoring.sections(c).stream()
          .anyMatch(s -> s.figures().stream().anyMatch(m -> !m.reportOnly()))).toList();
    }
  }

  /**
   * One candidate profile.
   *
   * @param index from 0, in design order
   * @param values each free parameter's value, in {@link Plan#params} order
   * @param seed the seed of all its runs
   * @param runs by condition, the one run it got there (conditions after a miss are absent)
   * @param score its figures under the conditions it was simulated in
   */
  public record Candidate(int index, List<String> values, long seed,
      Map<Condition, RunResult> runs, Score score, boolean accepted) {
    /** Its runs, one per condition, as the scoring reads them. */
    public Map<Condition, List<RunResult>> runLists() {
      Map<Condition, List<RunResult>> out = new LinkedHashMap<>();
      runs.forEach((c, r) -> out.put(c, List.of(r)));
      return out;
    }
  }

  /**
   * How often a fitted figure held: among the candidates it was scored on, how many were inside.
   */
  public record Tally(Measurement measurement, int scored, int inside) {}

  /**
   * The outcome.
   *
   * @param kept the accepted candidates: {@link Plan#wanted} of them, fewer if the budget ran out
   * @param tried candidates judged: up to the last kept one, or all if too few were kept
   * @param accepted candidates with every scored figure inside (the kept ones)
   * @param tallies one per fitted figure, in file order
   * @param closest the candidate that got furthest, with the smallest worst residual there
   * @param first the first candidate: what the model counts shows in its score
   */
  public record Result(List<Candidate> kept, int tried, int accepted, List<Tally> tallies,
      Candidate closest, Candidate first) {}

  /** Told after each candidate is judged. */
  public interface Listener {
    Listener NONE = (tried, accepted, max) -> {};

    void judged(int tried, int accepted, int maxCandidates);
  }

  private Abc() {}

  /**
   * Samples until {@code wanted} candidates are accepted or {@code maxCandidates} are tried.
   * Throws IllegalArgumentException if the model counts none of the fitted figures.
   */
  public static Result run(Plan plan, Function<RunSpec, RunResult> runner, Listener listener)
      throws InterruptedException {
    Design design = new Design(plan.params().size(), plan.seed());
    List<Condition> screening = plan.screening();
    // Enough in flight that a thread finishing a quick rejection always finds the next candidate.
    int ahead = 4 * plan.threads();
    ExecutorService pool = Executors.newFixedThreadPool(plan.threads(), daemonThreads());
    List<Future<Candidate>> futures = new ArrayList<>();
    List<Candidate> all = new ArrayList<>();
    List<Candidate> accepted = new ArrayList<>();
    Candidate closest = null;
    try {
      while (accepted.size() < plan.wanted() && all.size() < plan.maxCandidates()) {
        while (futures.size() < Math.min(plan.maxCandidates(), all.size() + ahead)) {
          int i = futures.size();
          futures.add(pool.submit(() -> candidate(plan, design, screening, i, runner)));
        }
        Candidate c = get(futures.get(all.size()));
        if (all.isEmpty()) {
          checkArgument(!c.score().scored().isEmpty(),
              "the model counts none of the fitted figures of %s (it lacks %s): nothing to match",
              plan.scoring().measurements().origin(), String.join(", ",
                  c.score().missingMetrics()));
        }
        all.add(c);
        if (c.accepted()) accepted.add(c);
        if (closest == null || closer(c, closest)) closest = c;
        listener.judged(all.size(), accepted.size(), plan.maxCandidates());
      }
    } finally {
      pool.shutdownNow();
      // Let the runs already started finish, so they do not compete with what follows.
      pool.awaitTermination(1, TimeUnit.HOURS);
    }
    return new Result(List.copyOf(accepted), all.size(), accepted.size(), tallies(plan, all),
        closest, all.get(0));
  }

  private static Candidate get(Future<Candidate> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(cause);
    }
  }

  /** Candidate {@code i}: its values, then condition by condition until one misses a band. */
  private static Candidate candidate(Plan plan, Design design, List<Condition> screening, int i,
      Function<RunSpec, RunResult> runner) {
    double[] u = design.point(i);
    List<String> values = new ArrayList<>();
    Map<String, String> set = new LinkedHashMap<>();
    for (int d = 0; d < u.length; d++) {
      FitParam p = plan.params().get(d);
      values.add(p.draw(u[d]));
      set.put(p.name(), values.get(d));
    }
    Platform platform = plan.platform().with(set);
    long seed = plan.seed() + i;
    Map<Condition, RunResult> runs = new LinkedHashMap<>();
    Map<Condition, List<RunResult>> lists = new LinkedHashMap<>();
    Score score = new Score(List.of());
    for (Condition c : screening) {
      RunSpec spec = c.spec(platform, seed);
      RunResult r;
      try {
        r = runner.apply(spec);
      } catch (RuntimeException | Error e) {
        throw new Batch.RunFailedException(spec, e);
      }
      runs.put(c, r);
      lists.put(c, List.of(r));
      score = plan.scoring().score(lists);
      if (!score.allInside()) break;
    }
    boolean accepted = runs.size() == screening.size() && score.allInside();
    return new Candidate(i, List.copyOf(values), seed, Collections.unmodifiableMap(runs), score,
        accepted);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "bessim-abc-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Further through the conditions, or as far with a smaller worst residual. */
  private static boolean closer(Candidate a, Candidate b) {
    if (a.runs().size() != b.runs().size()) return a.runs().size() > b.runs().size();
    return worst(a) < worst(b);
  }

  private static double worst(Candidate c) {
    Score.Figure w = c.score().worst();
    if (w == null) return 0;
    double r = Math.abs(w.residual());
    return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
  }

  private static List<Tally> tallies(Plan plan, List<Candidate> all) {
    List<Tally> out = new ArrayList<>();
    List<Measurement> fitted = plan.scoring().measurements().fitted();
    for (Measurement m : fitted) {
      int scored = 0;
      int inside = 0;
      for (Candidate c : all) {
        for (Score.Figure f : c.score().figures()) {
          if (!f.measurement().equals(m) || !f.scored()) continue;
          scored++;
          if (f.inside()) inside++;
        }
      }
      out.add(new Tally(m, scored, inside));
    }
    return out;
  }
}
