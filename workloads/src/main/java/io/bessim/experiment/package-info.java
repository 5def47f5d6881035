/**
 * Running simulations and reporting them: a run's spec and result records, the runner
 * ({@link io.bessim.experiment.Experiment}), batches across architectures and seeds, sweeps, and
 * the JSON, CSV and trace writers. Every run is deterministic; parallelism is across runs only.
 */
package io.bessim.experiment;
