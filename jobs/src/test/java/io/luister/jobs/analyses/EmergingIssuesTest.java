package io.luister.jobs.analyses;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.luister.common.config.AnalysesSettings;
import io.luister.common.test.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class EmergingIssuesTest {
  @Test
  void itemsWithoutAThemeOrWeightDoNotBreakTheThemeSeries() {
    SilverRows s = new SilverRows();
    s.item().id("social:1").add();
    s.item().id("social:2").add();
    StructType m = new StructType().add("period", DataTypes.StringType).add("feedback_id", DataTypes.StringType)
        .add("theme_id", DataTypes.StringType).add("weight", DataTypes.DoubleType);
    // As the themes stage writes them: an item the model has no term for has neither theme nor weight.
    Dataset<Row> membership = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("2026-Q3", "social:1", "t1", 1.0),
        RowFactory.create("2026-Q3", "social:2", null, null)), m);
    assertNotNull(EmergingIssues.detect(s.feedback(), membership, "2026-Q3", AnalysesSettings.DEFAULTS));
  }

  @Test
  void themeAlertsWaitUntilTheThemesHaveHistoryForTheWholeWindow() {
    java.util.List<String> notes = new java.util.ArrayList<>();
    org.junit.jupiter.api.Assertions.assertFalse(
        AnalysesStage.themeHistoryComplete(java.util.Set.of("2026-Q3"), List.of("2026-Q2", "2026-Q3"), notes));
    org.junit.jupiter.api.Assertions.assertTrue(notes.get(0).contains("2026-Q2"), notes.toString());
    org.junit.jupiter.api.Assertions.assertTrue(AnalysesStage.themeHistoryComplete(
        java.util.Set.of("2026-Q2", "2026-Q3"), List.of("2026-Q2", "2026-Q3"), new java.util.ArrayList<>()));
    org.junit.jupiter.api.Assertions.assertFalse(
        AnalysesStage.themeHistoryComplete(null, List.of("2026-Q2", "2026-Q3"), new java.util.ArrayList<>()),
        "without gold.theme_membership there is no theme history");
  }

  @Test
  void aBrandHeardOnOneItemChannelIsNotTestedAgainAsAllChannels() {
    java.time.LocalDate w = java.time.LocalDate.of(2026, 8, 10);
    List<AlertModel.WeekTotal> totals = List.of(
        // A competitor on social only, with web rows beside it (web rows are not items): * equals social.
        new AlertModel.WeekTotal("Rival", "social", w, 7), new AlertModel.WeekTotal("Rival", "web_pageviews", w, 7),
        new AlertModel.WeekTotal("Rival", "*", w, 7),
        // Our brand on two item channels: * is their sum, a series of its own.
        new AlertModel.WeekTotal("Acme", "social", w, 7), new AlertModel.WeekTotal("Acme", "contact_centre", w, 5),
        new AlertModel.WeekTotal("Acme", "*", w, 7));
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("Rival"),
        EmergingIssues.singleItemChannelBrands(totals));
  }

  static AlertModel.Alert alert(String brand, String category) {
    java.time.LocalDate week = java.time.LocalDate.of(2026, 8, 10);
    AlertModel.Test t = new AlertModel.Test(brand, "social", "category", category, week, "up", 4, 0.5, 1, 12, 1e-6);
    return new AlertModel.Alert(t, 1e-5, 3, week, 1, 1);
  }

  @Test
  void everyAlertNamesItsBrandAndWhetherItIsARiseOfComplaintsOrOfPraise() {
    SilverRows s = new SilverRows();
    for (int i = 0; i < 3; i++) {
      s.item().brand("Acme").category("billing").sentiment("negative").add();
      s.item().brand("Rival").category("claims").sentiment("positive").add();
    }
    s.item().brand("Acme").category("billing").sentiment("positive").add();
    s.item().brand("Rival").category("claims").sentiment("neutral").add();
    s.item().brand("Acme").category("outage").add();   // no sentiment at all
    Dataset<Row> frame = EmergingIssues.frame(TestSpark.session(),
        List.of(alert("Acme", "billing"), alert("Rival", "claims"), alert("Acme", "outage")), "2026-Q3", "r1");

    List<Row> rows = EmergingIssues.withPolarity(frame, s.feedback(), s.sentiment(), null)
        .orderBy("brand", "subject").collectAsList();

    Row billing = rows.get(0);
    org.junit.jupiter.api.Assertions.assertEquals("negative", billing.getAs("polarity"));
    org.junit.jupiter.api.Assertions.assertEquals(3.0, (double) billing.getAs("negative_items"));
    org.junit.jupiter.api.Assertions.assertEquals(4.0, (double) billing.getAs("rated_items"));
    String text = billing.getAs("explanation_en");
    org.junit.jupiter.api.Assertions.assertTrue(text.contains("about Acme") && text.contains("rise of negative talk"), text);
    Row outage = rows.get(1);
    org.junit.jupiter.api.Assertions.assertEquals("unknown", outage.getAs("polarity"));
    Row claims = rows.get(2);
    org.junit.jupiter.api.Assertions.assertEquals("Rival", claims.getAs("brand"));
    org.junit.jupiter.api.Assertions.assertEquals("praise", claims.getAs("polarity"));
    org.junit.jupiter.api.Assertions.assertTrue(claims.<String>getAs("explanation_en").contains("rise of praise"));
    org.junit.jupiter.api.Assertions.assertEquals(3, rows.size(), "no alert lost or doubled by the join");

    Row noSentiment = EmergingIssues.withPolarity(frame, s.feedback(), null, null).orderBy("brand", "subject").first();
    org.junit.jupiter.api.Assertions.assertEquals("unknown", noSentiment.getAs("polarity"));
  }
}
