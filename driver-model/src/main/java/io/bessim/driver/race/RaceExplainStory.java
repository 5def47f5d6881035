package io.bessim.driver.race;

import io.bessim.driver.Architecture;
import io.bessim.driver.host.Host;
import io.bessim.driver.kernel.Cell;
import io.bessim.driver.kernel.Ctx;
import io.bessim.driver.kernel.Kernel;
import io.bessim.driver.race.RaceExplainRecorder.Access;
import io.bessim.driver.race.RaceExplainRecorder.Irq;
import io.bessim.driver.race.RaceExplainRecorder.OpRun;
import io.bessim.driver.race.RaceExplainRecorder.Slice;
import io.bessim.driver.race.RaceExplainRecorder.Warn;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code race explain}: the racing pair found in the recorder's window, step by step,
 * then the aftermath samples. Every figure names its unit; times are simulated.
 */
public final class RaceExplainStory {
  /** Sampling period of the aftermath (counter, chip buffers, delivered bytes). */
  public static final long SAMPLE_PS = 100 * Time.MS;
  /** Ops shown before each racing load and after each racing store. */
  private static final int CONTEXT_OPS = 4;
  /** Rows of the aftermath table at most (longer runs get longer intervals). */
  private static final int MAX_ROWS = 30;

  /** One aftermath sample, at the end of a {@link #SAMPLE_PS} bucket. */
  public record Sample(long atPs, long deliveredBytes, long host, long shadow, int chipInUse,
      long warns, long lost, boolean wedged) {}

  private final RaceExplainRecorder r;
  private final Cell cell;
  private final Kernel kernel;
  private final Host host;

  /** The store that lost an update (by context {@code a}). */
  final Access lost;
  /** {@code a}'s load that opened the losing window. */
  final Access loadA;
  /** The other context's store that {@code lost} overwrote. */
  final Access storeB;
  /** {@code b}'s load before {@code storeB} (null if that store was atomic). */
  final Access loadB;
  final Ctx a;
  final Ctx b;

  public RaceExplainStory(RaceExplainRecorder r, Cell cell, Kernel kernel, Host host) {
    this.r = r;
    this.cell = cell;
    this.kernel = kernel;
    this.host = host;
    List<Access> acc = r.accesses.stream().filter(x -> x.cell() == cell).toList();
    this.lost = r.firstLost();
    this.a = lost.ctx();
    int iLost = indexOf(acc, lost);
    int iLoadA = -1;
    for (int i = iLost - 1; i >= 0; i--) {
      if (acc.get(i).ctx() == a && acc.get(i).kind() == 'R') {
        iLoadA = i;
        break;
      }
    }
    if (iLoadA < 0) {
      throw new IllegalArgumentException("the racing load lies before the recorded window;"
          + " give a larger --window-us");
    }
    this.loadA = acc.get(iLoadA);
    Access sb = null;
    for (int i = iLoadA + 1; i < iLost; i++) {
      Access x = acc.get(i);
      if (x.ctx() != a && (x.kind() == 'W' || x.kind() == 'A')) {
        if (sb == null || x.ctx() == sb.ctx()) sb = x;
      }
    }
    if (sb == null) throw new IllegalStateException("lost update with no store in between");
    this.storeB = sb;
    this.b = sb.ctx();
    Access lb = null;
    if (sb.kind() == 'W') {
      for (int i = indexOf(acc, sb) - 1; i >= 0; i--) {
        if (acc.get(i).ctx() == b && acc.get(i).kind() == 'R') {
          lb = acc.get(i);
          break;
        }
      }
    }
    this.loadB = lb;
  }

