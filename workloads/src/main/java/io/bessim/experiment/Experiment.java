package io.bessim.experiment;

/** Runs one {@link RunSpec} to a {@link RunResult}. Deterministic: same spec, same result. */
public final class Experiment {
  private Experiment() {}

  public static RunResult run(RunSpec spec) {
    throw new IllegalStateException("not wired yet");
  }
}
