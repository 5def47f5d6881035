package io.bessim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of real runs (baseline and v1, two seeds of 3 s each: v1 loses updates in one)
 * is self-contained and renders in a real browser: headless Chromium reports no script error
 * and every chart has marks. Skipped, saying so, when no chromium is installed.
 */
final class HtmlReportRendersInChromiumTest {
  private static String html;

  @BeforeAll
  static void report() {
    List<RunResult> runs = new ArrayList<>();
    for (Architecture a : List.of(Architecture.BASELINE, Architecture.V1)) {
      for (long seed : List.of(1L, 3L)) {
        runs.add(Experiment.run(new RunSpec(a, Platform.defaults(),
            WorkloadSpec.parse("tcp:4MB/s"), Time.seconds(3), seed)));
      }
    }
    html = new HtmlReport("bessim compare").note("workload tcp:4MB/s, 3 s").runs(runs)
        .provenance(Provenance.of(List.of("compare"), "built-in defaults", Platform.defaults(),
            Map.of()))
        .render();
  }

  @Test
  void isSelfContainedWithEverySection() {
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(),
        "nothing loaded from the network");
    assertFalse(html.contains("<script"), "no script to fail");
    for (String s : List.of("Comparison", "95% intervals", "Delivered against offered load",
        "Delivered over simulated time", "CPU time by context", "Provenance", "profileHash")) {
      assertTrue(html.contains(s), s);
    }
  }

  @Test
  void everyChartHasMarks() {
    Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
    int charts = 0;
    while (m.find()) {
      charts++;
      String svg = m.group();
      assertTrue(svg.contains("<rect x") || svg.contains("<circle") || svg.contains("<path d=\"M"),
          "a chart with nothing drawn: " + svg.substring(0, Math.min(200, svg.length())));
      assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "a chart with NaN coordinates");
    }
    assertTrue(charts >= 10, "charts: " + charts);
  }

  @Test
  void rendersInHeadlessChromiumWithoutErrors(@TempDir Path dir) throws Exception {
    String browser = browser();
    Assumptions.assumeTrue(browser != null,
        "no chromium installed (apt-get install -y chromium): the browser check is skipped");
    Path file = dir.resolve("r.html");
    Files.writeString(file, html);
    Path dom = dir.resolve("dom.html");
    Path console = dir.resolve("console.txt");
    Process p = new ProcessBuilder(browser, "--headless=new", "--no-sandbox", "--disable-gpu",
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom",
        file.toUri().toString())
        .redirectOutput(dom.toFile()).redirectError(console.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
    assertEquals(0, p.exitValue(), Files.readString(console));
    String log = Files.readString(console);
    assertFalse(log.matches("(?s).*(Uncaught|SyntaxError|TypeError|ReferenceError).*"), log);
    String rendered = Files.readString(dom);
    long svgs = Pattern.compile("<svg[ >]").matcher(rendered).results().count();
    assertTrue(svgs >= 10, "svg charts in the rendered page: " + svgs);
    assertTrue(rendered.contains("<rect") && rendered.contains("<circle"), "marks drawn");
  }

  private static String browser() {
    for (String b : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        Path x = Path.of(dir, b);
        if (Files.isExecutable(x)) return x.toString();
      }
    }
    return null;
  }
}
