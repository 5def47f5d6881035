package io.bessim.driver.bes2600;

import io.bessim.driver.Platform;

/** Per-step CPU costs of the driver and the stack above it, in ps, from the platform profile. */
record DriverCosts(
    long rxMsgPs,
    long rxCbPs,
    long txConfirmPs,
    long extractPerPacketPs,
    long txPs,
    long txHelperPs,
    long txWorkPerFramePs,
    long bhLoopPs,
    long gpioFlagPs,
    long cmd52SetupPs,
    long cmd53SetupPs,
    long cmd52TeardownPs,
    long cmd53TeardownPs,
    long sdioRunIrqsPs,
    long rmwPs,
    long mac80211RxPs,
    long ipTcpRxPs,
    long tcpAckPs,
    long copyToUserPs,
    long rxIrqsafeHopPs,
    long bhTimeoutPs) {

  static DriverCosts from(Platform p) {
    // Host CPU costs are stated at 1.8 GHz; a different clock scales them.
    double f = 1.8e9 / p.number("host.cpuHz");
    return new DriverCosts(
        p.ps("drv.rxMsgUs"),
        p.ps("drv.rxCbUs"),
        p.ps("drv.txConfirmUs"),
        p.ps("drv.extractPerPacketUs"),
        p.ps("drv.txUs"),
        p.ps("drv.txHelperUs"),
        p.ps("drv.txWorkPerFrameUs"),
        p.ps("drv.bhLoopUs"),
        p.ps("drv.gpioFlagUs"),
        p.ps("mmc.cmd52SetupUs"),
        p.ps("mmc.cmd53SetupUs"),
        p.ps("mmc.cmd52TeardownUs"),
        p.ps("mmc.cmd53TeardownUs"),
        p.ps("mmc.sdioRunIrqsUs"),
        p.ps("cpu.rmwComputeNs"),
        p.ps("stack.mac80211RxUs"),
        p.ps("stack.ipTcpRxUs"),
        p.ps("stack.tcpAckUs"),
        p.ps("stack.copyToUserUs"),
        p.ps("stack.rxIrqsafeHopUs"),
        p.ps("bh.timeoutMs")).scaled(f);
  }

  /** CPU work scales with the clock; the bh timeout does not. */
  DriverCosts scaled(double f) {
    if (f == 1.0) return this;
    return new DriverCosts(s(rxMsgPs, f), s(rxCbPs, f), s(txConfirmPs, f), s(extractPerPacketPs, f),
        s(txPs, f), s(txHelperPs, f), s(txWorkPerFramePs, f), s(bhLoopPs, f), s(gpioFlagPs, f),
        s(cmd52SetupPs, f), s(cmd53SetupPs, f), s(cmd52TeardownPs, f), s(cmd53TeardownPs, f),
        s(sdioRunIrqsPs, f), s(rmwPs, f), s(mac80211RxPs, f), s(ipTcpRxPs, f), s(tcpAckPs, f),
        s(copyToUserPs, f), s(rxIrqsafeHopPs, f), bhTimeoutPs);
  }

  private static long s(long ps, double f) {
    return Math.round(ps * f);
  }
}
