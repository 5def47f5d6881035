/**
 * The simulation runs behind the race tools, with the analyses of {@code io.bessim.driver.race}
 * attached. {@link io.bessim.experiment.race.RaceRun} runs one architecture and seed with an
 * access recorder attached; runs are independent, so seeds go in parallel and results are merged
 * in seed order. {@link io.bessim.experiment.race.RaceExplainer} runs until the first lost update
 * and replays that run to tell its story; {@link io.bessim.experiment.race.InterleavingsRun}
 * shows which contexts run the two routines that update hw_bufs_used.
 */
package io.bessim.experiment.race;
