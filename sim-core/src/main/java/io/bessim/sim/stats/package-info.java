/**
 * Statistics for simulation output: counters and rates, time-weighted levels, log-linear
 * histograms of picosecond values, and the mean with a 95% interval across independent seeds.
 */
package io.bessim.sim.stats;
