package io.luister.jobs.ingest;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Records read from a group of files that share one layout, before mapping: the source's own columns
 * plus {@value #CORRUPT} (the raw text of a record the reader could not parse), {@value #FILE} and
 * {@value #RECORD} (1-based data-record number within its file).
 *
 * @param rows the records
 * @param columns canonical field → the column expression that holds it in these files (backticked path)
 * @param files the files the records came from, for messages
 */
public record RawBatch(Dataset<Row> rows, Map<String, String> columns, List<String> files) {
  public static final String CORRUPT = "_corrupt_record";
  /** Why the reader could not parse a record (CSV only; absent in other formats): shown in the quarantine reason. */
  public static final String PROBLEM = "_parse_problem";
  public static final String FILE = "_input_file";
  public static final String RECORD = "_record_number";
}
