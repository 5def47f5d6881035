package io.bessim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An architecture is one value: presets, variants written NAME+knob=value, and profile knobs. */
final class ArchitectureValueTest {
  @Test
  void aVariantIsItsPresetWithTheKnobChangedAndIsLabelledAsWritten() {
    Architecture v = Architecture.fromName("v3+rx.delivery=batch");

    assertEquals("v3+rx.delivery=batch", v.label());
    assertEquals(Architecture.Delivery.BATCH, v.delivery());
    assertEquals(Architecture.V3.withDelivery(Architecture.Delivery.BATCH).spec(), v.spec());
  }

  @Test
  void v1WithAtomicCountersHasV2sChoicesButKeepsItsOwnLabel() {
    Architecture v = Architecture.V1.under(Platform.defaults().with("arch.counters", "atomic"));

    assertEquals("v1+arch.counters=atomic", v.label());
    assertEquals(Architecture.V2.spec(), v.spec());
  }

  @Test
  void applyingTheSameProfileTwiceChangesNothingMore() {
    Platform p = Platform.defaults().with("tx.pollAfterWrite", "false");
    Architecture once = Architecture.BASELINE.under(p);

    assertEquals(once, once.under(p));
    assertEquals("baseline+tx.pollAfterWrite=false", once.label());
  }

  /**
   * RunSpec applies the profile and Host applies it again: with two knobs set, the second pass
   * found only the last in the label's tail and appended both again
   * ({@code v1+arch.counters=atomic+rx.delivery=batch+arch.counters=atomic+rx.delivery=batch}).
   */
  @Test
  void applyingAProfileOfTwoKnobsTwiceChangesNothingMore() {
    Platform p = Platform.defaults().with("arch.counters", "atomic").with("rx.delivery", "batch");
    Architecture once = Architecture.V1.under(p);

    assertEquals("v1+arch.counters=atomic+rx.delivery=batch", once.label());
    assertEquals(once, once.under(p));
    // A knob the name gave already, with the value the profile gives, is not given again.
    assertEquals("v1+rx.delivery=batch+arch.counters=atomic",
        Architecture.fromName("v1+rx.delivery=batch").under(p).label());
  }

  /**
   * {@code --arch v3+rx.delivery=batch --set rx.delivery=per-frame} ran per-frame in a row labelled
   * {@code v3+rx.delivery=batch+rx.delivery=per-frame}, as a knob written twice in the name did.
   */
  @Test
  void aProfileThatGivesAVariantsOwnKnobAnotherValueIsRefused() {
    Architecture batch = Architecture.fromName("v3+rx.delivery=batch");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> batch.under(Platform.defaults().with("rx.delivery", "per-frame")));
    assertEquals("architecture 'v3+rx.delivery=batch' sets rx.delivery itself, and the platform's"
        + " settings (--set, the profile or a scenario's set lines) give rx.delivery=per-frame:"
        + " give the knob in one place", e.getMessage());
    // The same value is no conflict, and another knob is added as before.
    assertEquals(batch, batch.under(Platform.defaults().with("rx.delivery", "batch")));
    assertEquals("v3+rx.delivery=batch+arch.counters=atomic",
        batch.under(Platform.defaults().with("arch.counters", "atomic")).label());
  }

  @Test
  void theDefaultProfileLeavesEveryPresetAsItIs() {
    for (Architecture a : Architecture.presets()) {
      assertEquals(a, a.under(Platform.defaults()));
    }
  }

  @Test
  void theSpecNamesEveryKnobOnce() {
    Map<String, String> spec = Architecture.BASELINE.spec();

    assertEquals(Architecture.Knob.values().length, spec.size());
    assertEquals("relay", spec.get("arch.rxPath"));
    assertEquals("queue-rx-work", spec.get("arch.afterTx"));
    assertEquals("auto", spec.get("irq.reenable"));
    for (String key : spec.keySet()) {
      assertTrue(Platform.defaults().has(key), key + " is not a profile parameter");
      assertEquals(Architecture.Knob.PRESET, Platform.defaults().string(key));
    }
  }

  @Test
  void aListRefusesEmptyNamesDuplicatesAndUnknownKnobs() {
    assertEquals("--arch has an empty name (names are comma separated)", assertThrows(
        IllegalArgumentException.class, () -> Architecture.parseList(List.of(""), Map.of()))
        .getMessage());
    assertEquals("architecture 'v3' given twice in --arch", assertThrows(
        IllegalArgumentException.class,
        () -> Architecture.parseList(List.of("v3", " V3"), Map.of())).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Architecture.fromName("v3+rx.speed=fast")).getMessage()
        .startsWith("'rx.speed' is not an architecture knob"));
    assertEquals("architecture knob rx.delivery is one of per-frame/batch, got 'bulk'",
        assertThrows(IllegalArgumentException.class,
            () -> Architecture.fromName("v3+rx.delivery=bulk")).getMessage());
  }

  /**
   * {@code v3+rx.delivery=batch+rx.delivery=per-frame} ran v3 unchanged (the last value won) in a
   * row labelled with both, while {@code --set} refuses a name given twice.
   */
  @Test
  void aVariantThatSetsOneKnobTwiceIsRefused() {
    assertEquals("architecture 'v3+rx.delivery=batch+rx.delivery=per-frame': knob rx.delivery"
        + " given twice", assertThrows(IllegalArgumentException.class,
            () -> Architecture.fromName("v3+rx.delivery=batch+rx.delivery=per-frame"))
        .getMessage());
    assertEquals("architecture 'v3+ rx.delivery=batch + rx.delivery = batch': knob rx.delivery"
        + " given twice", assertThrows(IllegalArgumentException.class,
            () -> Architecture.fromName("v3+ rx.delivery=batch + rx.delivery = batch"))
        .getMessage());
    Architecture two = Architecture.fromName("v3+rx.delivery=batch+irq.reenable=none");
    assertEquals(Architecture.Delivery.BATCH, two.delivery());
    assertEquals(io.bessim.driver.mmc.SdioHost.IrqReenable.NONE, two.irqReenable());
  }

  /**
   * The race reports head a variant with its description: {@code race window --arch
   * v1+arch.counters=atomic} printed "v1+arch.counters=atomic: Patch C v1: direct delivery from
   * sdio_rx_work, plain int counters" over a table of atomic counters.
   */
  @Test
  void aVariantsDescriptionNamesTheKnobsItChanged() {
    assertEquals("Patch C v1: direct delivery from sdio_rx_work, plain int counters; changed:"
        + " arch.counters=atomic", Architecture.fromName("v1+arch.counters=atomic").description());
    assertEquals("Patch C v1: direct delivery from sdio_rx_work, plain int counters; changed:"
        + " arch.counters=atomic, rx.delivery=batch",
        Architecture.fromName("v1+arch.counters=atomic+rx.delivery=batch").description());
    // A preset named alone keeps its own words.
    assertEquals("Patch C v1: direct delivery from sdio_rx_work, plain int counters",
        Architecture.fromName("v1").description());
  }

  @Test
  void aVariantDefinedElsewhereIsFoundByName() {
    Map<String, Architecture> variants =
        Map.of("quiet", Architecture.fromName("v3+tx.pollAfterWrite=false").named("quiet", "d"));

    Architecture a = Architecture.parse("quiet+rx.delivery=batch", variants);

    assertEquals("quiet+rx.delivery=batch", a.label());
    assertEquals(false, a.pollAfterWrite());
    assertEquals(Architecture.RxPath.BH_READS, a.rxPath());
  }
}
