package io.luister.jobs.cli;

import io.luister.jobs.analyses.AlertModel;
import io.luister.jobs.analyses.AnalysesStage;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.docs.TableUpkeep;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "analyse", mixinStandardHelpOptions = true,
    description = {"Share of voice, reputation, critical authors, webcare, emerging-issue alerts, channel mix and "
        + "customer journeys for the period, from silver.feedback (and silver.sentiment, gold.theme_membership "
        + "when present). Writes gold.share_of_voice, gold.reputation, gold.critical_authors, gold.webcare, gold.opportunity_items, gold.opportunities, "
        + "gold.alerts, gold.channel_mix, gold.customer_journeys and gold.journey_summary.",
        "Method: docs/ANALYSES.md."})
final class AnalyseCommand extends PeriodStageCommand {
  @Mixin
  BackfillOption backfill;

  @Override
  void runStage(RunContext ctx, String period) {
    backfill.runAll(ctx, period, "analyse", AnalyseCommand::analyse);
  }

  static void analyse(RunContext ctx, String period) {
    analyse(ctx, List.of(period));
  }

  /**
   * Analyses {@code periods} in one pass ({@link AnalysesStage#run}: one commit per table for them all) and appends
   * one row per period to ops.runs, together, after the last table: a killed pass leaves no period done.
   */
  static void analyse(RunContext ctx, List<String> periods) {
    Instant started = Instant.now();
    Map<String, AnalysesStage.Result> results = new AnalysesStage(ctx.spark(), ctx.config, ctx.warehouse,
        ctx.concurrentWork).run(periods, ctx.config.baselinePeriods(), ctx.runId);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    List<RunRecord> records = new ArrayList<>();
    for (Map.Entry<String, AnalysesStage.Result> perPeriod : results.entrySet()) {
      String period = perPeriod.getKey();
      AnalysesStage.Result result = perPeriod.getValue();
      result.notes().forEach(n -> Console.info("analyse " + period + ": " + n));
      long rows = result.rowsWritten().values().stream().mapToLong(Long::longValue).sum();
      Console.info(String.format("analyse %s: %d gold tables, %,d rows, %d alerts", period,
          result.rowsWritten().size(), rows, result.alerts().size()));
      for (Map.Entry<String, Long> e : result.rowsWritten().entrySet()) {
        Console.info(String.format("  gold.%-18s %,8d rows", e.getKey(), e.getValue()));
      }
      result.alerts().stream().filter(a -> a.weeksRunning() == 1).limit(10)
          .forEach((AlertModel.Alert a) -> Console.info("  - " + EmergingIssues.explanation(a)));
      // The pass's time is shared by its periods; each row carries the whole pass's time.
      records.add(new RunRecord(ctx.runId, ctx.config.program(), AnalysesStage.NAME, "*", period,
          Timestamp.from(started), Timestamp.from(Instant.now()), seconds, 0, rows, 0, 0, RunRecord.OK,
          result.notes().isEmpty() ? null : String.join("; ", result.notes())));
    }
    Console.info(String.format("analyse: %d period(s) %s in one pass, %.1f s", periods.size(), periods, seconds));
    TableUpkeep.afterStage(ctx.spark(), ctx.warehouse, "analyse");
    RunLog.append(ctx.spark(), ctx.warehouse, records);
  }
}
