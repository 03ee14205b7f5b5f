package io.luister.jobs.silences;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.test.TestSpark;
import io.luister.jobs.TestPrograms;
import io.luister.jobs.unify.FeedbackUnion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 6: gold.data_health's brand coverage per source. A source whose brand comes from its data and that
 * has more than 5 % of its customers' items without a brand is a problem; sources that are the program's own brand
 * by design (its contact centre without brand rules, web statistics) are not checked.
 */
class BrandCoverageTest {
  static final String PERIOD = "2026-Q3";
  static ProgramConfig program;

  @BeforeAll
  static void setUp() throws IOException {
    program = TestPrograms.load("brand-coverage", """
        program: t
        brand: {name: Acme}
        competitors: [{name: Rival}]
        sources:
          - {name: reviews, type: social, path: x.csv, format: csv, mapping: {id: a, published_at: b, text: c}}
          - {name: tweets, type: social, path: x.csv, format: csv, mapping: {id: a, published_at: b, text: c}}
          - {name: complaints, type: contact, path: x.csv, format: csv, mapping: {id: a, started_at: b, brand: c}}
          - {name: contacts, type: contact, path: x.csv, format: csv, mapping: {id: a, started_at: b}}
          - {name: pages, type: web_pageviews, path: x.csv, format: csv, mapping: {date: a, page: b, views: c}}
        """);
  }

  /** {@code branded} items with a brand and {@code unbranded} without, of one source, in the period. */
  static List<Row> items(String source, String channel, int branded, int unbranded, String period) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < branded + unbranded; i++) {
      rows.add(RowFactory.create(source, channel, period, i < branded ? (i % 2 == 0 ? "Acme" : "Rival") : null, false));
    }
    return rows;
  }

  static Dataset<Row> feedback(List<Row> rows) {
    StructType schema = new StructType().add("source", DataTypes.StringType).add("channel", DataTypes.StringType)
        .add("period", DataTypes.StringType).add("brand", DataTypes.StringType).add("own_account", DataTypes.BooleanType);
    return TestSpark.session().createDataFrame(rows, schema);
  }

  @Test
  void aSourceWithTenPercentUnbrandedIsFlaggedAndOneWithTwoPercentIsNot() {
    List<Row> rows = new ArrayList<>();
    rows.addAll(items("reviews", "social", 90, 10, PERIOD));
    rows.addAll(items("tweets", "social", 98, 2, PERIOD));
    // Our own account's replies always have a brand: they would hide missing brands, so they are not counted.
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create("reviews", "social", PERIOD, "Acme", true));
    }
    // Another period's items without a brand do not count in this one.
    rows.addAll(items("tweets", "social", 0, 50, "2026-Q2"));
    List<DataHealth.Check> checks = SilenceStage.brandCoverage(feedback(rows), program, PERIOD);

    Map<String, DataHealth.Check> bySource = new TreeMap<>();
    checks.forEach(c -> bySource.put(c.explanationEn().split("[ :]")[1], c));
    assertEquals(List.of("reviews", "tweets"), List.copyOf(bySource.keySet()));
    DataHealth.Check reviews = bySource.get("reviews");
    assertEquals(DataHealth.BRAND_COVERAGE, reviews.check());
    assertEquals("social", reviews.channel());
    assertEquals(DataHealth.PROBLEM, reviews.status(), reviews.explanationEn());
    assertEquals(0.90, reviews.observed(), 1e-9);
    assertEquals(0.95, reviews.expected(), 1e-9);
    assertTrue(reviews.explanationEn().contains("10 without"), reviews.explanationEn());
    assertTrue(reviews.explanationEn().contains("sources[].brand"), reviews.explanationEn());
    assertTrue(reviews.explanationNl().contains("zonder merk"), reviews.explanationNl());
    DataHealth.Check tweets = bySource.get("tweets");
    assertEquals(DataHealth.OK, tweets.status(), tweets.explanationEn());
    assertEquals(0.98, tweets.observed(), 1e-9);
  }

  @Test
  void sourcesThatAreOurBrandByDesignAreNotChecked() {
    List<Row> rows = new ArrayList<>();
    rows.addAll(items("complaints", "contact_centre", 80, 20, PERIOD));
    rows.addAll(items("contacts", "contact_centre", 100, 0, PERIOD));
    rows.addAll(items("pages", "faq_views", 100, 0, PERIOD));
    List<DataHealth.Check> checks = SilenceStage.brandCoverage(feedback(rows), program, PERIOD);
    assertEquals(1, checks.size(), checks.toString());
    assertTrue(checks.get(0).explanationEn().startsWith("Source complaints:"), checks.get(0).explanationEn());
    assertEquals(DataHealth.PROBLEM, checks.get(0).status());

    assertTrue(FeedbackUnion.brandFromData(program.source("reviews").orElseThrow()));
    assertTrue(FeedbackUnion.brandFromData(program.source("complaints").orElseThrow()), "a mapped brand column");
    assertFalse(FeedbackUnion.brandFromData(program.source("contacts").orElseThrow()), "our own contact centre");
    assertFalse(FeedbackUnion.brandFromData(program.source("pages").orElseThrow()), "our own site's statistics");
  }

  @Test
  void aBrandCoverageProblemDoesNotWithholdTheChannelsSilences() {
    List<DataHealth.Check> checks = DataHealth.brandCoverage(
        List.of(new DataHealth.SourceBrands("reviews", "social", 100, 90)), PERIOD, 0.05);
    assertEquals(DataHealth.PROBLEM, checks.get(0).status());
    assertEquals(java.util.Set.of(), DataHealth.unhealthyChannels(checks));
    // At exactly the limit (5 % without) it is still ok; a source without items in the period gets no row.
    assertEquals(DataHealth.OK, DataHealth.brandCoverage(
        List.of(new DataHealth.SourceBrands("tweets", "social", 100, 95)), PERIOD, 0.05).get(0).status());
    assertEquals(List.of(), DataHealth.brandCoverage(
        List.of(new DataHealth.SourceBrands("empty", "social", 0, 0)), PERIOD, 0.05));
  }
}
