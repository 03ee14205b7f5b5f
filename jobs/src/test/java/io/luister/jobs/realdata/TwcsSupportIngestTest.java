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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The public Twitter customer-support export ingests through docs/examples/twcs-support-tweets.yaml alone: dates with
 * the day of the week first, reply ids written as decimals, a tweet broken by bare carriage returns, and the
 * companies' replies marked by the export's inbound column.
 */
class TwcsSupportIngestTest {
  static final Path CONFIG = Path.of("..", "docs", "examples", "twcs-support-tweets.yaml");
  static final Path DATA = Path.of("..", "..", "shared", "realdata", "twcs-subset", "twcs_first5000.csv");

  @Test
  void ingestsTheSupportTweetsWithTheirDatesAndReplyChains() {
    assertTrue(Files.isRegularFile(DATA), "the real data set must be beside the project at " + DATA.toAbsolutePath());
    SparkSession spark = TestSpark.session();
    RealExport export = RealExport.ingest(CONFIG, "twcs");
    IngestResult result = export.result();
    Warehouse warehouse = export.warehouse();

    assertEquals(5_001, result.rowsRead(), "5,000 tweets; the one with bare carriage returns reads as two records");
    assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsQuarantined());
    assertEquals(2, result.rowsQuarantined());
    assertEquals(List.of("MALFORMED_RECORD"), warehouse.read(spark, Layer.OPS, "quarantine").select("reason_code")
        .distinct().as(Encoders.STRING()).collectAsList());

    Dataset<Row> tweets = warehouse.read(spark, Layer.BRONZE, "support_tweets");
    Row first = tweets.filter("id = '1'").first();
    assertEquals(Timestamp.from(Instant.parse("2017-10-31T22:10:47Z")), first.getAs("published_at"), "Tue Oct 31 ... 2017");
    assertEquals("3", first.getAs("in_reply_to"), "written 3.0 in the export");
    // Tweet 1 is Sprint's support account answering a customer: Sprint is no configured brand, the export's inbound
    // column (company_posts) marks it; tweet 2 is the customer's.
    assertTrue(first.<Boolean>getAs("own_account"), "a company's reply is no customer voice");
    assertNull(first.getAs("author_brand"), "Sprint is no configured brand");
    assertFalse(tweets.filter("id = '2'").first().<Boolean>getAs("own_account"));
    assertEquals(2_222, tweets.filter("own_account").count(), "every tweet the export marks inbound = False");
    long replies = tweets.filter("in_reply_to IS NOT NULL").count();
    long resolved = tweets.alias("r").join(tweets.alias("p"), org.apache.spark.sql.functions.col("r.in_reply_to")
        .equalTo(org.apache.spark.sql.functions.col("p.id"))).count();
    assertTrue(resolved >= 0.99 * replies, "replies meet the tweets they answer inside the slice: " + resolved + " of " + replies);
  }
}
