package io.bessim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TextFilesTest {
  @TempDir Path dir;

  @Test
  void aByteOrderMarkIsNotPartOfTheText() throws IOException {
    // As a Windows editor saves "seeds = 1": the mark made the first key read '\uFEFFseeds'.
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "seeds = 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, both, 0, bom.length);
    System.arraycopy(text, 0, both, bom.length, text.length);
    Path f = Files.write(dir.resolve("s.scenario"), both);

    assertEquals("seeds = 1\n", TextFiles.read(f, "--scenario"));
    assertEquals("x\uFEFFy", TextFiles.decode("x\uFEFFy".getBytes(StandardCharsets.UTF_8), "t"));
  }

  @Test
  void anEmptyPathIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextFiles.read(Path.of(""), "--scenario"));
    assertEquals("--scenario '': an empty path", e.getMessage());
  }
}
