package io.luister.jobs.cli;

/**
 * The {@code luister} command that {@code bin/luister} runs: every command of {@link Luister}, plus {@code generate}
 * and {@code bench}, which need the sample generator and so live in this module, outside the production jars
 * ({@code luister-jobs.jar}, {@code luister-spark.jar}). In package {@code io.luister.jobs.cli} because the bench runs
 * the pipeline through the CLI's package-private run context ({@code RunContext}, {@code Pipeline}).
 */
public final class LuisterWithSamples {
  private LuisterWithSamples() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command and returns its exit code, as {@link Luister#execute} does. */
  public static int execute(String... args) {
    return Luister.commandLine(new GenerateCommand(), new BenchCommand()).execute(args);
  }
}
