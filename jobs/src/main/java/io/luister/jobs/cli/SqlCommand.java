package io.luister.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Runs a Spark SQL query on the warehouse. Tables are addressable as bronze.<source>, "
        + "silver.<table>, gold.<table>, ops.quarantine and ops.runs.",
        "Example: bin/luister sql \"SELECT source, rows_read, rows_accepted, rows_quarantined FROM ops.runs\""})
final class SqlCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (one object per line). Default: ${DEFAULT-VALUE}.")
  TablePrinter.Format format;

  @Option(names = "--limit", defaultValue = "1000", description = "At most this many rows are printed. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Parameters(paramLabel = "QUERY", description = "The SQL query (quote it).")
  String query;

  @Override
  public Integer call() {
    try (RunContext ctx = new RunContext(program)) {
      SparkSession spark = ctx.spark();
      ctx.warehouse.registerTables(spark);
      TablePrinter.print(spark.sql(query), format, limit);
      return 0;
    }
  }
}
