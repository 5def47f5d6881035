package io.bessim.chip.fw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Simulator;
import io.bessim.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The firmware as the SDIO host sees it. A 1554-byte MPDU becomes a 24 + 1554 - 4 = 1574-byte RX
 * indication (FCS stripped), 1576 bytes once padded to 4; confirms are 28 bytes; lengths are in
 * 512-byte units.
 */
final class Bes2600FirmwareTest {
  private static final int MPDU = 1554;
  private static final int RX_MSG = 1574;

  private final Simulator sim = new Simulator();
  private final List<Long> irqs = new ArrayList<>();
  private final List<Long> sentAt = new ArrayList<>();
  private final List<Frame> sent = new ArrayList<>();

  private static FirmwareConfig config(int bufs, int pool, long rxPs, long txPs, boolean multi,
      int multiMax, int batchMax) {
    return new FirmwareConfig(bufs, pool, rxPs, txPs, multi, multiMax, batchMax, 24, 28, 512);
  }

  private Bes2600Firmware firmware(FirmwareConfig cfg) {
    Bes2600Firmware fw = new Bes2600Firmware(sim, cfg);
    fw.connect(irqs::add, (t, f) -> {
      sentAt.add(t);
      sent.add(f);
    });
    return fw;
  }

  private static Frame frame(long id) {
    return new Frame(id, MPDU, 1448, null);
  }

  @Test
  void eachWriteTakesAnInputBufferAndTheConfirmFreesIt() {
    // Two frames written at 0 with 5 us serial TX processing reach the air at 5 and 10 us.
    Bes2600Firmware fw = firmware(config(4, 8, 0, 5 * Time.US, true, 16, 32768));
    fw.write(0, List.of(frame(1), frame(2)));
    assertEquals(2, fw.inputBuffersInUse());
    assertEquals(2, fw.txAccepted());

    sim.run();
    assertEquals(List.of(5 * Time.US, 10 * Time.US), sentAt);
    assertEquals(2, fw.inputBuffersInUse());

    fw.transmitted(20 * Time.US, sent.get(0));
    assertEquals(1, fw.inputBuffersInUse());
    assertEquals(1, fw.confirmsSent());
    assertEquals(1, fw.messagesForHost());
    assertEquals(List.of(20 * Time.US), irqs);

    fw.transmitted(21 * Time.US, sent.get(1));
    assertEquals(0, fw.inputBuffersInUse());
    assertEquals(2, fw.confirmsSent());
    // Still asserted from the first confirm: no second edge until the host reads ctrl.
    assertEquals(1, fw.irqsRaised());

    assertEquals(1, fw.readCtrl(22 * Time.US)); // 2 x 28 = 56 bytes -> 1 unit
    List<Message> batch = fw.readBatch(22 * Time.US);
    assertEquals(2, batch.size());
    assertTrue(batch.get(0).isConfirm());
    assertEquals(1, batch.get(0).frame().id());
    assertEquals(28, batch.get(1).bytes());
  }

  @Test
  void writeWithEveryInputBufferTakenWedgesTheChip() {
    Bes2600Firmware fw = firmware(config(2, 8, 1 * Time.US, 5 * Time.US, true, 16, 32768));
    fw.write(0, List.of(frame(1), frame(2)));
    assertFalse(fw.isWedged());
    fw.write(1 * Time.US, List.of(frame(3)));

    assertTrue(fw.isWedged());
    assertEquals(1 * Time.US, fw.wedgedAtPs());
    assertEquals(1, fw.overcommitWrites());
    assertEquals(2, fw.txAccepted());

    sim.run();
    // Nothing reaches the air, no confirm, no interrupt, no frame taken from the air.
    assertTrue(sent.isEmpty());
    fw.transmitted(20 * Time.US, frame(1));
    assertEquals(0, fw.confirmsSent());
    assertFalse(fw.receiveFromAir(30 * Time.US, frame(10)));
    assertEquals(1, fw.rxDroppedWedged());
    assertEquals(0, fw.rxAccepted());
    sim.run();
    assertTrue(irqs.isEmpty());
    assertEquals(0, fw.readCtrl(40 * Time.US));
    assertTrue(fw.readReallyEmpty(40 * Time.US));
  }

  @Test
  void wedgeStopsMessagesAlreadyInProgress() {
    // A frame accepted at 0 finishes RX processing at 10 us, after the wedge at 1 us: no message.
    Bes2600Firmware fw = firmware(config(2, 8, 10 * Time.US, 0, true, 16, 32768));
    assertTrue(fw.receiveFromAir(0, frame(1)));
    sim.scheduleAt(1 * Time.US, (t, a) -> fw.write(t, List.of(frame(2), frame(3), frame(4))), 0);
    sim.run();

    assertTrue(fw.isWedged());
    assertEquals(0, fw.messagesForHost());
    assertTrue(irqs.isEmpty());
  }

  @Test
  void fullRxPoolDropsFramesFromTheAir() {
    Bes2600Firmware fw = firmware(config(4, 2, 0, 0, true, 16, 32768));
    assertTrue(fw.receiveFromAir(0, frame(1)));
    assertTrue(fw.receiveFromAir(0, frame(2)));
    assertFalse(fw.receiveFromAir(0, frame(3)));
    assertEquals(1, fw.rxDroppedPoolFull());
    assertEquals(2, fw.rxPoolUsed());

    sim.run();
    // Processed frames still hold the pool until the host reads them.
    assertFalse(fw.receiveFromAir(1 * Time.US, frame(4)));
    assertEquals(2, fw.rxDroppedPoolFull());

    fw.readCtrl(2 * Time.US);
    assertEquals(2, fw.readBatch(2 * Time.US).size());
    assertEquals(0, fw.rxPoolUsed());
    assertTrue(fw.receiveFromAir(3 * Time.US, frame(5)));
    assertEquals(3, fw.rxAccepted());
  }

