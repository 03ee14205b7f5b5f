package io.luister.jobs.realdata;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.ingest.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The public airline-tweets export ingests through docs/examples/airline-tweets.yaml alone, losing nothing. */
class AirlineTweetsIngestTest {
  static final Path CONFIG = Path.of("..", "docs", "examples", "airline-tweets.yaml");
  static final Path DATA = Path.of("..", "..", "shared", "realdata", "airline-tweets", "Tweets.csv");

  @Test
  void ingestsEveryTweetThroughConfigAlone() {
    assertTrue(Files.isRegularFile(DATA), "the real data set must be beside the project at " + DATA.toAbsolutePath());
    SparkSession spark = TestSpark.session();
    RealExport export = RealExport.ingest(CONFIG, "airline");
    IngestResult result = export.result();
    Warehouse warehouse = export.warehouse();

    assertEquals(14_640, result.rowsRead(), "every record of the file, multi-line tweets counted once");
    assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsQuarantined());
    assertEquals(155, result.rowsQuarantined(), "only the repeated tweet ids");
    assertEquals(155, result.rowsDuplicate());
    List<String> reasons = warehouse.read(spark, Layer.OPS, "quarantine").select("reason_code").distinct()
        .as(Encoders.STRING()).collectAsList();
    assertEquals(List.of("DUPLICATE_ID"), reasons);

    Row first = warehouse.read(spark, Layer.BRONZE, "tweets").filter("id = '570306133677760513'").first();
    assertEquals(Timestamp.from(Instant.parse("2015-02-24T19:35:52Z")), first.getAs("published_at"), "-0800 offset applied");
    assertEquals("Virgin America", first.getAs("brand"));
    assertEquals("@VirginAmerica What @[user] said.", first.getAs("text"));
    assertEquals("2015-Q1", first.getAs("period"));
    long multiline = warehouse.read(spark, Layer.BRONZE, "tweets").filter("text LIKE '%\n%'").count();
    assertTrue(multiline >= 100, "tweets with line breaks stay whole: " + multiline);
    long withReason = warehouse.read(spark, Layer.BRONZE, "tweets").filter("native_category IS NOT NULL").count();
    assertTrue(withReason > 9_000 && withReason <= 9_178,
        "the 9,178 negative reasons are carried as native categories (less repeated ids): " + withReason);
  }
}
