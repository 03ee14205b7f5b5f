package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ReputationTest {
  static Row row(Dataset<Row> rep, String type, String subject, String channel) {
    List<Row> rows = rep.filter(col("subject_type").equalTo(type).and(col("subject").equalTo(subject))
        .and(col("channel").equalTo(channel)).and(col("brand").equalTo("Acme"))).collectAsList();
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  static double d(Row r, String f) {
    return r.getDouble(r.fieldIndex(f));
  }

  @Test
  void negativityNpsAndDetractorCategoriesWithThemesWhenPresent() {
    SilverRows s = new SilverRows();
    s.item().id("social:1").sentiment("negative").reach(1000).add();
    s.item().id("social:2").sentiment("negative").reach(0).add();
    s.item().id("social:3").sentiment("positive").reach(0).add();
    s.item().id("social:4").sentiment("neutral").reach(0).add();
    // Survey: billing 10, 9, 3, 7 -> NPS (2 - 1) / 4 = 25; outage 2, 1 -> -100.
    s.item().id("survey:1").channel("survey").platform("email").score(10, "nps").sentiment("positive").add();
    s.item().id("survey:2").channel("survey").platform("email").score(9, "nps").add();
    s.item().id("survey:3").channel("survey").platform("email").score(3, "nps").sentiment("negative").add();
    s.item().id("survey:4").channel("survey").platform("email").score(7, "nps").add();
    s.item().id("survey:5").channel("survey").platform("email").category("outage").score(2, "nps").add();
    s.item().id("survey:6").channel("survey").platform("email").category("outage").score(1, "nps").add();
    StructType m = new StructType().add("period", DataTypes.StringType).add("feedback_id", DataTypes.StringType)
        .add("theme_id", DataTypes.StringType).add("weight", DataTypes.DoubleType);
    Dataset<Row> membership = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("2026-Q3", "social:1", "t_late_bill", 1.0),
        RowFactory.create("2026-Q3", "social:2", "t_late_bill", 0.5)), m);
    StructType t = new StructType().add("period", DataTypes.StringType).add("theme_id", DataTypes.StringType)
        .add("label", DataTypes.StringType);
    Dataset<Row> themes = TestSpark.session().createDataFrame(
        List.<Row>of(RowFactory.create("2026-Q3", "t_late_bill", "late bill")), t);

    Dataset<Row> rep = Reputation.compute(s.feedback(), s.sentiment(), membership, themes, 100, "r1");

    Row social = row(rep, "category", "billing", "social");
    assertEquals(4.0, d(social, "rated_items"));
    assertEquals(0.5, d(social, "negative_share"), 1e-9);
    // Capped reach weights: 101 and 1 negative of 101 + 1 + 1 + 1.
    assertEquals(102.0 / 104.0, d(social, "reach_weighted_negativity"), 1e-9);
    Row billing = row(rep, "category", "billing", "survey");
    assertEquals(25.0, d(billing, "nps"), 1e-9);
    Row outage = row(rep, "category", "outage", "survey");
    assertEquals(-100.0, d(outage, "nps"), 1e-9);
    assertEquals(1, outage.getInt(outage.fieldIndex("detractor_rank")), "outage holds most detractors");
    assertEquals(2.0 / 3.0, d(outage, "detractor_share"), 1e-9);
    Row theme = row(rep, "theme", "t_late_bill", "social");
    assertEquals(1.5, d(theme, "negative"), 1e-9);
    assertEquals("late bill", theme.getString(theme.fieldIndex("subject_label")));
  }

  @Test
  void theMethodMixSaysHowMuchRestsOnTheCustomersOwnScores() {
    SilverRows s = new SilverRows();
    s.item().id("social:1").sentiment("negative").add();
    s.item().id("social:2").sentiment("positive").add();
    s.item().id("social:3").add(); // no sentiment: not rated, in neither count
    s.item().id("survey:1").channel("survey").platform("email").score(10, "nps").sentiment("positive").add();
    Dataset<Row> sentiment = s.sentiment().withColumn("sentiment_method",
        org.apache.spark.sql.functions.when(col("feedback_id").startsWith("survey:"), "score").otherwise("text_model"));
    Dataset<Row> rep = Reputation.compute(s.feedback(), sentiment, null, null, 100, "r1");
    Row all = row(rep, "category", "*", "*");
    assertEquals(3.0, d(all, "rated_items"));
    assertEquals(1.0, d(all, "rated_by_score"));
    assertEquals(2.0, d(all, "rated_by_text"));
    assertEquals(1.0 / 3.0, d(all, "score_based_share"), 1e-9);
    Row social = row(rep, "category", "*", "social");
    assertEquals(0.0, d(social, "score_based_share"), 1e-9);
  }

  @Test
  void withoutSentimentOrThemesOnlyTheScoresAreFilled() {
    SilverRows s = new SilverRows();
    s.item().channel("survey").score(10, "nps").add();
    Dataset<Row> rep = Reputation.compute(s.feedback(), null, null, null, 100, "r1");
    assertEquals(0, rep.filter(col("subject_type").equalTo("theme")).count());
    Row r = row(rep, "category", "billing", "survey");
    assertEquals(100.0, d(r, "nps"), 1e-9);
    assertTrue(r.isNullAt(r.fieldIndex("negative_share")));
  }

  @Test
  void aPeriodWithoutThemesHasNoThemeRowsButEveryCategoryRow() {
    // The themes stage writes no rows for a period with too little text (ThemeStage.MIN_ITEMS): analyse then reads
    // gold.theme_membership and gold.themes as empty frames of the period, not as absent tables.
    SilverRows s = new SilverRows();
    s.item().id("social:1").sentiment("negative").add();
    s.item().channel("survey").platform("email").score(10, "nps").add();
    Dataset<Row> membership = TestSpark.session().createDataFrame(List.of(), io.luister.jobs.themes.ThemeTables.MEMBERSHIP_SCHEMA);
    Dataset<Row> themes = TestSpark.session().createDataFrame(List.of(), io.luister.jobs.themes.ThemeTables.THEMES_SCHEMA);
    Dataset<Row> rep = Reputation.compute(s.feedback(), s.sentiment(), membership, themes, 100, "r1");
    assertEquals(0, rep.filter(col("subject_type").equalTo("theme")).count());
    assertEquals(100.0, d(row(rep, "category", "billing", "survey"), "nps"), 1e-9);
    assertEquals(1.0, d(row(rep, "category", "billing", "social"), "negative_share"), 1e-9);
  }

  @Test
  void scoresThatCancelOutSumToZeroWhateverTheOrderOfTheRows() {
    StructType schema = new StructType().add("v", DataTypes.DoubleType);
    List<List<Double>> orders = List.of(List.of(0.1, 0.2, -0.3), List.of(-0.3, 0.2, 0.1), List.of(0.2, -0.3, 0.1));
    java.util.Set<Double> plainSums = new java.util.HashSet<>();
    for (List<Double> order : orders) {
      List<Row> rows = new java.util.ArrayList<>();
      order.forEach(v -> rows.add(RowFactory.create(v)));
      rows.add(RowFactory.create((Object) null));
      // One partition, so Spark adds in the list's order: what differs between runs and clusters is that order.
      Dataset<Row> values = TestSpark.session().createDataFrame(rows, schema).coalesce(1);
      Row r = values.agg(org.apache.spark.sql.functions.sum("v"), AnalysisColumns.orderFreeSum(col("v")),
          AnalysisColumns.orderFreeMean(col("v"))).first();
      plainSums.add(r.getDouble(0));
      assertEquals(0.0, r.getDouble(1), 0.0, "order-free sum of " + order);
      assertEquals(0.0, r.getDouble(2), 0.0, "order-free mean of " + order + " (the null left out)");
    }
    assertTrue(plainSums.size() > 1, "a plain double sum depends on the order: " + plainSums);
    Row none = TestSpark.session().createDataFrame(List.of(RowFactory.create((Object) null)), schema)
        .agg(AnalysisColumns.orderFreeSum(col("v")), AnalysisColumns.orderFreeMean(col("v"))).first();
    assertTrue(none.isNullAt(0) && none.isNullAt(1), "null without values, as sum() and avg()");
  }

  @Test
  void satisfiedIsJudgedPerItemOnItsOwnScale() {
    SilverRows s = new SilverRows();
    // Reviews of one brand on two scales: 4 of 5 and 8 of 10 are satisfied, 3 of 5 and 4 of 10 are not.
    s.item().id("social:1").score(4, "stars").add();
    s.item().id("social:2").score(3, "stars").add();
    s.item().id("social:3").score(8, 1, 10).add();
    s.item().id("social:4").score(4, 1, 10).add();
    s.item().id("social:5").score(10, 1, 10).add();
    // An NPS score is NPS, not satisfaction.
    s.item().id("survey:1").channel("survey").platform("email").score(10, "nps").add();
    Dataset<Row> rep = Reputation.compute(s.feedback(), null, null, null, 100, "r1");
    Row social = row(rep, "category", "billing", "social");
    assertEquals(5.0, d(social, "csat_respondents"));
    assertEquals(3.0 / 5.0, d(social, "csat"), 1e-9, "4/5, 8/10 and 10/10 satisfied; 3/5 and 4/10 not");
    Row all = row(rep, "category", "*", "*");
    assertEquals(5.0, d(all, "csat_respondents"), "the NPS response is not a satisfaction score");
    assertEquals(1.0, d(all, "respondents"));
  }
}
