/**
 * Calibration and prediction: ties the platform profile's unknown parameters to what the rig
 * measured, and carries what is left unknown into every architecture's prediction.
 *
 * <p>{@link io.bessim.calibrate.Measurements} reads the measured figures, section by section with
 * their conditions (the rig's baseline ships as
 * {@code io/bessim/measurements/rig-baseline.measurements}); a figure is a metric or a ratio of two
 * ({@link io.bessim.calibrate.Quantity}) with a relative or interval band
 * ({@link io.bessim.calibrate.Measurement}). {@link io.bessim.calibrate.Scoring} binds the sections
 * to the simulations that reproduce them and scores a profile ({@link io.bessim.calibrate.Score}).
 * {@link io.bessim.calibrate.FitParam} says which parameters are free and within which bounds;
 * {@link io.bessim.calibrate.Calibration} fits them with {@link io.bessim.calibrate.NelderMead}
 * (plain Java, no optimisation library); {@link io.bessim.calibrate.Sensitivity} measures how the
 * predictions of every architecture move with each fitted parameter;
 * {@link io.bessim.calibrate.CalibrationReport} prints all of it and writes the calibrated
 * profile. docs/calibration.md shows the workflow.
 */
package io.bessim.calibrate;
