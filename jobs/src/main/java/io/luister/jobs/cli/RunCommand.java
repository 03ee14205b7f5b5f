package io.luister.jobs.cli;

import io.luister.jobs.AnalysisPeriod;
import io.luister.jobs.ingest.IngestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs every stage for one period: ingest, unify, then themes, sentiment and silences side by side (see --concurrent-stages), analyse, report (the silence tests only when "
        + "a taxonomy is configured, data health always; the report goes to report.output_dir, default reports/<period>/), then applies the configured retention. "
        + "Themes and analyses of earlier complete quarters that gold lacks are computed first (see --backfill).")
final class RunCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--period", paramLabel = "yyyy-Qn",
      description = "The quarter to analyse, e.g. 2026-Q3; some source must have data in it. Default: the latest "
          + "complete quarter that holds data (the data begin in its first week and reach its last); exit 3 when "
          + "there is none, naming the quarter to ask for.")
  String period;

  @Mixin
  StageOptions stageOptions;

  @Option(names = "--backfill", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also compute themes and analyses for every complete quarter before the period that silver holds "
          + "and gold lacks, oldest first, so the report's trend and the themes' lineage exist from the first run "
          + "(default; a rerun finds nothing lacking). --no-backfill: the period only.")
  boolean backfill;

  @Override
  public Integer call() {
    try (RunContext ctx = new RunContext(program, stageOptions.concurrentStages)) {
      if (period != null) {
        AnalysisPeriod.validate(period);
      }
      Console.info("run " + ctx.runId + " of program '" + ctx.config.program() + "', warehouse " + ctx.warehouse.root());
      // No preflight before ingest: check predicts from a sample what ingest then decides on the full data, and in
      // a run ingest follows at once, so a check of every source first repeated the listing, sniffing, reading and
      // mapping that ingest does anyway (30 s of a 6-minute run on the samples, docs/performance.md). A source
      // that ingest refused, failed, or accepted with too little brand coverage is checked afterwards, for check's
      // findings and advice on it; nothing more is written for it either way.
      List<IngestResult> ingested = IngestCommand.ingest(ctx, List.of(), period,
          troubled -> CheckCommand.explain(ctx, troubled));
      // An explicit quarter must hold data, and without one the latest complete quarter that holds data is taken:
      // otherwise unify would write nothing and every later stage would analyse an empty quarter (exit 3 instead).
      String chosen = AnalysisPeriod.choose(period, ingested.stream().flatMap(r -> r.quarters().stream()).toList());
      Console.info("analysis period: " + chosen + (period == null ? " (latest complete quarter that holds data)" : ""));
      // Backfilled quarters go first within their stage: themes of a quarter match the themes of the quarters
      // before it (lineage), and analyse of earlier quarters needs silver.sentiment, which the sentiment stage
      // writes for the period and its baseline. Each stage decides what it lacks when it starts; silver's quarters
      // are read once, by the first stage that backfills.
      Backfill.SilverQuartersOnce silverQuarters = new Backfill.SilverQuartersOnce(ctx, chosen);
      Pipeline.run(Pipeline.forProgram(stage -> true), ctx.concurrentWork, stage -> {
        List<String> periods = new ArrayList<>();
        if (backfill && Backfill.GOLD_TABLE_OF_STAGE.containsKey(stage.name())) {
          periods.addAll(Backfill.periods(ctx, silverQuarters.get(), stage.name()));
        }
        periods.add(chosen);
        stage.bodyForPeriods().accept(ctx, periods);
      });
      RetentionCommand.retention(ctx, chosen);
      Summaries.printIngest(ingested);
      Console.out("period " + chosen + " done. Query the tables with: bin/luister sql \"SELECT * FROM ops.runs\"");
      return 0;
    }
  }
}
