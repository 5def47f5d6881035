/**
 * JMH benchmarks: the event queue in the hold model against java.util.PriorityQueue and SSJ's event
 * lists, and whole scenarios (simulated seconds per wall-clock second). They report; they never
 * fail the build.
 */
package io.bessim.bench;
