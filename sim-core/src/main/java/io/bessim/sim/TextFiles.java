package io.bessim.sim;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the small text files users hand in (profiles, scenarios, measurements, replay traces),
 * refusing binary junk and files too big for the heap with a message naming the file, instead of
 * the JDK's "Input length = 1" or an OutOfMemoryError.
 */
public final class TextFiles {
  /** The largest input file read: far above any real profile or trace, far below the heap. */
  public static final int MAX_BYTES = 64 << 20;

  private TextFiles() {}

  /**
   * The file's text. Throws IllegalArgumentException naming {@code what} and the file when it is
   * over {@link #MAX_BYTES}, holds a NUL byte or is not UTF-8; I/O errors pass through for the
   * caller to word.
   */
  public static String read(Path file, String what) throws IOException {
    // An empty name would open the working directory: "Is a directory" hid the cause.
    checkArgument(!file.toString().isEmpty(), "%s '': an empty path", what);
    byte[] b;
    // readNBytes, not Files.size: a FIFO or /dev/stdin has no size until read.
    try (InputStream in = Files.newInputStream(file)) {
      b = in.readNBytes(MAX_BYTES + 1);
    }
    checkArgument(b.length <= MAX_BYTES, "%s '%s' is over the limit of %s MB", what, file,
        MAX_BYTES >> 20);
    return decode(b, what + " '" + file + "'");
  }

  /**
   * {@code b} as UTF-8 text, without a leading byte-order mark; {@code named} starts the message
   * when it is not text.
   */
  public static String decode(byte[] b, String named) {
    for (int i = 0; i < b.length; i++) {
      checkArgument(b[i] != 0, "%s is not a text file (a NUL byte at offset %s)", named, i);
    }
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    try {
      String text = d.decode(in).toString();
      // A byte-order mark, as Windows editors write, is not part of the first line's key.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s is not UTF-8 text (binary junk near offset %d)", named, in.position()), e);
    }
  }
}