  @Test
  void serialFirmwareProcessingDelaysEachFrame() {
    // 10 us per frame, one at a time: frames at 0, 0 and 25 us are ready at 10, 20 and 35 us.
    Bes2600Firmware fw = firmware(config(4, 8, 10 * Time.US, 0, true, 16, 32768));
    fw.receiveFromAir(0, frame(1));
    fw.receiveFromAir(0, frame(2));
    sim.scheduleAt(25 * Time.US, (t, a) -> fw.receiveFromAir(t, frame(3)), 0);

    sim.runUntil(10 * Time.US - 1);
    assertEquals(0, fw.messagesForHost());
    assertTrue(irqs.isEmpty());
    sim.runUntil(10 * Time.US);
    assertEquals(1, fw.messagesForHost());
    assertEquals(List.of(10 * Time.US), irqs);
    sim.runUntil(20 * Time.US);
    assertEquals(2, fw.messagesForHost());
    sim.runUntil(35 * Time.US - 1);
    assertEquals(2, fw.messagesForHost());
    sim.runUntil(35 * Time.US);
    assertEquals(3, fw.messagesForHost());
    fw.readCtrl(36 * Time.US);
    assertEquals(RX_MSG, fw.readBatch(36 * Time.US).get(0).bytes());
  }

  @Test
  void interruptIsAssertedOncePerBatchAndAgainWhileMessagesRemain() {
    // One message per read: two messages at 0 give one edge; the read at 5 us leaves one behind,
    // so the line is asserted again at 5 us; the second read empties it: no third edge.
    Bes2600Firmware fw = firmware(config(4, 8, 0, 0, false, 16, 32768));
    fw.receiveFromAir(0, frame(1));
    fw.receiveFromAir(0, frame(2));
    sim.run();
    assertEquals(List.of(0L), irqs);

    assertEquals(4, fw.readCtrl(5 * Time.US));
    assertEquals(1, fw.readBatch(5 * Time.US).size());
    assertEquals(List.of(0L, 5 * Time.US), irqs);

    assertEquals(4, fw.readCtrl(6 * Time.US));
    assertEquals(1, fw.readBatch(6 * Time.US).size());
    assertEquals(2, irqs.size());
    assertEquals(0, fw.readCtrl(7 * Time.US));

    fw.receiveFromAir(8 * Time.US, frame(3));
    sim.run();
    assertEquals(List.of(0L, 5 * Time.US, 8 * Time.US), irqs);
  }

  @Test
  void readCtrlWithRxMultipleAnnouncesUpToTheMaximumIn512ByteUnits() {
    // 3 x 1576 = 4728 bytes = 9.2 units -> 10.
    Bes2600Firmware fw = firmware(config(4, 8, 0, 0, true, 16, 32768));
    for (int i = 0; i < 3; i++) fw.receiveFromAir(0, frame(i));
    sim.run();

    assertEquals(10, fw.readCtrl(1 * Time.US));
    List<Message> batch = fw.readBatch(1 * Time.US);
    assertEquals(3, batch.size());
    assertEquals(List.of(0L, 1L, 2L), batch.stream().map(m -> m.frame().id()).toList());
    assertEquals(0, fw.messagesForHost());
  }

  @Test
  void readCtrlStopsAtRxMultipleMax() {
    // Max 2: 2 x 1576 = 3152 bytes = 6.2 units -> 7; the third message waits.
    Bes2600Firmware fw = firmware(config(4, 8, 0, 0, true, 2, 32768));
    for (int i = 0; i < 3; i++) fw.receiveFromAir(0, frame(i));
    sim.run();

    assertEquals(7, fw.readCtrl(1 * Time.US));
    assertEquals(2, fw.readBatch(1 * Time.US).size());
    assertEquals(1, fw.messagesForHost());
  }

  @Test
  void readCtrlStopsAtTheBatchByteLimit() {
    // 4000-byte limit: 1576 + 1576 = 3152 fits, a third would make 4728.
    Bes2600Firmware fw = firmware(config(4, 8, 0, 0, true, 16, 4000));
    for (int i = 0; i < 3; i++) fw.receiveFromAir(0, frame(i));
    sim.run();

    assertEquals(7, fw.readCtrl(1 * Time.US));
    assertEquals(2, fw.readBatch(1 * Time.US).size());
  }

  @Test
  void readCtrlWithoutRxMultipleAnnouncesOneMessage() {
    // 1576 bytes = 3.08 units -> 4.
    Bes2600Firmware fw = firmware(config(4, 8, 0, 0, false, 16, 32768));
    for (int i = 0; i < 3; i++) fw.receiveFromAir(0, frame(i));
    sim.run();

    assertEquals(4, fw.readCtrl(1 * Time.US));
    List<Message> batch = fw.readBatch(1 * Time.US);
    assertEquals(1, batch.size());
    assertEquals(RX_MSG, batch.get(0).bytes());
    assertEquals(2, fw.messagesForHost());
  }

  @Test
  void readReallyEmptyOnlyWhenNothingIsReadyOrInProgress() {
    Bes2600Firmware fw = firmware(config(4, 8, 10 * Time.US, 0, true, 16, 32768));
    assertTrue(fw.readReallyEmpty(0));
    fw.receiveFromAir(0, frame(1));
    assertFalse(fw.readReallyEmpty(0)); // in RX processing
    sim.run();
    assertFalse(fw.readReallyEmpty(10 * Time.US)); // waiting for the host
    fw.readCtrl(11 * Time.US);
    fw.readBatch(11 * Time.US);
    assertTrue(fw.readReallyEmpty(11 * Time.US));
  }
}
