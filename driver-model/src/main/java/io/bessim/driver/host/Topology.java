package io.bessim.driver.host;

import io.bessim.driver.Architecture;
import io.bessim.driver.NetStack;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.kernel.Op;
import io.bessim.driver.kernel.Routine;
import io.bessim.driver.kernel.WaitQueue;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.sim.RandomStreams;
import io.bessim.sim.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An architecture's topology, derived from the routines its driver builds: nothing here is
 * written per architecture. A tablet is assembled (not run) for the architecture; then every
 * context that can run (the threads the driver starts, the work items, the softirqs its routines
 * raise) is walked op by op, following calls, and each {@code queue_work}, {@code wake_up} and
 * softirq raise becomes an edge to the context it wakes. A context is listed only if some edge
 * from the chip's interrupt or a started thread reaches it, so {@code arch describe} names exactly
 * the contexts that can run.
 */
public final class Topology {
  /** A context and where it runs. */
  public record Node(String id, String label, String kind, String where) {}

  /**
   * "from wakes to, by mechanism": {@code how} is the op and the routine it sits in, {@code kind}
   * the op's kind (null for the card interrupt, which no routine raises).
   */
  public record Edge(String from, String to, String how, Op.Kind kind) {}

  private static final String CHIP = "chip";
  private static final String HARDIRQ = "hardirq";
  private static final NetStack NO_STACK = (t, f) -> null;

  private final Architecture arch;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final Map<String, Set<String>> requests = new LinkedHashMap<>();

  /** A context that can run: its id, label, kind, placement and entry routine. */
  private record Context(String id, String label, String kind, String where, Routine entry) {}

  private Topology(Architecture arch, Host host) {
    this.arch = arch;
    Kernel k = host.kernel();
    Map<String, Context> contexts = new LinkedHashMap<>();
    for (Kernel.Thread t : k.threads()) {
      String id = t.ctx().name();
      contexts.put(id, new Context(id, id, "thread", "CPU" + t.ctx().cpuId(), t.entry()));
    }
    Map<WorkItem, String> workIds = new HashMap<>();
    for (WorkItem w : k.workItems()) {
      workIds.put(w, w.name());
      contexts.put(w.name(), new Context(w.name(), w.name() + " (" + w.fn().name() + ")",
          "work item", "workqueue " + w.workqueue() + ", on the queueing CPU", w.fn()));
    }
    // Softirqs the routines raise become contexts of their own, found while walking.
    Map<String, List<Edge>> out = new LinkedHashMap<>();
    Map<WaitQueue, Set<String>> waiters = new HashMap<>();
    ArrayDeque<Context> todo = new ArrayDeque<>(contexts.values());
    Set<String> walked = new HashSet<>();
    List<Pending> pending = new ArrayList<>();
    while (!todo.isEmpty()) {
      Context c = todo.poll();
      if (!walked.add(c.id)) continue;
      for (Site s : sites(c.entry)) {
        Op op = s.op;
        switch (op.kind()) {
          case QUEUE_WORK:
            pending.add(new Pending(c.id, workIds.get(op.workItem()), null, s));
            break;
          case WAKE_UP:
            pending.add(new Pending(c.id, null, op.waitQueue(), s));
            break;
          case WAIT_EVENT:
            waiters.computeIfAbsent(op.waitQueue(), q -> new LinkedHashSet<>()).add(c.id);
            break;
          case RAISE_SOFTIRQ: {
            Routine h = op.softirqHandler();
            String id = h.name();
            if (!contexts.containsKey(id)) {
              Context sc = new Context(id, "softirq: " + h.name(), "softirq",
                  "on the raising CPU, at its next local_bh_enable or in ksoftirqd", h);
              contexts.put(id, sc);
              todo.add(sc);
            }
            pending.add(new Pending(c.id, id, null, s));
            break;
          }
          case BLOCKING:
            requests.computeIfAbsent(c.id, x -> new LinkedHashSet<>()).add(op.text());
            break;
          default:
            break;
        }
      }
    }
    // The MMC core's path: the card interrupt reaches the driver through the SDIO IRQ work.
    String irqWork = host.driver().sdioIrqWork().name();
    addEdge(out, new Edge(CHIP, HARDIRQ, "DAT1 card interrupt", null));
    addEdge(out, new Edge(HARDIRQ, irqWork, "dw_mci_interrupt -> sdio_signal_irq: queue_work("
        + irqWork + ")", Op.Kind.QUEUE_WORK));
    for (Pending p : pending) {
      String how = p.site.op.text() + " in " + p.site.routine.name();
      if (p.queue == null) {
        addEdge(out, new Edge(p.from, p.to, how, p.site.op.kind()));
      } else {
        for (String w : waiters.getOrDefault(p.queue, Set.of())) {
          addEdge(out, new Edge(p.from, w, how, Op.Kind.WAKE_UP));
        }
      }
    }
    // Keep what the chip's interrupt or a started thread reaches.
    Set<String> reached = new LinkedHashSet<>();
    ArrayDeque<String> frontier = new ArrayDeque<>();
    frontier.add(CHIP);
    for (Kernel.Thread t : k.threads()) frontier.add(t.ctx().name());
    while (!frontier.isEmpty()) {
      String id = frontier.poll();
      if (!reached.add(id)) continue;
      for (Edge e : out.getOrDefault(id, List.of())) frontier.add(e.to());
    }
    nodes.put(CHIP, new Node(CHIP, "BES2600 firmware", "chip", "SDIO card"));
    nodes.put(HARDIRQ, new Node(HARDIRQ, "hard IRQ (dw_mmc)", "irq",
        "CPU" + host.platform().intValue("host.irqCpu")));
    for (Context c : contexts.values()) {
      if (reached.contains(c.id)) nodes.put(c.id, new Node(c.id, c.label, c.kind, c.where));
    }
    for (List<Edge> es : out.values()) {
      for (Edge e : es) {
        if (reached.contains(e.from())) edges.add(e);
      }
    }
    requests.keySet().retainAll(reached);
  }

