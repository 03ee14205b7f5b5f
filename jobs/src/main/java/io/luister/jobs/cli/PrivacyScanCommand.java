package io.luister.jobs.cli;

import io.luister.common.warehouse.Layer;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.privacy.PrivacyScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "privacy-scan", mixinStandardHelpOptions = true,
    description = {"Scans every table of the warehouse (bronze, silver, gold, ops) for raw personal values that must "
        + "never appear there: handles, customer ids, e-mail addresses, phone numbers, IBANs. Prints where they occur "
        + "(table, column, kind, rows; never the values) and exits 3 when any is found.",
        "The values file has one 'kind<TAB>value' per line (kinds: handle, customer_id, email, phone, iban, or any "
        + "other word); a data protection officer can build it from the raw exports."})
final class PrivacyScanCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--values", required = true, paramLabel = "FILE", description = "The raw values to look for.")
  Path valuesFile;

  @Override
  public Integer call() throws IOException {
    List<Row> values = PrivacyScan.parseValues(Files.readAllLines(valuesFile));
    try (RunContext ctx = new RunContext(program)) {
      Dataset<Row> known = ctx.spark().createDataFrame(values, PrivacyScan.VALUES_SCHEMA).cache();
      Dataset<Row> hits = null;
      int tables = 0;
      for (Layer layer : Layer.values()) {
        for (String table : ctx.warehouse.tables(ctx.spark(), layer)) {
          Dataset<Row> found = PrivacyScan.scan(ctx.spark(), ctx.warehouse.read(ctx.spark(), layer, table),
              layer.folder() + "." + table, known);
          hits = hits == null ? found : hits.unionByName(found);
          tables++;
        }
      }
      List<Row> found = hits == null ? List.of() : hits.collectAsList();   // one row per table x column x kind
      Console.info(String.format("privacy-scan: %d tables scanned for %,d values", tables, values.size()));
      if (!found.isEmpty()) {
        TablePrinter.print(ctx.spark().createDataFrame(found, PrivacyScan.hitsSchema()), TablePrinter.Format.table, 10_000);
        throw new LuisterDataException("raw personal values found in " + found.size() + " table column(s); see above");
      }
      Console.out("privacy-scan: no raw personal value in any table");
      return 0;
    }
  }
}
