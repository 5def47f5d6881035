package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bash/zsh completion script shipped at the top of the checkout is what picocli generates
 * from today's commands; after adding an option, regenerate it with
 * {@code ./bessim generate-completion > bessim_completion}.
 */
final class CompletionScriptIsCurrentTest {
  @Test
  void shippedScriptMatchesTheGeneratedOne() throws Exception {
    Cli.Outcome o = Cli.run(new FakeRunner(), "generate-completion");
    assertEquals(0, o.exit(), o.err());
    String shipped = Files.readString(Path.of("../bessim_completion"));
    assertEquals(shipped, o.out(),
        "bessim_completion is stale: ./bessim generate-completion > bessim_completion");
  }
}
