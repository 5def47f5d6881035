package io.bessim.chip.fw;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Firmware parameters. {@code numInpChBufs} and the RX pool size are unknown for the BES2600
 * (driver-topology.md open questions 1 and 6): they are profile parameters with documented ranges.
 */
public record FirmwareConfig(
    int numInpChBufs,
    int rxPoolFrames,
    long rxProcessingPs,
    long txProcessingPs,
    boolean rxMultiple,
    int rxMultipleMax,
    int rxBatchMaxBytes,
    int rxIndicationOverheadBytes,
    int confirmBytes,
    int lengthUnitBytes) {
  public FirmwareConfig {
    checkArgument(numInpChBufs >= 2, "numInpChBufs must be >= 2 (one is kept for commands)");
    checkArgument(rxPoolFrames >= 1, "rx pool must hold at least one frame");
    checkArgument(rxProcessingPs >= 0 && txProcessingPs >= 0, "negative processing time");
    checkArgument(rxMultipleMax >= 1 && rxMultipleMax <= 127, "rxMultipleMax out of range");
    checkArgument(lengthUnitBytes >= 1, "length unit must be positive");
  }
}
