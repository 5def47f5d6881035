package io.bessim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.chip.fw.Bes2600Firmware;
import io.bessim.cli.Bessim;
import io.bessim.driver.bes2600.Bes2600Driver;
import io.bessim.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The io.bessim.* packages form no cycle, and the modules depend one way only: sim-core <-
 * chip-model <- driver-model <- workloads <- benchmarks. Read from the compiled classes with jdeps
 * (run in-process), one module at a time: each module's classes directory (or jar) is where the
 * class loader found one of its classes. This module depends on every other one, so all are here.
 *
 * <p>jdeps sees what the bytecode references (calls, fields, types of members, casts) but not class
 * literals inside annotations, such as a picocli {@code subcommands = {...}} list; those are added
 * from the type descriptors ({@code Lio/bessim/...;}) in each class file's constant pool.
 */
final class PackageDependenciesTest {
  /** One module: its name and a class of its main code, which locates its classes. */
  private record ModuleClasses(String name, Class<?> anchor) {}

  /** Every module, lowest first: each may depend on the ones before it only. */
  private static final List<ModuleClasses> MODULES = List.of(
      new ModuleClasses("sim-core", Simulator.class),
      new ModuleClasses("chip-model", Bes2600Firmware.class),
      new ModuleClasses("driver-model", Bes2600Driver.class),
      new ModuleClasses("workloads", Bessim.class),
      new ModuleClasses("benchmarks", ScenarioBenchmark.class));

  /** Package cycles tolerated for now, each as the set of its packages; any other cycle fails. */
  /** A line of {@code jdeps -verbose:package}: "  from  ->  to  archive". */
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(io\\.bessim\\.\\S+)\\s+->\\s+(io\\.bessim\\.\\S+)\\s.*$");
  /** A type descriptor of an io.bessim class; group 1 is its package, slash-separated. */
  private static final Pattern DESCRIPTOR = Pattern.compile("L(io/bessim/[\\w/]+)/[\\w$]+[;<]");

  /** Package -> the module whose classes hold it. */
  private static final Map<String, String> OWNER = new TreeMap<>();
  /** Package -> the io.bessim.* packages it depends on (itself excluded). */
  private static final Map<String, Set<String>> USES = new TreeMap<>();

  @BeforeAll
  static void readClasses() {
    for (ModuleClasses m : MODULES) {
      Path classes = location(m.anchor());
      Map<String, Set<String>> uses = classFiles(classes);
      for (String p : uses.keySet()) {
        String other = OWNER.put(p, m.name());
        assertTrue(other == null || other.equals(m.name()),
            "package " + p + " is in both " + other + " and " + m.name());
      }
      jdeps(classes).forEach((from, to) -> uses.computeIfAbsent(from, x -> new TreeSet<>())
          .addAll(to));
      USES.putAll(uses);
    }
  }

  @Test
  void noPackageCycles() {
    List<String> cycles = new ArrayList<>();
    for (Set<String> scc : stronglyConnected(USES)) {
      if (scc.size() < 2) continue;
      cycles.add(describe(scc));
    }
    assertEquals(List.of(), cycles, "package cycles (see the classes with jdeps -verbose:class)");
  }

  @Test
  void modulesDependOnlyOnModulesBelowThem() {
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < MODULES.size(); i++) rank.put(MODULES.get(i).name(), i);
    List<String> wrong = new ArrayList<>();
    USES.forEach((from, tos) -> {
      String fromModule = OWNER.get(from);
      for (String to : tos) {
        String toModule = OWNER.get(to);
        if (toModule == null) {
          wrong.add(from + " -> " + to + ": no module holds " + to + " (add it to MODULES)");
        } else if (rank.get(toModule) > rank.get(fromModule)) {
          wrong.add(from + " (" + fromModule + ") -> " + to + " (" + toModule + ")");
        }
      }
    });
    assertEquals(List.of(), wrong, "dependencies on a module above");
  }

  /** The classes directory or jar the class was loaded from. */
  private static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The packages of the classes in a classes directory or jar, each with the io.bessim.* packages
   * its type descriptors name (itself excluded): what jdeps leaves out.
   */
  private static Map<String, Set<String>> classFiles(Path classes) {
    Map<String, Set<String>> out = new TreeMap<>();
    try {
      if (Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            String name = classes.relativize(f).toString()
                .replace(classes.getFileSystem().getSeparator(), "/");
            if (name.endsWith(".class")) addClass(out, name, Files.readAllBytes(f));
          }
        }
      } else {
        try (JarFile jar = new JarFile(classes.toFile())) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (e.getName().endsWith(".class")) {
              try (var in = jar.getInputStream(e)) {
                addClass(out, e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(!out.isEmpty(), "no io.bessim classes in " + classes);
    return out;
  }

  private static void addClass(Map<String, Set<String>> out, String path, byte[] bytes) {
    int slash = path.lastIndexOf('/');
    String pkg = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
    if (!pkg.startsWith("io.bessim.")) return;
    Set<String> uses = out.computeIfAbsent(pkg, x -> new TreeSet<>());
    Matcher m = DESCRIPTOR.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    while (m.find()) {
      String to = m.group(1).replace('/', '.');
      if (!to.equals(pkg)) uses.add(to);
    }
  }

  /** What jdeps says each package of {@code classes} depends on among io.bessim.* packages. */
  private static Map<String, Set<String>> jdeps(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new IllegalStateException("no jdeps: run the tests on a JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "-verbose:package", "-e", "io\\.bessim\\..*", classes.toString());
    assertEquals(0, exit, "jdeps " + classes + ": " + err);
    Map<String, Set<String>> uses = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.matches() && !m.group(1).equals(m.group(2))) {
        uses.computeIfAbsent(m.group(1), x -> new TreeSet<>()).add(m.group(2));
      }
    }
    return uses;
  }

  /** The strongly connected components of the graph (Tarjan), each sorted. */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) connect(v, graph, index, low, stack, onStack, out);
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> graph,
      Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      Set<String> onStack, List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> scc = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        scc.add(w);
      } while (!w.equals(v));
      out.add(scc);
    }
  }

  /** A cycle's packages and the dependencies among them. */
  private static String describe(Set<String> scc) {
    List<String> edges = new ArrayList<>();
    for (String p : scc) {
      for (String to : USES.get(p)) {
        if (scc.contains(to)) edges.add(p + " -> " + to);
      }
    }
    return String.join(" <-> ", scc) + " (" + String.join(", ", edges) + ")";
  }
}