  private static int indexOf(List<Access> list, Access x) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).seq() == x.seq()) return i;
    }
    throw new IllegalStateException("access not recorded");
  }

  // ---------------------------------------------------------------- the interleaving

  /** One line of the step table. */
  private record Line(long atPs, long seq, String cpu, String ctx, String routine, String op,
      String value, String note) {}

  public String interleaving() {
    StringBuilder out = new StringBuilder();
    String f = cell.name();
    out.append(String.format(Locale.US, "%nThe first lost update of %s: at %s ns (%s) simulated."
        + "%n", f, ns(lost.atPs()), seconds(lost.atPs())));
    if (f.equals("hw_bufs_used")) {
      out.append("hw_bufs_used counts the chip's input buffers the host believes are in use:"
          + " wsm_alloc_tx_buffer adds 1\nfor each frame the bh sends, wsm_release_tx_buffer"
          + " takes 1 away for each TX confirm. Both are a plain\nload, add, store of an int with"
          + " no lock.\n");
    }
    out.append(String.format(Locale.US, "%s runs %s on CPU%d; %s runs %s on CPU%d.%n",
        a.name(), loadA.routine(), loadA.cpu(), b.name(), storeB.routine(), storeB.cpu()));
    if (!r.lostBeforeFirst().isEmpty()) {
      StringBuilder earlier = new StringBuilder();
      r.lostBeforeFirst().forEach((c, n) -> earlier.append(earlier.length() == 0 ? "" : ", ")
          .append(String.format(Locale.US, "%s %d (the first at %s)", c.name(), n,
              seconds(r.firstLostByCell().get(c)))));
      out.append(String.format(Locale.US, "Earlier in this run the sibling counters with the same"
          + " two writers lost updates: %s.%n", earlier));
    }

    out.append(chains());
    out.append(String.format(Locale.US,
        "%nStep by step (the two racing contexts; simulated time in ns; hard IRQs on their"
            + " CPUs):%n"));
    out.append(table(lines()));

    out.append(String.format(Locale.US, "%nWhat happened:%n"));
    List<Access> four = new ArrayList<>(List.of(loadA, storeB, lost));
    if (loadB != null) four.add(loadB);
    four.sort(Comparator.comparingLong(Access::seq));
    int n = 1;
    for (Access x : four) {
      out.append(String.format(Locale.US, "  %d. %s%n", n++, sentence(x)));
    }
    long dA = lost.after() - loadA.before();
    long dB = storeB.kind() == 'A' ? storeB.after() - storeB.before()
        : storeB.after() - loadB.before();
    out.append(String.format(Locale.US, "  => %s stored %d over %s's %d: the %s is lost.%n",
        shortName(a), lost.after(), shortName(b), storeB.after(), dB < 0 ? "decrement"
            : "increment"));
    long shadow = r.shadowAtFirstLost();
    long drift = lost.after() - shadow;
    out.append(String.format(Locale.US,
        "     %s is now %d where the updates (%+d, %+d) add up to %d: the host now counts %d"
            + " %s%n     %s in use than there really are.%n",
        f, lost.after(), dB, dA, shadow, Math.abs(drift), Math.abs(drift) == 1 ? "buffer"
            : "buffers", drift > 0 ? "more" : "fewer"));
    out.append(windows());
    return out.toString();
  }

  /** How each racing work item's execution came about: interrupt, queue_work, start. */
  private String chains() {
    StringBuilder out = new StringBuilder();
    for (Ctx c : new Ctx[] {a, b}) {
      List<RaceExplainRecorder.Link> chain = r.chainAtFirstLost(c);
      if (chain.isEmpty()) {
        out.append(String.format(Locale.US, "  %s is a kernel thread, woken through bh_wq.%n",
            c.name()));
        continue;
      }
      for (RaceExplainRecorder.Link l : chain) {
        out.append(String.format(Locale.US, "  %15s ns  CPU%d  %s%n", ns(l.atPs()), l.cpu(),
            l.what()));
      }
    }
    return String.format(Locale.US, "%nHow the two contexts got there:%n") + out;
  }

  private String sentence(Access x) {
    String who = String.format(Locale.US, "%s (CPU%d, %s)", x.ctx().name(), x.cpu(), x.routine());
    String at = ns(x.atPs()) + " ns";
    if (x == lost) {
      return String.format(Locale.US, "%s stores %d at %s, based on its load of %d: it overwrites"
          + " %s's %d.", who, x.after(), at, loadA.before(), shortName(b), storeB.after());
    }
    if (x.kind() == 'R') {
      String inside = x == loadB ? String.format(Locale.US, ", inside %s's open window",
          shortName(a)) : "";
      return String.format(Locale.US, "%s loads %s = %d at %s%s.", who, cell.name(), x.before(),
          at, inside);
    }
    return String.format(Locale.US, "%s stores %d at %s.", who, x.after(), at);
  }

  /** How long each racing window stayed open, and what widened it. */
  private String windows() {
    StringBuilder out = new StringBuilder();
    long wA = lost.atPs() - loadA.atPs();
    out.append(String.format(Locale.US, "  Read-modify-write windows (load to store): %s %s ns",
        shortName(a), ns(wA)));
    if (loadB != null) {
      out.append(String.format(Locale.US, ", %s %s ns", shortName(b),
          ns(storeB.atPs() - loadB.atPs())));
    }
    out.append(".\n");
    for (Irq q : r.irqs) {
      if (q.cpu() == lost.cpu() && q.startPs() < lost.atPs() && q.endPs() > loadA.atPs()) {
        out.append(String.format(Locale.US,
            "  %s's window was widened by a hard IRQ on CPU%d (%s, %s us).%n", shortName(a),
            q.cpu(), q.what(), us(q.endPs() - q.startPs())));
      }
    }
    for (Slice s : r.slices) {
      if (s.ctx() == a && s.toPs() > loadA.atPs() && s.toPs() < lost.atPs()) {
        out.append(String.format(Locale.US,
            "  %s left CPU%d at %s ns, inside its window (preempted or blocked).%n",
            shortName(a), s.cpu(), ns(s.toPs())));
      }
    }
    long cacheLine = kernel.costs().cacheLinePs();
    for (OpRun op : racingOps()) {
      long d = op.endPs() - op.startPs();
      if (op.endPs() >= 0 && d >= cacheLine) {
        out.append(String.format(Locale.US,
            "  %s's '%s' took %s ns: the cache line came from the other CPU (%s ns).%n",
            shortName(op.ctx()), op.op().text(), ns(d), ns(cacheLine)));
      }
    }
    return out.toString();
  }

  /** The recorded ops of the four racing accesses. */
  private List<OpRun> racingOps() {
    List<OpRun> out = new ArrayList<>();
    for (Access x : new Access[] {loadA, loadB, storeB, lost}) {
      if (x == null) continue;
      OpRun op = opOf(x);
      if (op != null) out.add(op);
    }
    return out;
  }

  private OpRun opOf(Access x) {
    for (OpRun op : r.ops) {
      if (op.ctx() == x.ctx() && op.startPs() == x.atPs() && op.op().isSharedMemory()
          && op.op().cell() == cell) {
        return op;
      }
    }
    return null;
  }

  private List<Line> lines() {
    List<Line> out = new ArrayList<>();
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    addOps(out, a, loadA, lost, range);
    addOps(out, b, loadB != null ? loadB : storeB, storeB, range);
    for (Irq q : r.irqs) {
      boolean theirs = q.cpu() == loadA.cpu() || q.cpu() == storeB.cpu();
      if (theirs && q.startPs() >= range[0] && q.startPs() <= range[1]) {
        out.add(new Line(q.startPs(), -1, "" + q.cpu(), "hard IRQ", "-", q.what(),
            "", "for " + us(q.endPs() - q.startPs()) + " us"));
      }
    }
    for (Slice s : r.slices) {
      if (s.ctx() != a && s.ctx() != b) continue;
      if (s.toPs() > range[0] && s.toPs() < range[1]) {
        out.add(new Line(s.toPs(), -1, "" + s.cpu(), s.ctx().name(), "-", "(leaves the CPU)", "",
            ""));
      }
      if (s.fromPs() > range[0] && s.fromPs() < range[1]) {
        out.add(new Line(s.fromPs(), -1, "" + s.cpu(), s.ctx().name(), "-", "(back on the CPU)",
            "", ""));
      }
    }
    out.sort(Comparator.comparingLong(Line::atPs).thenComparingLong(Line::seq));
    return out;
  }

  /** Adds {@code x}'s ops from a few before {@code load} to a few after {@code store}. */
  private void addOps(List<Line> out, Ctx x, Access load, Access store, long[] range) {
    List<OpRun> mine = r.ops.stream().filter(op -> op.ctx() == x)
        .sorted(Comparator.comparingLong(OpRun::startPs).thenComparingLong(OpRun::seq)).toList();
    OpRun l = opOf(load);
    OpRun s = opOf(store);
    int il = mine.indexOf(l);
    int is = mine.indexOf(s);
    if (il < 0 || is < 0) return;
    for (int i = Math.max(0, il - CONTEXT_OPS); i <= Math.min(mine.size() - 1, is + CONTEXT_OPS);
        i++) {
      OpRun op = mine.get(i);
      range[0] = Math.min(range[0], op.startPs());
      range[1] = Math.max(range[1], op.endPs() < 0 ? op.startPs() : op.endPs());
      String value = "";
      String note = "";
      if (op.op().isSharedMemory() && op.op().cell() == cell) {
        Access acc = accessOf(op);
        if (acc != null) value = describe(acc);
      } else if (i > il && i < is && op.op().text().contains(cell.name())) {
        // The register arithmetic of the read-modify-write: what the store will write.
        value = "computes " + store.after();
      } else if (op.op().text().startsWith("WARN_ON")) {
        value = fired(op) ? "FIRES" : "no";
      } else if (op.endPs() < 0) {
        value = "(sleeps)";
      }
      if (op == l) {
        note = "<- racing load (" + shortName(x) + ")";
      } else if (op == s && store == lost) {
        note = "<- LOST UPDATE: overwrites " + shortName(b) + "'s " + storeB.after();
      } else if (op == s) {
        note = "<- " + shortName(x) + "'s update, about to be lost";
      }
      out.add(new Line(op.startPs(), op.seq(), "" + op.cpu(), x.name(), op.routine(),
          op.op().text(), value, note));
    }
  }

  private Access accessOf(OpRun op) {
    for (Access acc : r.accesses) {
      if (acc.ctx() == op.ctx() && acc.atPs() == op.startPs() && acc.cell() == cell) return acc;
    }
    return null;
  }

  private boolean fired(OpRun op) {
    for (Warn w : r.windowWarns) {
      if (w.ctx() == op.ctx() && w.atPs() == op.startPs()) return true;
    }
    return false;
  }

  private static String describe(Access x) {
    switch (x.kind()) {
      case 'R':
      case 'r':
        return "reads " + x.before();
      case 'W':
        return "writes " + x.after() + " (was " + x.before() + ")";
      default:
        return "atomic " + x.before() + " -> " + x.after();
    }
  }

  private static String table(List<Line> lines) {
    String[] head = {"time (ns)", "CPU", "context", "routine", "operation", "value", ""};
    List<String[]> rows = new ArrayList<>();
    for (Line l : lines) {
      rows.add(new String[] {ns(l.atPs()), l.cpu(), l.ctx(), l.routine(), l.op(), l.value(),
          l.note()});
    }
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] row : rows) w[i] = Math.max(w[i], row[i].length());
    }
    StringBuilder b = new StringBuilder();
    appendRow(b, head, w);
    for (String[] row : rows) appendRow(b, row, w);
    return b.toString();
  }

  private static void appendRow(StringBuilder b, String[] cells, int[] w) {
    StringBuilder line = new StringBuilder("  ");
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      if (i == 0) {
        line.append(" ".repeat(w[i] - c.length())).append(c);
      } else {
        line.append("  ").append(c).append(" ".repeat(w[i] - c.length()));
      }
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }

  // ---------------------------------------------------------------- what followed

  public String aftermath(List<Sample> samples) {
    StringBuilder out = new StringBuilder();
    Sample last = samples.get(samples.size() - 1);
    String f = cell.name();
    out.append(String.format(Locale.US, "%nWhat followed (the same run, continued to %s):%n",
        seconds(last.atPs())));
    long drift = last.host() - last.shadow();
    out.append(String.format(Locale.US,
        "  Lost updates of %s: %d by then; the counter drifted %+d from the updates' sum"
            + " (%d instead of %d).%n", f, last.lost(), drift, last.host(), last.shadow()));
    StringBuilder others = new StringBuilder();
    for (Map.Entry<Cell, Long> e : r.lostByCell().entrySet()) {
      if (e.getKey() != cell) {
        others.append(others.length() == 0 ? "" : ", ").append(e.getKey().name()).append(' ')
            .append(e.getValue());
      }
    }
    if (others.length() > 0) {
      out.append("  Lost updates of the other plain counters with the same two writers: ")
          .append(others).append(".\n");
    }
    Warn w = r.firstWarn();
    long warnPs = kernel.costs().warnPs();
    if (w == null) {
      out.append("  No WARN fired.\n");
    } else {
      String when = w.atPs() >= lost.atPs()
          ? seconds(w.atPs() - lost.atPs()) + " after the first lost update of " + f
          : seconds(lost.atPs() - w.atPs()) + " before the first lost update of "
              + f + ": a sibling counter lost updates first";
      out.append(String.format(Locale.US, "  First WARN: %s at %s in %s on CPU%d%n    (%s).%n",
          w.what(), seconds(w.atPs()), w.ctx().name(), w.cpu(), when));
      if (w.what().contains(f + " < 0")) {
        out.append(String.format(Locale.US,
            "    (with increments lost the counter runs below the buffers really in use; when"
                + " the confirms\n    drain it, a release takes it below 0.)%n"));
      }
      StringBuilder by = new StringBuilder();
      r.warnsByText().forEach((text, count) ->
          by.append(by.length() == 0 ? "" : ", ").append(text).append(' ').append(count));
      out.append(String.format(Locale.US,
          "  WARNs: %d (%s); each is a stack dump to the kernel log costing %s us of CPU"
              + " (kernel.warnUs):%n    %s ms of CPU time spent printing backtraces.%n",
          r.warns(), by, us(warnPs), String.format(Locale.US, "%.1f",
              r.warns() * (double) warnPs / Time.MS)));
    }
    long wedgedPs = host.chip().wedgedAtPs();
    int bufs = host.chip().config().numInpChBufs();
    if (wedgedPs < 0) {
      out.append(String.format(Locale.US, "  The chip did not wedge by %s; %d of its %d input"
          + " buffers were in use.%n", seconds(last.atPs()), last.chipInUse(), bufs));
    } else {
      out.append(String.format(Locale.US,
          "  Over-commit: at %s the host wrote a frame while all %d chip input buffers were in"
              + " use%n    (%d write(s) over the limit): the chip wedged (no more interrupts,"
              + " confirms or reads).%n", seconds(wedgedPs), bufs,
          host.chip().overcommitWrites()));
      if (r.hostAtWedge() != Long.MIN_VALUE) {
        out.append(String.format(Locale.US,
            "    Right after, the host's %s said %d while the updates add up to %d.%n", f,
            r.hostAtWedge(), r.shadowAtWedge()));
      }
    }
    out.append(throughput(samples, wedgedPs));
    out.append(String.format(Locale.US, "%n  Every %d ms of simulated time (delivered: application"
        + " bytes in the interval; the rest: values at its end;%n  sum of updates: %s had no"
        + " update been lost; drift = %s - sum; counts are buffers or events):%n",
        intervalMs(samples), f, f));
    out.append(samplesTable(samples));
    out.append(String.format(Locale.US, "  (The chip frees a buffer when it sends the frame,"
        + " the host when it reads the confirm: even with no%n  update lost, the two differ by the"
        + " confirms on their way to the host.)%n"));
    return out.toString();
  }

  /** Delivered throughput before and after the chip wedged. */
  private static String throughput(List<Sample> samples, long wedgedPs) {
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    if (wedgedPs < 0) {
      return String.format(Locale.US, "  Throughput: %.3f MB/s delivered to the application over"
          + " the run.%n", mbps(first, last));
    }
    Sample before = first;
    Sample after = last;
    for (Sample s : samples) {
      if (s.atPs() <= wedgedPs) before = s;
    }
    for (Sample s : samples) {
      if (s.atPs() > wedgedPs) {
        after = s;
        break;
      }
    }
    return String.format(Locale.US, "  Throughput: %.3f MB/s delivered to the application before"
        + " the wedge (0 to %.1f s), %.3f MB/s after it%n  (%.1f s to %.1f s): the host is off the"
        + " network.%n", mbps(first, before), Time.toSeconds(before.atPs()), mbps(after, last),
        Time.toSeconds(after.atPs()), Time.toSeconds(last.atPs()));
  }

  private static double mbps(Sample from, Sample to) {
    if (to.atPs() <= from.atPs()) return 0;
    return (to.deliveredBytes() - from.deliveredBytes()) / Time.toSeconds(to.atPs() - from.atPs())
        / 1e6;
  }

  /** Rows shown, as (previous, this) sample indices: from 3 intervals before, at most 30. */
  private List<int[]> shownRows(List<Sample> samples) {
    long firstShown = Math.max(0, (lost.atPs() / SAMPLE_PS - 3)) * SAMPLE_PS;
    int i0 = 1;
    while (i0 < samples.size() - 1 && samples.get(i0).atPs() <= firstShown) i0++;
    int stride = stride(samples);
    List<int[]> out = new ArrayList<>();
    int prev = Math.max(0, i0 - stride);
    for (int i = i0; i < samples.size(); i += stride) {
      out.add(new int[] {prev, i});
      prev = i;
    }
    if (prev != samples.size() - 1) out.add(new int[] {prev, samples.size() - 1});
    return out;
  }

  /** Samples per row: 1 (100 ms) unless that needs more than {@link #MAX_ROWS} rows. */
  private int stride(List<Sample> samples) {
    long firstShown = Math.max(0, (lost.atPs() / SAMPLE_PS - 3));
    long rows = samples.size() - 1 - firstShown;
    return (int) Math.max(1, (rows + MAX_ROWS - 1) / MAX_ROWS);
  }

  /** Interval of the aftermath table's rows, in ms. */
  private long intervalMs(List<Sample> samples) {
    return stride(samples) * SAMPLE_PS / Time.MS;
  }

  private String samplesTable(List<Sample> samples) {
    String[] head = {"time (s)", "delivered (MB/s)", cell.name(), "sum of updates", "drift",
        "chip buffers in use", "lost updates", "WARNs", "chip"};
    List<String[]> rows = new ArrayList<>();
    for (int[] pair : shownRows(samples)) {
      Sample s = samples.get(pair[1]);
      Sample p = samples.get(pair[0]);
      double mbps = (s.deliveredBytes() - p.deliveredBytes())
          / Time.toSeconds(s.atPs() - p.atPs()) / 1e6;
      rows.add(new String[] {String.format(Locale.US, "%.1f", Time.toSeconds(s.atPs())),
          String.format(Locale.US, "%.3f", mbps), "" + s.host(), "" + s.shadow(),
          String.format(Locale.US, "%+d", s.host() - s.shadow()), "" + s.chipInUse(),
          "" + s.lost(), "" + s.warns(), s.wedged() ? "wedged" : "ok"});
    }
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] row : rows) w[i] = Math.max(w[i], row[i].length());
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : concat(head, rows)) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(" ".repeat(w[i] - row[i].length())).append(row[i]);
      }
      b.append(line).append('\n');
    }
    return b.toString();
  }

  private static List<String[]> concat(String[] head, List<String[]> rows) {
    List<String[]> all = new ArrayList<>();
    all.add(head);
    all.addAll(rows);
    return all;
  }

  // ---------------------------------------------------------------- formatting

  /** A context's name without the worker prefix, for prose. */
  static String shortName(Ctx c) {
    String n = c.name();
    return n.startsWith("kworker:") ? n.substring("kworker:".length()) : n;
  }

  /** Picoseconds as nanoseconds with picosecond decimals, grouped: 251,234,567.890. */
  static String ns(long ps) {
    return String.format(Locale.US, "%,.3f", ps / 1e3);
  }

  static String us(long ps) {
    return String.format(Locale.US, "%.3f", ps / 1e6).replaceAll("\\.?0+$", "");
  }

  /** The architecture's description without a repeat of its name ("v3: no relay" -> "no relay"). */
  public static String describe(Architecture a) {
    String d = a.description();
    return d.startsWith(a.cliName() + ": ") ? d.substring(a.cliName().length() + 2) : d;
  }

  public static String seconds(long ps) {
    return String.format(Locale.US, "%.3f s", Time.toSeconds(ps));
  }
}
