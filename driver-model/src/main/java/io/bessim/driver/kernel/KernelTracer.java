package io.bessim.driver.kernel;

/**
 * Receives what the kernel executes, op by op, for the race explainer's step-by-step story and
 * its Perfetto trace. Off by default: the kernel only tests a null reference per op.
 *
 * <p>Calls do not arrive in global time order: a context runs its private ops ahead of the global
 * clock until its next shared op, so a consumer sorts by time. Every method does nothing by
 * default: a consumer overrides what it reads.
 */
public interface KernelTracer {
  /**
   * {@code ctx} executed {@code op} of {@code routine} from {@code startPs} to {@code endPs};
   * {@code endPs} is -1 when the op put the context to sleep (it resumes with its next op).
   * Control flow (jumps, calls, returns) is not reported.
   */
  default void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {}

  /** {@code ctx} ran on {@code cpu} from {@code fromPs} to {@code toPs} (hard IRQs included). */
  default void running(Ctx ctx, int cpu, long fromPs, long toPs) {}

  /** A hard IRQ named {@code what} occupied {@code cpu} from {@code startPs} to {@code endPs}. */
  default void hardIrq(int cpu, long startPs, long endPs, String what) {}

  /**
   * {@code queue_work(w)} at {@code atPs} from {@code from}, or from an interrupt handler on
   * {@code cpu} when {@code from} is null; {@code queued} is false when the item was already
   * pending (the call did nothing).
   */
  default void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {}

  /** An execution of {@code w} (a workqueue_execute_start) began at {@code atPs}. */
  default void workStart(long atPs, WorkItem w) {}

  /** The execution of {@code w} that began last ended at {@code atPs} (workqueue_execute_end). */
  default void workEnd(long atPs, WorkItem w) {}

  /**
   * {@code woken} was made runnable at {@code atPs} (sched_wakeup) by {@code waker}, or from an
   * interrupt or timer on {@code cpu} when {@code waker} is null.
   */
  default void wake(long atPs, Ctx woken, Ctx waker, int cpu) {}

  /** {@code ctx} entered ({@code entry}) or left a softirq handler (NET_RX) at {@code atPs}. */
  default void softirq(Ctx ctx, boolean entry, long atPs) {}

  /**
   * A tracepoint the model fires outside the scheduler: {@code event} (the kernel's name, such as
   * {@code mmc_request_start}) with its {@code fields} text, on {@code cpu}, from {@code ctx} or
   * from an interrupt when it is null.
   */
  default void tracepoint(long atPs, int cpu, Ctx ctx, String event, String fields) {}

  /** Both tracers, each called in turn; either may be null. */
  static KernelTracer both(KernelTracer a, KernelTracer b) {
    if (a == null) return b;
    if (b == null) return a;
    return new KernelTracer() {
      @Override
      public void op(Ctx ctx, Routine routine, Op op, long startPs, long endPs) {
        a.op(ctx, routine, op, startPs, endPs);
        b.op(ctx, routine, op, startPs, endPs);
      }

      @Override
      public void running(Ctx ctx, int cpu, long fromPs, long toPs) {
        a.running(ctx, cpu, fromPs, toPs);
        b.running(ctx, cpu, fromPs, toPs);
      }

      @Override
      public void hardIrq(int cpu, long startPs, long endPs, String what) {
        a.hardIrq(cpu, startPs, endPs, what);
        b.hardIrq(cpu, startPs, endPs, what);
      }

      @Override
      public void queueWork(long atPs, WorkItem w, Ctx from, int cpu, boolean queued) {
        a.queueWork(atPs, w, from, cpu, queued);
        b.queueWork(atPs, w, from, cpu, queued);
      }

      @Override
      public void workStart(long atPs, WorkItem w) {
        a.workStart(atPs, w);
        b.workStart(atPs, w);
      }

      @Override
      public void workEnd(long atPs, WorkItem w) {
        a.workEnd(atPs, w);
        b.workEnd(atPs, w);
      }

      @Override
      public void wake(long atPs, Ctx woken, Ctx waker, int cpu) {
        a.wake(atPs, woken, waker, cpu);
        b.wake(atPs, woken, waker, cpu);
      }

      @Override
      public void softirq(Ctx ctx, boolean entry, long atPs) {
        a.softirq(ctx, entry, atPs);
        b.softirq(ctx, entry, atPs);
      }

      @Override
      public void tracepoint(long atPs, int cpu, Ctx ctx, String event, String fields) {
        a.tracepoint(atPs, cpu, ctx, event, fields);
        b.tracepoint(atPs, cpu, ctx, event, fields);
      }
    };
  }
}
