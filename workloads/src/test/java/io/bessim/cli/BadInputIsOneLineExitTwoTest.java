package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class BadInputIsOneLineExitTwoTest {
  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("unknown architecture 'v9' (known: baseline, v1, v2, v3)",
            new String[] {"compare", "--arch", "v1,v9"}),
        Arguments.of("duration must be positive", new String[] {"compare", "--duration", "-5s"}),
        Arguments.of("duration must be positive", new String[] {"compare", "--duration=-5s"}),
        Arguments.of("duration must be positive", new String[] {"compare", "--duration", "0s"}),
        Arguments.of("malformed duration 'banana'",
            new String[] {"compare", "--duration", "banana"}),
        Arguments.of("negative rate", new String[] {"compare", "--workload", "tcp:-1MB/s"}),
        Arguments.of("unknown workload kind 'carrier-pigeon'",
            new String[] {"compare", "--workload", "carrier-pigeon:3MB/s"}),
        Arguments.of("Invalid value for option '--duration': malformed duration 'banana'",
            new String[] {"sweep", "--out", "x", "--duration", "banana"}),
        Arguments.of("Invalid value for option '--duration': duration must be positive",
            new String[] {"calibrate", "--duration", "-1s"}),
        Arguments.of("Invalid value for option '--workload': malformed rate 'x' in 'udp:x'",
            new String[] {"calibrate", "--workload", "udp:x"}),
        Arguments.of("Invalid value for option '--trace-window': the window must end after it"
            + " starts, got '5s..1s'", new String[] {"run", "--arch", "v3", "--trace-window",
                "5s..1s", "--trace", "/tmp/x.json"}),
        Arguments.of("--seeds must be at least 1", new String[] {"compare", "--seeds", "0"}),
        Arguments.of("--seeds must be at least 1",
            new String[] {"sweep", "--out", "x", "--seeds", "0"}),
        Arguments.of("--threads must be at least 1",
            new String[] {"sweep", "--out", "x", "--threads", "0"}),
        Arguments.of("--threads must be at least 1", new String[] {"compare", "--threads", "0"}),
        Arguments.of("unknown parameter 'no.such.knob'",
            new String[] {"compare", "--set", "no.such.knob=1"}),
        Arguments.of("sdio.clockHz wants a number, got 'abc'",
            new String[] {"compare", "--set", "sdio.clockHz=abc"}),
        Arguments.of("host.irqCpu = 5 is not a CPU of a 4-CPU host",
            new String[] {"compare", "--set", "host.irqCpu=5"}),
        Arguments.of("must be in 0..7", new String[] {"compare", "--set", "air.mcs=9"}),
        Arguments.of("is one of preset/relay/direct/bh",
            new String[] {"compare", "--set", "arch.rxPath=sideways"}),
        Arguments.of("directory /nonexistent-dir does not exist",
            new String[] {"compare", "--json", "/nonexistent-dir/x.json"}),
        Arguments.of("directory /nonexistent-dir does not exist",
            new String[] {"compare", "--csv", "/nonexistent-dir/x.csv"}),
        Arguments.of("cannot read --profile", new String[] {"compare", "--profile", "/no/such"}),
        Arguments.of("given twice", new String[] {"compare", "--arch", "v1,v1"}),
        Arguments.of("unknown architecture 'v9'", new String[] {"run", "--arch", "v9"}),
        // picocli's own parse errors get the same one-line treatment plus a pointer to --help.
        Arguments.of("Unknown option: '--bogus' (see 'bessim compare --help')",
            new String[] {"compare", "--bogus"}),
        Arguments.of("'x' is not an int", new String[] {"compare", "--seeds", "x"}),
        Arguments.of("Missing required option", new String[] {"run"}),
        Arguments.of("NAME=VALUE", new String[] {"compare", "--set", "novalue"}),
        Arguments.of("cannot read --measurements '/no/such': no such file",
            new String[] {"calibrate", "--measurements", "/no/such"}),
        Arguments.of("--params: unknown parameter 'fw.nope'",
            new String[] {"calibrate", "--params", "fw.nope"}),
        Arguments.of("--params: pm.mcuFlagHeld is not numeric",
            new String[] {"calibrate", "--params", "pm.mcuFlagHeld"}),
        Arguments.of("--arch v3 disagrees with rig-baseline.measurements, measured on baseline",
            new String[] {"calibrate", "--arch", "v3"}),
        Arguments.of("--workload udp:4MB/s disagrees with rig-baseline.measurements",
            new String[] {"calibrate", "--workload", "udp:4MB/s"}),
        Arguments.of("--max-evals must be at least 3",
            new String[] {"calibrate", "--max-evals", "2"}),
        Arguments.of("directory /nonexistent-dir does not exist",
            new String[] {"calibrate", "--out", "/nonexistent-dir/c.profile"}),
        Arguments.of("--seeds must be at least 1", new String[] {"calibrate", "--seeds", "0"}),
        Arguments.of("unknown parameter 'no.such.knob'",
            new String[] {"calibrate", "--set", "no.such.knob=1"}),
        Arguments.of("the profile marks no numeric parameter with a range as fitted or unknown",
            new String[] {"calibrate", "--set", "fw.rxPoolFrames=11",
                "--set", "fw.rxProcessingUs=60"}),
        Arguments.of("--profiles must be at least 1", new String[] {"predict", "--profiles", "0"}),
        Arguments.of("--max-candidates must be at least --profiles (5), got 2",
            new String[] {"predict", "--profiles", "5", "--max-candidates", "2"}),
        Arguments.of("unknown architecture 'v9'", new String[] {"predict", "--arch", "v9"}),
        Arguments.of("cannot read --measurements '/no/such': no such file",
            new String[] {"predict", "--measurements", "/no/such"}),
        Arguments.of("directory /nonexistent-dir does not exist",
            new String[] {"predict", "--json", "/nonexistent-dir/p.json"}),
        Arguments.of("Invalid value for option '--duration': duration must be positive",
            new String[] {"predict", "--duration", "0s"}),
        Arguments.of("--threads must be at least 1", new String[] {"predict", "--threads", "0"}),
        Arguments.of("the profile has no free parameter (kind fitted or unknown with a numeric"
            + " range): nothing to sample", new String[] {"predict", "--set", "fw.rxPoolFrames=11",
                "--set", "fw.rxProcessingUs=60"}));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void printsOneNamedLineAndExitsTwoWithoutRunning(String expected, String[] args) {
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, args);

    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().startsWith("bessim: "), o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
    assertFalse(o.err().contains("\tat "), o.err());
    assertEquals("", o.out());
    assertTrue(runner.seen().isEmpty(), "nothing may run before the input is checked");
  }
}
