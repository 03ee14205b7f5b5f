package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.common.warehouse.Layer;
import io.luister.jobs.AnalysisPeriod;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.serve.ServeFrames;
import io.luister.jobs.serve.TableExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
        "Every gold table, one file each: bin/luister export --table 'gold.*' --format csv --out exports/",
        "Details: docs/SERVING.md."})
final class ExportCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--table", required = true, split = ",", paramLabel = "LAYER.TABLE",
      description = "e.g. gold.silences; several (comma-separated or repeated) or a whole layer (gold.*) go to one "
          + "file each in the --out folder.")
  List<String> tables;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx|parquet",
      description = "Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--period", paramLabel = "yyyy-Qn", description = "Only this period's rows, e.g. 2026-Q3. A period "
      + "none of the tables has rows in is refused (exit 3). Default: every row.")
  String period;

  @Option(names = "--out", paramLabel = "PATH", description = "The file; for several tables, or when it is an "
      + "existing folder, the folder (files named <table>[-<period>].<format>). Default: that name in the current folder.")
  Path out;

  @Override
  public Integer call() {
    TableExport.Format fmt = TableExport.Format.parse(format);
    if (period != null) {
      AnalysisPeriod.validate(period);
    }
    try (RunContext ctx = new RunContext(program)) {
      SparkSession spark = ctx.spark();
      List<String> chosen = new ArrayList<>();
      for (String table : tables) {
        chosen.addAll(resolve(ctx, spark, table.strip()));
      }
      boolean several = chosen.size() > 1 || tables.stream().anyMatch(t -> t.endsWith(".*"));
      if (several && out != null && Files.exists(out) && !Files.isDirectory(out)) {
        throw ConfigException.option("--out " + out + " is a file; several tables go to a folder, one file each");
      }
      List<Export> exports = new ArrayList<>();
      for (String table : chosen) {
        String[] parts = table.split("\\.", 2);
        Dataset<Row> data = ctx.warehouse.read(spark, layerOf(parts[0]), parts[1]);
        boolean byPeriod = period != null && ServeFrames.hasPeriod(data.schema());
        if (period != null && !byPeriod) {
          Console.info("export: " + table + " has no period column, so every row is exported");
        }
        Path file = Path.of(parts[1] + (byPeriod ? "-" + period : "") + "." + fmt);
        // An existing folder as --out for one table: the file goes into it under its own name, as for several.
        Path target = out == null ? file : several || Files.isDirectory(out) ? out.resolve(file) : out;
        // One small action per table answers both questions of refuseAPeriodWithoutRows: whether the asked period
        // has rows, and which periods do (a handful of quarters, so the collect is bounded).
        TreeSet<String> periods = new TreeSet<>();
        if (byPeriod) {
          data.select(ServeFrames.PERIOD).distinct().collectAsList().forEach(r -> periods.add(String.valueOf(r.get(0))));
        }
        exports.add(new Export(table, parts[1], ServeFrames.slice(data, period), target, byPeriod,
            byPeriod && !periods.contains(period), periods));
      }
      refuseAPeriodWithoutRows(exports);
      for (Export export : exports) {
        if (export.emptyPeriod()) {
          Console.info("export: " + export.table() + " has no rows in " + period + ": its file holds only the header");
        }
        Instant started = Instant.now();
        long rows = TableExport.export(export.rows(), fmt, export.target(), export.sheet());
        Console.info(String.format("export: %,d rows of %s%s to %s in %.1f s", rows, export.table(),
            period != null ? " (" + period + ")" : "", export.target().toAbsolutePath(),
            (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0));
      }
      return 0;
    }
  }

  /** One table to write: its rows (the period's, if asked), where, and whether the asked period has none. */
  private record Export(String table, String sheet, Dataset<Row> rows, Path target, boolean byPeriod,
      boolean emptyPeriod, TreeSet<String> periods) {}

  /**
   * A period no exported table has rows in is most likely a mistyped or not yet analysed quarter: refused (exit 3)
   * naming the periods the tables do hold, before any file is written. When some tables have rows in it, the
   * others get a header-only file, so a layer's export is the same set of files every quarter.
   */
  private void refuseAPeriodWithoutRows(List<Export> exports) {
    List<Export> byPeriod = exports.stream().filter(Export::byPeriod).toList();
    if (byPeriod.isEmpty() || byPeriod.stream().anyMatch(e -> !e.emptyPeriod())) {
      return;
    }
    TreeSet<String> held = new TreeSet<>();
    byPeriod.forEach(e -> held.addAll(e.periods()));
    throw new LuisterDataException((byPeriod.size() == 1 ? byPeriod.get(0).table() + " has" : "none of "
        + byPeriod.stream().map(Export::table).toList() + " has") + " rows in " + period + "; "
        + (held.isEmpty() ? "no period holds rows yet" : "periods with rows: " + String.join(", ", held))
        + ". Nothing was written.");
  }

  /** The tables a --table value names: one, or every table of a layer for {@code layer.*}. */
  private static List<String> resolve(RunContext ctx, SparkSession spark, String table) {
    String[] parts = table.split("\\.", 2);
    Layer layer = layerOf(parts[0]);
    if (layer != null && parts.length == 2 && parts[1].equals("*")) {
      return ctx.warehouse.tables(spark, layer).stream().map(t -> layer.folder() + "." + t).toList();
    }
    if (layer == null || parts.length < 2 || !ctx.warehouse.tables(spark, layer).contains(parts[1])) {
      throw ConfigException.option("--table: no table '" + table + "' in " + ctx.warehouse.root() + "; tables are: "
          + String.join(", ", existing(ctx, spark)));
    }
    return List.of(table);
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
