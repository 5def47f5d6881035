/**
 * The race tools' analyses, derived from what the driver routines actually did in a run: every
 * shared-cell access reaches an {@link io.bessim.driver.race.AccessRecorder} through the kernel's
 * {@link io.bessim.driver.kernel.AccessLog}.
 *
 * <ul>
 *   <li>{@link io.bessim.driver.race.SharedStateTable}: for each shared field, the contexts that
 *       read and wrote it, their CPUs and routines, and what protected the accesses (a common lock,
 *       atomics, a single writer context, or nothing), flagged the Eraser way.
 *   <li>{@link io.bessim.driver.race.RmwWindows} and {@link io.bessim.driver.race.WindowReport}:
 *       how long each unlocked read-modify-write window stayed open, what widened it, how often
 *       two overlapped, and a back-of-envelope estimate of the overlap rate beside the simulated
 *       one.
 *   <li>{@link io.bessim.driver.race.InterleavingsReport}: every interleaving of the shared-memory
 *       ops of the two routines that update hw_bufs_used, each executed from one start value.
 *   <li>{@link io.bessim.driver.race.RaceExplainRecorder}, {@link
 *       io.bessim.driver.race.RaceExplainStory} and {@link io.bessim.driver.race.RaceExplainTrace}:
 *       the first lost update of a counter op by op, what followed, and its window as a Chrome JSON
 *       trace ({@link io.bessim.driver.race.ChromeTrace}).
 * </ul>
 *
 * <p>A {@link io.bessim.driver.race.RaceRecording} is what one run recorded. Nothing here runs a
 * simulation with traffic: those runs are in workloads ({@code io.bessim.experiment.race}), the
 * {@code bessim race} commands in {@code io.bessim.cli}.
 */
package io.bessim.driver.race;
