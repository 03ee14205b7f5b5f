package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Sentiment on tiny hand-made items where the right answer is known. */
class SentimentAnalysisTest {
  static final SparkSession spark = TestSpark.session();
  static final SentimentLexicon LEXICON = SentimentLexicon.shipped();
  static final StructType ITEMS = new StructType()
      .add("feedback_id", DataTypes.StringType).add("period", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("language", DataTypes.StringType)
      .add("score", DataTypes.DoubleType).add("score_min", DataTypes.DoubleType).add("score_max", DataTypes.DoubleType);

  static Dataset<Row> items(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r[0], "2026-Q3", r[1], r[2], r.length > 3 ? r[3] : null,
          r.length > 3 ? 0.0 : null, r.length > 3 ? 10.0 : null));
    }
    return spark.createDataFrame(list, ITEMS);
  }

  static Map<String, Double> lexiconScores(Dataset<Row> items) {
    return LexiconScorer.score(items, LEXICON).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(r.fieldIndex(LexiconScorer.SCORE))));
  }

  @Test
  void negationFlipsASentimentWordInEnglishAndDutch() {
    Map<String, Double> s = lexiconScores(items(
        new Object[] {"en", "The service was good", "en"},
        new Object[] {"en-not", "The service was not good", "en"},
        new Object[] {"en-nt", "The service wasn't good at all", "en"},
        new Object[] {"nl", "De service was goed", "nl"},
        new Object[] {"nl-niet", "De service was niet goed", "nl"},
        new Object[] {"nl-geen", "Geen prettige ervaring", "nl"},
        new Object[] {"nl-pos", "Een prettige ervaring", "nl"},
        new Object[] {"far", "Not that I care, the staff were great and helpful", "en"}));
    assertTrue(s.get("en") > 0 && s.get("en-not") < 0 && s.get("en-nt") < 0, s.toString());
    assertTrue(s.get("nl") > 0 && s.get("nl-niet") < 0, s.toString());
    assertTrue(s.get("nl-pos") > 0 && s.get("nl-geen") < 0, s.toString());
    assertTrue(s.get("far") > 0, "a negator more than three words before stays out of scope: " + s);
  }

  @Test
  void boostersStrengthenAndTheClauseAfterButWeighsMore() {
    Map<String, Double> s = lexiconScores(items(
        new Object[] {"plain", "slecht", "nl"},
        new Object[] {"boosted", "heel slecht", "nl"},
        new Object[] {"but", "The seats were nice but the staff were rude", "en"},
        new Object[] {"empty", "", "unknown"},
        new Object[] {"null", null, "unknown"}));
    assertTrue(s.get("boosted") < s.get("plain") && s.get("plain") < 0, s.toString());
    assertTrue(s.get("but") < 0, s.toString());
    assertEquals(0.0, s.get("empty"));
    assertEquals(0.0, s.get("null"));
  }

  @Test
  void scoresMapToClassesOnEveryScale() {
    StructType schema = new StructType().add("score", DataTypes.DoubleType).add("min", DataTypes.DoubleType)
        .add("max", DataTypes.DoubleType).add("expected", DataTypes.StringType);
    List<Row> rows = List.of(
        RowFactory.create(6.0, 0.0, 10.0, "negative"), RowFactory.create(7.0, 0.0, 10.0, "neutral"),
        RowFactory.create(8.0, 0.0, 10.0, "neutral"), RowFactory.create(9.0, 0.0, 10.0, "positive"),
        RowFactory.create(2.0, 1.0, 5.0, "negative"), RowFactory.create(3.0, 1.0, 5.0, "neutral"),
        RowFactory.create(4.0, 1.0, 5.0, "positive"), RowFactory.create(6.0, 1.0, 10.0, "negative"),
        RowFactory.create(7.0, 1.0, 10.0, "neutral"), RowFactory.create(9.0, 1.0, 10.0, "positive"),
        RowFactory.create(11.0, 0.0, 10.0, null), RowFactory.create(null, 0.0, 10.0, null));
    for (Row r : spark.createDataFrame(rows, schema)
        .withColumn("got", ScoreLabels.label(col("score"), col("min"), col("max"))).collectAsList()) {
      assertEquals(r.getString(3), r.getString(4), r.toString());
    }
  }

  static Object[][] surveyResponses() {
    String[][] texts = {
        {"negative", "de app werkt niet en de klantenservice reageert nooit", "0"},
        {"negative", "slechte service, lang wachten op antwoord over mijn factuur", "3"},
        {"neutral", "factuur ontvangen, bedrag zoals verwacht", "7"},
        {"neutral", "ik heb gebeld over de meterstand", "8"},
        {"positive", "snel geholpen, prima service en vriendelijke medewerker", "10"},
        {"positive", "heel tevreden over de nieuwe app", "9"}};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      for (String[] t : texts) {
        rows.add(new Object[] {"s" + i + t[0] + t[2], t[1] + " " + i, "nl", Double.parseDouble(t[2])});
      }
    }
    return rows.toArray(Object[][]::new);
  }

  @Test
  void trainsOnSelfLabelledItemsAndScoresTheUnscoredOnes() {
    List<Object[]> rows = new ArrayList<>(Arrays.asList(surveyResponses()));
    rows.add(new Object[] {"post-neg", "de klantenservice reageert nooit, lang wachten", "nl"});
    rows.add(new Object[] {"post-pos", "snel geholpen door een vriendelijke medewerker", "nl"});
    Dataset<Row> out = SentimentAnalysis.assign(items(rows.toArray(Object[][]::new)), LEXICON,
        SentimentAnalysis.Settings.DEFAULTS.withSelfTraining(false).withTextModel(false));
    Map<String, Row> byId = out.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertEquals(rows.size(), byId.size());
    Row neg = byId.get("post-neg");
    Row pos = byId.get("post-pos");
    assertEquals(Sentiments.BY_SELF_TRAINED, neg.getAs(SentimentAnalysis.METHOD));
    assertEquals(Sentiments.NEGATIVE, neg.getAs(SentimentAnalysis.SENTIMENT));
    assertEquals(Sentiments.POSITIVE, pos.getAs(SentimentAnalysis.SENTIMENT));
    assertEquals(Sentiments.BY_SCORE, byId.get("s0neutral7").getAs(SentimentAnalysis.METHOD));
    for (Row r : byId.values()) {
      double score = r.getAs(SentimentAnalysis.SCORE);
      double confidence = r.getAs(SentimentAnalysis.CONFIDENCE);
      assertTrue(score >= -1 && score <= 1 && confidence >= 0 && confidence <= 1, r.toString());
    }
  }

  @Test
  void fallsBackToTheLexiconWithTooFewSelfLabelledItems() {
    Dataset<Row> out = SentimentAnalysis.assign(items(
            new Object[] {"a", "Terrible delay, awful service", "en"},
            new Object[] {"b", "Great crew, thank you!", "en"},
            new Object[] {"c", "Ik ben er niet blij mee", "nl"},
            new Object[] {"d", "Ik heb een vraag over mijn rekening", "nl"},
            new Object[] {"e", "prima", "nl", 9.0}),
        LEXICON, SentimentAnalysis.Settings.DEFAULTS.withTextModel(false));
    Map<String, Row> byId = out.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertEquals("negative", byId.get("a").getAs(SentimentAnalysis.SENTIMENT));
    assertEquals("positive", byId.get("b").getAs(SentimentAnalysis.SENTIMENT));
    assertEquals("negative", byId.get("c").getAs(SentimentAnalysis.SENTIMENT));
    assertEquals("neutral", byId.get("d").getAs(SentimentAnalysis.SENTIMENT));
    assertEquals(Sentiments.BY_LEXICON, byId.get("a").getAs(SentimentAnalysis.METHOD));
    assertEquals(Sentiments.BY_SCORE, byId.get("e").getAs(SentimentAnalysis.METHOD));
    assertEquals("positive", byId.get("e").getAs(SentimentAnalysis.SENTIMENT));
  }

  @Test
  void writesOneRowPerItemInTheTableSchema() {
    Dataset<Row> table = SentimentStage.toTable(IntentClassifier.classify(SentimentAnalysis.assign(items(
        new Object[] {"x", "good", "en"}, new Object[] {"y", "slecht", "nl"}, new Object[] {"z", "", "unknown"}),
        LEXICON, SentimentAnalysis.Settings.DEFAULTS), IntentClassifier.Patterns.shipped(), List.of()));
    assertEquals(List.of("period", "feedback_id", "sentiment", "sentiment_score", "sentiment_method", "sentiment_confidence",
            "sentiment_conflict", "intent", "intent_target"),
        Arrays.asList(table.columns()));
    assertEquals(SentimentStage.SCHEMA.simpleString(), table.schema().simpleString());
    assertEquals(3, table.count());
    assertEquals(3, table.select("feedback_id").distinct().count());
  }
}
