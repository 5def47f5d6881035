package io.bessim.experiment;

import io.bessim.driver.kernel.AccessLog;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a run's {@link RunDetail} while it runs: the simulation is advanced one simulated
 * second at a time (no events are added, so the run is the same as in one step) and the delivered
 * bytes read at each boundary; an {@link AccessLog} sees every read-modify-write window close.
 */
final class DetailRecorder implements AccessLog {
  private final Experiment.Setup setup;
  private final double[] deliveredBytes;
  private final long endPs;
  private long nowPs;
  private long lastBytes;
  private final List<Double> lostSec = new ArrayList<>();
  private final long[] widths = new long[RunDetail.WIDTH_BINS.size()];
  /** When each context opened its RMW window on each cell: [ctx id * cells + cell id], -1 none. */
  private long[] openedPs = new long[0];
  private int cells;
  /** Each context's CPU time, and all CPUs' busy time, at the end of the warm-up. */
  private final Map<Ctx, Long> cpuAtWarmPs = new HashMap<>();
  private long busyAtWarmPs;
  /** The part of CPU time by context that hard IRQs on an otherwise idle CPU took. */
  static final String IDLE_CPU_IRQS = "hard IRQ on an idle CPU";

  DetailRecorder(Experiment.Setup setup, long endPs) {
    this.setup = setup;
    this.deliveredBytes = new double[(int) ((endPs + Time.S - 1) / Time.S)];
    this.endPs = endPs;
    setup.host().kernel().setAccessLog(this);
  }

  /** Runs the simulation to {@code toPs}, reading the delivered bytes at each whole second. */
  void runUntil(long toPs, io.bessim.driver.host.RunCheck check) {
    while (nowPs < toPs) {
      long next = Math.min(toPs, (nowPs / Time.S + 1) * Time.S);
      if (check == null) {
        setup.sim().runUntil(next);
      } else {
        check.runUntil(next);
      }
      long bytes = setup.traffic().deliveredAppBytes();
      deliveredBytes[(int) ((next - 1) / Time.S)] += bytes - lastBytes;
      lastBytes = bytes;
      nowPs = next;
    }
  }

  /** The traffic's counters were zeroed (after the warm-up). */
  void countersReset() {
    lastBytes = setup.traffic().deliveredAppBytes();
    // CPU time by context is over the measured window, as cpuUtilization is.
    var kernel = setup.host().kernel();
    for (Ctx c : kernel.contexts()) cpuAtWarmPs.put(c, c.cpuTimePs(nowPs));
    busyAtWarmPs = kernel.busyPs(nowPs);
  }

  @Override
  public void access(long atPs, Cell cell, Ctx ctx, String routine, char kind, long valueBefore,
      long valueAfter, long lockMask, boolean lost) {
    if (kind != 'R' && kind != 'W') return;
    int n = setup.host().kernel().cells().size();
    int key = ctx.id() * n + cell.id();
    if (n != cells || key >= openedPs.length) {
      // First access, or contexts or cells declared since: windows open now are forgotten.
      cells = n;
      openedPs = new long[Math.max(key + 1, setup.host().kernel().contexts().size() * n)];
      java.util.Arrays.fill(openedPs, -1);
    }
    if (kind == 'R') {
      if (ctx.rmwWindowOpen(cell)) openedPs[key] = atPs;
    } else {
      if (openedPs[key] >= 0) {
        widths[RunDetail.bin(atPs - openedPs[key])]++;
        openedPs[key] = -1;
      }
      if (lost) lostSec.add(Time.toSeconds(atPs));
    }
  }

  RunDetail finish() {
    setup.host().kernel().setAccessLog(null);
    List<Double> mbps = new ArrayList<>();
    for (int i = 0; i < deliveredBytes.length; i++) {
      // The run's last second may be part of one (1.5 s, 500 ms): its bytes over its length.
      double seconds = Time.toSeconds(Math.min(Time.S, endPs - i * Time.S));
      mbps.add(deliveredBytes[i] / 1e6 / seconds);
    }
    Map<String, Double> cpu = new LinkedHashMap<>();
    var kernel = setup.host().kernel();
    long inContexts = 0;
    for (Ctx c : kernel.contexts()) {
      long ps = c.cpuTimePs(endPs) - cpuAtWarmPs.getOrDefault(c, 0L);
      inContexts += ps;
      if (ps > 0) cpu.merge(c.name(), Time.toSeconds(ps), Double::sum);
    }
    // Hard IRQs that found their CPU idle (or a context not yet started) are no context's time.
    long irqOnly = kernel.busyPs(endPs) - busyAtWarmPs - inContexts;
    if (irqOnly > 0) cpu.put(IDLE_CPU_IRQS, Time.toSeconds(irqOnly));
    List<Long> hist = new ArrayList<>();
    for (long w : widths) hist.add(w);
    return new RunDetail(mbps, cpu, lostSec, hist);
  }
}
