package io.bessim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlatformReplaceTest {
  @TempDir Path dir;

  @Test
  void replaceKeepsKindAndSourceThroughTextAndBack() throws IOException {
    Platform p = Platform.defaults().replace(new Platform.Param(
        "fw.rxPoolFrames", "10", "frames", "fitted", "fitted by a test", "1..128"));
    Path f = dir.resolve("p.profile");
    Files.writeString(f, "# header comment\n" + p.toText());

    Platform back = Platform.load(f);
    Platform.Param q = back.params().stream()
        .filter(x -> x.name().equals("fw.rxPoolFrames")).findFirst().orElseThrow();
    assertEquals(new Platform.Param(
        "fw.rxPoolFrames", "10", "frames", "fitted", "fitted by a test", "1..128"), q);
    assertEquals(10, back.intValue("fw.rxPoolFrames"));
    assertEquals(Platform.defaults().params().size(), back.params().size());
  }

  @Test
  void replaceChecksTheValueLikeWith() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Platform.defaults().replace(
            new Platform.Param("fw.rxPoolFrames", "many", "frames", "fitted", "x")));
    assertEquals("parameter fw.rxPoolFrames wants a number, got 'many' (a whole one in 1..128 frames)", e.getMessage());
  }
}
