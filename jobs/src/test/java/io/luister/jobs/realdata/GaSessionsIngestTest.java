package io.luister.jobs.realdata;

import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.jobs.ingest.IngestResult;
import io.luister.jobs.ingest.QuarantineLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Google Analytics sample of the Google Merchandise Store, an export of one row per hit rather than per day and
 * page, ingests through docs/examples/ga-merchstore-sessions.yaml alone: each row counts once, rows of a day and page
 * add up. Read as daily counts (no id), its repeats of a day and page are duplicates, and 94.5 % would be refused.
 */
class GaSessionsIngestTest {
  static final Path CONFIG = Path.of("..", "docs", "examples", "ga-merchstore-sessions.yaml");
  static final Path DATA = Path.of("..", "..", "shared", "realdata", "ga-merchstore-sessions", "all_sessions.csv");

  @Test
  void everyHitIsOneViewAndTheHitsOfADayAndPageAddUp() {
    assertTrue(Files.isRegularFile(DATA), "the real data set must be beside the project at " + DATA.toAbsolutePath());
    SparkSession spark = TestSpark.session();
    RealExport export = RealExport.ingest(CONFIG, "ga");
    IngestResult result = export.result();
    assertEquals(15_134, result.rowsRead());
    assertEquals(15_134, result.rowsAccepted(), "no two rows of the export are the same");
    Dataset<Row> views = export.warehouse().read(spark, Layer.BRONZE, "ga_sessions");
    assertEquals(List.of(1L), views.select("views").distinct().as(Encoders.LONG()).collectAsList(), "one view a row");
    // Counted in the CSV with Python's csv module: 4 hits of /store.html on 4 August 2016, 102 of the busiest day and page.
    assertEquals(4L, views.filter("date = DATE'2016-08-04' AND page = '/store.html'").agg(sum("views")).first().getLong(0));
    assertEquals(102L, views.filter("date = DATE'2016-08-31' AND page = '/google+redesign/'").agg(sum("views"))
        .first().getLong(0));
  }

  @Test
  void readAsDailyCountsTheRepeatsOfADayAndPageAreDuplicatesAndTheSourceIsRefused() throws IOException {
    Path dir = TestSpark.tempDir("ga-daily");
    String daily = Files.readString(CONFIG)
        .replace("../../../shared/realdata/ga-merchstore-sessions/all_sessions.csv", DATA.toAbsolutePath().normalize().toString())
        .replace("      id: generated", "      views: pageviews");
    Files.writeString(dir.resolve("daily.yaml"), daily);
    QuarantineLimit.Exceeded refused = assertThrows(QuarantineLimit.Exceeded.class,
        () -> RealExport.ingest(dir.resolve("daily.yaml"), "ga-daily"));
    assertEquals(15_134, refused.result().rowsRead());
    assertEquals(14_306, refused.result().rowsDuplicate(), "every hit after the first of its day and page");
    assertTrue(refused.getMessage().contains("DUPLICATE_ID 14,306"), refused.getMessage());
  }
}
