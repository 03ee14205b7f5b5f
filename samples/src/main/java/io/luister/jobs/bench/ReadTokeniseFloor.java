package io.luister.jobs.bench;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.schema.CanonicalField;
import io.luister.common.schema.CanonicalSchemas;
import io.luister.common.schema.FieldKind;
import io.luister.jobs.ingest.RawBatch;
import io.luister.jobs.ingest.SourceReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The floor a pipeline is measured against: one Spark pass that reads every input record of every source
 * (with the same reader ingest uses) and splits every text into words with a built-in regex. Nothing cheaper
 * can still look at all the data, so "pipeline time / floor time" says how much the analysis itself costs.
 */
public final class ReadTokeniseFloor {
  private ReadTokeniseFloor() {}

  public record Result(long records, long tokens, double seconds) {}

  /** The records and their text (null where a source type has no text field), for every source. */
  static Dataset<Row> textOfEveryRecord(SparkSession spark, ProgramConfig config) {
    Dataset<Row> all = null;
    for (SourceConfig source : config.sources()) {
      List<String> textFields = CanonicalSchemas.fieldsOf(source.type()).stream()
          .filter(f -> f.kind() == FieldKind.TEXT).map(CanonicalField::name).toList();
      for (RawBatch batch : new SourceReader(spark, false).read(source)) {
        List<Column> texts = new ArrayList<>();
        for (String field : textFields) {
          String column = batch.columns().get(field);
          if (column != null) {
            texts.add(coalesce(expr(column).cast("string"), lit("")));
          }
        }
        Column text = texts.isEmpty() ? lit(null).cast("string") : concat_ws(" ", texts.toArray(Column[]::new));
        Dataset<Row> rows = batch.rows().select(text.as("text"));
        all = all == null ? rows : all.unionByName(rows);
      }
    }
    return all;
  }

  public static Result measure(SparkSession spark, ProgramConfig config) {
    long start = System.nanoTime();
    Dataset<Row> texts = textOfEveryRecord(spark, config);
    if (texts == null) {
      return new Result(0, 0, 0);
    }
    Row r = texts.agg(count(lit(1)),
        coalesce(sum(size(split(lower(col("text")), "[^\\p{L}\\p{N}]+"))), lit(0L))).first();
    return new Result(r.getLong(0), r.getLong(1), (System.nanoTime() - start) / 1e9);
  }
}
