package io.luister.jobs.realdata;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.jobs.ingest.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The mybinder.org user survey ingests through docs/examples/binder-user-survey.yaml alone: no response id, a 12-hour
 * clock with a zone name, and a recommend question answered Yes / Maybe / No, read as scores by score_values.
 */
class BinderSurveyIngestTest {
  static final Path CONFIG = Path.of("..", "docs", "examples", "binder-user-survey.yaml");
  static final Path DATA = Path.of("..", "..", "shared", "realdata", "binder-user-survey",
      "mybinder.org-user-survey-feb-2020.csv");

  @Test
  void everyAnswerIsReadAndTheRecommendWordsBecomeScores() {
    assertTrue(Files.isRegularFile(DATA), "the real data set must be beside the project at " + DATA.toAbsolutePath());
    SparkSession spark = TestSpark.session();
    RealExport export = RealExport.ingest(CONFIG, "binder");
    IngestResult result = export.result();
    assertEquals(346, result.rowsRead());
    assertEquals(346, result.rowsAccepted());
    assertEquals(0, result.fieldIssues(), "every recommend answer is a listed word or empty");
    List<Row> scores = export.warehouse().read(spark, Layer.BRONZE, "user_survey").groupBy("score").count().collectAsList();
    Map<Double, Long> byScore = scores.stream().filter(r -> !r.isNullAt(0))
        .collect(Collectors.toMap(r -> r.getDouble(0), r -> r.getLong(1)));
    // Counted in the CSV: Yes 270, Maybe 49, No 18, and 9 without an answer.
    assertEquals(Map.of(10.0, 270L, 7.0, 49L, 0.0, 18L), byScore);
    assertEquals(9L, scores.stream().filter(r -> r.isNullAt(0)).mapToLong(r -> r.getLong(1)).sum());
  }
}
