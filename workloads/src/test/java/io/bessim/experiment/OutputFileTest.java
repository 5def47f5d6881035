package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFile}: what is at the path decides how it is written (issue 10). */
final class OutputFileTest {
  @TempDir Path dir;

  @Test
  void dashIsStandardOutput() throws IOException {
    OutputFile f = OutputFile.of("--json", "-");
    StringWriter out = new StringWriter();
    f.write("{}\n", new PrintWriter(out));

    assertEquals(OutputFile.Kind.STDOUT, f.kind());
    assertEquals("{}\n", out.toString());
    assertFalse(Files.exists(Path.of("-")));
  }

  @Test
  void newFileIsWrittenThroughATempFileThatDoesNotStay() throws IOException {
    Path p = dir.resolve("r.json");
    OutputFile f = OutputFile.of("--json", p);
    f.write("new\n", null);

    assertEquals(OutputFile.Kind.REPLACE, f.kind());
    assertEquals("new\n", Files.readString(p));
    assertEquals(List.of(p), files());
    assertEquals(0, TempFiles.live());
  }

  @Test
  void replacingAFileKeepsItsMode() throws IOException {
    Path p = Files.writeString(dir.resolve("r.csv"), "old\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    OutputFile.of("--csv", p).write("new\n", null);

    assertEquals("new\n", Files.readString(p));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
  }

  @Test
  void symlinkIsKeptAndItsTargetWritten() throws IOException {
    Path target = Files.writeString(dir.resolve("target.json"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
    OutputFile.of("--json", link).write("new\n", null);

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new\n", Files.readString(target));
  }

  @Test
  void danglingSymlinkCreatesItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("made.json"));
    OutputFile.of("--json", link).write("x\n", null);

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("x\n", Files.readString(dir.resolve("made.json")));
  }

  @Test
  void characterDeviceIsWrittenInPlaceNotReplaced() throws IOException {
    OutputFile f = OutputFile.of("--json", Path.of("/dev/null"));
    f.write("gone\n", null);

    assertEquals(OutputFile.Kind.DIRECT, f.kind());
    assertFalse(Files.isRegularFile(Path.of("/dev/null")));
  }

  @Test
  void fifoIsWrittenInPlace() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mk.waitFor());
    Process cat = new ProcessBuilder("cat", fifo.toString()).start();
    OutputFile.of("--json", fifo).write("through\n", null);

    assertEquals("through\n", new String(cat.getInputStream().readAllBytes()));
    assertEquals(0, cat.waitFor());
    assertFalse(Files.isRegularFile(fifo));
  }

  @Test
  void nothingNewUnderProcOrDevAndNoEmptyPath() {
    assertEquals("cannot write --json '/proc/a.json': nothing can be created in /proc",
        assertThrows(IllegalArgumentException.class,
            () -> OutputFile.of("--json", Path.of("/proc/a.json"))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OutputFile.of("--csv", Path.of("/dev/no-such-device")));
    assertEquals("--json '': an empty path (use - for standard output)",
        assertThrows(IllegalArgumentException.class, () -> OutputFile.of("--json", ""))
            .getMessage());
  }

  @Test
  void anOutputOnAnInputIsRefusedHoweverSpelledAndOthersPass() throws IOException {
    Path profile = Files.writeString(dir.resolve("a.profile"), "host.cpus = 4\n");
    Path link = Files.createSymbolicLink(dir.resolve("l.json"), profile);
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--scenario", null);
    inputs.put("--profile", profile);
    for (Path out : List.of(profile, link, dir.resolve(".").resolve("a.profile"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> OutputFile.checkNotInputs(List.of(OutputFile.of("--json", out)), inputs),
          out.toString());
      assertEquals("cannot write --json '" + out + "': it is the --profile file this command"
          + " reads; give the output its own path", e.getMessage());
    }
    // A new file, standard output, a device: none is an input.
    OutputFile.checkNotInputs(List.of(OutputFile.of("--json", dir.resolve("b.json")),
        OutputFile.of("--csv", "-"), OutputFile.of("--trace", "/dev/null")), inputs);
    assertEquals("host.cpus = 4\n", Files.readString(profile));
  }

  @Test
  void twoOutputsToOnePlaceAreRefusedHoweverSpelled() throws IOException {
    Path a = dir.resolve("a.json");
    Path link = Files.createSymbolicLink(dir.resolve("l.json"), a);
    Path dotted = dir.resolve(".").resolve("a.json");
    for (Path other : List.of(a, link, dotted)) {
      List<OutputFile> outs = List.of(OutputFile.of("--json", a), OutputFile.of("--csv", other));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> OutputFile.checkDistinct(outs), other.toString());
      assertTrue(e.getMessage().startsWith("--json and --csv both write to"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> OutputFile.checkDistinct(
        List.of(OutputFile.of("--json", "-"), OutputFile.of("--csv", "-"))));
    OutputFile.checkDistinct(List.of(OutputFile.of("--json", a),
        OutputFile.of("--csv", dir.resolve("b.csv")), OutputFile.of("--trace", "-")));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
