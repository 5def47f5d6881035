package io.bessim.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: runs in parallel; every processor unless given. */
public final class ThreadsOption {
  @Option(
      names = "--threads",
      paramLabel = "N",
      descriptionKey = "threads",
      description =
          "Runs in parallel (default: number of processors). Results do not depend on it.")
  Integer threads;

  /** The threads asked for, or every processor; throws unless at least 1. */
  public int threads() {
    return CliInputs.threads(threads);
  }
}
