package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.common.privacy.PseudonymKeys;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.LuisterInfrastructureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code luister} command: one entry point, one subcommand per stage. The samples module's {@code generate} and
 * {@code bench} are not part of it (the production jars do not carry the sample generator): its
 * {@code LuisterWithSamples}, which {@code bin/luister} runs, adds them through {@link #commandLine}.
 */
@Command(name = "luister", mixinStandardHelpOptions = true, version = "Luister 0.1.0",
    description = "Batch customer insights on Apache Spark: what customers say, and what they notably do not say.",
    // stages and help are added last by commandLine, after any commands of other modules, so --help lists them last.
    subcommands = {RunCommand.class, CheckCommand.class, IngestCommand.class, UnifyCommand.class, ThemesCommand.class, SentimentCommand.class, AnalyseCommand.class, SilencesCommand.class, ReportCommand.class,
        PseudonymCommand.class, PrivacyScanCommand.class, EraseCommand.class, RetentionCommand.class, SqlCommand.class, PublishCommand.class, ExportCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:bad usage or config (the message says what to fix)",
        "3:the input data cannot be processed as configured",
        "4:infrastructure error (Spark, storage, network) or a bug (with the stack trace)"})
public final class Luister implements Runnable {
  public static final int EXIT_CONFIG = 2;
  public static final int EXIT_DATA = 3;
  public static final int EXIT_INFRA = 4;

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command and returns its exit code, which a scheduler decides retries on: 2 (the config or command line
   * is wrong: fix it, do not retry), 3 (the data or the warehouse's state cannot be processed as configured: a rerun
   * on the same data fails the same way), 4 (everything else: storage, Spark, the network, or a bug; with the stack
   * trace). Decided by Luister's own exception types, not by JDK types: a bare {@code IllegalArgumentException} or
   * {@code IllegalStateException} is a programming error, never "fix your config". Picocli's own parameter errors
   * (an unknown option, a bad value) exit 2 through its parameter exception handler.
   */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The command line with Luister's own commands, then {@code moreCommands} (picocli command objects of another
   * module), then {@code stages} and {@code help}, in that order in {@code --help}; failures map to exit codes as
   * {@link #execute} says.
   */
  public static CommandLine commandLine(Object... moreCommands) {
    CommandLine cli = new CommandLine(new Luister());
    for (Object command : moreCommands) {
      cli.addSubcommand(command);
    }
    cli.addSubcommand(new StagesCommand());
    cli.addSubcommand(new CommandLine.HelpCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable decisive = decisive(e);
      int code = exitCode(decisive);
      if (code == EXIT_CONFIG) {
        Console.error("error: " + decisive.getMessage());
      } else if (code == EXIT_DATA) {
        Console.error("data error: " + decisive.getMessage());
      } else {
        Console.error("failed: " + (decisive instanceof LuisterInfrastructureException ? decisive.getMessage() : e));
        e.printStackTrace(System.err);
      }
      return code;
    });
    return cli;
  }

  /** The exit code of a failure, by the type of {@link #decisive} of it. */
  static int exitCode(Throwable failure) {
    Throwable decisive = decisive(failure);
    if (decisive instanceof ConfigException || decisive instanceof PseudonymKeys.MissingKeyException) {
      return EXIT_CONFIG;
    }
    if (decisive instanceof LuisterDataException) {
      return EXIT_DATA;
    }
    return EXIT_INFRA;
  }

  /**
   * The first of Luister's own exceptions in {@code failure}'s cause chain, or {@code failure} itself when there is
   * none. A stage's exception reaches the command wrapped: Spark wraps what a task threw in a
   * {@code SparkException} ("Job aborted due to stage failure", the task's exception as its cause), and a worker
   * thread's failure may arrive in an {@code ExecutionException} or {@code CompletionException}. The original type
   * decides the exit code: a malformed file read in a task is still a data error, not an infrastructure one.
   */
  static Throwable decisive(Throwable failure) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof ConfigException || t instanceof PseudonymKeys.MissingKeyException
          || t instanceof LuisterDataException || t instanceof LuisterInfrastructureException) {
        return t;
      }
    }
    return failure;
  }
}
