/**
 * Calibration: fits the platform profile's unknown parameters to what the rig measured.
 *
 * <p>{@link io.bessim.calibrate.Measurements} reads the measured figures (the rig's baseline ships
 * as {@code io/bessim/measurements/rig-baseline.measurements});
 * {@link io.bessim.calibrate.FitParam} says which parameters move and within which bounds;
 * {@link io.bessim.calibrate.Calibration} searches with {@link io.bessim.calibrate.NelderMead}
 * (plain Java, no optimisation library) over the mean of several seeds;
 * {@link io.bessim.calibrate.Sensitivity} measures how the predictions of every architecture move
 * with each fitted parameter; {@link io.bessim.calibrate.CalibrationReport} prints all of it and
 * writes the calibrated profile. docs/calibration.md shows the workflow.
 */
package io.bessim.calibrate;