  private record Pending(String from, String to, WaitQueue queue, Site site) {}

  /** An op and the routine it sits in. */
  private record Site(Routine routine, Op op) {}

  /** Every op a context can execute from {@code entry}, following calls, each routine once. */
  private static List<Site> sites(Routine entry) {
    List<Site> out = new ArrayList<>();
    Set<Routine> seen = new HashSet<>();
    ArrayDeque<Routine> todo = new ArrayDeque<>();
    todo.add(entry);
    while (!todo.isEmpty()) {
      Routine r = todo.poll();
      if (!seen.add(r)) continue;
      for (Op op : r.ops()) {
        out.add(new Site(r, op));
        if (op.kind() == Op.Kind.CALL) todo.add(op.callee());
      }
    }
    return out;
  }

  private static void addEdge(Map<String, List<Edge>> out, Edge e) {
    List<Edge> list = out.computeIfAbsent(e.from(), x -> new ArrayList<>());
    if (list.stream().noneMatch(x -> x.to().equals(e.to()) && x.how().equals(e.how()))) {
      list.add(e);
    }
  }

  /**
   * The topology of {@code arch} on platform {@code p} (its knobs applied): assembles the tablet
   * without running it and walks the routines it built.
   */
  public static Topology of(Architecture arch, Platform p) {
    Architecture a = arch.under(p);
    Host host = new Host(new Simulator(), p, a, new RandomStreams(0), NO_STACK);
    return new Topology(a, host);
  }

  public List<Edge> edges() {
    return edges;
  }

  public Map<String, Node> nodes() {
    return nodes;
  }

  /** The SDIO requests each context issues (the descriptions of its blocking ops). */
  public Map<String, Set<String>> requests() {
    return requests;
  }

  /**
   * The shortest chain from the chip's interrupt to the first softirq that hands a frame to
   * mac80211: the hand-offs a received batch goes through.
   */
  public List<Edge> rxChain() {
    return shortest(CHIP, n -> n.kind().equals("softirq"));
  }

  /**
   * The shortest chain from a softirq (where TCP sends its ACK) to a context that writes to the
   * chip (CMD53 write), then what that context wakes after the write.
   */
  public List<Edge> txChain() {
    List<Edge> best = List.of();
    for (Node n : nodes.values()) {
      if (!n.kind().equals("softirq")) continue;
      List<Edge> path = shortest(n.id(), m -> requests.getOrDefault(m.id(), Set.of()).stream()
          .anyMatch(r -> r.contains("CMD53 write")));
      if (!path.isEmpty() && (best.isEmpty() || path.size() < best.size())) best = path;
    }
    return best;
  }

