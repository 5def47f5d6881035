package io.bessim.chip.sdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * Checks SdioTiming against timing-facts.md §1.5's worked table and hand-computed cases.
 *
 * <p>Hand computations use blk = 1 + 8B/w + 16 + 1 (2B + 18 on 4 bits) and the defaults N_CR 8,
 * g0 = g = t = N_WR = busy = 2, so the command head is 48 + 8 + 48 = 104 cycles.
 */
final class SdioTimingTest {
  private static final SdioTiming DEFAULT = new SdioTiming(SdioBusConfig.defaults());

  @Test
  void workedTableAt50MHz() {
    assertEquals(104, DEFAULT.cmd52Cycles());
    assertEquals(142, DEFAULT.cmd53ReadCycles(8));
    assertEquals(254, DEFAULT.cmd53ReadCycles(64));
    assertEquals(1150, DEFAULT.cmd53ReadCycles(512));
    assertEquals(4282, DEFAULT.cmd53ReadCycles(4 * 512));
    assertEquals(16810, DEFAULT.cmd53ReadCycles(16 * 512));
    assertEquals(4316, DEFAULT.cmd53WriteCycles(4 * 512));
  }

  @Test
  void workedTableMicrosecondsAt50MHz() {
    // 20 ns per cycle: 104 -> 2.08 us, 4282 -> 85.64 us, 16810 -> 336.2 us.
    assertEquals(2_080_000, DEFAULT.cmd52Ps());
    assertEquals(85_640_000, DEFAULT.cmd53ReadPs(2048));
    assertEquals(336_200_000, DEFAULT.cmd53ReadPs(8192));
    assertEquals(86_320_000, DEFAULT.cmd53WritePs(2048));
  }

  @Test
  void cmd52ExcludesCommandGap() {
    assertEquals(8, DEFAULT.commandGapCycles());
    // Worst-case N_CR 64: 48 + 64 + 48 = 160 cycles = 3.2 us (table: "worst N_CR=64: 3.2").
    SdioBusConfig d = SdioBusConfig.defaults();
    SdioTiming slow =
        new SdioTiming(
            new SdioBusConfig(
                d.clockHz(), 4, 512, 64, 2, 2, 2, 2, 2, 8, d.maxBlocksPerCmd()));
    assertEquals(160, slow.cmd52Cycles());
    assertEquals(3_200_000, slow.cmd52Ps());
  }

  @Test
  void oneBitBusTakesEightCyclesPerByte() {
    SdioTiming oneBit = new SdioTiming(SdioBusConfig.defaults().withBusWidth(1));
    // blk(512) = 1 + 4096 + 16 + 1 = 4114; 104 + 2 + 4114 + 2 = 4222.
    assertEquals(4114, oneBit.dataBlockCycles(512));
    assertEquals(4222, oneBit.cmd53ReadCycles(512));
    // Byte mode 8 B: blk = 1 + 64 + 16 + 1 = 82; 104 + 2 + 82 + 2 = 190.
    assertEquals(190, oneBit.cmd53ReadCycles(8));
    // 4 x 512 write: 104 + 2 + 4 * (4114 + 9) + 3 * 2 = 16604.
    assertEquals(16604, oneBit.cmd53WriteCycles(2048));
  }

  @Test
  void byteModeWriteAddsCrcTokenAndBusy() {
    // 64 B: 104 + N_WR 2 + (146 + 2 + 5 + 2) = 261; 8 B: 104 + 2 + (34 + 9) = 149.
    assertEquals(261, DEFAULT.cmd53WriteCycles(64));
    assertEquals(149, DEFAULT.cmd53WriteCycles(8));
    assertFalse(DEFAULT.isBlockMode(64));
  }

  @Test
  void byteModeEndsAt512Bytes() {
    assertFalse(DEFAULT.isBlockMode(512));
    assertTrue(DEFAULT.isBlockMode(513));
    // 512 B in byte mode costs the same as one 512-B block: 1150.
    assertEquals(1150, DEFAULT.cmd53ReadCycles(512));
    // 513 B pads to 2 blocks: 104 + 2 + 2 * 1042 + 2 + 2 = 2194.
    assertEquals(2194, DEFAULT.cmd53ReadCycles(513));
    assertEquals(1024, DEFAULT.busBytes(513));
    assertEquals(512, DEFAULT.busBytes(512));
    // Write: 104 + 2 + 2 * (1042 + 9) + 2 = 2210.
    assertEquals(2210, DEFAULT.cmd53WriteCycles(513));
    assertEquals(1, DEFAULT.cmd53Count(513));
  }

  @Test
  void blockSize256LowersByteModeLimit() {
    SdioTiming t = new SdioTiming(SdioBusConfig.defaults().withBlockSize(256));
    assertEquals(256, t.byteModeLimit());
    // 256 B byte mode: blk = 530; 104 + 2 + 530 + 2 = 638.
    assertEquals(638, t.cmd53ReadCycles(256));
    // 300 B: 2 blocks of 256: 104 + 2 + 2 * 530 + 2 + 2 = 1170.
    assertTrue(t.isBlockMode(300));
    assertEquals(1170, t.cmd53ReadCycles(300));
    // 1600 B (one Wi-Fi frame): 7 blocks: 104 + 2 + 7 * 530 + 6 * 2 + 2 = 3830.
    assertEquals(3830, t.cmd53ReadCycles(1600));
    // Write 7 blocks: 104 + 2 + 7 * (530 + 9) + 6 * 2 = 3891.
    assertEquals(3891, t.cmd53WriteCycles(1600));
  }

