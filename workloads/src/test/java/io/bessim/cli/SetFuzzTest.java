package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded property fuzz of {@code --set} over every parameter of the profile (issue 10): values
 * at both ends of the declared range, inside it, outside it and malformed, alone and three at
 * once, each run on the real model for a short simulated time. A value is either refused (exit
 * 2, one line) or runs (exit 0); an internal error (exit 1) or a hang is a bug: the range let
 * through a value the model cannot take.
 */
final class SetFuzzTest {
  private static final long SEED = 10;
  // Short runs keep the few hundred cases to seconds; the ranges, not the length, are on trial.
  private static final String DURATION = "100ms";

  @Test
  void everyValueIsRefusedOrRunsNeverAnInternalErrorOrAHang() {
    Random rnd = new Random(SEED);
    List<Platform.Param> params = Platform.defaults().params();
    List<List<String>> cases = new ArrayList<>();
    for (Platform.Param p : params) {
      for (String v : values(p, rnd)) cases.add(List.of(p.name() + "=" + v));
    }
    for (int i = 0; i < 60; i++) {
      List<String> three = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        Platform.Param p = params.get(rnd.nextInt(params.size()));
        if (three.stream().noneMatch(s -> s.startsWith(p.name() + "="))) {
          three.add(p.name() + "=" + inRange(p, rnd));
        }
      }
      cases.add(three);
    }
    List<Architecture> archs = Architecture.presets();
    int ran = 0;
    int refused = 0;
    for (int i = 0; i < cases.size(); i++) {
      List<String> args = new ArrayList<>(List.of("run", "--arch",
          archs.get(i % archs.size()).cliName(), "--duration", DURATION, "--seed", "" + i));
      for (String s : cases.get(i)) {
        args.add("--set");
        args.add(s);
      }
      Cli.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> Cli.run(Experiment::run, args.toArray(String[]::new)), () -> "hung: " + args);
      assertTrue(o.exit() == 0 || o.exit() == 2, () -> "exit " + o.exit() + " for " + args
          + ": " + o.err());
      if (o.exit() == 2) {
        assertTrue(o.err().startsWith("bessim: ") && o.err().strip().lines().count() == 1,
            () -> args + ": " + o.err());
        refused++;
      } else {
        ran++;
      }
    }
    int total = cases.size();
    int r = ran;
    assertTrue(total >= 250 && r >= total / 3, () -> total + " cases, " + r + " ran");
    assertTrue(refused >= total / 4, "out-of-range values must be among the cases");
  }

  /** Both bounds, one value inside, three outside or malformed. */
  private static List<String> values(Platform.Param p, Random rnd) {
    List<String> out = new ArrayList<>();
    switch (p.type()) {
      case INTEGER, REAL -> {
        double[] b = p.bounds();
        out.add(num(p, b[0]));
        out.add(num(p, b[1]));
        out.add(inRange(p, rnd));
        out.add(num(p, b[1] * (2 + rnd.nextInt(1000)) + 1));
        out.add(rnd.nextBoolean() ? "-" + num(p, b[1]) : "1e" + (15 + rnd.nextInt(300)));
        out.add(p.type() == Platform.Type.INTEGER
            ? String.format(Locale.US, "%.3f", b[0] + 0.25) : "x" + rnd.nextInt(10));
      }
      case BOOL -> {
        out.add(rnd.nextBoolean() ? "true" : "false");
        out.add("yes");
      }
      case CHOICE -> {
        out.add(inRange(p, rnd));
        out.add("nonsense");
      }
      default -> out.add("");
    }
    return out;
  }

  private static String inRange(Platform.Param p, Random rnd) {
    switch (p.type()) {
      case INTEGER, REAL -> {
        double[] b = p.bounds();
        return num(p, b[0] + rnd.nextDouble() * (b[1] - b[0]));
      }
      case BOOL -> {
        return rnd.nextBoolean() ? "true" : "false";
      }
      case CHOICE -> {
        String[] c = p.range().split("/");
        return c[rnd.nextInt(c.length)];
      }
      default -> {
        return p.value();
      }
    }
  }

  private static String num(Platform.Param p, double v) {
    if (p.type() == Platform.Type.INTEGER) return Long.toString(Math.round(v));
    return String.format(Locale.US, "%.6g", v).replace("+", "");
  }
}
