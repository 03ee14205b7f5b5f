package io.luister.jobs.cli;

import io.luister.common.warehouse.Layer;
import io.luister.jobs.serve.ServeFrames;
import io.luister.jobs.serve.TableExport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes one table (optionally one period of it) to a single file for analysts: csv (UTF-8, "
        + "header, RFC 4180), xlsx or parquet. In csv and xlsx, text that a spreadsheet would run as a formula "
        + "(starting with = + - @, a tab or a carriage return) gets a leading apostrophe; numbers are untouched.",
        "Example: bin/luister export --table gold.silences --format xlsx --period 2026-Q3 --out silences.xlsx",
        "Details: docs/SERVING.md."})
final class ExportCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--table", required = true, paramLabel = "LAYER.TABLE", description = "e.g. gold.silences")
  String table;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx|parquet",
      description = "Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--period", paramLabel = "yyyy-Qn", description = "Only this period's rows. Default: every row.")
  String period;

  @Option(names = "--out", paramLabel = "FILE", description = "Default: <table>[-<period>].<format> in the current folder.")
  Path out;

  @Override
  public Integer call() {
    TableExport.Format fmt = TableExport.Format.parse(format);
    try (RunContext ctx = new RunContext(program)) {
      SparkSession spark = ctx.spark();
      String[] parts = table.split("\\.", 2);
      Layer layer = layerOf(parts[0]);
      if (layer == null || parts.length < 2 || !ctx.warehouse.tables(spark, layer).contains(parts[1])) {
        throw new IllegalArgumentException("no table '" + table + "' in " + ctx.warehouse.root() + "; tables are: "
            + String.join(", ", existing(ctx, spark)));
      }
      Dataset<Row> data = ctx.warehouse.read(spark, layer, parts[1]);
      if (period != null && !ServeFrames.hasPeriod(data.schema())) {
        Console.info("export: " + table + " has no period column, so every row is exported");
      }
      Path target = out != null ? out
          : Path.of(parts[1] + (period != null && ServeFrames.hasPeriod(data.schema()) ? "-" + period : "") + "." + fmt);
      Instant started = Instant.now();
      long rows = TableExport.export(ServeFrames.slice(data, period), fmt, target, parts[1]);
      Console.info(String.format("export: %,d rows of %s%s to %s in %.1f s", rows, table,
          period != null ? " (" + period + ")" : "", target.toAbsolutePath(),
          (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0));
      return 0;
    }
  }

  private static Layer layerOf(String name) {
    for (Layer layer : Layer.values()) {
      if (layer.folder().equals(name)) {
        return layer;
      }
    }
    return null;
  }

  private static List<String> existing(RunContext ctx, SparkSession spark) {
    List<String> names = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      ctx.warehouse.tables(spark, layer).forEach(t -> names.add(layer.folder() + "." + t));
    }
    return names;
  }
}
