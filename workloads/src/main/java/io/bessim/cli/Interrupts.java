package io.bessim.cli;

import java.io.PrintWriter;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM for the commands that run many simulations ({@code compare}, {@code sweep},
 * {@code predict}): what has finished is written, marked partial, one line says so, and the exit
 * code is the shell's 130 or 143. Without this the JVM exited silently and lost every run.
 *
 * <p>The JVM gives no portable way to tell SIGINT from SIGTERM in a shutdown hook, hence
 * {@code sun.misc.Signal} (module jdk.unsupported, kept by every JDK since 9 for this use). The
 * handler ends with {@code Runtime.exit}, so the shutdown hooks (temp files) still run. Only the
 * real {@code main} installs it: tests run the CLI in-process and keep the JVM's handling.
 */
final class Interrupts {
  /** Writes what finished and returns the one line to print; {@code signal} is e.g. SIGTERM. */
  interface OnInterrupt {
    String partial(String signal) throws Exception;
  }

  /** Held by the handler while it writes, and by a command while it writes its full output. */
  private static final Object LOCK = new Object();

  private static OnInterrupt current;
  private static PrintWriter err;

  private Interrupts() {}

  /** Installs the SIGINT and SIGTERM handlers, reporting on {@code stderr}. */
  static void install(PrintWriter stderr) {
    err = stderr;
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), Interrupts::handle);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // The signal is reserved (java -Xrs) or unknown here: keep the JVM's default.
      }
    }
  }

  /** From now on an interrupt runs {@code action}, until {@link #complete} or another call. */
  static void onInterrupt(OnInterrupt action) {
    synchronized (LOCK) {
      current = action;
    }
  }

  /**
   * Runs {@code write} (the command's complete output) with interrupts held off, so an
   * interrupt never writes a partial report over a complete one, nor half of one.
   */
  static void complete(Runnable write) {
    synchronized (LOCK) {
      current = null;
      write.run();
    }
  }

  private static void handle(Signal s) {
    String signal = "SIG" + s.getName();
    String line;
    synchronized (LOCK) {
      OnInterrupt a = current;
      current = null;
      try {
        line = a == null ? "bessim: interrupted by " + signal : a.partial(signal);
      } catch (Exception | Error e) {
        line = "bessim: interrupted by " + signal + "; the finished runs could not be written: "
            + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
      }
    }
    if (err != null) {
      err.println(line);
      err.flush();
    }
    Runtime.getRuntime().exit(128 + s.getNumber());
  }
}
