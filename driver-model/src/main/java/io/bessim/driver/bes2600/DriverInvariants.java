package io.bessim.driver.bes2600;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.KernelCheck;
import io.bessim.sim.Violations;

/**
 * The driver's and the chip's conservation laws, checked after every event by {@code --check}:
 *
 * <ul>
 *   <li>frames are conserved end to end: every frame the chip accepted from the air is in its pool
 *       or was read by the host; the driver delivers no more frames than it read, mac80211 gets
 *       no more than the driver delivered; the chip takes no more frames than the driver queued
 *       for it, and the driver handles no more confirms than the chip sent;
 *   <li>chip buffers are conserved: the chip's count of input buffers in use is its writes less
 *       its confirms, within [0, numInpChBufs]; and {@code hw_bufs_used} equals the chip's count
 *       plus the buffers on their way: allocated by the bh but not yet queued (at most one), queued
 *       but not yet written, and confirmed by the chip but not yet released. {@code hw_bufs_used}
 *       is taken as the sum of its updates ({@link KernelCheck#intended}), so an architecture that
 *       loses updates (v1) keeps the law and has its lost updates reported by the kernel check
 *       instead.
 * </ul>
 *
 * <p>Each buffer update is sorted by who made it: +1 in wsm_alloc_tx_buffer; -1 in
 * wsm_release_tx_buffer called by bes2600_bh_tx_helper (nothing to send: the allocation given
 * back) or by the confirm path (a confirmed buffer released).
 */
public final class DriverInvariants implements KernelCheck.CellUpdates {
  private final Bes2600Driver d;
  private final Bes2600Firmware chip;
  private final KernelCheck kernel;
  private final Violations v;
  private final long initialBufs;
  private long allocs;
  private long givenBack;
  private long released;

  public DriverInvariants(Bes2600Driver d, Bes2600Firmware chip, KernelCheck kernel,
      Violations v) {
    this.d = d;
    this.chip = chip;
    this.kernel = kernel;
    this.v = v;
    this.initialBufs = kernel.intended(d.hw_bufs_used);
    kernel.setListener(this);
  }

  @Override
  public void updated(Cell cell, Ctx ctx, long delta) {
    if (cell != d.hw_bufs_used) return;
    if (delta > 0) {
      allocs += delta;
    } else if (ctx.frame(1) == d.bes2600_bh_tx_helper) {
      givenBack -= delta;
    } else {
      released -= delta;
    }
  }

  /** Checks every law; called after each event. */
  public void afterEvent() {
    v.expect(chip.rxAccepted() == chip.rxPoolUsed() + chip.rxIndicationsRead(),
        "frames: the chip's pool lost or made a frame (accepted != held + read by the host)");
    v.expect(d.deliveredFrames() <= chip.rxIndicationsRead(),
        "frames: the driver delivered more frames than it read from the chip");
    v.expect(d.ieee80211_rx_one.calls() <= d.deliveredFrames(),
        "frames: mac80211 received more frames than the driver delivered");
    long queued = d.txFrames();
    long accepted = chip.txAccepted();
    v.expect(accepted + chip.txDroppedWedged() + d.txFramesLost() <= queued,
        "frames: the chip took more frames than the driver queued");
    v.expect(d.confirms() <= chip.confirmsSent(),
        "frames: the driver handled more TX confirms than the chip sent");
    long inUse = chip.inputBuffersInUse();
    v.expect(inUse >= 0 && inUse <= chip.config().numInpChBufs()
            && inUse == accepted - chip.confirmsSent(),
        "chip buffers: the chip's count is not its writes less its confirms in [0, numInpChBufs]");
    long open = allocs - givenBack - queued;
    long confirmedNotReleased = chip.confirmsSent() - released;
    long hwBufsUsed = kernel.intended(d.hw_bufs_used) - initialBufs;
    v.expect(open >= 0 && open <= 1 && confirmedNotReleased >= 0
            && hwBufsUsed == inUse + (queued - accepted) + open + confirmedNotReleased,
        "chip buffers: hw_bufs_used != the chip's count + buffers allocated, queued or confirmed"
            + " on their way");
  }
}
