package io.bessim.driver.race;

import io.bessim.driver.Architecture;
import io.bessim.driver.kernel.Cell;
import java.util.List;
import java.util.Map;

/**
 * What an {@link AccessRecorder} attached from time 0 saw in one run of an architecture: what
 * every field saw, its RMW windows, and the kernel's own counts to check them against.
 *
 * @param durationPs the simulated time of the run
 * @param firstWarnPs the first WARN, or -1
 * @param wedgedPs when the chip wedged, or -1
 * @param cacheLinePs the platform's cache-line transfer cost, for classifying windows
 * @param cellLostUpdates {@link Cell#lostUpdates()} per field, as the kernel counted them
 * @param cellOverlaps {@link Cell#overlaps()} per field
 */
public record RaceRecording(Architecture arch, long durationPs, Map<String, FieldUse> fields,
    Map<String, RmwWindows> windows, List<String> lockNames, long firstWarnPs, long wedgedPs,
    long cacheLinePs, Map<String, Long> cellLostUpdates, Map<String, Long> cellOverlaps) {

  /** This run's shared-state table. */
  public SharedStateTable table() {
    return SharedStateTable.of(arch.cliName(), arch.description(), fields.values(), lockNames);
  }
}
