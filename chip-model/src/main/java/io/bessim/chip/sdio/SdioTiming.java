package io.bessim.chip.sdio;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.math.IntMath;
import io.bessim.sim.Time;
import java.math.RoundingMode;

/**
 * Bus occupancy of SDIO CMD52 and CMD53 transfers, counted to the bus clock cycle.
 *
 * <p>Formulas from timing-facts.md §1.5, generalised from the 4-bit bus to w DAT lines. A data
 * block of B bytes is {@code 1 + 8B/w + 16 + 1} cycles: start bit, data, one CRC16 per DAT line
 * sent in parallel (so 16 cycles whatever the width), end bit ([SNDK] §4.11, SD PLSS §4.5).
 *
 * <pre>
 * CMD52          48 + N_CR + 48
 * CMD53 read     48 + N_CR + 48 + g0 + N*blk + (N-1)*g + t
 * CMD53 write    48 + N_CR + 48 + N_WR + N*(blk + 2 + 5 + busy) + (N-1)*N_WR
 * </pre>
 *
 * <p>None of these include N_RC, the gap before the next command; callers that chain commands add
 * {@link #commandGapCycles()} themselves.
 *
 * <p>Mode choice: byte mode when {@code bytes <= min(blockSize, 512)} (byte count 1..512, [SDIO]
 * Table 5-3; Linux {@code sdio_max_byte_size}), otherwise block mode with the buffer padded to
 * {@code ceil(bytes / blockSize)} whole blocks, as bes2600's {@code bes_sdio_memcpy_io_helper}
 * does. Linux's generic {@code sdio_io_rw_ext_helper} would instead send whole blocks and then
 * the remainder in byte mode; the driver under study does not use it for data. More than
 * {@code maxBlocksPerCmd} blocks are split over several CMD53s, each paying its own command and
 * response.
 */
public final class SdioTiming {
  /** Command frame on CMD: S, D, index 6, argument 32, CRC7, E ([SDIO] Fig 5-4). */
  static final int COMMAND_CYCLES = 48;

  /** R5 response, also 48 bits ([SDIO] §5.3). */
  static final int RESPONSE_CYCLES = 48;

  /** Byte-mode count field: 1..511, 0 meaning 512 ([SDIO] Table 5-3). */
  static final int MAX_BYTE_MODE_COUNT = 512;

  /** CRC16 per DAT line, sent in parallel on every line. */
  private static final int CRC16_CYCLES = 16;

  /** CRC status token starts 2 clocks after a write block's end bit ([SNDK] Fig 4-19). */
  private static final int CRC_STATUS_DELAY_CYCLES = 2;

  /** CRC status token on DAT0: S + 3 status bits + E ([SNDK] Fig 4-19). */
  private static final int CRC_STATUS_TOKEN_CYCLES = 5;

  private final SdioBusConfig config;
  // Bound once: a method reference written at the call allocates on every request under C1.
  private final CommandCost readCost = this::readCommandCycles;
  private final CommandCost writeCost = this::writeCommandCycles;

  /** Creates the timing for one bus configuration. */
  public SdioTiming(SdioBusConfig config) {
    this.config = checkNotNull(config);
  }

  /** Returns the bus configuration this timing was built from. */
  public SdioBusConfig config() {
    return config;
  }

  /** Returns the cycles of a CMD52: command, N_CR, R5 response; N_RC not included. */
  public long cmd52Cycles() {
    return commandAndResponseCycles();
  }

  /** Returns N_RC, the minimum gap between a response's end bit and the next command. */
  public long commandGapCycles() {
    return config.nRc();
  }

  /** Returns the largest transfer sent in byte mode: {@code min(blockSize, 512)}. */
  public int byteModeLimit() {
    return Math.min(config.blockSize(), MAX_BYTE_MODE_COUNT);
  }

  /** Returns whether a transfer of {@code bytes} uses block mode rather than byte mode. */
  public boolean isBlockMode(int bytes) {
    checkBytes(bytes);
    return bytes > byteModeLimit();
  }

  /** Returns the number of CMD53s needed for {@code bytes}: 1 in byte mode, else ceil(N / max). */
  public int cmd53Count(int bytes) {
    if (!isBlockMode(bytes)) {
      return 1;
    }
    return IntMath.divide(blockCount(bytes), config.maxBlocksPerCmd(), RoundingMode.CEILING);
  }

