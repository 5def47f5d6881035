package io.bessim.driver.host;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An architecture's topology derived from its choices (not written per preset): the execution
 * contexts, what wakes what, and the hand-offs of one received batch and one transmitted frame.
 * The same choices build the driver's routines in {@code Bes2600Driver}.
 */
public final class Topology {
  /** A context and where it runs. */
  public record Node(String id, String label, String kind, String where) {}

  /** "from wakes to, by mechanism". */
  public record Edge(String from, String to, String how, boolean perFrame) {}

  private final Architecture arch;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<String> rxChain = new ArrayList<>();
  private final List<String> txChain = new ArrayList<>();
  private int rxDispatches;
  private int rxWakeups;

  private Topology(Architecture arch, Platform p) {
    this.arch = arch.under(p);
    Architecture shape = this.arch;
    int irq = p.intValue("host.irqCpu");
    int bh = p.intValue("host.bhCpu");
    boolean batch = shape.delivery() == Architecture.Delivery.BATCH;
    boolean poll = shape.pollAfterWrite();
    boolean bhReads = shape.rxPath() == Architecture.RxPath.BH_READS;

    node("chip", "BES2600 firmware", "chip", "SDIO card");
    node("hardirq", "hard IRQ (dw_mmc)", "irq", "CPU" + irq);
    node("sdio_irq_work", "sdio_irq_work / sdio_run_irqs", "work item", "system_wq, CPU" + irq);
    if (!bhReads) node("sdio_rx_work", "sdio_rx_work", "work item", "bes_sdio (highpri)");
    node("bes2600_bh", "bes2600_bh", "work item that never returns", "bes2600_bh wq, CPU" + bh);
    node("sdio_tx_work", "sdio_tx_work", "work item", "bes_sdio (highpri), CPU" + bh);
    node("net_rx", "NET_RX softirq (mac80211, IP, TCP)", "softirq", "CPU of the deliverer");
    node("netcat", "netcat (recv)", "thread", "CPU" + p.intValue("host.appCpu"));

    String deliver =
        batch ? "ieee80211_rx_list (one per batch)" : "ieee80211_rx_irqsafe (per frame)";
    edge("chip", "hardirq", "DAT1 interrupt", false);
    edge("hardirq", "sdio_irq_work", "sdio_signal_irq: queue_work(system_wq)", false);
    rxChain.add("chip raises DAT1 -> dw_mmc hard IRQ");
    rxChain.add("hard IRQ -> queue_work(sdio_irq_work) [dispatch 1]");
    rxDispatches = 1;
    switch (shape.rxPath()) {
      case RELAY_QUEUE:
        edge("sdio_irq_work", "sdio_rx_work", "bes2600_sdio_irq_handler: queue_work(rx_work)",
            false);
        edge("sdio_rx_work", "bes2600_bh", "skb_queue_tail(rx_queue) per frame, then irq_handler: "
            + "bh_rx++, wake_up(bh_wq)", false);
        edge("bes2600_bh", "sdio_rx_work", "pipe_read: rx_queue empty, buffers out: queue_work",
            false);
        edge("bes2600_bh", "net_rx", deliver, !batch);
        rxChain.add("sdio_irq_work -> queue_work(rx_work) [dispatch 2]");
        rxChain.add("sdio_rx_work: wake flag, CMD52 length, CMD53 batch, rx_queue_lock per frame");
        rxChain.add("sdio_rx_work -> irq_handler: wake_up(bh_wq) [wake-up 1]");
        rxChain.add("bes2600_bh: pipe_read (rx_queue_lock, pwr_lock) + wsm_handle_rx per frame");
        rxChain.add("bes2600_bh -> " + deliver + " -> NET_RX");
        rxDispatches = 2;
        rxWakeups = 1;
        break;
      case DIRECT:
        edge("sdio_irq_work", "sdio_rx_work", "bes2600_sdio_irq_handler: queue_work(rx_work)",
            false);
        edge("sdio_rx_work", "net_rx", deliver, !batch);
        edge("sdio_rx_work", "bes2600_bh", "irq_handler: bh_rx++, wake_up(bh_wq)", false);
        rxChain.add("sdio_irq_work -> queue_work(rx_work) [dispatch 2]");
        rxChain.add("sdio_rx_work: wake flag, CMD52 length, CMD53 batch, wsm_handle_rx per frame "
            + "(wsm_release_tx_buffer here: hw_bufs_used -= 1 "
            + (shape.counters() == Architecture.Counters.ATOMIC ? "atomically" : "UNLOCKED") + ")");
        rxChain.add("sdio_rx_work -> " + deliver + " -> NET_RX");
        rxDispatches = 2;
        break;
      case BH_READS:
        edge("sdio_irq_work", "bes2600_bh", "irq_handler: bh_rx++, wake_up(bh_wq)", false);
        edge("bes2600_bh", "net_rx", deliver, !batch);
        rxChain.add("sdio_irq_work -> irq_handler: wake_up(bh_wq) [wake-up 1]");
        rxChain.add("bes2600_bh: wake flag, CMD52 length, CMD53 batch, wsm_handle_rx per frame");
        rxChain.add("bes2600_bh -> " + deliver + " -> NET_RX");
        rxWakeups = 1;
        break;
      default:
        throw new AssertionError(shape.rxPath());
    }
    edge("net_rx", "netcat", "sk_data_ready: wake the reader", false);
    edge("net_rx", "bes2600_bh", "TCP ACK: bes2600_tx -> bh_tx++, wake_up(bh_wq)", true);
    edge("bes2600_bh", "sdio_tx_work", "pipe_send: queue_work(tx_work)", true);
    txChain.add("NET_RX: tcp_send_ack -> bes2600_tx (pwr_lock, ba, ps_state_lock, queue->lock)");
    txChain.add("bes2600_tx -> bes2600_bh_wakeup: bh_tx++, wake_up(bh_wq)");
    txChain.add("bes2600_bh: wsm_alloc_tx_buffer (hw_bufs_used += 1), wsm_get_tx, pipe_send");
    txChain.add("bes2600_bh -> queue_work(tx_work)");
    txChain.add("sdio_tx_work: claim host, CMD53 write (takes a chip input buffer)");
    if (poll && shape.afterTx() == Architecture.AfterTx.QUEUE_RX_WORK && !bhReads) {
      edge("sdio_tx_work", "sdio_rx_work", "after every write: queue_work(rx_work)", true);
      txChain.add("sdio_tx_work -> queue_work(rx_work) to look for the reply");
    } else if (poll) {
      edge("sdio_tx_work", "bes2600_bh", "after every write: irq_handler (bh wake-up)", true);
      txChain.add("sdio_tx_work -> irq_handler: wake the bh to look for the reply");
    }
    txChain.add("firmware sends it; the TX confirm comes back in the RX stream and "
        + "wsm_release_tx_buffer frees the buffer (in "
        + (arch.rxPath() == Architecture.RxPath.DIRECT ? "sdio_rx_work" : "bes2600_bh") + ")");
  }

