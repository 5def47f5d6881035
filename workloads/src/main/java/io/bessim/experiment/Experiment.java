package io.bessim.experiment;

import static com.google.common.base.Verify.verify;

import io.bessim.driver.Platform;
import io.bessim.driver.host.Host;
import io.bessim.driver.host.RunCheck;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import io.bessim.workloads.TcpConfig;
import io.bessim.workloads.Traffic;
import io.bessim.workloads.TrafficFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link RunSpec} to a {@link RunResult}: builds the tablet for the architecture, the
 * traffic for the workload, runs the simulated time, and reports rates over the measured part of
 * the run (after a warm-up). Deterministic: the same spec gives the same result, whatever thread
 * runs it. Every architecture with the same seed sees the same traffic and the same air.
 */
public final class Experiment {
  private Experiment() {}

  /** A built, not yet run, simulation: for tools that need to look inside (race, trace). */
  public record Setup(Simulator sim, Host host, Traffic traffic) {}

  public static Setup build(RunSpec spec) {
    Simulator sim = new Simulator();
    RandomStreams random = new RandomStreams(spec.seed());
    Platform p = spec.platform();
    Traffic traffic = TrafficFactory.create(spec.workload().traffic(), sim, tcpConfig(p));
    Host host = new Host(sim, p, spec.arch(), random, traffic);
    traffic.setDownlink(host.air()::apSend);
    host.air().setPeer(traffic);
    traffic.start(0);
    return new Setup(sim, host, traffic);
  }

  public static RunResult run(RunSpec spec) {
    return run(spec, null);
  }

  /** As {@link #run(RunSpec)}, with the kernel's op-level tracer attached (null for none). */
  public static RunResult run(RunSpec spec, io.bessim.driver.kernel.KernelTracer tracer) {
    return run(spec, tracer, s -> {});
  }

  /** As {@link #run(RunSpec, KernelTracer)}; {@code onBuild} sees the model before it runs. */
  public static RunResult run(RunSpec spec, io.bessim.driver.kernel.KernelTracer tracer,
      java.util.function.Consumer<Setup> onBuild) {
    long wall0 = System.nanoTime();
    Setup s = build(spec);
    s.host().kernel().setTracer(tracer);
    onBuild.accept(s);
    return run(spec, s, wall0);
  }

  /**
   * Runs a simulation built with {@link #build} from {@code spec}, for callers that read its
   * simulator afterwards (the benchmarks count its events); the wall clock starts at
   * {@code wall0Nanos} ({@link System#nanoTime()}).
   */
  public static RunResult run(RunSpec spec, Setup s, long wall0Nanos) {
    Simulator sim = s.sim();
    Host host = s.host();
    long end = spec.durationPs();
    long warm = Math.min(spec.platform().ps("run.warmupS"), end / 10);
    // Only for the HTML report: its access log costs every shared access a call.
    DetailRecorder detail =
        spec.platform().bool("run.detail") ? new DetailRecorder(s, end) : null;
    // After the recorder: the check's access log goes beside the recorder's.
    RunCheck check = spec.platform().bool("run.check") ? RunCheck.attach(host) : null;
    runUntil(s, detail, check, warm);
    Map<String, Long> c0 = host.counts();
    checkCounters(c0);
    long busy0 = host.kernel().busyPs(warm);
    s.traffic().resetCounters(warm);
    if (detail != null) detail.countersReset();
    runUntil(s, detail, check, end);
    Map<String, Long> c1 = host.counts();
    double seconds = Time.toSeconds(end - warm);
    Map<String, Double> perSecond = new LinkedHashMap<>();
    for (Metric m : Metric.counters()) {
      if (!c1.containsKey(m.counter())) continue;
      perSecond.put(m.counter(), (c1.get(m.counter()) - c0.get(m.counter())) / seconds);
    }
    int cpus = host.kernel().cpuCount();
    double cpu = (host.kernel().busyPs(end) - busy0) / (cpus * (double) (end - warm));
    long firstWarn = host.kernel().firstWarnPs();
    long wedged = host.chip().wedgedAtPs();
    RunResult r = new RunResult(
        spec.arch().cliName(),
        spec.arch().spec(),
        spec.seed(),
        spec.workload().toString(),
        Time.toSeconds(end),
        (System.nanoTime() - wall0Nanos) / 1e9,
        s.traffic().offeredAppBytes() / seconds / 1e6,
        s.traffic().deliveredAppBytes() / seconds / 1e6,
        cpu,
        perSecond,
        host.kernel().lostUpdates(),
        host.kernel().warns(),
        firstWarn < 0 ? null : Time.toSeconds(firstWarn),
        wedged < 0 ? null : Time.toSeconds(wedged),
        null,
        detail == null ? RunDetail.NONE : detail.finish());
    return check == null ? r : r.withCheckViolations(check.violations());
  }

  /** Runs to {@code endPs}: through the report's recorder and the check when they are on. */
  private static void runUntil(Setup s, DetailRecorder detail, RunCheck check, long endPs) {
    if (detail != null) {
      detail.runUntil(endPs, check);
    } else if (check != null) {
      check.runUntil(endPs);
    } else {
      s.sim().runUntil(endPs);
    }
  }

  /**
   * The host counts declared counters only, in their declared order: the registry is the truth. It
   * may leave one out, a counter declared ahead of the model code that will count it.
   */
  private static void checkCounters(Map<String, Long> counts) {
    List<String> declared = Metric.counters().stream().map(Metric::counter)
        .filter(counts::containsKey).toList();
    verify(List.copyOf(counts.keySet()).equals(declared),
        "Host.counts() %s are not declared counters in Metric's order %s: declare each there",
        counts.keySet(), Metric.counters().stream().map(Metric::counter).toList());
  }

  static TcpConfig tcpConfig(Platform p) {
    return new TcpConfig(
        p.intValue("tcp.mss"),
        p.intValue("tcp.initialCwnd"),
        p.integer("tcp.rwndBytes"),
        p.ps("tcp.delAckMs"),
        p.intValue("tcp.quickAcks"),
        p.ps("tcp.rtoMinMs"),
        p.ps("tcp.wiredOneWayUs"),
        p.integer("tcp.pvBurstBytes"));
  }
}
