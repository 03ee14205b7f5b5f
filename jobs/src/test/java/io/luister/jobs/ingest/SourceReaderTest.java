package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Record numbers are what a quarantine row points the user to, so they must be the record's position in its
 * file also when Spark reads a file in several splits, packs splits of several files into one task, and a
 * file's last split is smaller than the others.
 */
class SourceReaderTest {
  private static final String SOURCE = """
      - name: web
        type: web_search
        path: web/*.%s
        format: %s
        mapping: {date: date, term: term, searches: searches}
      """;

  @Test
  void recordNumbersAreFilePositionsWhenFilesAreReadInManySplits() {
    for (String format : List.of("csv", "jsonl")) {
      IngestFixture f = new IngestFixture();
      int[] sizes = {2_345, 17, 901};
      for (int file = 0; file < sizes.length; file++) {
        StringBuilder text = new StringBuilder(format.equals("csv") ? "date,term,searches\n" : "");
        for (int record = 1; record <= sizes[file]; record++) {
          // The record's own number is its term, so every row says where it should be.
          text.append(format.equals("csv")
              ? "2026-07-01,f" + file + "r" + record + ",1\n"
              : "{\"date\": \"2026-07-01\", \"term\": \"f" + file + "r" + record + "\", \"searches\": 1}\n");
        }
        f.file("web/part-" + file + "." + format, text.toString());
      }
      ProgramConfig config = f.config(SOURCE.formatted(format, format));
      SparkSession spark = f.spark;
      String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
      spark.conf().set("spark.sql.files.maxPartitionBytes", "4096");
      try {
        RawBatch batch = new SourceReader(spark).read(config.source("web").orElseThrow()).get(0);
        if (format.equals("jsonl")) {
          assertTrue(batch.rows().rdd().getNumPartitions() > 10, format + ": the files are read in many splits");
        }
        // CSV files are read one task per file (CsvFileReader), which numbers records as it reads them.
        List<Row> wrong = batch.rows()
            .withColumn("expected", concat(lit("f"), regexp_extract(col(RawBatch.FILE), "part-(\\d+)", 1), lit("r"),
                col(RawBatch.RECORD).cast("string")))
            .filter(col("term").notEqual(col("expected")))
            .select("term", "expected").limit(5).collectAsList();
        assertEquals(List.of(), wrong, format + ": rows whose record number is not their position in the file");
        assertEquals(2_345 + 17 + 901, batch.rows().count(), format + ": every record once");
      } finally {
        spark.conf().set("spark.sql.files.maxPartitionBytes", before);
      }
    }
  }
}
