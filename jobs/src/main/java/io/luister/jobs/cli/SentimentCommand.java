package io.luister.jobs.cli;

import io.luister.jobs.docs.TableUpkeep;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.sentiment.SentimentStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;

@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = {"Builds silver.sentiment: negative, neutral or positive for every free-text item, from its own "
        + "survey score or rating, a classifier trained in the run on those self-labelled items, or a lexicon "
        + "(VADER for English, Pattern for Dutch) with negation handling.",
        "Processes the period and its baseline periods, replacing exactly those partitions. Method: docs/SENTIMENT.md."})
final class SentimentCommand extends PeriodStageCommand {
  @Override
  void runStage(RunContext ctx, String period) {
    sentiment(ctx, period);
  }

  static void sentiment(RunContext ctx, String period) {
    Instant started = Instant.now();
    SentimentStage stage = new SentimentStage(ctx.spark(), ctx.config, ctx.warehouse);
    Console.info("sentiment: periods " + stage.window(period) + " ...");
    SentimentStage.Result result = stage.run(period);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    Console.info(String.format("sentiment: %,d free-text items of %s in silver.sentiment in %.1f s", result.rows(), period, seconds));
    for (Row r : result.perMethod()) {
      Console.info(String.format("  %-8s %-9s %,d", r.getString(0), r.getString(1), r.getLong(2)));
    }
    TableUpkeep.afterStage(ctx.spark(), ctx.warehouse, "sentiment");
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(new RunRecord(ctx.runId, ctx.config.program(), SentimentStage.NAME,
        "*", period, Timestamp.from(started), Timestamp.from(Instant.now()), seconds, result.rows(), result.rows(),
        0, 0, RunRecord.OK, null)));
  }
}
