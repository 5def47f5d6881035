/**
 * The Linux host as the driver sees it: CPUs, a scheduler with wake-up latency, hard IRQs that
 * preempt, workqueues with Linux's coalescing rules, spinlocks, mutexes, wait queues, softirqs and
 * shared memory cells whose loads and stores happen at their exact simulated time.
 *
 * <p>Driver code is a set of small programs ({@link io.bessim.driver.kernel.Routine}) of
 * operations ({@link io.bessim.driver.kernel.Op}) that a simulated CPU executes, each call with its
 * own variables ({@link io.bessim.driver.kernel.Var}) as the C function's locals. Private compute
 * advances a thread's local clock without an event; every operation another context could observe
 * (a shared load or store, a lock, a wake-up, an SDIO request) executes only when no pending event
 * precedes it, so shared accesses happen in exact time order across CPUs. That is what makes a race
 * window real: the window of an unlocked read-modify-write is the time between its load and its
 * store, widened by a cache-line transfer or an interrupt landing in between.
 */
package io.bessim.driver.kernel;
