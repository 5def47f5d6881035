package io.bessim.chip.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.chip.fw.FirmwareConfig;
import io.bessim.chip.fw.Frame;
import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The air link with the default MCS7 short-GI config. A 1554-byte MPDU takes (4 + 1554 + 3) & ~3 =
 * 1560 bytes in an A-MPDU. 16 of them: 24960 B = 199702 bits = 769 symbols of 260 bits =
 * (769 * 18 + 4) / 5 = 2769 us, PPDU 36 + 2769 + 6 = 2811 us; TXOP = AIFS 37 + 9 us * slots + 2811
 * + SIFS 10 + BlockAck 38 = 2896 us + 9 us * slots. 4 of them: 6240 B = 49942 bits = 193 symbols
 * = 695 us, PPDU 737 us, TXOP 822 us + 9 us * slots. Backoff slots are drawn AP first, then STA,
 * from the link's random; the tests replay the same seed to know them.
 */
final class AirLinkTest {
  private static final int MPDU = 1554;
  private static final long SEED = 42;

  private final Simulator sim = new Simulator();
  private final SplittableRandom twin = new SplittableRandom(SEED);
  private final List<Frame> lost = new ArrayList<>();
  private final List<Frame> delivered = new ArrayList<>();

  private Bes2600Firmware chip(int pool) {
    return new Bes2600Firmware(sim, new FirmwareConfig(4, pool, 0, 0, true, 16, 65536, 24, 28,
        512));
  }

  private AirLink link(Bes2600Firmware chip, int apQueue, int retryLimit) {
    AirLink air = new AirLink(sim, AirConfig.defaults(), chip, new SplittableRandom(SEED), apQueue,
        retryLimit);
    chip.connect(t -> { }, air::staSend);
    air.setPeer(new AirLink.Peer() {
      @Override
      public void uplinkDelivered(long atPs, Frame f) {
        delivered.add(f);
      }

      @Override
      public void downlinkLost(long atPs, Frame f) {
        lost.add(f);
      }
    });
    return air;
  }

  /** The AP's slots of the next TXOP (the STA's draw is consumed too). */
  private long nextApSlots() {
    long ap = twin.nextInt(16);
    twin.nextInt(16);
    return ap;
  }

  private static Frame frame(long id) {
    return new Frame(id, MPDU, 1448, null);
  }

  @Test
  void downlinkSendsAnAmpduOfUpToTheAggregationLimitAfterItsTxop() {
    Bes2600Firmware chip = chip(64);
    AirLink air = link(chip, 100, 3);
    for (int i = 0; i < 20; i++) assertTrue(air.apSend(0, frame(i)));

    long first = (2896 + 9 * nextApSlots()) * Time.US;
    assertEquals(2896 * Time.US, air.airtime().txopPs(16, MPDU, 0));
    sim.runUntil(first - 1);
    assertEquals(0, chip.rxAccepted());
    assertEquals(4, air.apQueued()); // 16 in flight
    sim.runUntil(first);
    assertEquals(16, chip.rxAccepted());

    long second = first + (822 + 9 * nextApSlots()) * Time.US;
    sim.runUntil(second - 1);
    assertEquals(16, chip.rxAccepted());
    sim.runUntil(second);
    assertEquals(20, chip.rxAccepted());
    assertEquals(2, air.downlinkTxops());
    assertEquals(second, air.airBusyPs());
  }

  @Test
  void subframesTheChipRefusesAreRetriedThenLostAfterTheRetryLimit() {
    // Pool of 10 that the host never drains: 10 of 16 taken; the other 6 are refused in TXOP 1,
    // retried in TXOPs 2 and 3 (retry limit 2), refused each time, and lost at the end of TXOP 3.
    Bes2600Firmware chip = chip(10);
    AirLink air = link(chip, 100, 2);
    for (int i = 0; i < 16; i++) air.apSend(0, frame(i));
    sim.run();

    assertEquals(10, chip.rxAccepted());
    assertEquals(18, chip.rxDroppedPoolFull());
    assertEquals(12, air.retries());
    assertEquals(6, air.retryDrops());
    assertEquals(List.of(10L, 11L, 12L, 13L, 14L, 15L), lost.stream().map(Frame::id).toList());
    assertEquals(3, air.downlinkTxops());
    assertEquals(0, air.apQueued());
  }

  @Test
  void retriedSubframeIsAcceptedOnceThePoolHasRoom() {
    // Pool of 1: frame 1 refused in TXOP 1 (ends at t1); the host reads frame 0 right after, so
    // the retry in TXOP 2 is accepted. 2 x 1560 B = 24982 bits = 97 symbols = 350 us, PPDU 392 us,
    // TXOP 37 + 392 + 10 + 38 = 477 us + 9 us * slots.
    Bes2600Firmware chip = chip(1);
    AirLink air = link(chip, 100, 2);
    air.apSend(0, frame(0));
    air.apSend(0, frame(1));
    long t1 = (477 + 9 * nextApSlots()) * Time.US;
    sim.runUntil(t1 - 1);
    assertEquals(0, air.retries());
    sim.runUntil(t1);
    assertEquals(1, chip.rxAccepted());
    assertEquals(1, air.retries());
    chip.readCtrl(t1);
    chip.readBatch(t1);
    sim.run();

    assertEquals(2, chip.rxAccepted());
    assertEquals(0, air.retryDrops());
    assertTrue(lost.isEmpty());
  }

  @Test
  void uplinkFrameIsConfirmedWhenItHasBeenSent() {
    Bes2600Firmware chip = chip(8);
    AirLink air = link(chip, 100, 2);
    chip.write(0, List.of(frame(7)));
    assertEquals(1, chip.inputBuffersInUse());
    sim.run();

    assertEquals(List.of(7L), delivered.stream().map(Frame::id).toList());
    assertEquals(0, chip.inputBuffersInUse());
    assertEquals(1, chip.confirmsSent());
    assertEquals(0, air.downlinkTxops());
  }

  @Test
  void fullApQueueTailDrops() {
    AirLink air = link(chip(8), 2, 2);
    assertTrue(air.apSend(0, frame(0)));
    assertTrue(air.apSend(0, frame(1)));
    assertFalse(air.apSend(0, frame(2)));
    assertEquals(1, air.apDrops());
    assertEquals(List.of(2L), lost.stream().map(Frame::id).toList());
  }
}
