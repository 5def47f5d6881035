package io.bessim.cli;

import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What the commands get from outside the command line: the function that runs one simulation,
 * whether stderr is an interactive terminal (for progress), and whether to show stack traces.
 */
record CliContext(Function<RunSpec, RunResult> runner, BooleanSupplier terminal, boolean debug) {}
