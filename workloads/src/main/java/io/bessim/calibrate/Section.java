package io.bessim.calibrate;

import io.bessim.driver.Architecture;
import io.bessim.experiment.WorkloadSpec;
import java.util.List;

/**
 * One {@code [section]} of a measurements file: figures taken under the same conditions (one rig
 * run, or one capture).
 *
 * @param name the section's name; "" for the one section of a file without {@code [...]} lines
 * @param arch the architecture measured; null if the file does not say (baseline then)
 * @param workload the offered traffic; null if the file does not say
 * @param durationPs how long the rig ran, in ps; null if the file does not say
 * @param figures in file order
 */
public record Section(
    String name, Architecture arch, WorkloadSpec workload, Long durationPs,
    List<Measurement> figures) {
  public Section {
    figures = List.copyOf(figures);
  }

  /** {@code [preflight]}, or {@code the file} for a file without sections. */
  public String label() {
    return name.isEmpty() ? "the file" : "[" + name + "]";
  }
}