  /** Returns the bytes actually clocked over DAT: {@code bytes}, or padded to whole blocks. */
  public long busBytes(int bytes) {
    return isBlockMode(bytes) ? (long) blockCount(bytes) * config.blockSize() : bytes;
  }

  /** Returns the cycles of one data block of {@code bytes}: start, data, CRC16, end. */
  public long dataBlockCycles(int bytes) {
    checkBytes(bytes);
    return 1 + 8L * bytes / config.busWidth() + CRC16_CYCLES + 1;
  }

  /** Returns the cycles of all CMD53 reads needed to move {@code bytes} from the card. */
  public long cmd53ReadCycles(int bytes) {
    if (!isBlockMode(bytes)) {
      return readCommandCycles(1, bytes);
    }
    return sumOverCommands(bytes, readCost);
  }

  /** Returns the cycles of all CMD53 writes needed to move {@code bytes} to the card. */
  public long cmd53WriteCycles(int bytes) {
    if (!isBlockMode(bytes)) {
      return writeCommandCycles(1, bytes);
    }
    return sumOverCommands(bytes, writeCost);
  }

  /** Converts a cycle count to ps at the configured clock, rounding once to the nearest ps. */
  public long cyclesToPs(long cycles) {
    return Time.cycles(cycles, config.clockHz());
  }

  /** Returns {@link #cmd52Cycles()} in ps. */
  public long cmd52Ps() {
    return cyclesToPs(cmd52Cycles());
  }

  /** Returns {@link #cmd53ReadCycles(int)} in ps, rounded once for the whole transfer. */
  public long cmd53ReadPs(int bytes) {
    return cyclesToPs(cmd53ReadCycles(bytes));
  }

  /** Returns {@link #cmd53WriteCycles(int)} in ps, rounded once for the whole transfer. */
  public long cmd53WritePs(int bytes) {
    return cyclesToPs(cmd53WriteCycles(bytes));
  }

  /**
   * Returns the read throughput in MB/s (10^6 bytes) including a host software cost.
   *
   * <p>{@code bytes / (bus time + cmd53Count * hostOverheadPs)}: the overhead is charged per
   * CMD53, as timing-facts.md §2 quotes it, so a request split over several commands pays it
   * several times. Payload bytes count, not the padding.
   *
   * @param hostOverheadPs host software time per CMD53, excluding bus time
   */
  public double effectiveReadMBps(int bytes, long hostOverheadPs) {
    checkArgument(hostOverheadPs >= 0, "hostOverheadPs must be >= 0: %s", hostOverheadPs);
    long totalPs = cmd53ReadPs(bytes) + cmd53Count(bytes) * hostOverheadPs;
    return bytes / Time.toSeconds(totalPs) / 1e6;
  }

  /** Command, N_CR and R5 response: the head shared by CMD52 and every CMD53. */
  private long commandAndResponseCycles() {
    return COMMAND_CYCLES + config.nCr() + RESPONSE_CYCLES;
  }

  private long readCommandCycles(int blocks, int blockBytes) {
    return commandAndResponseCycles()
        + config.firstDataGap()
        + blocks * dataBlockCycles(blockBytes)
        + (blocks - 1L) * config.interBlockGap()
        + config.trailingTurnaround();
  }

  private long writeCommandCycles(int blocks, int blockBytes) {
    long perBlock =
        dataBlockCycles(blockBytes)
            + CRC_STATUS_DELAY_CYCLES
            + CRC_STATUS_TOKEN_CYCLES
            + config.writeBusy();
    return commandAndResponseCycles()
        + config.nWr()
        + blocks * perBlock
        + (blocks - 1L) * config.nWr();
  }

  /** Cost of one CMD53 of {@code blocks} blocks of {@code blockBytes} bytes. */
  private interface CommandCost {
    long cycles(int blocks, int blockBytes);
  }

  private long sumOverCommands(int bytes, CommandCost cost) {
    int blocks = blockCount(bytes);
    int max = config.maxBlocksPerCmd();
    long full = blocks / max;
    int rest = blocks % max;
    long cycles = full * cost.cycles(max, config.blockSize());
    return rest == 0 ? cycles : cycles + cost.cycles(rest, config.blockSize());
  }

  private int blockCount(int bytes) {
    return IntMath.divide(bytes, config.blockSize(), RoundingMode.CEILING);
  }

  private static void checkBytes(int bytes) {
    checkArgument(bytes >= 1, "bytes must be >= 1: %s", bytes);
  }
}
