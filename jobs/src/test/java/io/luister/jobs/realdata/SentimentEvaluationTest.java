package io.luister.jobs.realdata;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.common.test.TestSpark;
import io.luister.jobs.sentiment.ScoreLabels;
import io.luister.jobs.sentiment.SentimentAnalysis;
import io.luister.jobs.sentiment.SentimentLexicon;
import io.luister.jobs.sentiment.Sentiments;
import io.luister.jobs.unify.TextFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Sentiment measured on real labelled data nobody on the project wrote. The airline tweets' labels and the
 * Dutch reviews' scores are the truth here and never reach training, except where a test says so and then
 * only through cross-validation (an item is never scored by a model that saw its own score). The figures are
 * written down in docs/SENTIMENT.md; the assertions only guard against a broken scorer (three classes).
 */
class SentimentEvaluationTest {
  static final Path REALDATA = Path.of("..", "..", "shared", "realdata");
  static final SparkSession spark = TestSpark.session();
  static final SentimentLexicon LEXICON = SentimentLexicon.shipped();
  static final int FOLDS = 5;

  static Dataset<Row> withLanguage(Dataset<Row> items) {
    TextFeatures text = new TextFeatures(List.of());
    return items.withColumn("language", text.analyze(col("text")).getField("language"));
  }

  static Dataset<Row> airlineTweets() {
    Dataset<Row> raw = spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(REALDATA.resolve("airline-tweets/Tweets.csv").toString());
    return withLanguage(raw.select(
        concat(lit("tweets:"), col("tweet_id"), lit(":"), monotonically_increasing_id()).as("feedback_id"),
        lit("2015-Q1").as("period"), col("text"), col("airline_sentiment").as("truth"),
        lit(null).cast("double").as("score"), lit(null).cast("double").as("score_min"),
        lit(null).cast("double").as("score_max")));
  }

  @Test
  void airlineTweetsWithoutTheirLabels() {
    Dataset<Row> tweets = airlineTweets().cache();
    long n = tweets.count();
    SentimentAnalysis.Settings noTextModel = SentimentAnalysis.Settings.DEFAULTS.withTextModel(false);
    double lexiconOnly = macroF1(SentimentAnalysis.assign(tweets, LEXICON, noTextModel.withSelfTraining(false)),
        "lexicon only");
    double selfTrained = macroF1(SentimentAnalysis.assign(tweets, LEXICON, noTextModel), "self-trained, no text model");
    double textModel = macroF1(SentimentAnalysis.assign(tweets, LEXICON, SentimentAnalysis.Settings.DEFAULTS),
        "text model (defaults)");
    double combined = macroF1(SentimentAnalysis.assign(tweets, LEXICON,
        SentimentAnalysis.Settings.DEFAULTS.withCombine(true)), "text model + self-trained on its pseudo-labels");
    System.out.printf("airline-tweets (en, %d tweets): macro-F1 lexicon only %.3f, self-trained %.3f, text model %.3f, "
        + "combined %.3f%n", n, lexiconOnly, selfTrained, textModel, combined);
    tweets.unpersist();
    assertTrue(lexiconOnly > 0.40 && selfTrained > 0.40 && textModel > 0.40, "macro-F1 " + lexiconOnly + " / " + selfTrained);
  }

  /** Zoover: title + text of the Dutch-locale reviews, the general rating (1–10) as truth. */
  static Dataset<Row> zoover() {
    Dataset<Row> raw = spark.read().option("multiLine", true).json(REALDATA.resolve("zoover-reviews-nl/reviews.json").toString());
    return withLanguage(raw.filter(col("locale").isin("nl", "nl-be")).select(
        concat(lit("zoover:"), col("id")).as("feedback_id"), lit("2016-Q3").as("period"),
        concat_ws(". ", col("titles.nl"), col("texts.nl")).as("text"),
        col("ratings.general.general").cast("double").as("score"), lit(1.0).as("score_min"), lit(10.0).as("score_max")));
  }

  /** Bever: one review's pros and cons as one text, the mean of its 1–10 ratings as truth. */
  static Dataset<Row> bever() throws IOException {
    JsonNode root = new ObjectMapper().readTree(REALDATA.resolve("bever-reviews-nl/bever_reviews.json").toFile());
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (JsonNode review : root) {
      double sum = 0;
      for (JsonNode r : review.get(1)) {
        sum += r.asDouble();
      }
      List<String> parts = new ArrayList<>();
      review.get(2).forEach(t -> parts.add(t.asText()));
      review.get(3).forEach(t -> parts.add(t.asText()));
      rows.add(RowFactory.create("bever:" + i++, "2023-Q2", String.join(". ", parts),
          review.get(1).size() == 0 ? null : sum / review.get(1).size(), 1.0, 10.0));
    }
    StructType schema = new StructType().add("feedback_id", DataTypes.StringType).add("period", DataTypes.StringType)
        .add("text", DataTypes.StringType).add("score", DataTypes.DoubleType).add("score_min", DataTypes.DoubleType)
        .add("score_max", DataTypes.DoubleType);
    return withLanguage(spark.createDataFrame(rows, schema));
  }

