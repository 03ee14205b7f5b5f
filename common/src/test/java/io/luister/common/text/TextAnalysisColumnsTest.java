package io.luister.common.text;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.TestSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TextAnalysisColumnsTest {

  @Test
  void analysesEveryRowIntoTheSameStructAsTheAnalyzer() {
    List<String> texts = Arrays.asList(
        "storing weer?? #SlimmeMeter @Zonnewijs 😡",
        "Why is my invoice so high?!",
        "Ich bin sehr enttäuscht, die App funktioniert nicht",
        "👍🏽",
        "",
        null);
    Dataset<Row> feedback = TestSpark.session().createDataset(texts, Encoders.STRING()).toDF("text");

    Dataset<Row> analysed = feedback.select(
        col("text"), TextAnalysisColumns.analyze(col("text"), List.of("Zonnewijs")).as("analysis"));

    assertEquals(TextAnalysisColumns.ANALYSIS_TYPE, analysed.schema().apply("analysis").dataType());
    TextAnalyzer analyzer = new TextAnalyzer(List.of("Zonnewijs"));
    List<Row> rows = analysed.select(col("text"), col("analysis.*")).collectAsList();
    assertEquals(texts.size(), rows.size());
    for (Row row : rows) {
      AnalyzedText expected = analyzer.analyze(row.getString(0));
      assertEquals(expected.language(), row.getString(1), row.getString(0));
      assertEquals(expected.normalized(), row.getString(2));
      assertEquals(expected.tokens(), row.getList(3));
      assertEquals(expected.emoji(), row.getList(4));
    }
  }

  @Test
  void nullAndEmptyTextGiveUnknownAndEmptyArrays() {
    Dataset<Row> rows = TestSpark.session()
        .sql("SELECT CAST(NULL AS STRING) AS text UNION ALL SELECT '' AS text")
        .select(TextAnalysisColumns.analyze(col("text"), List.of()).as("a"))
        .select("a.*");
    for (Row row : rows.collectAsList()) {
      assertEquals("unknown", row.getString(0));
      assertEquals("", row.getString(1));
      assertTrue(row.getList(2).isEmpty());
      assertTrue(row.getList(3).isEmpty());
    }
  }

  @Test
  void languageAndTokensCanBeUsedInSparkExpressions() {
    Dataset<Row> feedback = TestSpark.session()
        .createDataset(List.of("de facturen kloppen niet", "my invoices are wrong"), Encoders.STRING()).toDF("text");
    List<Row> rows = feedback
        .withColumn("a", TextAnalysisColumns.analyze(col("text"), List.of()))
        .where(org.apache.spark.sql.functions.array_contains(col("a.tokens"), "factur"))
        .select(col("a.language"))
        .collectAsList();
    assertEquals(1, rows.size());
    assertEquals("nl", rows.get(0).getString(0));
  }
}
