package io.bessim.cli;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.experiment.Experiment;
import io.bessim.experiment.Provenance;
import io.bessim.experiment.RunResult;
import io.bessim.experiment.RunSpec;
import io.bessim.experiment.WorkloadSpec;
import io.bessim.sim.Time;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code bessim} command line. Bad input exits 2 with one line on stderr; an unexpected
 * failure exits 1 with one line (a stack trace too when {@code BESSIM_DEBUG} is set).
 */
@Command(
    name = "bessim",
    mixinStandardHelpOptions = true,
    versionProvider = Bessim.Version.class,
    description = "Simulates the BES2600 Wi-Fi chip and its Linux SDIO driver.",
    // Per-command wording of the shared options' help (see Options.properties).
    resourceBundle = "io.bessim.cli.Options")
public final class Bessim implements Callable<Integer> {
  public static final String VERSION = "bessim " + Provenance.VERSION;

  /** The subcommands that simulate, for which {@link #main} starts {@link #prelink}. */
  private static final Set<Class<?>> SIMULATING = Set.of(CompareCommand.class, RunCommand.class,
      SweepCommand.class, CalibrateCommand.class, PredictCommand.class, ReportCommand.class,
      RaceCommand.class);

  /**
   * The subcommands, in the order help lists them. Added in code rather than in the annotation so
   * that {@link #main} can build only the one a command line names: picocli reads every option of
   * every command by reflection when it builds one: 0.41-0.45 s for the whole tree the first time
   * in a JVM (without the class-data archive), more than the JVM's own start, and its compiled
   * code filled the JIT's queue while the first simulation ran.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      CompareCommand.class,
      RunCommand.class,
      ArchCommand.class,
      SweepCommand.class,
      CalibrateCommand.class,
      PredictCommand.class,
      ReportCommand.class,
      RaceCommand.class,
      CommandLine.HelpCommand.class,
      CompletionCommand.class);

  /** {@code --version}: the version and the git commit the jar was built from. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {VERSION + " (commit " + Provenance.buildCommit() + ")"};
    }
  }

  @Spec CommandSpec spec;

  Bessim() {}

  /** No subcommand: show usage on stderr and fail as bad input. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  public static void main(String[] given) {
    String[] args = nestedHelp(given);
    String first = args.length == 0 ? null : args[0];
    Class<?> command = subcommandNamed(first);
    if (command != null && SIMULATING.contains(command)) prelink();
    CommandLine cl = commandLine(context(Experiment::run), first);
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    Interrupts.install(cl.getErr());
    System.exit(execute(cl, args));
  }

  /**
   * Runs {@code cl}: picocli hands an Error thrown on the command's thread (an OutOfMemoryError
   * while a wide trace is rendered) to the JVM, which printed its stack trace; it is one line.
   */
  static int execute(CommandLine cl, String[] args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      PrintWriter err = cl.getErr();
      err.println(outOfMemory(e));
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** The one line for an exhausted heap: what ran out, the heap's size, and what to change. */
  static String outOfMemory(OutOfMemoryError e) {
    return "bessim: out of memory (" + message(e) + ") in a heap of "
        + String.format(java.util.Locale.US, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9)
        + ": run less at once (a shorter --trace-window or --duration, fewer seeds), or give more"
        + " heap (BESSIM_JAVA_OPTS=-Xmx...)";
  }

  /**
   * picocli's help command takes one name, so {@code help race window} printed the help of
   * {@code race}: a nested command's help is asked for as {@code race window --help} instead.
   */
  static String[] nestedHelp(String[] args) {
    if (args.length < 3 || !args[0].equals("help")) return args;
    String[] out = java.util.Arrays.copyOfRange(args, 1, args.length + 1);
    out[out.length - 1] = "--help";
    return out;
  }

  /** The command line with every simulation run through {@code runner}. */
  public static CommandLine commandLine(Function<RunSpec, RunResult> runner) {
    return commandLine(context(runner));
  }

  private static CliContext context(Function<RunSpec, RunResult> runner) {
    return new CliContext(runner, Bessim::stderrIsTerminal, System.getenv("BESSIM_DEBUG") != null);
  }

  /**
   * Whether standard error is a terminal, where the progress line goes: read from
   * /proc/self/fd/2 on Linux (Java 17's System.console() asks about stdin and stdout instead, so
   * {@code bessim compare > out.txt} would lose its progress); System.console() elsewhere.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2"))
          .toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  static CommandLine commandLine(CliContext ctx) {
    return commandLine(ctx, null);
  }

  /**
   * The command line with only the subcommand named {@code first} when it names one (the rest of
   * its arguments can reach no other), else with every subcommand: help, version, completion and
   * a mistyped name see them all.
   */
  static CommandLine commandLine(CliContext ctx, String first) {
    Factory factory = new Factory(ctx);
    CommandLine cl = new CommandLine(new Bessim(), factory);
    Class<?> only = subcommandNamed(first);
    try {
      for (Class<?> c : SUBCOMMANDS) {
        if (only == null || c == only) cl.addSubcommand(factory.create(c));
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the subcommand: " + e, e);
    }
    cl.setParameterExceptionHandler(Bessim::parameterError);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> executionError(ex, cmd.getErr(), ctx.debug()));
    return cl;
  }

  /** picocli's own parse errors: one line with a pointer to --help, exit 2. */
  private static int parameterError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String unknown = unknownCommand(ex, cmd);
    err.println("bessim: " + (unknown != null ? unknown : oneLine(ex.getMessage())
        + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')"));
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  /**
   * "unknown command 'race tabel' (commands: race table, ...)" when the argument picocli could
   * not match is where a command group ({@code bessim}, {@code race}, ...) expects a command
   * name; null otherwise (picocli said "Unmatched argument at index 0: 'comapre'").
   */
  private static String unknownCommand(CommandLine.ParameterException ex, CommandLine cmd) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.isUnknownOption()
        || cmd.getSubcommands().isEmpty() || u.getUnmatched().isEmpty()
        || cmd.getParseResult() == null || cmd.getParseResult().hasSubcommand()) {
      return null;
    }
    // The group as a user types it after 'bessim': "" at the top, "race " under race.
    String group = cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^\\S+ ?", "");
    String prefix = group.isEmpty() ? "" : group + " ";
    String commands = cmd.getSubcommands().keySet().stream().map(n -> prefix + n)
        .collect(java.util.stream.Collectors.joining(", "));
    return "unknown command '" + prefix + u.getUnmatched().get(0) + "' (commands: " + commands
        + ")";
  }

  static int executionError(Exception ex, PrintWriter err, boolean debug) {
    int code;
    OutOfMemoryError oom = outOfMemoryCause(ex);
    if (oom != null) {
      err.println(outOfMemory(oom));
      code = CommandLine.ExitCode.SOFTWARE;
    } else if (ex instanceof IllegalArgumentException) {
      err.println("bessim: " + oneLine(message(ex)));
      code = CommandLine.ExitCode.USAGE;
    } else if (ex instanceof UncheckedIOException) {
      err.println("bessim: " + oneLine(message(ex)));
      code = CommandLine.ExitCode.SOFTWARE;
    } else if (ex instanceof InterruptedException) {
      err.println("bessim: interrupted");
      code = CommandLine.ExitCode.SOFTWARE;
    } else {
      err.println("bessim: internal error: " + oneLine(message(ex))
          + (debug ? "" : " (set BESSIM_DEBUG=1 for details)"));
      code = CommandLine.ExitCode.SOFTWARE;
    }
    if (debug) ex.printStackTrace(err);
    err.flush();
    return code;
  }

  /** The OutOfMemoryError among {@code t}'s causes (a run's, wrapped by its batch), or null. */
  private static OutOfMemoryError outOfMemoryCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) return oom;
    }
    return null;
  }

  private static String message(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  /** The longest run of non-blanks a message echoes whole; longer ones are cut. */
  static final int MAX_WORD = 80;

  private static final java.util.regex.Pattern LONG_WORD =
      java.util.regex.Pattern.compile("\\S{" + (MAX_WORD + 1) + ",}");

  /**
   * The message on one line, each over-long word (a 100,000-character architecture name, a
   * path) cut to its start and length, so the problem stays readable.
   */
  static String oneLine(String s) {
    String line = s.strip().replaceAll("\\s*\\R\\s*", "; ")
        // picocli's "Value for option option '--set'": its wording doubled.
        .replace("option option '", "option '");
    return LONG_WORD.matcher(line).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        m.group().substring(0, MAX_WORD - 20) + "...(" + m.group().length() + " characters)"));
  }

  /**
   * The subcommand {@code first} names, or null; null too for help and generate-completion, which
   * are about the whole tree.
   */
  private static Class<?> subcommandNamed(String first) {
    return first == null ? null : SUBCOMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class
            && c != CompletionCommand.class)
        .filter(c -> commandName(c).equals(first))
        .findFirst().orElse(null);
  }

  /**
   * Builds one model on the second core while the main thread parses the command line, and throws
   * it away: a JVM's first model build pays once for loading the model's classes and linking the
   * driver's lambdas (about 150 call sites, 50-100 ms while nothing is compiled yet), which
   * otherwise ran inside the first simulation. Builds share no state (runs on two threads give the
   * bytes of one), so this cannot change a result; a failure here only loses the head start.
   */
  private static void prelink() {
    Thread t = new Thread(() -> {
      try {
        Experiment.build(new RunSpec(Architecture.fromName("baseline"), Platform.defaults(),
            WorkloadSpec.parse("tcp:4MB/s"), Time.S, 1));
      } catch (RuntimeException | Error e) {
        // The real build reports whatever is wrong.
      }
    }, "bessim-prelink");
    t.setDaemon(true);
    t.start();
  }

  private static String commandName(Class<?> c) {
    Command command = c.getAnnotation(Command.class);
    return command == null ? "" : command.name();
  }

  /** Builds the subcommands around the shared context; everything else the picocli way. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliContext ctx;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == CompareCommand.class) return cls.cast(new CompareCommand(ctx));
      if (cls == RunCommand.class) return cls.cast(new RunCommand(ctx));
      if (cls == SweepCommand.class) return cls.cast(new SweepCommand(ctx));
      if (cls == SweepMergeCommand.class) return cls.cast(new SweepMergeCommand());
      if (cls == CalibrateCommand.class) return cls.cast(new CalibrateCommand(ctx));
      if (cls == PredictCommand.class) return cls.cast(new PredictCommand(ctx));
      if (cls == ReportCommand.class) return cls.cast(new ReportCommand(ctx));
      return fallback.create(cls);
    }
  }
}
