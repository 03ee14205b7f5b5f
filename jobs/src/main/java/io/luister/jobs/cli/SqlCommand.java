package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.jobs.serve.SqlViews;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Runs Spark SQL queries on the warehouse, in order, in one Spark session. Tables are addressable "
        + "as bronze.<source>, silver.<table>, gold.<table>, ops.quarantine and ops.runs; the views for common "
        + "questions as gold.<view> (docs/DATA-DICTIONARY.md lists them).",
        "Example: bin/luister sql \"SELECT * FROM gold.latest_silences\"",
        "Several results to files: bin/luister sql --format csv -o runs.csv \"SELECT * FROM ops.runs\" "
            + "-o silences.csv \"SELECT * FROM gold.silences\""})
final class SqlCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (one object per line). Default: ${DEFAULT-VALUE}.")
  TablePrinter.Format format;

  @Option(names = "--limit", defaultValue = "1000", description = "At most this many rows are printed per query. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Writes the result of the query in the same position to FILE instead of standard output "
          + "(UTF-8). Give it for every query or for none.")
  List<Path> outputs;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The SQL queries (quote each one).")
  List<String> queries;

  @Override
  public Integer call() {
    if (outputs != null && outputs.size() != queries.size()) {
      throw ConfigException.option("sql: " + queries.size() + " queries but " + outputs.size()
          + " --output files; give one --output per query, or none to print every result");
    }
    try (RunContext ctx = new RunContext(program)) {
      SparkSession spark = ctx.spark();
      ctx.warehouse.registerTables(spark);
      SqlViews.register(spark);
      for (int i = 0; i < queries.size(); i++) {
        if (outputs == null) {
          if (i > 0) {
            Console.out("");
          }
          TablePrinter.print(spark.sql(queries.get(i)), format, limit);
        } else {
          write(spark, queries.get(i), outputs.get(i));
        }
      }
      return 0;
    }
  }

  private void write(SparkSession spark, String query, Path file) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      TablePrinter.print(spark.sql(query), format, limit, line -> {
        try {
          out.write(line);
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + file, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
