package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of issue 10: every command and every file format (profile, scenario,
 * measurements, replay CSV, sweep folders), each case refused with exit code 2, one line on
 * stderr naming the problem, no stack trace, nothing run and no file left behind. The CLI runs
 * in-process on {@link FakeRunner}, so the few hundred cases take about a second.
 *
 * <p>In the arguments, {@code @name} is a fixture file in the test's folder and {@code OUT/} a
 * folder outputs would go to; both folders must be as they were after every case.
 */
final class BadInputMatrixTest {
  @TempDir static Path dir;

  private static final String S = "compare --arch v3 --duration 5s --seeds 1";
  private static final String C = "compare --arch v3";

  @BeforeAll
  static void fixtures() throws IOException {
    Files.createDirectories(dir.resolve("OUT"));
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(dir.resolve("junk.bin"), junk);
    byte[] latin1 = "host.cpus = 4 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("latin1.profile"), latin1);
    write("dup.profile", "host.cpus = 4\nhost.cpus = 2\n");
    write("unknown.profile", "no.such = 1\n");
    write("noeq.profile", "host.cpus 4\n");
    write("novalue.profile", "host.cpus =\n");
    write("frac.profile", "fw.rxPoolFrames = 11.5\n");
    write("zero.profile", "tcp.mss = 0 | bytes\n");
    write("huge.profile", "tcp.delAckMs = 1e15\n");
    write("unit.profile", "bh.timeoutMs = 5 | s\n");
    write("bool.profile", "sched.preempt = maybe\n");
    write("choice.profile", "arch.rxPath = sideways\n");
    write("nan.profile", "sdio.clockHz = NaN\n");
    write("cpus.profile", "host.cpus = 2\nhost.irqCpu = 3\n");
    write("inverted.profile", "fw.rxPoolFrames = 11 | frames | unknown | x | 200..100\n");
    write("badrange.profile", "fw.rxPoolFrames = 11 | frames | unknown | x | a..b\n");
    write("buswidth.profile", "sdio.busWidth = 2\n");
    write("freecpus.profile", "host.cpus = 4 | CPUs | unknown | x | 1..8\n");
    write("dup.scenario", "arch = v3\narch = v2\n");
    write("dupset.scenario", "set tcp.mss = 1000\nset tcp.mss = 1200\n");
    write("badkey.scenario", "speed = 11\n");
    write("baddur.scenario", "duration = banana\n");
    write("shortdur.scenario", "duration = 1ns\n");
    write("longdur.scenario", "duration = 100h\n");
    write("badseeds.scenario", "seeds = 0\n");
    write("hugeseeds.scenario", "seeds = 1000000000\n");
    write("badset.scenario", "set tcp.mss = 0\n");
    write("fracset.scenario", "set fw.rxPoolFrames = 11.5\n");
    write("unknownset.scenario", "set no.such = 1\n");
    write("noprofile.scenario", "profile = missing.profile\n");
    write("badarch.scenario", "arch = v9\n");
    write("twoarch.scenario", "arch = v1,v2\n");
    write("badworkload.scenario", "workload = carrier-pigeon:3MB/s\n");
    write("presetvariant.scenario", "variant v3 = v2 + rx.delivery=batch\n");
    write("badvariant.scenario", "variant x = v3 + no.knob=1\n");
    write("noequals.scenario", "arch v3\n");
    write("dup.measurements", "[a]\ndeliveredMBps = 1 | 10% | x\ndeliveredMBps = 2 | 10% | x\n");
    write("dupsection.measurements",
        "[a]\ndeliveredMBps = 1 | 10% | x\n[a]\ndeliveredMBps = 2 | 10% | x\n");
    write("nofigure.measurements", "[a]\narch = baseline\n");
    write("badquantity.measurements", "[a]\nbananas = 1 | 10% | x\n");
    write("badvalue.measurements", "[a]\ndeliveredMBps = lots | 10% | x\n");
    write("badband.measurements", "[a]\ndeliveredMBps = 1 | wide | x\n");
    write("badsection.measurements", "[a b]\ndeliveredMBps = 1 | 10% | x\n");
    write("countable2.measurements",
        "countable = warns\ncountable = warns\n[a]\nwarns = 0 | 0..1 | x\n");
    write("badarch.measurements", "[a]\narch = v9\ndeliveredMBps = 1 | 10% | x\n");
    write("empty.measurements", "# nothing\n");
    write("huge.csv", "time_s,bytes,direction\n0.1,100000000000,down\n");
    write("enormous.csv", "time_s,bytes,direction\n0.1,100000000000000000000000,down\n");
    write("negtime.csv", "time_s,bytes,direction\n-1,100,down\n");
    write("late.csv", "time_s,bytes,direction\n0.5,100,up\n600,100,down\n");
    write("dir.csv", "time_s,bytes,direction\n0.1,100,sideways\n");
    write("order.csv", "time_s,bytes,direction\n0.2,100,down\n0.1,100,down\n");
    write("noDown.csv", "time_s,bytes,direction\n0.1,100,up\n");
    write("fields.csv", "time_s,bytes,direction\n0.1,100,down,extra\n");
    write("zero.csv", "time_s,bytes,direction\n0.1,0,down\n");
    write("frac.csv", "time_s,bytes,direction\n0.1,1.5,down\n");
    write("nantime.csv", "time_s,bytes,direction\nNaN,100,down\n");
    write("empty.csv", "");
    write("afile", "not a folder\n");
    // Good inputs, for outputs that would overwrite one.
    write("good.profile", "host.cpus = 4\n");
    write("good.scenario", "arch = v3\nduration = 5s\nseeds = 1\n");
    write("good.csv", "time_s,bytes,direction\n0.1,100,down\n");
    write("good.measurements", "[a]\narch = baseline\nworkload = tcp:4MB/s\nduration = 5s\n"
        + "deliveredMBps = 1.362 | 15% | x\n");
    Files.createDirectories(dir.resolve("notsweep"));
    Files.createDirectories(dir.resolve("junksweep"));
    Files.write(dir.resolve("junksweep/sweep.json"), junk);
    Files.createDirectories(dir.resolve("badjson"));
    write("badjson/sweep.json", "{ not json");
    Files.createDirectories(dir.resolve("nogrid"));
    write("nogrid/sweep.json", "{\"format\": \"bessim-sweep/1\"}\n");
    Files.createDirectories(dir.resolve("junkrows"));
    write("junkrows/sweep.json", "{\"grid\": {}}\n");
    Files.write(dir.resolve("junkrows/results.csv"), junk);
    Files.createDirectories(dir.resolve("dupkey"));
    write("dupkey/sweep.json", "{\"grid\": {\"seeds\": 1, \"seeds\": 2}}\n");
    Files.createDirectories(dir.resolve("trailing"));
    write("trailing/sweep.json", "{\"grid\": {}} {}\n");
    Files.createDirectories(dir.resolve("norows"));
    write("norows/sweep.json", "{\"grid\": {}}\n");
    write("norows/results.csv", "");
    Files.createDirectories(dir.resolve("rows"));
    write("rows/results.csv", "point,key,arch,seed,deliveredMBps\n0,arch=v3|seed=1,v3,1,1.5\n");
    Files.createDirectories(dir.resolve("emptygrid"));
    write("emptygrid/sweep.json", "{\"grid\":{}}\n");
    write("emptygrid/results.csv",
        "point,key,arch,seed,deliveredMBps\n0,arch=v3|seed=1,v3,1,1.5\n");
    Files.createDirectories(dir.resolve("full"));
    write("full/results.csv", "point,key\n0,a\n");
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  /** Each case: the words the one line must contain, and the command line. */
  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    // --- the cases of issue 10, as filed
    add(c, "parameter tcp.mss must be in 536..1460 bytes, got '0'", S + " --set tcp.mss=0");
    // A name set twice on one command line (the last used to win silently).
    add(c, "--set bh.timeoutMs is given twice (bh.timeoutMs=500 and bh.timeoutMs=1000)",
        S + " --set bh.timeoutMs=500 --set bh.timeoutMs=1000");
    add(c, "--set fw.rxPoolFrames is given twice",
        "run --arch v3 --duration 1s --set fw.rxPoolFrames=8 --set tcp.mss=1000"
            + " --set fw.rxPoolFrames=8");
    add(c, "NAME=VALUE format but was =5", S + " --set =5");
    add(c, "parameter tcp.rtoMinMs must be in", S + " --set tcp.rtoMinMs=0");
    add(c, "parameter tcp.initialCwnd must be in", S + " --set tcp.initialCwnd=0");
    add(c, "parameter tcp.delAckMs must be in", S + " --set tcp.delAckMs=0");
    add(c, "parameter tcp.delAckMs must be in 1..200 ms, got '1e15'",
        S + " --set tcp.delAckMs=1e15");
    add(c, "parameter fw.rxPoolFrames wants a whole number in 1..128 frames, got '11.5'",
        S + " --set fw.rxPoolFrames=11.5");
    add(c, "parameter kernel.queueWorkNs must be in", S + " --set kernel.queueWorkNs=1e12");
    add(c, "parameter fw.rxBatchMaxBytes must be in", S + " --set fw.rxBatchMaxBytes=0");
    add(c, "parameter bh.timeoutMs must be in", S + " --set bh.timeoutMs=0.0001");
    add(c, "parameter fw.lengthUnitBytes must be in", S + " --set fw.lengthUnitBytes=0");
    add(c, "--seeds 1000000000 is over the limit of 100000",
        "compare --arch v3 --duration 1ms --seeds 1000000000");
    add(c, "--duration 0.000000001s is under the limit of 0.01s", C + " --duration 1ns");
    add(c, "--arch names no architecture", "compare --arch , --duration 5s --seeds 1");
    add(c, "run takes one architecture", "run --arch v1,v2 --duration 5s");
    add(c, "dup.profile:2: host.cpus is given twice (line 1)", S + " --profile @dup.profile");
    add(c, "inverted.profile:1: fw.rxPoolFrames: range '200..100' is empty (200 is above 100)",
        "predict --duration 5s --profiles 1 --profile @inverted.profile");
    add(c, "badrange.profile:1: fw.rxPoolFrames: range 'a..b' is not two numbers as lo..hi",
        S + " --profile @badrange.profile");
    add(c, "huge.csv line 2: bytes 100000000000 is over the limit of 100000000 per row",
        S + " --workload replay:@huge.csv");
    add(c, "replay trace '@junk.bin' is not", S + " --workload replay:@junk.bin");
    add(c, "profile '@junk.bin' is not", S + " --profile @junk.bin");
    add(c, "--trace-window needs --trace FILE", "run --arch v3 --trace-window 0s..1s");
    add(c, "Value for option '--set'", S + " --set foo");
    add(c, "xxxxxxxxxx...' (known:", "compare --arch " + "x".repeat(100_000));
    add(c, "nothing can be created in /proc", S + " --json /proc/a.json");
    add(c, "--json '': an empty path", new String[] {"compare", "--json", ""});
    add(c, "profile '': an empty path", new String[] {"compare", "--profile", ""});
    add(c, "--scenario '': an empty path", new String[] {"compare", "--scenario", ""});
    add(c, "--measurements '': an empty path", new String[] {"calibrate", "--measurements", ""});
    add(c, "--json and --csv both write to", S + " --json OUT/x --csv OUT/x");
    // --- outputs, every command that writes one
    add(c, "--json and --csv both write to standard output", S + " --json - --csv -");
    add(c, "--trace and --json both write to", "run --arch v3 --duration 5s --json OUT/t"
        + " --trace OUT/t");
    add(c, "--trace and --csv both write to", "run --arch v3 --duration 5s --csv OUT/t"
        + " --trace OUT/t");
    add(c, "--report and --json both write to", S + " --json OUT/r --report OUT/r");
    add(c, "--report and --json both write to standard output", S + " --json - --report -");
    add(c, "--out and --csv both write to", "report --arch v3 --duration 5s --csv OUT/r"
        + " --out OUT/r");
    add(c, "--report and --json both write to", "predict --arch v3 --profiles 1"
        + " --duration 5s --json OUT/p --report OUT/p");
    // --- an output on an input's path (the input must stay as it was)
    add(c, "--json '@good.profile': it is the --profile file this command reads",
        S + " --profile @good.profile --json @good.profile");
    add(c, "it is the --profile file this command reads",
        S + " --profile @good.profile --report @good.profile");
    add(c, "--json '@good.scenario': it is the --scenario file this command reads",
        "compare --scenario @good.scenario --json @good.scenario");
    add(c, "--csv '@good.csv': it is the replay trace file this command reads",
        S + " --workload replay:@good.csv --csv @good.csv");
    add(c, "--trace '@good.csv': it is the replay trace file this command reads",
        "run --arch v3 --duration 5s --workload replay:@good.csv --trace @good.csv");
    add(c, "--ftrace '@good.profile': it is the --profile file this command reads",
        "run --arch v3 --duration 5s --profile @good.profile --ftrace @good.profile");
    add(c, "--out '@good.profile': it is the --profile file this command reads",
        "report --arch v3 --duration 5s --profile @good.profile --out @good.profile");
    add(c, "--out '@junkrows/results.csv': it is the --sweep results file this command reads",
        "report --arch v3 --duration 5s --sweep @junkrows --out @junkrows/results.csv");
    add(c, "--json '@junkrows/sweep.json': it is the --sweep manifest file this command reads",
        "report --arch v3 --duration 5s --sweep @junkrows --json @junkrows/sweep.json");
    add(c, "--out '@good.profile': it is the --profile file this command reads",
        "calibrate --duration 5s --profile @good.profile --out @good.profile");
    add(c, "--out '@good.measurements': it is the --measurements file this command reads",
        "calibrate --duration 5s --measurements @good.measurements --out @good.measurements");
    add(c, "--json '@good.measurements': it is the --measurements file this command reads",
        "predict --duration 5s --profiles 1 --measurements @good.measurements"
            + " --json @good.measurements");
    add(c, "--report '@good.profile': it is the --profile file this command reads",
        "predict --duration 5s --profiles 1 --profile @good.profile --report @good.profile");
    add(c, "--trace '@good.profile': it is the --profile file this command reads",
        "race explain --arch v1 --profile @good.profile --trace @good.profile");
    add(c, "--report '@good.profile': it is the --profile file this command reads",
        "sweep --out OUT/s --vary tcp.mss=600,700 --profile @good.profile --report @good.profile");
    add(c, "--report '@good.scenario': it is the --scenario file this command reads",
        "sweep --out OUT/s --vary tcp.mss=600,700 --scenario @good.scenario"
            + " --report @good.scenario");
    add(c, "it is a directory", S + " --json OUT");
    add(c, "it is a directory", S + " --csv OUT");
    add(c, "does not exist", S + " --csv OUT/none/x.csv");
    add(c, "is not a directory", S + " --json @afile/x.json");
    add(c, "nothing can be created in", S + " --csv /sys/x.csv");
    add(c, "nothing can be created in", S + " --json /dev/no-such-device");
    add(c, "it is a directory", "run --arch v3 --duration 5s --trace OUT");
    add(c, "does not exist", "run --arch v3 --duration 5s --trace OUT/none/t.json");
    add(c, "it is a directory", "predict --json OUT");
    add(c, "nothing can be created in /proc", "predict --json /proc/p.json");
    add(c, "it is a directory", "calibrate --out OUT");
    add(c, "nothing can be created in /proc", "calibrate --out /proc/c.profile");
    add(c, "it is a directory", "arch describe v3 --dot OUT");
    add(c, "does not exist", "arch describe v3 --dot OUT/none/g.dot");
    add(c, "it is a directory", "race explain --arch v1 --trace OUT");
    add(c, "--out '@afile' is a file, not a folder", "sweep --out @afile --vary tcp.mss=600,700");
    add(c, "--out DIR is required", "sweep --vary tcp.mss=600,700");
    // An empty folder name meant the working directory: results.csv and sweep.json landed there.
    add(c, "--out '': an empty path", new String[] {"sweep", "--vary", "tcp.mss=600,700",
        "--out", ""});
    add(c, "--out '': an empty path", new String[] {"sweep", "merge", "OUT", "--out", ""});
    add(c, "DIR '': an empty path", new String[] {"sweep", "merge", "", "--out", "OUT/m"});
    add(c, "DIR '': an empty path", new String[] {"sweep", "table", ""});
    // --- limits
    add(c, "--seeds 100001 is over the limit of 100000", C + " --seeds 100001");
    add(c, "--seeds 100001 is over the limit", "sweep --out OUT/s --seeds 100001");
    add(c, "--seeds 100001 is over the limit", "calibrate --seeds 100001");
    add(c, "--seeds must be at least 1", C + " --seeds 0");
    add(c, "--seeds must be at least 1, got -1", new String[] {"compare", "--seeds=-1"});
    add(c, "is not an int", C + " --seeds 99999999999");
    add(c, "--duration 172800s is over the limit of 86400s", C + " --duration 48h");
    add(c, "is over the limit of 86400s", "run --arch v3 --duration 25h");
    add(c, "is under the limit of 0.01s", "run --arch v3 --duration 5ms");
    add(c, "is under the limit of 0.01s", "sweep --out OUT/s --duration 1us --vary tcp.mss=600");
    add(c, "is under the limit of 0.01s", "predict --duration 1ms");
    add(c, "is under the limit of 0.01s", "calibrate --duration 1ms");
    add(c, "duration '99999999999999999999h' is too long", C + " --duration 99999999999999999999h");
    add(c, "--seed-base 9223372036854775807 is too large for 2 seeds",
        C + " --seeds 2 --seed-base 9223372036854775807");
    add(c, "is over the limit of", "run --arch v3 --duration 3600s --trace OUT/t.json"
        + " --trace-window 0s..3600s");
    add(c, "--trace-window starts after the run ends", "run --arch v3 --duration 5s"
        + " --trace OUT/t.json --trace-window 10s..11s");
    add(c, "--threads must be at least 1", S + " --threads 0");
    // --- messages
    add(c, "run takes one architecture", "run --arch v1,v2,v3");
    add(c, "unknown architecture", "run --arch " + "y".repeat(5000));
    add(c, "yyyyyyyyyy...' (known:", "run --arch " + "y".repeat(5000));
    add(c, "unknown parameter", S + " --set " + "p".repeat(3000) + "=1");
    add(c, "...(3002 characters)", S + " --set " + "p".repeat(3000) + "=1");
    add(c, "unknown architecture 'v9'", "compare --arch v1,v9");
    add(c, "given twice", "compare --arch v1,v1");
    add(c, "Unknown option: '--bogus'", "compare --bogus");
    add(c, "Unknown option", "run --arch v3 --seeds 3");
    add(c, "Missing required option", "run");
    add(c, "malformed duration 'banana'", C + " --duration banana");
    add(c, "malformed duration", C + " --duration 5");
    add(c, "duration must be positive", C + " --duration -5s");
    add(c, "unknown workload kind", S + " --workload carrier-pigeon:3MB/s");
    add(c, "negative rate", S + " --workload tcp:-1MB/s");
    add(c, "malformed rate", S + " --workload udp:fast");
    add(c, "malformed ramp", S + " --workload ramp:1MB/s-4MB/s");
    add(c, "expected FROM..TO", "run --arch v3 --trace OUT/t.json --trace-window 10s");
    add(c, "the window must end after it starts", "run --arch v3 --trace OUT/t.json"
        + " --trace-window 5s..1s");
    // --- profile files
    add(c, "dup.profile:2: host.cpus is given twice", S + " --profile @dup.profile");
    add(c, "@latin1.profile' is not UTF-8 text", S + " --profile @latin1.profile");
    add(c, "unknown parameter 'no.such'", S + " --profile @unknown.profile");
    add(c, "noeq.profile:1: expected 'name = value", S + " --profile @noeq.profile");
    add(c, "novalue.profile:1: no value for host.cpus", S + " --profile @novalue.profile");
    add(c, "wants a whole number in 1..128 frames, got '11.5'", S + " --profile @frac.profile");
    add(c, "parameter tcp.mss must be in", S + " --profile @zero.profile");
    add(c, "parameter tcp.delAckMs must be in", S + " --profile @huge.profile");
    add(c, "bh.timeoutMs is in ms, not s", S + " --profile @unit.profile");
    add(c, "sched.preempt wants true or false", S + " --profile @bool.profile");
    add(c, "arch.rxPath is one of", S + " --profile @choice.profile");
    add(c, "sdio.clockHz wants a number, got 'NaN' (a whole one in 25000000..150000000 Hz)",
        S + " --profile @nan.profile");
    add(c, "host.irqCpu = 3 and host.appCpu = 2 are not CPUs of a 2-CPU host",
        S + " --profile @cpus.profile");
    add(c, "cannot read --profile", S + " --profile @none.profile");
    add(c, "cannot read --profile", S + " --profile OUT");
    add(c, "dup.profile:2: host.cpus is given twice", "run --arch v3 --profile @dup.profile");
    add(c, "dup.profile:2: host.cpus is given twice",
        "sweep --out OUT/s --profile @dup.profile --vary tcp.mss=600");
    add(c, "dup.profile:2: host.cpus is given twice", "predict --profile @dup.profile");
    add(c, "dup.profile:2: host.cpus is given twice", "calibrate --profile @dup.profile");
    add(c, "profile '@junk.bin' is not", "predict --profile @junk.bin");
    add(c, "profile '@junk.bin' is not", "calibrate --profile @junk.bin");
    // --- scenario files
    add(c, "dup.scenario line 2", S + " --scenario @dup.scenario");
    add(c, "dupset.scenario line 2", "compare --scenario @dupset.scenario");
    add(c, "unknown key 'speed'", "compare --scenario @badkey.scenario");
    add(c, "malformed duration 'banana'", "compare --scenario @baddur.scenario");
    // The file's own key is named, not the option it did not come from.
    add(c, "shortdur.scenario line 1: duration = 0.000000001s is under the limit of 0.01s",
        "compare --scenario @shortdur.scenario");
    add(c, "longdur.scenario line 1: duration = 360000s is over the limit of 86400s",
        "compare --scenario @longdur.scenario");
    add(c, "badseeds.scenario line 1", "compare --scenario @badseeds.scenario");
    add(c, "hugeseeds.scenario line 1: seeds 1000000000 is over the limit",
        "compare --scenario @hugeseeds.scenario");
    add(c, "parameter tcp.mss must be in", "compare --scenario @badset.scenario");
    add(c, "wants a whole number", "compare --scenario @fracset.scenario");
    add(c, "unknown parameter 'no.such'", "compare --scenario @unknownset.scenario");
    add(c, "profile", "compare --scenario @noprofile.scenario");
    add(c, "unknown architecture 'v9'", "compare --scenario @badarch.scenario");
    add(c, "run takes one architecture", "run --scenario @twoarch.scenario");
    add(c, "unknown workload kind", "compare --scenario @badworkload.scenario");
    add(c, "has the name of a preset", "compare --scenario @presetvariant.scenario");
    add(c, "badvariant.scenario line 1", "compare --scenario @badvariant.scenario");
    add(c, "noequals.scenario line 1", "compare --scenario @noequals.scenario");
    add(c, "--scenario '@junk.bin' is not", "compare --scenario @junk.bin");
    add(c, "cannot read --scenario", "compare --scenario @none.scenario");
    add(c, "dup.scenario line 2", "run --scenario @dup.scenario");
    add(c, "dup.scenario line 2", "sweep --out OUT/s --scenario @dup.scenario"
        + " --vary tcp.mss=600");
    add(c, "--scenario '@junk.bin' is not", "sweep --out OUT/s --scenario @junk.bin"
        + " --vary tcp.mss=600");
    // --- measurements files
    add(c, "'deliveredMBps' given twice", "calibrate --measurements @dup.measurements");
    add(c, "'deliveredMBps' given twice", "predict --measurements @dup.measurements");
    add(c, "section [a] given twice", "calibrate --measurements @dupsection.measurements");
    add(c, "section [a] has no figure", "predict --measurements @nofigure.measurements");
    add(c, "bananas", "calibrate --measurements @badquantity.measurements");
    add(c, "lots", "calibrate --measurements @badvalue.measurements");
    add(c, "wide", "calibrate --measurements @badband.measurements");
    add(c, "a section name is letters", "calibrate --measurements @badsection.measurements");
    add(c, "'countable' given twice", "predict --measurements @countable2.measurements");
    add(c, "unknown architecture 'v9'", "predict --measurements @badarch.measurements");
    add(c, "no figure to fit", "calibrate --measurements @empty.measurements");
    add(c, "--measurements '@junk.bin' is not", "calibrate --measurements @junk.bin");
    add(c, "--measurements '@junk.bin' is not", "predict --measurements @junk.bin");
    add(c, "cannot read --measurements", "predict --measurements @none.measurements");
    // --- replay traces
    add(c, "bytes 100000000000000000000000 is over the limit",
        S + " --workload replay:@enormous.csv");
    add(c, "time_s must not be negative", S + " --workload replay:@negtime.csv");
    // A trace whose first down row is after the run's end would offer nothing at all.
    add(c, "first down row is at 600s, not before the run's end at 5s", S
        + " --workload replay:@late.csv");
    add(c, "first down row is at 600s", "run --arch v3 --duration 20s --workload replay:@late.csv");
    add(c, "first down row is at 600s",
        "race window --arch v1 --seeds 1 --duration 20s --workload replay:@late.csv");
    add(c, "first down row is at 600s",
        "race explain --duration 20s --workload replay:@late.csv");
    add(c, "first down row is at 600s",
        "sweep --out OUT/late --duration 20s --workload replay:@late.csv --vary tcp.mss=600");
    add(c, "first down row is at 600s",
        "sweep --out OUT/late --duration 20s --vary workload=tcp:1MB/s,replay:@late.csv");
    add(c, "direction must be 'down' or 'up'", S + " --workload replay:@dir.csv");
    add(c, "rows must be in time order", S + " --workload replay:@order.csv");
    add(c, "no 'down' rows", S + " --workload replay:@noDown.csv");
    add(c, "expected time_s,bytes,direction", S + " --workload replay:@fields.csv");
    add(c, "bytes must be positive", S + " --workload replay:@zero.csv");
    add(c, "bytes must be a whole number", S + " --workload replay:@frac.csv");
    add(c, "time_s must be a number", S + " --workload replay:@nantime.csv");
    add(c, "no 'down' rows", S + " --workload replay:@empty.csv");
    add(c, "does not exist", S + " --workload replay:@none.csv");
    add(c, "over the limit", "run --arch v3 --workload replay:@huge.csv");
    add(c, "over the limit", "sweep --out OUT/s --workload replay:@huge.csv --vary tcp.mss=600");
    add(c, "replay trace '@junk.bin' is not", "predict --workload replay:@junk.bin");
    // --- sweep folders
    add(c, "is not a sweep folder", "sweep merge --out OUT/m @notsweep");
    add(c, "is not", "sweep merge --out OUT/m @junksweep");
    add(c, "is not valid JSON", "sweep merge --out OUT/m @badjson");
    add(c, "is not a bessim sweep description", "sweep merge --out OUT/m @nogrid");
    add(c, "key 'seeds' is given twice", "sweep merge --out OUT/m @dupkey");
    add(c, "key 'seeds' is given twice", "sweep --resume --out @dupkey --vary tcp.mss=600");
    add(c, "text after the value", "sweep merge --out OUT/m @trailing");
    add(c, "Missing required parameter: 'DIR'", "sweep merge --out OUT/m");
    add(c, "no sweep folder", "sweep table @none");
    add(c, "notsweep has no results.csv", "sweep table @notsweep");
    add(c, "has no rows yet", "sweep table @norows");
    add(c, "results.csv is not", "sweep table @junkrows");
    add(c, "--metrics names no metric", "sweep table @rows --metrics ,");
    add(c, "--metrics names no metric", new String[] {"sweep", "table", "@rows", "--metrics", ""});
    add(c, "--arch names no architecture", "sweep table @rows --arch ,");
    add(c, "emptygrid/sweep.json does not describe a bessim sweep grid: its grid has no 'archs'",
        "sweep table @emptygrid");
    add(c, "emptygrid/sweep.json does not describe a bessim sweep grid: its grid has no 'archs'",
        "sweep merge --out OUT/m @emptygrid");
    add(c, "already holds results", "sweep --out @full --vary tcp.mss=600,700");
    add(c, "parameter tcp.mss must be in", "sweep --out OUT/s --vary tcp.mss=0,700");
    add(c, "wants a whole number", "sweep --out OUT/s --vary fw.rxPoolFrames=11.5");
    add(c, "unknown parameter", "sweep --out OUT/s --vary no.such=1,2");
    add(c, "point arch=baseline|host.cpus=1|seed=1: host.bhCpu = 1 and host.appCpu = 2 are not CPUs"
        + " of a 1-CPU host",
        "sweep --out OUT/s --vary host.cpus=4,1");
    add(c, "parameter sdio.busWidth is one of 1/4, got '2'",
        "sweep --out OUT/s --vary sdio.busWidth=1,2,4");
    add(c, "parameter sdio.busWidth is one of 1/4, got '2'",
        "sweep --out OUT/s --vary sdio.busWidth=1..4:4");
    // --- platforms the model cannot build, in every command that runs one
    add(c, "parameter sdio.busWidth is one of 1/4, got '2'", S + " --set sdio.busWidth=2");
    add(c, "parameter sdio.busWidth is one of 1/4, got '2'", "run --arch v3 --set sdio.busWidth=2");
    add(c, "parameter sdio.busWidth is one of 1/4, got '2'", S + " --profile @buswidth.profile");
    add(c, "parameter sdio.busWidth is one of 1/4, got '2'", "calibrate --set sdio.busWidth=2");
    add(c, "parameter sdio.busWidth is one of 1/4, got '3'", "predict --set sdio.busWidth=3");
    add(c, "--params: sdio.busWidth takes only the values 1/4, not a range to fit",
        "calibrate --params sdio.busWidth");
    add(c, "host.bhCpu = 1 and host.appCpu = 2 are not CPUs of a 1-CPU host",
        "calibrate --set host.cpus=1");
    add(c, "calibrate would try host.cpus=1 (an end of its range 1..8), where host.bhCpu = 1 and"
        + " host.appCpu = 2 are not CPUs of a 1-CPU host", "calibrate --params host.cpus");
    add(c, "predict would try host.cpus=1 (an end of its range 1..8), where host.bhCpu = 1 and"
        + " host.appCpu = 2 are not CPUs of a 1-CPU host", "predict --profile @freecpus.profile");
    add(c, "a range varies the rate of a udp: or tcp: workload; give other kinds as a list",
        "sweep --out OUT/s --vary workload=ramp:1MB/s-2MB/s@1s..ramp:1MB/s-4MB/s@1s:3");
    add(c, "a range varies the rate of a udp: or tcp: workload",
        "sweep --out OUT/s --vary workload=burst:1MB@8MB/s/1s..4MB/s:2");
    add(c, "a range varies the rate of a udp: or tcp: workload",
        "sweep --out OUT/s --vary workload=replay:@none.csv..4MB/s:2");
    add(c, "malformed --shard", "sweep --out OUT/s --vary tcp.mss=600 --shard 3");
    add(c, "--shard 3/2", "sweep --out OUT/s --vary tcp.mss=600 --shard 3/2");
    add(c, "--shard 5/8 gets no point: the grid has 4 points, one each for shards 1..4 at most;"
        + " use at most 4 shards", "sweep --out OUT/s --vary tcp.mss=600 --shard 5/8");
    // --- other commands
    add(c, "unknown architecture", "arch describe v9");
    add(c, "parameter tcp.mss must be in", "arch describe v3 --set tcp.mss=0");
    add(c, "unknown architecture", "race table --arch v9");
    add(c, "unknown architecture", "race window --arch v9");
    add(c, "unknown architecture", "race explain --arch v9");
    add(c, "--window-us must be between", "race explain --arch v1 --window-us 0");
    // --after ran unbounded: 25 h after a lost update that never wedges the chip.
    add(c, "--after 90000s is over the limit of 86400s", "race explain --arch v1 --after 25h");
    add(c, "parameter tcp.mss must be in", "race explain --arch v1 --set tcp.mss=0");
    add(c, "unknown architecture", "race interleavings --arch v9");
    add(c, "--profiles must be at least 1", "predict --profiles 0");
    add(c, "--max-evals must be at least 3", "calibrate --max-evals 2");
    add(c, "--max-evals must be at least 2 (the first simplex of 1 parameter), got 1",
        "calibrate --params fw.rxPoolFrames --max-evals 1");
    add(c, "fewer --max-evals or --seeds", "calibrate --max-evals 2000000000");
    add(c, "fewer --profiles or --max-candidates", "predict --max-candidates 2000000000");
    add(c, "--profiles 1000000 is over the limit", "predict --profiles 1000000");
    add(c, "--seeds 1000000 is over the limit", "race window --seeds 1000000");
    add(c, "is under the limit of 0.01s", "race window --duration 1ns");
    add(c, "is over the limit of 86400s", "race table --arch v1 --duration 1000h");
    add(c, "is under the limit of 0.01s", "race explain --duration 1us");
    add(c, "architecture 'v3+rx.delivery=batch' sets rx.delivery itself",
        "compare --arch v3+rx.delivery=batch --duration 5s --seeds 1 --set"
            + " rx.delivery=per-frame");
    // picocli's own generate-completion let any argument through and exited 0.
    add(c, "Unknown option: '--bogus'", "generate-completion --bogus");
    add(c, "Unmatched argument at index 1: 'zsh'", "generate-completion zsh");
    // --- every numeric parameter: below its range, above it, not a number, and a fraction
    // for a count
    for (Platform.Param p : Platform.defaults().params()) {
      double[] b = p.bounds();
      if (b == null) continue;
      String lead = "parameter " + p.name();
      if (b[0] > 0) add(c, lead + " must be in " + p.range(), S + " --set " + p.name() + "=0");
      add(c, lead + " must be in " + p.range(), S + " --set " + p.name() + "=1e15");
      if (p.type() == Platform.Type.INTEGER) {
        add(c, lead + " wants a whole number", S + " --set " + p.name() + "="
            + String.format(Locale.US, "%.1f", b[0] + 0.5));
      }
    }
    return c.stream();
  }