  private List<Edge> shortest(String from, java.util.function.Predicate<Node> goal) {
    Map<String, Edge> via = new HashMap<>();
    ArrayDeque<String> q = new ArrayDeque<>();
    q.add(from);
    via.put(from, null);
    while (!q.isEmpty()) {
      String id = q.poll();
      Node n = nodes.get(id);
      if (!id.equals(from) && n != null && goal.test(n)) {
        List<Edge> path = new ArrayList<>();
        for (Edge e = via.get(id); e != null; e = via.get(e.from())) path.add(0, e);
        return path;
      }
      for (Edge e : edges) {
        if (e.from().equals(id) && !via.containsKey(e.to())) {
          via.put(e.to(), e);
          q.add(e.to());
        }
      }
    }
    return List.of();
  }

  private static long count(List<Edge> path, Op.Kind kind) {
    return path.stream().filter(e -> e.kind() == kind).count();
  }

  /** The topology as text for a terminal. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.US, "%s (%s)%n", arch.cliName(), arch.description()));
    b.append("spec: ").append(arch.specText()).append("\n\n");
    b.append("Contexts (derived from the routines this architecture builds)\n");
    for (Node n : nodes.values()) {
      b.append(String.format(Locale.US, "  %-22s %-44s %-10s %s%n", n.id(), n.label(), n.kind(),
          n.where()));
    }
    b.append("\nWhat wakes what\n");
    for (Edge e : edges) {
      b.append(String.format(Locale.US, "  %-22s -> %-22s %s%n", e.from(), e.to(), e.how()));
    }
    b.append("\nSDIO requests by context\n");
    requests.forEach((c, r) -> b.append(String.format(Locale.US, "  %-22s %s%n", c,
        String.join("; ", r))));
    List<Edge> rx = rxChain();
    long dispatches = count(rx, Op.Kind.QUEUE_WORK);
    long wakeups = count(rx, Op.Kind.WAKE_UP);
    b.append(String.format(Locale.US, "%nPer received batch (%d work dispatch%s and %d wait-queue "
        + "wake-up%s before mac80211 sees the first frame)%n", dispatches,
        dispatches == 1 ? "" : "es", wakeups, wakeups == 1 ? "" : "s"));
    appendChain(b, rx);
    b.append("\nPer transmitted frame (a TCP ACK, from the softirq that sends it to the SDIO "
        + "write)\n");
    List<Edge> tx = txChain();
    appendChain(b, tx);
    if (!tx.isEmpty()) {
      String writer = tx.get(tx.size() - 1).to();
      for (Edge e : edges) {
        if (e.from().equals(writer)) {
          b.append(String.format(Locale.US, "  then %s -> %s: %s%n", writer, e.to(), e.how()));
        }
      }
    }
    return b.toString();
  }

  private static void appendChain(StringBuilder b, List<Edge> path) {
    for (int i = 0; i < path.size(); i++) {
      Edge e = path.get(i);
      b.append(String.format(Locale.US, "  %d. %s -> %s: %s%n", i + 1, e.from(), e.to(),
          e.how()));
    }
  }

  /** The topology as a Graphviz digraph. */
  public String toDot() {
    StringBuilder b = new StringBuilder();
    b.append("digraph \"").append(esc(arch.cliName())).append("\" {\n");
    b.append("  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    b.append("  labelloc=t;\n  label=\"")
        .append(esc(arch.cliName() + " (" + arch.description() + ")"))
        .append("\";\n");
    for (Node n : nodes.values()) {
      b.append("  \"").append(esc(n.id())).append("\" [label=\"").append(esc(n.label()))
          .append("\\n").append(esc(n.kind() + ", " + n.where())).append("\"];\n");
    }
    for (Edge e : edges) {
      b.append("  \"").append(esc(e.from())).append("\" -> \"").append(esc(e.to()))
          .append("\" [label=\"").append(esc(e.how())).append("\"")
          .append(e.kind() == Op.Kind.WAKE_UP ? ", style=dashed" : "").append("];\n");
    }
    b.append("}\n");
    return b.toString();
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
