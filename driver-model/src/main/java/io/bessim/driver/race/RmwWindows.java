package io.bessim.driver.race;

import io.bessim.sim.Time;
import io.bessim.sim.stats.Histogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unlocked read-modify-write windows on one shared field: from a context's {@code
 * loadForUpdate} to its store. Kept per site (the context and the routine that did the load): the
 * width histogram, what set each width, how often a load found another context's window open, the
 * updates lost, the widest windows, and per pair of sites the overlap count the back-of-envelope
 * formula expects. Mergeable over seeds.
 */
public final class RmwWindows {
  /** The bins in which window rates are counted for the estimate: one simulated second. */
  public static final long BIN_PS = Time.S;

  /** Histogram bucket edges for the printed width histogram (ps): decades from 10 ns. */
  public static final long[] EDGES_PS = {
    0, 10 * Time.NS, 100 * Time.NS, Time.US, 10 * Time.US, 100 * Time.US, Time.MS
  };

  /**
   * What made a window as wide as it was, strongest first when several apply: the context lost its
   * CPU during the window; a hard IRQ was delivered on its CPU during it; its load fetched the line
   * from another CPU; or nothing but the cycles of the load and the add.
   */
  public enum Cause {
    PREEMPTED("preempted"),
    HARD_IRQ("hard IRQ"),
    CACHE_LINE("cache-line transfer"),
    PLAIN("plain (cycles only)");

    private final String text;