  @Test
  void blockSizeAbove512KeepsByteModeAt512() {
    SdioTiming t = new SdioTiming(SdioBusConfig.defaults().withBlockSize(1024));
    assertEquals(512, t.byteModeLimit());
    // 600 B: one 1024-B block, blk = 2066; 104 + 2 + 2066 + 2 = 2174.
    assertEquals(2174, t.cmd53ReadCycles(600));
  }

  @Test
  void moreThan511BlocksSplitIntoSeveralCmd53s() {
    int bytes = 512 * 512;
    assertEquals(2, DEFAULT.cmd53Count(bytes));
    // 511 blocks: 104 + 2 + 511 * 1042 + 510 * 2 + 2 = 533590; then 1 block: 1150.
    assertEquals(533_590 + 1150, DEFAULT.cmd53ReadCycles(bytes));
    // Write 511 blocks: 104 + 2 + 511 * 1051 + 510 * 2 = 538187; 1 block: 104 + 2 + 1051 = 1157.
    assertEquals(538_187 + 1157, DEFAULT.cmd53WriteCycles(bytes));
    assertEquals(1, DEFAULT.cmd53Count(511 * 512));
  }

  @Test
  void smallBlockLimitSplitsIntoFullAndRemainderCommands() {
    SdioTiming t = new SdioTiming(SdioBusConfig.defaults().withMaxBlocksPerCmd(4));
    // 10 blocks = 4 + 4 + 2: 4282 + 4282 + (104 + 2 + 2 * 1042 + 2 + 2 = 2194).
    assertEquals(3, t.cmd53Count(10 * 512));
    assertEquals(10_758, t.cmd53ReadCycles(10 * 512));
    // 8 blocks = 4 + 4 exactly, no remainder command.
    assertEquals(2, t.cmd53Count(8 * 512));
    assertEquals(8564, t.cmd53ReadCycles(8 * 512));
  }

  @Test
  void roundingHappensOncePerTransferAt150MHz() {
    SdioTiming fast = new SdioTiming(SdioBusConfig.defaults().withClockHz(150_000_000L));
    // One cycle is 6666.67 ps: 104 cycles = 693333.3 ps -> 693333 (per-cycle rounding: 693368).
    assertEquals(6667, fast.cyclesToPs(1));
    assertEquals(693_333, fast.cmd52Ps());
    // 1150 cycles = 7666666.7 ps -> 7666667 (per-cycle rounding: 7667050).
    assertEquals(7_666_667, fast.cmd53ReadPs(512));
    // 16810 cycles = 112066666.7 ps -> 112066667.
    assertEquals(112_066_667, fast.cmd53ReadPs(8192));
  }

  @Test
  void effectiveReadRateWith25usHostCostMatchesReference() {
    long host = 25 * Time.US;
    // 512 / 48.0 us, 2048 / 110.64 us, 8192 / 361.2 us.
    assertEquals(512 / 48.0, DEFAULT.effectiveReadMBps(512, host), 1e-9);
    assertEquals(2048 / 110.64, DEFAULT.effectiveReadMBps(2048, host), 1e-9);
    assertEquals(8192 / 361.2, DEFAULT.effectiveReadMBps(8192, host), 1e-9);
    // Reference quotes 10.7, 18.5, 22.7 MB/s to one decimal.
    assertEquals(10.7, DEFAULT.effectiveReadMBps(512, host), 0.05);
    assertEquals(18.5, DEFAULT.effectiveReadMBps(2048, host), 0.05);
    assertEquals(22.7, DEFAULT.effectiveReadMBps(8192, host), 0.05);
  }

  @Test
  void busOnlyReadRateMatchesReferenceColumn() {
    // Table "bus MB/s": 2.8, 12.6, 22.3, 23.9, 24.4.
    assertEquals(2.8, DEFAULT.effectiveReadMBps(8, 0), 0.05);
    assertEquals(12.6, DEFAULT.effectiveReadMBps(64, 0), 0.05);
    assertEquals(22.3, DEFAULT.effectiveReadMBps(512, 0), 0.05);
    assertEquals(23.9, DEFAULT.effectiveReadMBps(2048, 0), 0.05);
    assertEquals(24.4, DEFAULT.effectiveReadMBps(8192, 0), 0.05);
  }

  @Test
  void hostCostIsChargedPerCmd53() {
    SdioTiming t = new SdioTiming(SdioBusConfig.defaults().withMaxBlocksPerCmd(4));
    // 8 blocks = 2 CMD53s: 8564 cycles = 171.28 us, plus 2 * 25 us.
    assertEquals(4096 / 221.28, t.effectiveReadMBps(4096, 25 * Time.US), 1e-9);
  }

  @Test
  void zeroBytesIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.cmd53ReadCycles(0));
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.cmd53WriteCycles(-1));
  }
}
