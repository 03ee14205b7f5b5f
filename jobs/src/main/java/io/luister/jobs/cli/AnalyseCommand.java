package io.luister.jobs.cli;

import io.luister.common.time.Periods;
import io.luister.jobs.analyses.AlertModel;
import io.luister.jobs.analyses.AnalysesStage;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.docs.TableUpkeep;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "analyse", mixinStandardHelpOptions = true,
    description = {"Share of voice, reputation, critical authors, webcare, emerging-issue alerts, channel mix and "
        + "customer journeys for the period, from silver.feedback (and silver.sentiment, gold.theme_membership "
        + "when present). Writes gold.share_of_voice, gold.reputation, gold.critical_authors, gold.webcare, "
        + "gold.alerts, gold.channel_mix, gold.customer_journeys and gold.journey_summary.",
        "Method: docs/ANALYSES.md."})
final class AnalyseCommand extends PeriodStageCommand {
  @Mixin
  BackfillOption backfill;

  @Override
  void runStage(RunContext ctx, String period) {
    backfill.run(ctx, period, "analyse", AnalyseCommand::analyse);
  }

  static void analyse(RunContext ctx, String period) {
    Instant started = Instant.now();
    AnalysesStage.Result result = new AnalysesStage(ctx.spark(), ctx.config, ctx.warehouse, ctx.concurrentWork)
        .run(period, Periods.preceding(period, ctx.config.baselinePeriods()), ctx.runId);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    result.notes().forEach(n -> Console.info("analyse: " + n));
    long rows = result.rowsWritten().values().stream().mapToLong(Long::longValue).sum();
    Console.info(String.format("analyse: %d gold tables, %,d rows, %d alerts in %.1f s", result.rowsWritten().size(),
        rows, result.alerts().size(), seconds));
    for (Map.Entry<String, Long> e : result.rowsWritten().entrySet()) {
      Console.info(String.format("  gold.%-18s %,8d rows", e.getKey(), e.getValue()));
    }
    result.alerts().stream().filter(a -> a.weeksRunning() == 1).limit(10)
        .forEach((AlertModel.Alert a) -> Console.info("  - " + EmergingIssues.explanation(a)));
    TableUpkeep.afterStage(ctx.spark(), ctx.warehouse, "analyse");
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(new RunRecord(ctx.runId, ctx.config.program(), AnalysesStage.NAME,
        "*", period, Timestamp.from(started), Timestamp.from(Instant.now()), seconds, 0, rows, 0, 0, RunRecord.OK,
        result.notes().isEmpty() ? null : String.join("; ", result.notes()))));
  }

}
