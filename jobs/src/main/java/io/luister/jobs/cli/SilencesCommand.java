package io.luister.jobs.cli;

import io.luister.common.time.Periods;
import io.luister.jobs.docs.TableUpkeep;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.silences.DataHealth;
import io.luister.jobs.silences.SilenceFindings;
import io.luister.jobs.silences.SilenceStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "silences", mixinStandardHelpOptions = true,
    description = {"Finds what customers notably do not talk about: expected themes that are absent, categories that "
        + "dropped against their baseline, channel gaps and competitor gaps, with exact tests, Benjamini-Hochberg "
        + "correction and a data-health gate. Writes gold.silences and gold.data_health for the period; without a "
        + "taxonomy (the tests compare categories) only gold.data_health.",
        "Method: docs/SILENCES.md."})
final class SilencesCommand extends PeriodStageCommand {
  @Override
  void runStage(RunContext ctx, String period) {
    silences(ctx, period);
  }

  static void silences(RunContext ctx, String period) {
    Instant started = Instant.now();
    if (ctx.taxonomy == null) {
      healthOnly(ctx, period, started);
      return;
    }
    SilenceStage.Result result = new SilenceStage(ctx.spark(), ctx.config, ctx.taxonomy, ctx.warehouse)
        .run(period, Periods.preceding(period, ctx.config.baselinePeriods()), ctx.runId);
    long silences = result.groups().stream().filter(g -> g.status().equals(SilenceFindings.SILENCE)).count();
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    Console.info(String.format("silences: %d silence findings (%d tests), %d other findings, %d structural pairs not "
        + "tested, %d data-health checks failed in %.1f s", silences,
        result.findings().stream().filter(f -> f.status().equals(SilenceFindings.SILENCE)).count(),
        result.groups().size() - silences, result.coverage().size(),
        result.health().stream().filter(h -> !h.status().equals(DataHealth.OK)).count(), seconds));
    result.groups().stream().filter(g -> g.status().equals(SilenceFindings.SILENCE)).limit(10)
        .forEach(g -> Console.info("  " + g.rank() + ". [" + g.novelty() + "] " + g.lead().explanationEn() + " " + g.whyEn()));
    warnBrandCoverage(result.health());
    finished(ctx, period, started, seconds, result.findings().size(), null);
  }

  /** Without a taxonomy the silence tests cannot run (they compare categories); the data-health checks can. */
  private static void healthOnly(RunContext ctx, String period, Instant started) {
    List<DataHealth.Check> health = new SilenceStage(ctx.spark(), ctx.config, null, ctx.warehouse)
        .runHealthOnly(period, Periods.preceding(period, ctx.config.baselinePeriods()), ctx.runId);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    Console.info(String.format("silences: not tested (they compare categories, and the config names no taxonomy: add "
        + "'taxonomy: taxonomy.yaml' to %s); %d data-health checks, %d failed, in %.1f s", ctx.config.file(),
        health.size(), health.stream().filter(h -> !h.status().equals(DataHealth.OK)).count(), seconds));
    warnBrandCoverage(health);
    finished(ctx, period, started, seconds, health.size(), "no taxonomy: data-health checks only");
  }

  /** A source with too many items without a brand is named on the console, as in gold.data_health and the report. */
  private static void warnBrandCoverage(List<DataHealth.Check> health) {
    health.stream().filter(h -> h.check().equals(DataHealth.BRAND_COVERAGE) && !h.status().equals(DataHealth.OK))
        .forEach(h -> Console.error("WARNING data health: " + h.explanationEn()));
  }

  /** Both ways end alike: the tables' comments, then the stage's ops.runs row (which marks the period done). */
  private static void finished(RunContext ctx, String period, Instant started, double seconds, long rows,
      String message) {
    TableUpkeep.afterStage(ctx.spark(), ctx.warehouse, "silences");
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(new RunRecord(ctx.runId, ctx.config.program(), SilenceStage.NAME,
        "*", period, Timestamp.from(started), Timestamp.from(Instant.now()), seconds, 0, rows, 0, 0, RunRecord.OK,
        message)));
  }
}