  @Test
  void dutchReviewsAgainstTheirScores() throws IOException {
    for (var set : Map.of("zoover-reviews-nl", zoover(), "bever-reviews-nl", bever()).entrySet()) {
      Dataset<Row> reviews = set.getValue()
          .withColumn("truth", ScoreLabels.label(col("score"), col("score_min"), col("score_max")))
          .filter(col("truth").isNotNull()).cache();
      long n = reviews.count();
      Dataset<Row> unscored = reviews.withColumn("score", lit(null).cast("double"));
      SentimentAnalysis.Settings noTextModel = SentimentAnalysis.Settings.DEFAULTS.withTextModel(false);
      double lexiconOnly = macroF1(SentimentAnalysis.assign(unscored, LEXICON, noTextModel.withSelfTraining(false)),
          set.getKey() + " lexicon only");
      double selfTrained = macroF1(SentimentAnalysis.assign(unscored, LEXICON, noTextModel),
          set.getKey() + " self-trained, no scores");
      double textModel = macroF1(SentimentAnalysis.assign(unscored, LEXICON, SentimentAnalysis.Settings.DEFAULTS),
          set.getKey() + " text model, no scores");
      // Cross-validation: each fold's scores hidden, the model trained on the other folds' scores.
      Dataset<Row> predictions = null;
      Column fold = pmod(hash(col("feedback_id")), lit(FOLDS));
      for (int k = 0; k < FOLDS; k++) {
        Dataset<Row> hidden = reviews.withColumn("_held_out", fold.equalTo(k))
            .withColumn("score", when(col("_held_out"), lit(null)).otherwise(col("score")));
        Dataset<Row> out = SentimentAnalysis.assign(hidden, LEXICON, SentimentAnalysis.Settings.DEFAULTS.withCombine(true))
            .filter(col("_held_out")).drop("_held_out");
        predictions = predictions == null ? out : predictions.unionByName(out);
      }
      double crossValidated = macroF1(predictions, set.getKey() + " text model + self-trained on other folds' scores");
      System.out.printf("%s (nl, %d reviews, truth %s): macro-F1 lexicon only %.3f, self-trained without scores %.3f, "
          + "text model %.3f, %d-fold cross-validated text model + self-trained with scores %.3f%n", set.getKey(), n,
          reviews.groupBy("truth").count().orderBy("truth").collectAsList(), lexiconOnly, selfTrained, textModel, FOLDS,
          crossValidated);
      reviews.unpersist();
      assertTrue(lexiconOnly > 0.25, set.getKey() + " lexicon macro-F1 " + lexiconOnly);
    }
  }

  /** Macro-F1 over the three classes (a class never predicted counts with F1 0), printed with its confusion. */
  static double macroF1(Dataset<Row> predicted, String what) {
    List<Row> cells = predicted.groupBy("truth", SentimentAnalysis.SENTIMENT, SentimentAnalysis.METHOD).count().collectAsList();
    Map<String, Long> confusion = new TreeMap<>();
    Map<String, Long> methods = new TreeMap<>();
    for (Row r : cells) {
      confusion.merge(r.getString(0) + "→" + r.getString(1), r.getLong(3), Long::sum);
      methods.merge(r.getString(2), r.getLong(3), Long::sum);
    }
    double sum = 0;
    int classes = 0;
    for (String c : Sentiments.CLASSES) {
      long tp = confusion.getOrDefault(c + "→" + c, 0L);
      long support = confusion.entrySet().stream().filter(e -> e.getKey().startsWith(c + "→")).mapToLong(Map.Entry::getValue).sum();
      long predictedC = confusion.entrySet().stream().filter(e -> e.getKey().endsWith("→" + c)).mapToLong(Map.Entry::getValue).sum();
      if (support == 0 && predictedC == 0) {
        continue;
      }
      double precision = predictedC == 0 ? 0 : (double) tp / predictedC;
      double recall = support == 0 ? 0 : (double) tp / support;
      sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      classes++;
    }
    double f1 = sum / classes;
    System.out.printf("  %-40s macro-F1 %.3f  methods %s  confusion %s%n", what, f1, methods, confusion);
    return f1;
  }
}
