package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.driver.host.Host;
import io.bessim.driver.host.RunCheck;
import io.bessim.driver.host.Topology;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.driver.mmc.SdioHost.IrqReenable;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One contract for every architecture, in the manner of JCTools' QueueSanityTest: every point of
 * the knob space (each preset with every combination of the knobs: 576 architectures) runs two
 * simulated seconds of tcp:4MB/s and must keep the same invariants:
 *
 * <ul>
 *   <li>the work items that ran are exactly the ones {@code arch describe} names (the topology is
 *       derived from the routines, so this checks the derivation against the run);
 *   <li>nothing deadlocks: no cycle of contexts waiting for each other's locks, and no spinlock
 *       held by a sleeping context, at any of four instants;
 *   <li>an architecture whose counters have one writer, or are atomic, never loses an update and
 *       never sees hw_bufs_used outside [0, numInpChBufs];
 *   <li>frames are conserved: every frame the chip accepted is in its pool or was read by the
 *       host, and the host delivered each frame it read at most once, holding no more than a few
 *       batches' worth at the end (a leak would grow with time);
 *   <li>an architecture that re-arms the card interrupt and loses no update keeps delivering;
 *   <li>and every run is made with {@code --check} on ({@link RunCheck}): the kernel's, the
 *       driver's and the chip's invariants hold after every event, lost updates aside where the
 *       architecture is exempted.
 * </ul>
 */
final class ArchitectureContractTest {
  private static final long RUN_PS = 2 * Time.S;
  private static final int CHECKPOINTS = 4;
  /** Frames a host may hold read but not yet delivered: a few 16-message batches. */
  private static final long MAX_HELD = 64;

  @Test
  void everyPointOfTheKnobSpaceKeepsTheInvariants() {
    List<Architecture> all = knobSpace();
    long t0 = System.nanoTime();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    all.parallelStream().forEach(a -> failures.addAll(check(a, RUN_PS, 1, true)));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("architecture contract: %d architectures (%d presets x %d knob combinations)"
        + " x %.0f s simulated each, in %.1f s wall-clock; %d violations%n", all.size(),
        Architecture.presets().size(), all.size() / Architecture.presets().size(),
        Time.toSeconds(RUN_PS), seconds, failures.size());
    assertEquals("", failures.stream().sorted().limit(20).collect(Collectors.joining("\n")));
  }

  /**
   * Every preset with every combination of the knobs that do not define it. The presets differ
   * in the first three knobs (receive path, counters, after-TX); crossing each with all values of
   * the other five and with the values of the first three gives the whole space once per preset.
   */
  static List<Architecture> knobSpace() {
    List<Architecture> out = new ArrayList<>();
    for (Architecture preset : Architecture.presets()) {
      List<Architecture> points = List.of(preset);
      for (Architecture.Knob k : Architecture.Knob.values()) {
        List<Architecture> next = new ArrayList<>();
        for (Architecture a : points) {
          for (String v : values(k)) {
            next.add(k.valueIn(a).equals(v) ? a : a.with(k, v));
          }
        }
        points = next;
      }
      out.addAll(points.subList(0, points.size() / Architecture.presets().size()));
    }
    return out;
  }

  private static List<String> values(Architecture.Knob k) {
    String range = Platform.defaults().params().stream().filter(p -> p.name().equals(k.key()))
        .findFirst().orElseThrow().range();
    List<String> v = new ArrayList<>(List.of(range.split("/")));
    v.remove(Architecture.Knob.PRESET);
    return v;
  }

  @Test
  void theContractCatchesV1sLostUpdatesWhenV1IsNotExempted() {
    // The single-writer rule must be able to fail: v1's two unlocked writers lose updates within
    // ten simulated seconds in some seed (docs/race.md), and the contract says so.
    List<String> found = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      found.addAll(check(Architecture.V1, 10 * Time.S, seed, false));
    }
    assertEquals(true, found.stream().anyMatch(f -> f.contains("lost updates")), found.toString());
    assertEquals(true, found.stream().anyMatch(f -> f.contains("--check: lost update on")),
        found.toString());
  }

  /** The contract's violations for one run; {@code exemptRacy} spares v1-like architectures. */
  private static List<String> check(Architecture a, long runPs, long seed, boolean exemptRacy) {
    List<String> bad = new ArrayList<>();
    RunSpec spec =
        new RunSpec(a, Platform.defaults(), WorkloadSpec.parse("tcp:4MB/s"), runPs, seed);
    Experiment.Setup s = Experiment.build(spec);
    Host host = s.host();
    RunCheck checked = RunCheck.attach(host);
    Bes2600Driver d = host.driver();
    Bes2600Firmware chip = host.chip();
    long deliveredBefore = 0;
    for (int i = 1; i <= CHECKPOINTS; i++) {
      long at = runPs * i / CHECKPOINTS;
      if (i == CHECKPOINTS) deliveredBefore = d.deliveredFrames();
      checked.runUntil(at);
      String dead = host.kernel().deadlock();
      if (dead != null) bad.add(a + " at " + Time.toSeconds(at) + " s: " + dead);
    }
    Set<String> ran = new TreeSet<>();
    for (WorkItem w : host.kernel().workItems()) {
      if (w.executions() > 0) ran.add(w.name());
    }
    Topology t = Topology.of(a, Platform.defaults());
    Set<String> named = t.nodes().values().stream().filter(n -> n.kind().equals("work item"))
        .map(Topology.Node::id).collect(Collectors.toCollection(TreeSet::new));
    if (!ran.equals(named)) bad.add(a + ": work items ran " + ran + " but describe names " + named);
    boolean racy = exemptRacy && a.rxPath() == Architecture.RxPath.DIRECT
        && a.counters() == Architecture.Counters.PLAIN;
    checked.violations().forEach((invariant, n) -> {
      if (!(racy && invariant.startsWith("lost update"))) {
        bad.add(a + " seed " + seed + ": --check: " + invariant + " (" + n + "x)");
      }
    });
    if (!racy) {
      long lost = host.kernel().lostUpdates();
      if (lost != 0) bad.add(a + ": " + lost + " lost updates with one writer or atomics");
      long lo = d.hw_bufs_used.minValue();
      long hi = d.hw_bufs_used.maxValue();
      int bufs = chip.config().numInpChBufs();
      if (lo < 0 || hi > bufs) {
        bad.add(a + ": hw_bufs_used reached [" + lo + ", " + hi + "], outside [0, " + bufs + "]");
      }
    }
    if (chip.rxAccepted() != chip.rxPoolUsed() + chip.rxIndicationsRead()) {
      bad.add(a + ": chip accepted " + chip.rxAccepted() + " frames but holds "
          + chip.rxPoolUsed() + " and the host read " + chip.rxIndicationsRead());
    }
    long held = chip.rxIndicationsRead() - d.deliveredFrames();
    if (held < 0 || held > MAX_HELD) {
      bad.add(a + ": the host read " + chip.rxIndicationsRead() + " frames and delivered "
          + d.deliveredFrames());
    }
    boolean mayStall = a.irqReenable() == IrqReenable.NONE || host.chip().isWedged();
    if (!racy && !mayStall && d.deliveredFrames() == deliveredBefore) {
      bad.add(a + ": delivered nothing in the last " + Time.toSeconds(runPs / CHECKPOINTS)
          + " s");
    }
    return bad;
  }
}
