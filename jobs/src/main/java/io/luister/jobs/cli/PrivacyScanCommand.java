package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.common.warehouse.Layer;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.privacy.PrivacyScan;
import io.luister.jobs.serve.JdbcTarget;
import io.luister.jobs.serve.PgDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "privacy-scan", mixinStandardHelpOptions = true,
    description = {"Scans every table of the warehouse (bronze, silver, gold, ops, and each table's Delta log) for raw "
        + "personal values that must "
        + "never appear there: handles, customer ids, e-mail addresses, phone numbers, IBANs. Prints where they occur "
        + "(table, column, kind, rows; never the values) and exits 3 when any is found.",
        "With --files, also every output file under the given paths: exports (csv, xlsx, parquet, json), reports "
        + "(html, and pdf as its text), anything else as text. With --jdbc, also every table of a PostgreSQL "
        + "publication.",
        "The values file has one 'kind<TAB>value' per line (kinds: handle, customer_id, email, phone, iban, or any "
        + "other word); a data protection officer can build it from the raw exports."})
final class PrivacyScanCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--values", required = true, paramLabel = "FILE", description = "The raw values to look for.")
  Path valuesFile;

  @Option(names = "--files", split = ",", paramLabel = "PATH",
      description = "Output files or folders (searched recursively) to scan besides the tables.")
  List<Path> files = List.of();

  @Option(names = "--jdbc", paramLabel = "URL", description = "Also every table of a PostgreSQL publication "
      + "(publish --jdbc); password as for publish (LUISTER_PG_PASSWORD, the URL, or PGPASSWORD).")
  String jdbc;

  @Option(names = "--user", paramLabel = "U", description = "The database user for --jdbc.")
  String user;

  @Option(names = "--schema", defaultValue = "luister", paramLabel = "NAME",
      description = "The PostgreSQL schema for --jdbc. Default: ${DEFAULT-VALUE}.")
  String schema;

  @Override
  public Integer call() throws IOException, SQLException {
    List<Row> values = PrivacyScan.parseValues(valuesFile.toString(), Files.readAllLines(valuesFile));
    try (RunContext ctx = new RunContext(program)) {
      Dataset<Row> known = ctx.spark().createDataFrame(values, PrivacyScan.VALUES_SCHEMA).cache();
      // Every table's and file's text cells, searched by one join (one Spark job, not one per table).
      Dataset<Row> cells = null;
      int tables = 0;
      for (Layer layer : Layer.values()) {
        for (String table : ctx.warehouse.tables(ctx.spark(), layer)) {
          cells = union(cells, PrivacyScan.cells(ctx.spark(), ctx.warehouse.read(ctx.spark(), layer, table),
              layer.folder() + "." + table));
          // The transaction log: commit predicates and per-file statistics (min/max values) hold values too.
          cells = union(cells, PrivacyScan.cells(ctx.spark(), PrivacyScan.deltaLogText(ctx.spark(),
              ctx.warehouse.path(layer, table)), layer.folder() + "." + table + "/_delta_log"));
          tables++;
        }
      }
      List<Path> outputs = outputFiles();
      for (Path file : outputs) {
        cells = union(cells, PrivacyScan.cells(ctx.spark(), PrivacyScan.fileText(ctx.spark(), file), "file:" + file));
      }
      int published = 0;
      if (jdbc != null) {
        JdbcTarget target = JdbcTarget.of(jdbc, user, System.getenv());
        for (String table : target.tables(schema)) {
          Dataset<Row> rows = ctx.spark().read().jdbc(target.url(), PgDdl.qualified(schema, table), target.properties());
          cells = union(cells, PrivacyScan.cells(ctx.spark(), rows, "postgresql:" + schema + "." + table));
          published++;
        }
      }
      Dataset<Row> hits = cells == null ? null : PrivacyScan.hits(cells, known);
      List<Row> found = hits == null ? List.of() : hits.collectAsList();   // one row per table x column x kind
      Console.info(String.format("privacy-scan: %d tables, %d files and %d PostgreSQL tables scanned for %,d values",
          tables, outputs.size(), published, values.size()));
      if (!found.isEmpty()) {
        TablePrinter.print(ctx.spark().createDataFrame(found, PrivacyScan.hitsSchema()), TablePrinter.Format.table, 10_000);
        throw new LuisterDataException("raw personal values found in " + found.size() + " table or file column(s); "
            + "see above");
      }
      Console.out("privacy-scan: no raw personal value in any table" + (outputs.isEmpty() ? "" : " or file"));
      return 0;
    }
  }

  private static Dataset<Row> union(Dataset<Row> all, Dataset<Row> more) {
    return all == null ? more : all.unionByName(more);
  }

  private List<Path> outputFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path path : files) {
      if (!Files.exists(path)) {
        throw ConfigException.option("privacy-scan: --files " + path + " does not exist");
      }
      try (Stream<Path> walk = Files.walk(path)) {
        // Spark's own markers (_SUCCESS, .crc) carry no data.
        walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("(_.*|\\..*\\.crc)"))
            .sorted().forEach(out::add);
      }
    }
    return out;
  }
}