  private static void add(List<Arguments> c, String expected, String line) {
    add(c, expected, line.split(" "));
  }

  private static void add(List<Arguments> c, String expected, String[] args) {
    String shown = String.join(" ", args);
    c.add(Arguments.of(shown.length() > 120 ? shown.substring(0, 117) + "..." : shown, expected,
        args));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isOneLineExitTwoAndLeavesNothingBehind(String shown, String expected, String[] args)
      throws IOException {
    String[] resolved = new String[args.length];
    for (int i = 0; i < args.length; i++) resolved[i] = resolve(args[i]);
    String before = listing();
    FakeRunner runner = new FakeRunner();
    Cli.Outcome o = Cli.run(runner, resolved);

    String err = o.err();
    assertEquals(2, o.exit(), err);
    assertTrue(err.startsWith("bessim: "), err);
    assertTrue(err.contains(resolve(expected)), () -> "want '" + expected + "' in " + err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.length() < 600, () -> "over-long line: " + err.length() + " characters");
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("internal error"), err);
    assertEquals("", o.out());
    assertTrue(runner.seen().isEmpty(), "nothing may run before the input is checked");
    assertEquals(before, listing(), "a file was left behind or changed");
  }

  @Test
  void theMatrixHasAtLeast150Cases() {
    assertTrue(cases().count() >= 150, "cases: " + cases().count());
  }

  private static String resolve(String arg) {
    String s = arg.replace("OUT/", dir.resolve("OUT") + "/");
    if (s.equals("OUT")) return dir.resolve("OUT").toString();
    int at = s.indexOf('@');
    while (at >= 0) {
      int end = at + 1;
      while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != '\'') end++;
      s = s.substring(0, at) + dir.resolve(s.substring(at + 1, end)) + s.substring(end);
      at = s.indexOf('@', at + 1);
    }
    return s;
  }

  /** Every file under the test folder with its size: what a case must leave as it found. */
  private static String listing() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> {
        try {
          return dir.relativize(p) + (Files.isRegularFile(p) ? " " + Files.size(p) : "/");
        } catch (IOException e) {
          return p + " ?";
        }
      }).sorted().collect(Collectors.joining("\n"));
    }
  }
}
