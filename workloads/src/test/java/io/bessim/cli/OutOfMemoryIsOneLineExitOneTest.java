package io.bessim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command that exhausts the heap (`run --ftrace` over a long window rendered its text on the
 * command's thread) printed the JVM's "Exception in thread main java.lang.OutOfMemoryError" and
 * twenty lines of stack, exit 1; in a run it read "internal error", as if bessim were broken.
 * Either way it is one line naming the heap and how to give more, exit 1.
 */
final class OutOfMemoryIsOneLineExitOneTest {
  @Test
  void anOutOfMemoryErrorInARunIsOneLineNamingTheHeap() {
    Cli.Outcome o = Cli.run(spec -> {
      throw new OutOfMemoryError("Java heap space");
    }, "run", "--arch", "v1", "--duration", "1s");

    assertEquals(1, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("bessim: out of memory (Java heap space) in a heap of "),
        o.err());
    assertTrue(o.err().contains("BESSIM_JAVA_OPTS=-Xmx"), o.err());
  }

  @Command(name = "exhausts")
  static final class Exhausts implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void anOutOfMemoryErrorOnTheCommandsThreadIsOneLineNotAStackTrace() {
    CommandLine cl = new CommandLine(new Exhausts());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    int exit = Bessim.execute(cl, new String[0]);

    assertEquals(1, exit, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("bessim: out of memory (Java heap space) in a heap of "),
        err.toString());
  }
}
