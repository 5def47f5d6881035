package io.bessim.workloads;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.bessim.sim.Time;
import io.bessim.workloads.TrafficFactory.Kind;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * What one flow offers, in the model's units (bytes, bytes per second, picoseconds): the input of
 * {@link TrafficFactory#create(TrafficSpec, io.bessim.sim.Simulator, TcpConfig)}. The text forms
 * users write ({@code ramp:1MB/s-4MB/s@60s}) are parsed elsewhere into one of these.
 */
public sealed interface TrafficSpec
    permits TrafficSpec.Steady, TrafficSpec.Ramp, TrafficSpec.Burst, TrafficSpec.Replay {
  /** The transport. */
  Kind kind();

  /** The long-run mean offered application rate, B/s (see each kind for what "long-run" is). */
  double meanBytesPerSecond();

  /** A constant offered rate: UDP at exactly that rate, or TCP capped at it like pv. */
  record Steady(Kind kind, long bytesPerSec) implements TrafficSpec {
    public Steady {
      checkNotNull(kind, "kind");
      checkArgument(bytesPerSec > 0, "rate must be positive: %s", bytesPerSec);
    }

    @Override
    public double meanBytesPerSecond() {
      return bytesPerSec;
    }
  }

  /**
   * A rate that moves linearly from {@code fromBytesPerSec} to {@code toBytesPerSec} over {@code
   * rampPs} from the start, then holds {@code toBytesPerSec}; its long-run mean is the held rate.
   * For TCP the pv-like cap follows the ramp.
   */
  record Ramp(Kind kind, long fromBytesPerSec, long toBytesPerSec, long rampPs)
      implements TrafficSpec {
    public Ramp {
      checkNotNull(kind, "kind");
      checkArgument(fromBytesPerSec >= 0, "negative ramp start rate %s", fromBytesPerSec);
      checkArgument(toBytesPerSec > 0, "ramp end rate must be positive: %s", toBytesPerSec);
      checkArgument(rampPs > 0, "ramp time must be positive: %s", rampPs);
    }

    @Override
    public double meanBytesPerSecond() {
      return toBytesPerSec;
    }

    /** Bytes offered over {@code [0, atPs]}: the integral of the rate. */
    public double bytesBy(long atPs) {
      double t = Time.toSeconds(Math.min(atPs, rampPs));
      double ramped = fromBytesPerSec * t
          + (toBytesPerSec - fromBytesPerSec) * t * t / (2 * Time.toSeconds(rampPs));
      return ramped + toBytesPerSec * Time.toSeconds(Math.max(0, atPs - rampPs));
    }
  }

  /**
   * On/off chunk fetches: every {@code periodPs} a chunk of {@code chunkBytes} is offered at
   * {@code burstBytesPerSec}, then nothing until the next period; the mean is chunk / period.
   */
  record Burst(Kind kind, long chunkBytes, long burstBytesPerSec, long periodPs)
      implements TrafficSpec {
    public Burst {
      checkNotNull(kind, "kind");
      checkArgument(chunkBytes > 0, "chunk must be positive: %s", chunkBytes);
      checkArgument(burstBytesPerSec > 0, "burst rate must be positive: %s", burstBytesPerSec);
      checkArgument(periodPs > 0, "burst period must be positive: %s", periodPs);
      checkArgument(fitsInPeriod(chunkBytes, burstBytesPerSec, periodPs),
          "a %s-B chunk at %s B/s takes longer than its %s-ps period", chunkBytes,
          burstBytesPerSec, periodPs);
    }

    /** Whether {@code chunkBytes} at {@code bytesPerSec} take at most {@code periodPs}, exactly. */
    public static boolean fitsInPeriod(long chunkBytes, long bytesPerSec, long periodPs) {
      BigInteger onTimesRate = BigInteger.valueOf(chunkBytes).multiply(BigInteger.valueOf(Time.S));
      BigInteger periodTimesRate =
          BigInteger.valueOf(periodPs).multiply(BigInteger.valueOf(bytesPerSec));
      return onTimesRate.compareTo(periodTimesRate) <= 0;
    }

    @Override
    public double meanBytesPerSecond() {
      return chunkBytes / Time.toSeconds(periodPs);
    }
  }

  /**
   * A recorded trace replayed as UDP datagrams at the rows' times; the mean is the trace's
   * downlink bytes over the time of its last row (at least 1 s).
   *
   * @param file where the trace was read from (for reports)
   */
  record Replay(Path file, ReplayTrace trace) implements TrafficSpec {
    public Replay {
      checkNotNull(file, "file");
      checkNotNull(trace, "trace");
    }

    @Override
    public Kind kind() {
      return Kind.UDP;
    }

    @Override
    public double meanBytesPerSecond() {
      return trace.downBytes() / Time.toSeconds(Math.max(trace.lastPs(), Time.S));
    }
  }
}
