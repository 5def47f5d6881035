package io.bessim.workloads;

import java.util.List;

/**
 * Instants of a replayed trace: each row's bytes are offered at the row's time as back-to-back
 * units of {@code unitBytes}, the last one shorter. The server's link is not modelled: a row's
 * units all leave at the same picosecond and queue at the AP.
 */
final class ReplaySchedule implements OfferSchedule {
  private final List<ReplayTrace.Row> rows;
  private final int unitBytes;
  private long startPs;
  private int row;
  private long leftInRow;

  ReplaySchedule(ReplayTrace trace, int unitBytes) {
    this.rows = trace.down();
    this.unitBytes = unitBytes;
  }

  @Override
  public void start(long atPs) {
    startPs = atPs;
    row = 0;
    leftInRow = rows.get(0).bytes();
  }

  @Override
  public long nextPs() {
    return row < rows.size() ? startPs + rows.get(row).atPs() : END;
  }

  @Override
  public int unitBytes() {
    return (int) Math.min(unitBytes, leftInRow);
  }

  @Override
  public long advance() {
    leftInRow -= unitBytes();
    if (leftInRow == 0 && ++row < rows.size()) leftInRow = rows.get(row).bytes();
    return nextPs();
  }
}
