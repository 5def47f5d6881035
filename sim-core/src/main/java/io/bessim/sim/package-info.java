/**
 * The event kernel: time, the event queue, the simulation loop, named random streams, statistics
 * and the trace hook. Knows nothing of Wi-Fi, SDIO or Linux.
 *
 * <p>Time is a {@code long} count of picoseconds everywhere ({@link io.bessim.sim.Time}): an SDIO
 * cycle at 150 MHz is 6,666.7 ps, so nanoseconds would round; a long of picoseconds spans 106 days.
 * There is no floating-point clock.
 */
package io.bessim.sim;
