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
    StructType m = new StructType().add("period", DataTypes.StringType).add("feedback_id", DataTypes.StringType)
        .add("theme_id", DataTypes.StringType).add("weight", DataTypes.DoubleType);
    Dataset<Row> onlyThisQuarter = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("2026-Q3", "social:1", "t1", 1.0)), m);
    java.util.List<String> notes = new java.util.ArrayList<>();
    org.junit.jupiter.api.Assertions.assertFalse(
        AnalysesStage.themeHistoryComplete(onlyThisQuarter, List.of("2026-Q2", "2026-Q3"), notes));
    org.junit.jupiter.api.Assertions.assertTrue(notes.get(0).contains("2026-Q2"), notes.toString());
    Dataset<Row> both = onlyThisQuarter.unionByName(TestSpark.session().createDataFrame(List.of(
        RowFactory.create("2026-Q2", "social:0", "t1", 1.0)), m));
    org.junit.jupiter.api.Assertions.assertTrue(
        AnalysesStage.themeHistoryComplete(both, List.of("2026-Q2", "2026-Q3"), new java.util.ArrayList<>()));
  }
}
