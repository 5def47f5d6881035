package io.bessim.chip.sdio;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Parameters of the SDIO bus between the host controller and the BES2600, in bus clock cycles.
 *
 * <p>Symbols and minimums follow timing-facts.md §1.2 ([MMC-T] Samsung MMC timing table, [SNDK]
 * SanDisk §4.11); the defaults are its "Suggested default parameters" (PineTab2 sdmmc1 at High
 * Speed, 4-bit, Linux default block size 512).
 *
 * @param clockHz SD clock frequency in Hz
 * @param busWidth number of DAT lines, 1 or 4 (SDIO has no 8-bit mode)
 * @param blockSize CMD53 block size in bytes (FBR register, spec max 2048)
 * @param nCr N_CR: command end bit to response start bit, 2..64 cycles
 * @param firstDataGap g0: response end bit to first read data start bit, at least 2 cycles
 * @param interBlockGap g: N_AC between blocks of a multi-block read, at least 2 cycles
 * @param trailingTurnaround t: Z cycles after the last read block before the host drives again
 * @param nWr N_WR: response end to first write block, and between write blocks, at least 2
 * @param writeBusy cycles DAT0 is held busy after each write block's CRC status token
 * @param nRc N_RC: response end bit to the next command's start bit, at least 8 cycles
 * @param maxBlocksPerCmd block count limit of one CMD53 (9-bit field, Linux caps at 511)
 */
public record SdioBusConfig(
    long clockHz,
    int busWidth,
    int blockSize,
    int nCr,
    int firstDataGap,
    int interBlockGap,
    int trailingTurnaround,
    int nWr,
    int writeBusy,
    int nRc,
    int maxBlocksPerCmd) {

  /** Largest CMD53 block count: 9-bit field, 0 means "infinite" ([SDIO] Table 5-3). */
  public static final int MAX_BLOCKS_PER_CMD53 = 511;

  /** Largest block size the 16-bit FBR register is used for in practice ([SDIO] §5.3). */
  public static final int MAX_BLOCK_SIZE = 2048;

  /** Validates against the spec minimums; upper bounds only where the spec has one. */
  public SdioBusConfig {
    checkArgument(clockHz > 0, "clockHz must be > 0: %s", clockHz);
    checkArgument(busWidth == 1 || busWidth == 4, "busWidth must be 1 or 4: %s", busWidth);
    checkArgument(
        blockSize >= 1 && blockSize <= MAX_BLOCK_SIZE,
        "blockSize must be in 1..%s: %s",
        MAX_BLOCK_SIZE,
        blockSize);
    // [MMC-T]: N_CR 2..64, N_AC >= 2, N_WR >= 2, N_RC >= 8.
    checkArgument(nCr >= 2 && nCr <= 64, "nCr must be in 2..64: %s", nCr);
    checkArgument(firstDataGap >= 2, "firstDataGap must be >= 2: %s", firstDataGap);
    checkArgument(interBlockGap >= 2, "interBlockGap must be >= 2: %s", interBlockGap);
    // [SNDK] Fig 4-13: two Z cycles for the direction turnaround.
    checkArgument(
        trailingTurnaround >= 2, "trailingTurnaround must be >= 2: %s", trailingTurnaround);
    checkArgument(nWr >= 2, "nWr must be >= 2: %s", nWr);
    checkArgument(writeBusy >= 0, "writeBusy must be >= 0: %s", writeBusy);
    checkArgument(nRc >= 8, "nRc must be >= 8: %s", nRc);
    checkArgument(
        maxBlocksPerCmd >= 1 && maxBlocksPerCmd <= MAX_BLOCKS_PER_CMD53,
        "maxBlocksPerCmd must be in 1..%s: %s",
        MAX_BLOCKS_PER_CMD53,
        maxBlocksPerCmd);
  }

  /** Returns 50 MHz, 4-bit, 512-B blocks, N_CR 8, g0 = g = t = N_WR = busy = 2, N_RC 8, 511. */
  public static SdioBusConfig defaults() {
    return new SdioBusConfig(50_000_000L, 4, 512, 8, 2, 2, 2, 2, 2, 8, MAX_BLOCKS_PER_CMD53);
  }

  /** Returns a copy with another clock, e.g. 150 MHz for the RK3566 sdmmc1 cap. */
  public SdioBusConfig withClockHz(long newClockHz) {
    return new SdioBusConfig(
        newClockHz, busWidth, blockSize, nCr, firstDataGap, interBlockGap, trailingTurnaround,
        nWr, writeBusy, nRc, maxBlocksPerCmd);
  }

  /** Returns a copy with another bus width. */
  public SdioBusConfig withBusWidth(int newBusWidth) {
    return new SdioBusConfig(
        clockHz, newBusWidth, blockSize, nCr, firstDataGap, interBlockGap, trailingTurnaround,
        nWr, writeBusy, nRc, maxBlocksPerCmd);
  }

  /** Returns a copy with another CMD53 block size. */
  public SdioBusConfig withBlockSize(int newBlockSize) {
    return new SdioBusConfig(
        clockHz, busWidth, newBlockSize, nCr, firstDataGap, interBlockGap, trailingTurnaround,
        nWr, writeBusy, nRc, maxBlocksPerCmd);
  }

  /** Returns a copy with another per-CMD53 block count limit. */
  public SdioBusConfig withMaxBlocksPerCmd(int newMaxBlocksPerCmd) {
    return new SdioBusConfig(
        clockHz, busWidth, blockSize, nCr, firstDataGap, interBlockGap, trailingTurnaround,
        nWr, writeBusy, nRc, newMaxBlocksPerCmd);
  }
}
