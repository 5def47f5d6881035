package io.bessim.sim;

/**
 * Where a model reports what it is doing, for a timeline viewer; free when tracing is off.
 *
 * <p>Callers guard every call with {@code if (trace.enabled())} so that, with {@link #OFF}, no
 * strings are built and no arguments are boxed: the JIT sees a constant {@code false} and removes
 * the whole block. A track is one horizontal lane in the viewer (a CPU, the SDIO bus, a queue);
 * times are simulated picoseconds.
 */
public interface TraceSink {
  /** A sink that records nothing; its {@link #enabled()} is false. */
  TraceSink OFF =
      new TraceSink() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public void complete(String track, String name, long startPs, long durPs) {}

        @Override
        public void instant(String track, String name, long atPs) {}

        @Override
        public void counter(String track, String name, long atPs, double value) {}

        @Override
        public String toString() {
          return "TraceSink.OFF";
        }
      };

  /** Whether calls are recorded; when false, callers should skip building their arguments. */
  boolean enabled();

  /** A slice on {@code track}: {@code name} ran from {@code startPs} for {@code durPs}. */
  void complete(String track, String name, long startPs, long durPs);

  /** A point event on {@code track} at {@code atPs}. */
  void instant(String track, String name, long atPs);

  /** The counter {@code name} on {@code track} took {@code value} at {@code atPs}. */
  void counter(String track, String name, long atPs, double value);

  /**
   * One end of a flow arrow {@code id} on {@code track} at {@code atPs}: where it starts
   * ({@code start}) or ends; the viewer draws it between the slices there. Ignored by default.
   */
  default void flow(String track, String name, long atPs, long id, boolean start) {}
}
