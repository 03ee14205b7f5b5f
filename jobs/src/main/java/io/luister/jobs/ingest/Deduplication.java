package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Marks every record whose key was already seen in the same source, within a file or across files, as
 * DUPLICATE_ID. The record kept is the first good one in file order, so a broken first copy does not
 * push out a good second one. The message names where the kept copy is.
 */
public final class Deduplication {
  private Deduplication() {}

  public static Dataset<Row> markDuplicates(Dataset<Row> canonical, List<String> keyColumns) {
    Column[] key = keyColumns.stream().map(c -> col(c)).toArray(Column[]::new);
    Column hasKey = keyColumns.stream().map(c -> col(c).isNotNull()).reduce(Column::and).orElseThrow();
    Column alreadyBad = size(col(CanonicalMapping.REASONS)).gt(0);
    WindowSpec byKey = Window.partitionBy(key).orderBy(alreadyBad.asc(), col(RawBatch.FILE), col(RawBatch.RECORD));
    Column rank = row_number().over(byKey);
    Column keptFile = first(col(RawBatch.FILE)).over(byKey);
    Column keptRecord = first(col(RawBatch.RECORD)).over(byKey);
    Column keyText = concat_ws("|", keyColumns.stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
    Column duplicate = CanonicalMapping.reasonStruct(QuarantineReason.DUPLICATE_ID, String.join("+", keyColumns),
        concat(lit(String.join("+", keyColumns) + " '"), keyText, lit("' was already seen in "), keptFile,
            lit(" record "), keptRecord.cast("string")));
    return canonical
        .withColumn(CanonicalMapping.REASONS,
            when(hasKey.and(rank.gt(1)), concat(col(CanonicalMapping.REASONS), array(duplicate)))
                .otherwise(col(CanonicalMapping.REASONS)));
  }
}
