package io.luister.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * An item with its own score takes the class of that score, whatever its text says; a strong disagreement is
 * recorded in sentiment_conflict, never acted on.
 */
class EvidenceFirstTest {
  static final SparkSession spark = TestSpark.session();
  static final StructType ITEMS = new StructType()
      .add("feedback_id", DataTypes.StringType).add("period", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("language", DataTypes.StringType)
      .add("score", DataTypes.DoubleType).add("score_min", DataTypes.DoubleType).add("score_max", DataTypes.DoubleType);

  /** The scales an export can declare: stars, CSAT, a 1–10 rating, NPS 0–10 and a recommend flag (0 = no, 1 = yes). */
  static final double[][] SCALES = {{1, 5}, {1, 5}, {1, 10}, {0, 10}, {0, 1}};
  static final String[] SCALE_NAMES = {"stars", "csat", "rating 1-10", "nps", "recommend yes/no"};

  static final String[][] TEXTS = {
      {"en", "This company is a scam, they decline legitimate claims. Terrible, awful, never again!"},
      {"en", "Absolutely wonderful service, fast and friendly, I love it, thank you so much!"},
      {"nl", "Vreselijk slechte service, oplichters, nooit meer!"},
      {"nl", "Super blij, geweldig snel geholpen, echt top, bedankt!"},
      {"en", "I have a question about my invoice number."},
      {"nl", "Ik heb gebeld over de meterstand."},
      {"en", "Fast reimbursement"},
      {"en", ""},
      {"unknown", "ok"}};

  /** The expected class, written out per scale independently of ScoreLabels' position arithmetic. */
  static String expected(int scale, double score) {
    return switch (scale) {
      case 0, 1 -> score <= 2 ? "negative" : score == 3 ? "neutral" : "positive";
      case 2 -> score <= 6 ? "negative" : score <= 8 ? "neutral" : "positive"; // 1-10: p = (s-1)/9 < 0.65 → s ≤ 6
      case 3 -> score <= 6 ? "negative" : score <= 8 ? "neutral" : "positive";
      case 4 -> score == 0 ? "negative" : "positive";
      default -> throw new IllegalArgumentException();
    };
  }

  static Map<String, Row> assign(List<Row> rows, SentimentAnalysis.Settings settings) {
    Dataset<Row> out = SentimentAnalysis.assign(spark.createDataFrame(rows, ITEMS), SentimentLexicon.shipped(), settings);
    return out.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
  }

  @Test
  void everyScaleDecidesAgainstEveryText() {
    List<Row> rows = new ArrayList<>();
    Map<String, String> expect = new java.util.HashMap<>();
    for (int s = 0; s < SCALES.length; s++) {
      for (double v = SCALES[s][0]; v <= SCALES[s][1]; v++) {
        for (int t = 0; t < TEXTS.length; t++) {
          String id = SCALE_NAMES[s] + ":" + v + ":" + t;
          rows.add(RowFactory.create(id, "2026-Q3", TEXTS[t][1], TEXTS[t][0], v, SCALES[s][0], SCALES[s][1]));
          expect.put(id, expected(s, v));
        }
      }
    }
    for (SentimentAnalysis.Settings settings : List.of(SentimentAnalysis.Settings.DEFAULTS,
        SentimentAnalysis.Settings.DEFAULTS.withTextModel(false), SentimentAnalysis.Settings.DEFAULTS.withCombine(true))) {
      Map<String, Row> byId = assign(rows, settings);
      assertEquals(rows.size(), byId.size());
      for (Map.Entry<String, String> e : expect.entrySet()) {
        Row r = byId.get(e.getKey());
        assertEquals(e.getValue(), r.getAs(SentimentAnalysis.SENTIMENT), e.getKey() + " " + settings);
        assertEquals(Sentiments.BY_SCORE, r.getAs(SentimentAnalysis.METHOD), e.getKey());
        assertEquals(1.0, (double) r.getAs(SentimentAnalysis.CONFIDENCE), e.getKey());
      }
    }
  }

  @Test
  void strongDisagreementIsRecordedNotActedOn() {
    List<Row> rows = List.of(
        RowFactory.create("scam-1star", "2026-Q3", TEXTS[0][1], "en", 1.0, 1.0, 5.0),
        RowFactory.create("scam-5star", "2026-Q3", TEXTS[0][1], "en", 5.0, 1.0, 5.0),
        RowFactory.create("love-nps0", "2026-Q3", TEXTS[1][1], "en", 0.0, 0.0, 10.0),
        RowFactory.create("love-nps10", "2026-Q3", TEXTS[1][1], "en", 10.0, 0.0, 10.0),
        RowFactory.create("question-1star", "2026-Q3", TEXTS[4][1], "en", 1.0, 1.0, 5.0),
        RowFactory.create("unscored", "2026-Q3", TEXTS[0][1], "en", null, null, null));
    for (SentimentAnalysis.Settings settings : List.of(SentimentAnalysis.Settings.DEFAULTS,
        SentimentAnalysis.Settings.DEFAULTS.withTextModel(false))) {
      Map<String, Row> byId = assign(rows, settings);
      assertEquals("positive", byId.get("scam-5star").getAs(SentimentAnalysis.SENTIMENT));
      assertEquals("negative", byId.get("scam-5star").getAs(SentimentAnalysis.CONFLICT), settings.toString());
      assertEquals("negative", byId.get("love-nps0").getAs(SentimentAnalysis.SENTIMENT));
      assertEquals("positive", byId.get("love-nps0").getAs(SentimentAnalysis.CONFLICT), settings.toString());
      assertNull(byId.get("scam-1star").getAs(SentimentAnalysis.CONFLICT));
      assertNull(byId.get("love-nps10").getAs(SentimentAnalysis.CONFLICT));
      assertNull(byId.get("question-1star").getAs(SentimentAnalysis.CONFLICT), "a factual question contradicts nothing");
      assertNull(byId.get("unscored").getAs(SentimentAnalysis.CONFLICT), "no score, no conflict");
      assertEquals("negative", byId.get("unscored").getAs(SentimentAnalysis.SENTIMENT));
    }
    assertEquals(Sentiments.BY_TEXT_MODEL,
        assign(rows, SentimentAnalysis.Settings.DEFAULTS).get("unscored").getAs(SentimentAnalysis.METHOD));
  }

  /** Random scales, scores and texts (words drawn from strongly polar and neutral vocabulary): the label follows the score. */
  @Test
  void propertyTheLabelAlwaysFollowsTheScore() {
    String[] words = {"terrible", "awful", "scam", "love", "great", "excellent", "vreselijk", "slecht", "geweldig",
        "top", "not", "niet", "never", "nooit", "but", "maar", "the", "de", "invoice", "factuur", "!", "thanks",
        "bedankt", "refund", "worst", "best", "happy", "boos", "blij", "question"};
    Random random = new Random(20261206L);
    List<Row> rows = new ArrayList<>();
    Map<String, String> expect = new java.util.HashMap<>();
    for (int i = 0; i < 600; i++) {
      int s = random.nextInt(SCALES.length);
      double v = SCALES[s][0] + random.nextInt((int) (SCALES[s][1] - SCALES[s][0]) + 1);
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(12); w >= 0; w--) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      String lang = random.nextBoolean() ? "en" : random.nextBoolean() ? "nl" : "unknown";
      rows.add(RowFactory.create("r" + i, "2026-Q3", text.toString(), lang, v, SCALES[s][0], SCALES[s][1]));
      expect.put("r" + i, expected(s, v));
    }
    // Unscored items ride along, so the models are trained and used in the same run.
    for (int i = 0; i < 50; i++) {
      rows.add(RowFactory.create("u" + i, "2026-Q3", words[random.nextInt(words.length)], "en", null, null, null));
    }
    Map<String, Row> byId = assign(rows, SentimentAnalysis.Settings.DEFAULTS.withCombine(true).withMinPerClass(5));
    for (Map.Entry<String, String> e : expect.entrySet()) {
      Row r = byId.get(e.getKey());
      assertEquals(e.getValue(), r.getAs(SentimentAnalysis.SENTIMENT), r.toString());
      assertEquals(Sentiments.BY_SCORE, r.getAs(SentimentAnalysis.METHOD), r.toString());
      Object conflict = r.getAs(SentimentAnalysis.CONFLICT);
      assertTrue(conflict == null || !conflict.equals(e.getValue()) && !"neutral".equals(conflict), r.toString());
    }
    for (int i = 0; i < 50; i++) {
      assertNotEquals(Sentiments.BY_SCORE, byId.get("u" + i).getAs(SentimentAnalysis.METHOD));
    }
  }
}