  public static Topology of(Architecture arch, Platform p) {
    return new Topology(arch, p);
  }

  private void node(String id, String label, String kind, String where) {
    nodes.put(id, new Node(id, label, kind, where));
  }

  private void edge(String from, String to, String how, boolean perFrame) {
    edges.add(new Edge(from, to, how, perFrame));
  }

  public List<Edge> edges() {
    return edges;
  }

  public Map<String, Node> nodes() {
    return nodes;
  }

  public static String rxPathName(Architecture.RxPath r) {
    switch (r) {
      case RELAY_QUEUE: return "relay";
      case DIRECT: return "direct";
      case BH_READS: return "bh";
      default: throw new AssertionError(r);
    }
  }

  public static String afterTxName(Architecture.AfterTx t) {
    return t == Architecture.AfterTx.QUEUE_RX_WORK ? "queue-rx-work" : "wake-bh";
  }

  /** The topology as text for a terminal. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.US, "%s (%s)%n", arch.cliName(), arch.description()));
    b.append(String.format(Locale.US, "choices: rxPath=%s counters=%s afterTx=%s%n%n",
        rxPathName(arch.rxPath()), arch.counters().name().toLowerCase(Locale.ROOT),
        afterTxName(arch.afterTx())));
    b.append("Contexts\n");
    for (Node n : nodes.values()) {
      b.append(String.format(Locale.US, "  %-14s %-38s %-28s %s%n", n.id(), n.label(), n.kind(),
          n.where()));
    }
    b.append("\nWhat wakes what\n");
    for (Edge e : edges) {
      b.append(String.format(Locale.US, "  %-14s -> %-14s %s%s%n", e.from(), e.to(), e.how(),
          e.perFrame() ? "  [per frame]" : ""));
    }
    b.append(String.format(Locale.US, "%nPer received batch (%d work dispatch%s and %d wait-queue "
        + "wake-up%s before mac80211 sees the first frame)%n", rxDispatches,
        rxDispatches == 1 ? "" : "es", rxWakeups, rxWakeups == 1 ? "" : "s"));
    for (int i = 0; i < rxChain.size(); i++) {
      b.append(String.format(Locale.US, "  %d. %s%n", i + 1, rxChain.get(i)));
    }
    b.append("\nPer transmitted frame (a TCP ACK)\n");
    for (int i = 0; i < txChain.size(); i++) {
      b.append(String.format(Locale.US, "  %d. %s%n", i + 1, txChain.get(i)));
    }
    return b.toString();
  }

  /** The topology as a Graphviz digraph. */
  public String toDot() {
    StringBuilder b = new StringBuilder();
    b.append("digraph \"").append(arch.cliName()).append("\" {\n");
    b.append("  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    b.append("  labelloc=t;\n  label=\"")
        .append(esc(arch.cliName() + " (" + arch.description() + ")"))
        .append("\";\n");
    for (Node n : nodes.values()) {
      b.append("  \"").append(n.id()).append("\" [label=\"").append(esc(n.label()))
          .append("\\n").append(esc(n.kind() + ", " + n.where())).append("\"];\n");
    }
    for (Edge e : edges) {
      b.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\" [label=\"")
          .append(esc(e.how())).append("\"").append(e.perFrame() ? ", style=dashed" : "")
          .append("];\n");
    }
    b.append("}\n");
    return b.toString();
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
