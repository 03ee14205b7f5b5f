package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.common.privacy.PseudonymKeys;
import io.luister.jobs.LuisterDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code luister} command: one entry point, one subcommand per stage. */
@Command(name = "luister", mixinStandardHelpOptions = true, version = "Luister 0.1.0",
    description = "Batch customer insights on Apache Spark: what customers say, and what they notably do not say.",
    subcommands = {RunCommand.class, CheckCommand.class, IngestCommand.class, UnifyCommand.class, ThemesCommand.class, SentimentCommand.class, AnalyseCommand.class, SilencesCommand.class, ReportCommand.class,
        PseudonymCommand.class, PrivacyScanCommand.class, EraseCommand.class, RetentionCommand.class, SqlCommand.class, PublishCommand.class, ExportCommand.class, GenerateCommand.class, BenchCommand.class, StagesCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:bad usage or config (the message says what to fix)",
        "3:the input data cannot be processed as configured",
        "4:infrastructure error (Spark, storage, network)"})
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

  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Luister());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof PseudonymKeys.MissingKeyException
          || e instanceof IllegalArgumentException) {
        Console.error("error: " + e.getMessage());
        return EXIT_CONFIG;
      }
      if (e instanceof LuisterDataException) {
        Console.error("data error: " + e.getMessage());
        return EXIT_DATA;
      }
      Console.error("failed: " + e);
      e.printStackTrace(System.err);
      return EXIT_INFRA;
    });
    return cli.execute(args);
  }
}
