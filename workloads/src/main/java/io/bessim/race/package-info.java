/**
 * The race tools' analyses, derived from what the driver routines actually did in a run: every
 * shared-cell access reaches an {@link io.bessim.race.AccessRecorder} through the kernel's {@link
 * io.bessim.driver.kernel.AccessLog}.
 *
 * <ul>
 *   <li>{@link io.bessim.race.SharedStateTable}: for each shared field, the contexts that read and
 *       wrote it, their CPUs and routines, and what protected the accesses (a common lock, atomics,
 *       a single writer context, or nothing), flagged the Eraser way.
 *   <li>{@link io.bessim.race.RmwWindows} and {@link io.bessim.race.WindowReport}: how long each
 *       unlocked read-modify-write window stayed open, what widened it, how often two overlapped,
 *       and a back-of-envelope estimate of the overlap rate beside the simulated one.
 * </ul>
 *
 * <p>{@link io.bessim.race.RaceRun} runs one architecture and seed with a recorder attached;
 * runs are independent, so seeds go in parallel and results are merged in seed order.
 */
package io.bessim.race;
