package io.bessim.driver;

import static com.google.common.base.Preconditions.checkArgument;

import io.bessim.driver.mmc.SdioHost.IrqReenable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One driver architecture: every choice that decides which routines run where, as one value. The
 * driver builds its routines from this value alone and the topology is derived from those
 * routines, so nothing else says what an architecture is.
 *
 * <p>Presets are named values ({@link #BASELINE}, {@link #V1}, {@link #V2}, {@link #V3}); a variant
 * is a preset with knobs changed, written {@code v3+rx.delivery=batch}, and is labelled as
 * written. The platform profile carries the same knobs with the value {@code preset}; a profile or
 * {@code --set} value other than {@code preset} applies to every architecture of a run and is
 * appended to each label ({@link #under}).
 *
 * @param label the name as written, with every knob that changed it: {@code v1+arch.counters=atomic}
 * @param description the patch it is, for tables
 */
public record Architecture(
    String label,
    RxPath rxPath,
    Counters counters,
    AfterTx afterTx,
    Delivery delivery,
    boolean pollAfterWrite,
    BaStat baStat,
    PsStateLock psStateLock,
    IrqReenable irqReenable,
    String description) {

  /** How a received batch reaches wsm_handle_rx. */
  public enum RxPath {
    /** sdio_rx_work reads, queues skbs on rx_queue, wakes the bh; the bh delivers. */
    RELAY_QUEUE("relay"),
    /** sdio_rx_work reads and calls the per-frame delivery itself. */
    DIRECT("direct"),
    /** the IRQ handler wakes the bh, which reads the chip and delivers. */
    BH_READS("bh");

    private final String value;

    RxPath(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** hw_bufs_used, hw_bufs_used_vif and wsm_tx_pending as plain ints or atomic_t. */
  public enum Counters {
    PLAIN,
    ATOMIC;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the driver does after an SDIO write to look for the reply. */
  public enum AfterTx {
    /** queue_work(rx_work) after every write (bes2600). */
    QUEUE_RX_WORK("queue-rx-work"),
    /** call irq_handler: a bottom-half wake-up (v3). */
    WAKE_BH("wake-bh");

    private final String value;

    AfterTx(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** How received frames go to mac80211. */
  public enum Delivery {
    /** ieee80211_rx_irqsafe per frame (as shipped): one NET_RX softirq each. */
    PER_FRAME("per-frame"),
    /** ieee80211_rx_list once per batch (proposal). */
    BATCH("batch");

    private final String value;

    Delivery(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** Per-frame BA statistics under ba_lock, or with atomics (proposal). */
  public enum BaStat {
    LOCK,
    ATOMIC;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** ps_state_lock around the TX queue put, or skipped when power save is unsupported. */
  public enum PsStateLock {
    TAKEN,
    SKIPPED;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A choice that can be changed by name: in a variant ({@code v3+rx.delivery=batch}), with
   * {@code --set}, in a profile or a sweep. The key is the platform parameter's name.
   */
  public enum Knob {
    RX_PATH("arch.rxPath", a -> a.rxPath.value(), (a, v) -> a.withRxPath(parse(RxPath.values(),
        RxPath::value, "arch.rxPath", v))),
    COUNTERS("arch.counters", a -> a.counters.value(), (a, v) -> a.withCounters(parse(
        Counters.values(), Counters::value, "arch.counters", v))),
    AFTER_TX("arch.afterTx", a -> a.afterTx.value(), (a, v) -> a.withAfterTx(parse(
        AfterTx.values(), AfterTx::value, "arch.afterTx", v))),
    DELIVERY("rx.delivery", a -> a.delivery.value(), (a, v) -> a.withDelivery(parse(
        Delivery.values(), Delivery::value, "rx.delivery", v))),
    POLL_AFTER_WRITE("tx.pollAfterWrite", a -> String.valueOf(a.pollAfterWrite),
        (a, v) -> a.withPollAfterWrite(parse(new Boolean[] {true, false}, String::valueOf,
            "tx.pollAfterWrite", v))),
    BA_STAT("ba.stat", a -> a.baStat.value(), (a, v) -> a.withBaStat(parse(BaStat.values(),
        BaStat::value, "ba.stat", v))),
    PS_STATE_LOCK("pm.psStateLock", a -> a.psStateLock.value(), (a, v) -> a.withPsStateLock(
        parse(PsStateLock.values(), PsStateLock::value, "pm.psStateLock", v))),
    IRQ_REENABLE("irq.reenable", a -> a.irqReenable.name().toLowerCase(Locale.ROOT),
        (a, v) -> a.withIrqReenable(parse(IrqReenable.values(),
            r -> r.name().toLowerCase(Locale.ROOT), "irq.reenable", v)));

    /** The value a profile gives a knob to leave the architecture's own choice. */
    public static final String PRESET = "preset";

    private final String key;
    private final Function<Architecture, String> read;
    private final BiFunction<Architecture, String, Architecture> apply;

    Knob(String key, Function<Architecture, String> read,
        BiFunction<Architecture, String, Architecture> apply) {
      this.key = key;
      this.read = read;
      this.apply = apply;
    }

    public String key() {
      return key;
    }

    /** This knob's value in {@code a}. */
    public String valueIn(Architecture a) {
      return read.apply(a);
    }

    /** The knob named {@code key}, or throws naming the known ones. */
    public static Knob of(String key) {
      for (Knob k : values()) {
        if (k.key.equals(key)) return k;
      }
      throw new IllegalArgumentException("'" + key + "' is not an architecture knob (knobs: "
          + Arrays.stream(values()).map(Knob::key).collect(Collectors.joining(", ")) + ")");
    }

    public static boolean isKnob(String key) {
      return Arrays.stream(values()).anyMatch(k -> k.key.equals(key));
    }

    private static <T> T parse(T[] values, Function<T, String> name, String key, String v) {
      for (T t : values) {
        if (name.apply(t).equals(v.strip())) return t;
      }
      throw new IllegalArgumentException("architecture knob " + key + " is one of "
          + Arrays.stream(values).map(name).collect(Collectors.joining("/")) + ", got '"
          + v.strip() + "'");
    }
  }

  /** "Patch B": IRQ work queues sdio_rx_work, which reads the chip onto rx_queue; bh delivers. */
  public static final Architecture BASELINE = new Architecture("baseline", RxPath.RELAY_QUEUE,
      Counters.PLAIN, AfterTx.QUEUE_RX_WORK, Delivery.PER_FRAME, true, BaStat.LOCK,
      PsStateLock.TAKEN, IrqReenable.AUTO,
      "Patch B: relay through sdio_rx_work and rx_queue (bes2600 as shipped)");

  /** "Patch C v1": sdio_rx_work delivers directly; hw_bufs_used now has two unlocked writers. */
  public static final Architecture V1 = BASELINE.named("v1",
      "Patch C v1: direct delivery from sdio_rx_work, plain int counters")
      .withRxPath(RxPath.DIRECT);

  /** "Patch C-prep + v2": v1 with atomic_t counters. */
  public static final Architecture V2 = V1.named("v2",
      "Patch C-prep + v2: direct delivery, atomic_t hw_bufs_used/_vif/wsm_tx_pending")
      .withCounters(Counters.ATOMIC);

  /** No relay: the interrupt wakes the bh, which reads the bus inline (upstream cw1200 shape). */
  public static final Architecture V3 = BASELINE.named("v3",
      "v3: no relay; IRQ wakes bes2600_bh, which reads SDIO inline (cw1200 shape)")
      .withRxPath(RxPath.BH_READS).withAfterTx(AfterTx.WAKE_BH);

  private static final List<Architecture> PRESETS = List.of(BASELINE, V1, V2, V3);

  public Architecture {
    checkArgument(!label.isBlank(), "an architecture needs a name");
  }

  /** The presets in their documented order: the default architecture list of every command. */
  public static List<Architecture> presets() {
    return PRESETS;
  }

  /** The presets' names, comma separated. */
  public static String names() {
    return PRESETS.stream().map(Architecture::label).collect(Collectors.joining(", "));
  }

  /** A preset by name, or a variant written {@code NAME+key=value+...} on a preset. */
  public static Architecture fromName(String written) {
    return parse(written, Map.of());
  }

  /**
   * Parses {@code NAME+key=value+key=value}: NAME is a preset or one of {@code variants} (defined
   * in a scenario), each {@code key=value} an architecture knob. Labelled as written (blanks
   * around the parts removed).
   */
  public static Architecture parse(String written, Map<String, Architecture> variants) {
    String text = written.strip();
    String[] parts = text.split("\\+", -1);
    String name = parts[0].strip();
    checkArgument(!name.isEmpty(), "empty architecture name in '%s'", shorten(text));
    Architecture a = variants.get(name);
    if (a == null) a = preset(name);
    if (a == null) {
      List<String> known = new ArrayList<>();
      PRESETS.forEach(p -> known.add(p.label));
      known.addAll(variants.keySet());
      throw new IllegalArgumentException(String.format("unknown architecture '%s' (known: %s); "
          + "a variant is NAME+knob=value, e.g. v3+rx.delivery=batch", shorten(name),
          String.join(", ", known)));
    }
    // A knob written twice would run the last value in a row labelled with both.
    java.util.Set<Knob> set = java.util.EnumSet.noneOf(Knob.class);
    for (int i = 1; i < parts.length; i++) {
      String kv = parts[i].strip();
      int eq = kv.indexOf('=');
      checkArgument(eq > 0 && eq < kv.length() - 1,
          "architecture '%s': expected key=value after '+', got '%s'", shorten(text),
          shorten(kv));
      Knob knob = Knob.of(kv.substring(0, eq).strip());
      checkArgument(set.add(knob), "architecture '%s': knob %s given twice", shorten(text),
          knob.key);
      a = a.with(knob, kv.substring(eq + 1).strip());
    }
    return a;
  }

  /**
   * The architectures named in an {@code --arch} list, in order: each a preset, a variant or either
   * with {@code +knob=value}; none blank, none twice.
   */
  public static List<Architecture> parseList(
      List<String> written, Map<String, Architecture> variants) {
    checkArgument(!written.isEmpty(), "--arch names no architecture");
    List<Architecture> out = new ArrayList<>();
    for (String name : written) {
      checkArgument(!name.isBlank(), "--arch has an empty name (names are comma separated)");
      Architecture a = parse(name, variants);
      checkArgument(out.stream().noneMatch(x -> x.label.equals(a.label)),
          "architecture '%s' given twice in --arch", shorten(a.label));
      out.add(a);
    }
    return out;
  }

  private static Architecture preset(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Architecture p : PRESETS) {
      if (p.label.equals(n)) return p;
    }
    return null;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /**
   * This architecture with one knob set, labelled {@code label+key=value}; its description says
   * so ({@code ...; changed: key=value}), so that a preset's words ("plain int counters") are not
   * read as the variant's.
   */
  public Architecture with(Knob knob, String value) {
    Architecture a = knob.apply.apply(this, value);
    String change = knob.key + "=" + value.strip();
    return a.named(label + "+" + change,
        description + (description.contains(CHANGED) ? ", " : CHANGED) + change);
  }

  private static final String CHANGED = "; changed: ";

  /**
   * This architecture under a platform profile: every knob the profile (or {@code --set}) gives a
   * value other than {@code preset} is applied and appended to the label. Applying the same
   * profile twice changes nothing more.
   */
  public Architecture under(Platform p) {
    Architecture a = this;
    for (Knob k : Knob.values()) {
      if (!p.has(k.key)) continue;
      String v = p.string(k.key).strip();
      // Any part of the label, not only the last: a second application of a profile that sets
      // two knobs appended both again.
      List<String> parts = List.of(a.label.split("\\+"));
      if (v.equals(Knob.PRESET) || parts.contains(k.key + "=" + v)) {
        continue;
      }
      // A variant written with this knob, given another value here, would run the profile's
      // value in a row labelled with both: refused, as a knob written twice in --arch is. The
      // platform's settings come from --set, a profile or a scenario's set lines, which this
      // module does not tell apart, so the message names them all.
      for (String part : parts) {
        checkArgument(!part.startsWith(k.key + "="),
            "architecture '%s' sets %s itself, and the platform's settings (--set, the profile"
                + " or a scenario's set lines) give %s=%s: give the knob in one place",
            shorten(label), k.key, k.key, v);
      }
      a = a.with(k, v);
    }
    return a;
  }

  /** A copy with another name and description (a named variant). */
  public Architecture named(String newLabel, String newDescription) {
    return new Architecture(newLabel, rxPath, counters, afterTx, delivery, pollAfterWrite, baStat,
        psStateLock, irqReenable, newDescription);
  }

  /** Every knob's value, in declaration order: the fully resolved specification. */
  public Map<String, String> spec() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Knob k : Knob.values()) m.put(k.key, k.valueIn(this));
    return m;
  }

  /** {@link #spec} on one line: {@code arch.rxPath=relay arch.counters=plain ...}. */
  public String specText() {
    return spec().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  /** The name users write and every table prints (same as {@link #label}). */
  public String cliName() {
    return label;
  }

  public Architecture withRxPath(RxPath v) {
    return new Architecture(label, v, counters, afterTx, delivery, pollAfterWrite, baStat,
        psStateLock, irqReenable, description);
  }

  public Architecture withCounters(Counters v) {
    return new Architecture(label, rxPath, v, afterTx, delivery, pollAfterWrite, baStat,
        psStateLock, irqReenable, description);
  }

  public Architecture withAfterTx(AfterTx v) {
    return new Architecture(label, rxPath, counters, v, delivery, pollAfterWrite, baStat,
        psStateLock, irqReenable, description);
  }

  public Architecture withDelivery(Delivery v) {
    return new Architecture(label, rxPath, counters, afterTx, v, pollAfterWrite, baStat,
        psStateLock, irqReenable, description);
  }

  public Architecture withPollAfterWrite(boolean v) {
    return new Architecture(label, rxPath, counters, afterTx, delivery, v, baStat, psStateLock,
        irqReenable, description);
  }

  public Architecture withBaStat(BaStat v) {
    return new Architecture(label, rxPath, counters, afterTx, delivery, pollAfterWrite, v,
        psStateLock, irqReenable, description);
  }

  public Architecture withPsStateLock(PsStateLock v) {
    return new Architecture(label, rxPath, counters, afterTx, delivery, pollAfterWrite, baStat, v,
        irqReenable, description);
  }

  public Architecture withIrqReenable(IrqReenable v) {
    return new Architecture(label, rxPath, counters, afterTx, delivery, pollAfterWrite, baStat,
        psStateLock, v, description);
  }

  @Override
  public String toString() {
    return label;
  }
}
