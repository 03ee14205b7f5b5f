package io.luister.jobs.cli;

import io.luister.common.warehouse.Layer;
import io.luister.jobs.ops.RetentionPolicy;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;

@Command(name = "retention", mixinStandardHelpOptions = true,
    description = {"Deletes the rows of quarters a layer no longer keeps (the config's 'retention': quarters per "
        + "layer, counted back from the analysed quarter), one Delta transaction per table, then VACUUMs those "
        + "tables with Delta's retention (7 days by default), after which the rows are physically gone. `run` "
        + "ends with it. A layer without a retention keeps everything.",
        "Details: docs/reliability.md."})
final class RetentionCommand extends PeriodStageCommand {
  static final String STAGE = "retention";

  @Override
  void runStage(RunContext ctx, String period) {
    retention(ctx, period);
  }

  static void retention(RunContext ctx, String period) {
    if (ctx.config.retention().quartersByLayer().isEmpty()) {
      Console.info("retention: none configured, every layer keeps everything");
      return;
    }
    List<RunRecord> records = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      Optional<Integer> quarters = ctx.config.retention().quarters(layer.folder());
      if (quarters.isEmpty()) {
        continue;
      }
      String oldest = RetentionPolicy.oldestKept(period, quarters.get());
      long removed = 0;
      for (String table : ctx.warehouse.tables(ctx.spark(), layer)) {
        Instant started = Instant.now();
        Dataset<Row> rows = ctx.warehouse.read(ctx.spark(), layer, table);
        Optional<Column> expired = RetentionPolicy.expired(rows.schema(), oldest);
        // Partition pruning makes this look cheap; it also keeps a rerun from adding empty versions.
        long count = expired.isEmpty() ? 0 : rows.filter(expired.get()).count();
        if (count > 0) {
          ctx.warehouse.delete(ctx.spark(), layer, table, expired.get());
          ctx.warehouse.vacuum(ctx.spark(), layer, table);
          removed += count;
          records.add(record(ctx, layer.folder() + "." + table, period, count, oldest, started));
        }
      }
      Console.info(String.format("retention: %s keeps %d quarters (from %s): %,d older rows removed", layer.folder(),
          quarters.get(), oldest, removed));
    }
    if (!records.isEmpty()) {
      RunLog.append(ctx.spark(), ctx.warehouse, records);
    }
  }

  private static RunRecord record(RunContext ctx, String table, String period, long rows, String oldest,
      Instant started) {
    Instant now = Instant.now();
    return new RunRecord(ctx.runId, ctx.config.program(), STAGE, table, period, Timestamp.from(started),
        Timestamp.from(now), (now.toEpochMilli() - started.toEpochMilli()) / 1000.0, rows, 0, 0, 0, RunRecord.OK,
        rows + " rows of quarters before " + oldest + " removed");
  }
}
