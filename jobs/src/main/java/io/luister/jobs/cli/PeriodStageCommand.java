package io.luister.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A stage run on its own for one quarter, after an earlier ingest: the options and wiring they share. */
abstract class PeriodStageCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--period", paramLabel = "yyyy-Qn",
      description = "The analysis quarter. Default: the latest complete quarter that holds data in bronze.")
  String period;

  @Override
  public Integer call() {
    checkOptions();
    try (RunContext ctx = new RunContext(program)) {
      runStage(ctx, ctx.analysisPeriod(period));
      return 0;
    }
  }

  /** Refuses the command's own option values (a ConfigException, exit 2) before any Spark work starts. */
  void checkOptions() {}

  abstract void runStage(RunContext ctx, String period);
}
