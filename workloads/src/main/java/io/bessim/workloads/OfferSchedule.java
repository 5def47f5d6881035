package io.bessim.workloads;

/**
 * When a sending application offers its successive units (UDP datagrams, or MSS-sized writes into
 * a TCP socket) and how large each is. A schedule is a cursor: {@link #start} puts it on the
 * first unit, {@link #advance} moves it on. Instants are absolute picoseconds and never decrease.
 */
interface OfferSchedule {
  /** {@link #nextPs()} once the schedule has nothing more to offer. */
  long END = Long.MAX_VALUE;

  /** Rewinds to the first unit, which is due at or after {@code atPs}. */
  void start(long atPs);

  /** When the current unit is due, or {@link #END}. */
  long nextPs();

  /** Payload bytes of the current unit. */
  int unitBytes();

  /** Moves on to the following unit and returns its instant, or {@link #END}. */
  long advance();
}