    Cause(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** Where windows open: a context and the routine of its load. */
  public record SiteKey(String context, String routine) implements Comparable<SiteKey> {
    @Override
    public int compareTo(SiteKey o) {
      int c = context.compareTo(o.context);
      return c != 0 ? c : routine.compareTo(o.routine);
    }

    @Override
    public String toString() {
      return routine + "@" + context;
    }
  }

  /** The windows of one site. */
  public static final class Site {
    private final SiteKey key;
    private final Histogram widthsPs = new Histogram();
    private final long[] causes = new long[Cause.values().length];
    private final long[] lostByCause = new long[Cause.values().length];
    private final long[] buckets = new long[EDGES_PS.length];
    private long count;
    private long sumPs;
    private long plainMinPs = Long.MAX_VALUE;
    private long transferMinPs = Long.MAX_VALUE;
    /** This run's windows per one-second bin: {count, sum of widths in ps}. */
    private final Map<Long, long[]> bins = new HashMap<>();

    Site(SiteKey key) {
      this.key = key;
    }

    void add(long startPs, long widthPs, Cause cause) {
      widthsPs.record(widthPs);
      causes[cause.ordinal()]++;
      int i = EDGES_PS.length - 1;
      while (i > 0 && widthPs < EDGES_PS[i]) i--;
      buckets[i]++;
      count++;
      sumPs += widthPs;
      if (cause == Cause.PLAIN) plainMinPs = Math.min(plainMinPs, widthPs);
      if (cause == Cause.CACHE_LINE) transferMinPs = Math.min(transferMinPs, widthPs);
      long[] b = bins.computeIfAbsent(startPs / BIN_PS, x -> new long[2]);
      b[0]++;
      b[1] += widthPs;
    }

    void merge(Site o) {
      widthsPs.merge(o.widthsPs);
      for (int i = 0; i < causes.length; i++) causes[i] += o.causes[i];
      for (int i = 0; i < causes.length; i++) lostByCause[i] += o.lostByCause[i];
      for (int i = 0; i < buckets.length; i++) buckets[i] += o.buckets[i];
      count += o.count;
      sumPs += o.sumPs;
      plainMinPs = Math.min(plainMinPs, o.plainMinPs);
      transferMinPs = Math.min(transferMinPs, o.transferMinPs);
    }

    public SiteKey key() {
      return key;
    }

    public long count() {
      return count;
    }

    public Histogram widthsPs() {
      return widthsPs;
    }

    /** Mean width in ps, or 0 with no window. */
    public double meanPs() {
      return count == 0 ? 0 : (double) sumPs / count;
    }

    /**
     * The plain cost of this site's window: its narrowest window with nothing in it but the load
     * and the work up to the store, or -1 if every window had something more.
     */
    public long plainPs() {
      return plainMinPs == Long.MAX_VALUE ? -1 : plainMinPs;
    }

    /** The narrowest window whose load fetched the line from another CPU, or -1. */
    public long transferPs() {
      return transferMinPs == Long.MAX_VALUE ? -1 : transferMinPs;
    }

    /** Window counts indexed by {@link Cause#ordinal()}. */
    public long[] causeCounts() {
      return causes.clone();
    }

    public long causeCount(Cause c) {
      return causes[c.ordinal()];
    }

    /**
     * Updates this site's stores overwrote (the other context's update was lost), by what had
     * set the width of the window the store closed.
     */
    public long lostCount(Cause c) {
      return lostByCause[c.ordinal()];
    }

    public long lost() {
      long n = 0;
      for (long x : lostByCause) n += x;
      return n;
    }

    /** Counts of windows with width in [EDGES_PS[i], EDGES_PS[i+1]); the last bucket is open. */
    public long[] bucketCounts() {
      return buckets.clone();
    }
  }

  /** The widest window of a cause, with where and when it was. */
  public record Widest(long widthPs, long seed, long startPs, SiteKey site, int cpu,
      Cause cause) {
    static final Comparator<Widest> ORDER = Comparator.comparingLong(Widest::widthPs).reversed()
        .thenComparingLong(Widest::seed).thenComparingLong(Widest::startPs)
        .thenComparing(Widest::site);
  }

  /**
   * What the formula expects of one pair of sites, second by second, with the inputs it used:
   * only the seconds in which both sites had windows count, since only there can they overlap.
   */
  public static final class PairEstimate {
    private final SiteKey a;
    private final SiteKey b;
    private double expected;
    /** Length of the seconds (bins, summed over runs) in which both sites had windows. */
    private long busyPs;
    private long countA;
    private long countB;
    private long sumPsA;
    private long sumPsB;
    private long simulated;

    PairEstimate(SiteKey a, SiteKey b) {
      this.a = a;
      this.b = b;
    }

    void merge(PairEstimate o) {
      expected += o.expected;
      busyPs += o.busyPs;
      countA += o.countA;
      countB += o.countB;
      sumPsA += o.sumPsA;
      sumPsB += o.sumPsB;
      simulated += o.simulated;
    }

    public SiteKey a() {
      return a;
    }

    public SiteKey b() {
      return b;
    }

    /**
     * Seconds (bins, summed over runs) in which both sites had windows; a run's last bin counts
     * only as far as the run went.
     */
    public double busySeconds() {
      return busyPs / (double) Time.S;
    }

    /** Side a's windows per busy second. */
    public double rateA() {
      return busyPs == 0 ? 0 : countA / busySeconds();
    }

    public double rateB() {
      return busyPs == 0 ? 0 : countB / busySeconds();
    }

    /** Side a's mean width in the busy seconds, in ps. */
    public double meanPsA() {
      return countA == 0 ? 0 : (double) sumPsA / countA;
    }

    public double meanPsB() {
      return countB == 0 ? 0 : (double) sumPsB / countB;
    }

    /**
     * Overlaps the formula expects in all: the sum over busy seconds of r_a * r_b * (w_a + w_b)
     * times one second, with that second's counts and mean widths.
     */
    public double expected() {
      return expected;
    }

    /** Overlaps of the pair the simulation saw. */
    public long simulated() {
      return simulated;
    }
  }

  private final String field;
  private final Map<SiteKey, Site> sites = new LinkedHashMap<>();
  private final Map<List<SiteKey>, PairEstimate> pairs = new LinkedHashMap<>();
  /** The widest window of each cause (ties: the earlier seed, then the earlier start). */
  private final Widest[] widest = new Widest[Cause.values().length];
  private long overlaps;
  private long lostUpdates;
  private long runs;

  public RmwWindows(String field) {
    this.field = field;
  }

  Site site(SiteKey k) {
    return sites.computeIfAbsent(k, Site::new);
  }

  void closed(SiteKey k, long seed, long startPs, long endPs, int cpu, Cause cause,
      boolean lost) {
    long w = endPs - startPs;
    Site s = site(k);
    s.add(startPs, w, cause);
    if (lost) s.lostByCause[cause.ordinal()]++;
    Widest cur = widest[cause.ordinal()];
    if (cur == null || w > cur.widthPs()) keepIfWider(new Widest(w, seed, startPs, k, cpu, cause));
  }

  private void keepIfWider(Widest x) {
    int i = x.cause().ordinal();
    if (widest[i] == null || Widest.ORDER.compare(x, widest[i]) < 0) widest[i] = x;
  }

  /** A load at {@code opener} found {@code open}'s window already open. */
  void overlapped(SiteKey open, SiteKey opener) {
    pairOf(open, opener).simulated++;
  }

  void overlapCounted() {
    overlaps++;
  }

  void lost() {
    lostUpdates++;
  }

  private PairEstimate pairOf(SiteKey x, SiteKey y) {
    List<SiteKey> k = x.compareTo(y) <= 0 ? List.of(x, y) : List.of(y, x);
    return pairs.computeIfAbsent(k, p -> new PairEstimate(p.get(0), p.get(1)));
  }

  /**
   * Ends the run being recorded, which ran to {@code endPs}: for every pair of sites in different
   * contexts (a context runs its own windows one after another), adds what the formula expects
   * from this run's counts, each bin as long as the run was in it (a 20 ms run is 20 ms of rates,
   * not a second).
   */
  void endRun(long endPs) {
    runs++;
    List<Site> l = sites();
    for (int i = 0; i < l.size(); i++) {
      for (int j = i + 1; j < l.size(); j++) {
        Site sa = l.get(i);
        Site sb = l.get(j);
        if (sa.key.context().equals(sb.key.context())) continue;
        PairEstimate p = pairOf(sa.key, sb.key);
        for (Map.Entry<Long, long[]> e : sa.bins.entrySet()) {
          long[] nb = sb.bins.get(e.getKey());
          if (nb == null) continue;
          long[] na = e.getValue();
          // One bin of length T (BIN_PS, or less at the run's end): r_a r_b (w_a + w_b) T =
          // (n_b W_a + n_a W_b) / T, W = sum of widths, everything in ps.
          long binPs = Math.min(BIN_PS, endPs - e.getKey() * BIN_PS);
          // A bin that starts as the run ends holds only windows begun at its last instant: no
          // run time to rate them over.
          if (binPs <= 0) continue;
          p.expected += ((double) nb[0] * na[1] + (double) na[0] * nb[1]) / binPs;
          p.busyPs += binPs;
          p.countA += na[0];
          p.countB += nb[0];
          p.sumPsA += na[1];
          p.sumPsB += nb[1];
        }
      }
    }
    for (Site s : l) s.bins.clear();
  }

  /** Adds another run's (or seed's) windows on the same field; call after its {@link #endRun}. */
  public void merge(RmwWindows o) {
    o.sites.forEach((k, s) -> site(k).merge(s));
    o.pairs.forEach((k, p) -> pairOf(k.get(0), k.get(1)).merge(p));
    for (Widest x : o.widest) {
      if (x != null) keepIfWider(x);
    }
    overlaps += o.overlaps;
    lostUpdates += o.lostUpdates;
    runs += o.runs;
  }

  public String field() {
    return field;
  }

  /** The sites, sorted by context then routine. */
  public List<Site> sites() {
    List<Site> l = new ArrayList<>(sites.values());
    l.sort(Comparator.comparing(Site::key));
    return l;
  }

  /** The site {@code k}, or null. */
  public Site site(String context, String routine) {
    return sites.get(new SiteKey(context, routine));
  }

  /** Pairs of sites in different contexts, sorted; each with its simulated overlaps. */
  public List<PairEstimate> pairs() {
    List<PairEstimate> l = new ArrayList<>(pairs.values());
    l.sort(Comparator.comparing(PairEstimate::a).thenComparing(PairEstimate::b));
    return l;
  }

  /** The widest window of each cause that occurred, widest first. */
  public List<Widest> widest() {
    List<Widest> l = new ArrayList<>();
    for (Widest x : widest) {
      if (x != null) l.add(x);
    }
    l.sort(Widest.ORDER);
    return l;
  }

  /** Loads that found another context's window on the field open (as Cell.overlaps counts). */
  public long overlaps() {
    return overlaps;
  }

  public long lostUpdates() {
    return lostUpdates;
  }

  public long runs() {
    return runs;
  }

  public long windows() {
    long n = 0;
    for (Site s : sites.values()) n += s.count;
    return n;
  }

  /** All sites' widths together. */
  public Histogram widthsPs() {
    Histogram h = new Histogram();
    for (Site s : sites()) h.merge(s.widthsPs);
    return h;
  }

  /** Window counts by cause over all sites, indexed by {@link Cause#ordinal()}. */
  public long[] causeCounts() {
    long[] n = new long[Cause.values().length];
    for (Site s : sites.values()) {
      for (int i = 0; i < n.length; i++) n[i] += s.causes[i];
    }
    return n;
  }

  /** Lost updates over all sites by the cause of the window whose store lost them. */
  public long[] lostByCause() {
    long[] n = new long[Cause.values().length];
    for (Site s : sites.values()) {
      for (int i = 0; i < n.length; i++) n[i] += s.lostByCause[i];
    }
    return n;
  }

  /** Bucket counts over all sites (see {@link #EDGES_PS}). */
  public long[] bucketCounts() {
    long[] n = new long[EDGES_PS.length];
    for (Site s : sites.values()) {
      for (int i = 0; i < n.length; i++) n[i] += s.buckets[i];
    }
    return n;
  }
}
