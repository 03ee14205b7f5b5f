package io.luister.jobs.cli;

import io.luister.common.taxonomy.Taxonomy;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.unify.UnifyStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;

@Command(name = "unify", mixinStandardHelpOptions = true,
    description = {"Builds silver.feedback: every bronze source in one taxonomy (native mapping, then rules, then a "
        + "classifier trained on those), with language, masked text and tokens; and ops.taxonomy_coverage.",
        "Processes the period and its baseline periods, replacing exactly those partitions. Without a taxonomy "
        + "in the config every item is unclassified (text features, themes and sentiment still work)."})
final class UnifyCommand extends PeriodStageCommand {
  @Override
  void runStage(RunContext ctx, String period) {
    unify(ctx, period);
  }

  static void unify(RunContext ctx, String period) {
    Instant started = Instant.now();
    Taxonomy taxonomy = ctx.taxonomy;
    if (taxonomy == null) {
      Console.info("unify: no taxonomy configured, so every item is 'unclassified'; add 'taxonomy: taxonomy.yaml' to "
          + ctx.config.file() + " for categories (see docs/CONFIG.md)");
      taxonomy = Taxonomy.NONE;
    }
    UnifyStage stage = new UnifyStage(ctx.spark(), ctx.config, taxonomy, ctx.warehouse);
    Console.info("unify: periods " + stage.window(period) + " ...");
    UnifyStage.Result result = stage.run(period);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    Console.info(String.format("unify: %,d feedback items in silver.feedback in %.1f s", result.rowsOut(), seconds));
    for (Row share : result.unclassifiedShares()) {
      double s = share.getDouble(1);
      if (s > ctx.config.unify().unclassifiedWarningShare()) {
        Console.info(String.format("unify: WARNING %s has %.0f %% unclassified items in %s (above %.0f %%); see "
            + "ops.taxonomy_coverage for the native values and texts no mapping or rule catches",
            share.getString(0), 100 * s, period, 100 * ctx.config.unify().unclassifiedWarningShare()));
      }
    }
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(new RunRecord(ctx.runId, ctx.config.program(), UnifyStage.NAME,
        "*", period, Timestamp.from(started), Timestamp.from(Instant.now()), seconds, result.rowsIn(), result.rowsOut(),
        0, 0, RunRecord.OK, null)));
  }
}
