package io.bessim.driver.kernel;

/**
 * Receives what the kernel executes, op by op, for the race explainer's step-by-step story and
 * its Perfetto trace. Off by default: the kernel only tests a null reference per op.
 *
 * <p>Calls do not arrive in global time order: a context runs its private ops ahead of the global
 * clock until its next shared op, so a consumer sorts by time.
 */
public interface KernelTracer {
  /**
   * {@code ctx} executed {@code op} of {@code routine} from {@code startPs} to {@code endPs};
   * {@code endPs} is -1 when the op put the context to sleep (it resumes with its next op).
   * Control flow (jumps, calls, returns) is not reported.
   */
  void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs);

  /** {@code ctx} ran on {@code cpu} from {@code fromPs} to {@code toPs} (hard IRQs included). */
  void running(Ctx ctx, int cpu, long fromPs, long toPs);

  /** A hard IRQ named {@code what} occupied {@code cpu} from {@code startPs} to {@code endPs}. */
  void hardIrq(int cpu, long startPs, long endPs, String what);

  /**
   * {@code queue_work(w)} at {@code atPs} from {@code from}, or from an interrupt handler on
   * {@code cpu} when {@code from} is null; {@code queued} is false when the item was already
   * pending (the call did nothing).
   */
  void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued);

  /** An execution of {@code w} (a workqueue_execute_start) began at {@code atPs}. */
  void workStart(long atPs, WorkItem w);
}
