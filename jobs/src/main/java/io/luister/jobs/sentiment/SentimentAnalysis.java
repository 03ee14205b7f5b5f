package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Sentiment of free-text items, no I/O: every item gets one of three classes, a score in [−1, 1], the method
 * that decided and a confidence. See docs/SENTIMENT.md for the method and its measured quality.
 *
 * <ol>
 *   <li>Items with their own survey score or review rating take the class of the score ({@link ScoreLabels}),
 *       unless the lexicon reads the text confidently the other way round (a 9 with "the app is terrible":
 *       the comment is about something the score is not).</li>
 *   <li>A classifier ({@link SentimentModel}) is trained on the self-labelled items — those with a score, plus,
 *       with self-training on, the items the lexicon reads confidently (pseudo-labels) — when every class has
 *       enough examples, and labels every item without a score whose words it has seen.</li>
 *   <li>Everything else gets the lexicon's reading ({@link LexiconScorer}).</li>
 * </ol>
 */
public final class SentimentAnalysis {
  public static final String SENTIMENT = "sentiment";
  public static final String SCORE = "sentiment_score";
  public static final String METHOD = "sentiment_method";
  public static final String CONFIDENCE = "sentiment_confidence";
  static final String SCORE_LABEL = "_score_label";
  /** The columns {@link #assign} reads; every other column of the items is carried through untouched. */
  public static final String[] INPUT_COLUMNS = {"feedback_id", "text", "language", "score", "score_min", "score_max"};

  /**
   * @param minPerClass the classifier is trained only when each class has at least this many self-labelled items
   * @param selfTraining add the lexicon's confident readings of unscored items to the training set
   * @param confidentLexicon |lexicon score| from which a reading counts as confident (pseudo-label, or
   *     overruling a survey score)
   * @param maxTrainingRows fit on a seeded sample beyond this many labelled items
   * @param seed the sampling seed
   */
  public record Settings(int minPerClass, boolean selfTraining, double confidentLexicon, long maxTrainingRows, long seed) {
    public static final Settings DEFAULTS = new Settings(30, true, 0.5, 200_000, 42);

    public Settings withSelfTraining(boolean on) {
      return new Settings(minPerClass, on, confidentLexicon, maxTrainingRows, seed);
    }

    public Settings withMinPerClass(int min) {
      return new Settings(min, selfTraining, confidentLexicon, maxTrainingRows, seed);
    }
  }

  private SentimentAnalysis() {}

  /**
   * Adds {@value #SENTIMENT}, {@value #SCORE}, {@value #METHOD} and {@value #CONFIDENCE} to free-text items with
   * the {@link #INPUT_COLUMNS}.
   */
  public static Dataset<Row> assign(Dataset<Row> items, SentimentLexicon lexicon, Settings settings) {
    Dataset<Row> read = LexiconScorer.score(items, lexicon)
        .withColumn(SCORE_LABEL, ScoreLabels.label(col("score"), col("score_min"), col("score_max")))
        .withColumn("_score_position", ScoreLabels.position(col("score"), col("score_min"), col("score_max")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column lexScore = col(LexiconScorer.SCORE);
      Column confident = abs(lexScore).geq(settings.confidentLexicon());
      Column training = col(SCORE_LABEL);
      if (settings.selfTraining()) {
        // Pseudo-labels: confident lexicon readings as positive/negative, texts without a single sentiment word
        // as neutral.
        Column pseudo = when(confident, LexiconScorer.label(lexScore))
            .when(col(LexiconScorer.HITS).equalTo(0), lit(Sentiments.NEUTRAL));
        training = coalesce(col(SCORE_LABEL), pseudo);
      }
      Dataset<Row> labelled = read.withColumn(SentimentModel.LABEL, training).filter(col(SentimentModel.LABEL).isNotNull());
      Optional<PipelineModel> model = SentimentModel.fit(labelled, settings.minPerClass(), settings.maxTrainingRows(),
          settings.seed());
      Column unscored = col(SCORE_LABEL).isNull();
      Dataset<Row> scored;
      if (model.isPresent()) {
        scored = SentimentModel.predict(model.get(), read.filter(unscored))
            .unionByName(withoutModel(read.filter(not(unscored))));
      } else {
        scored = withoutModel(read);
      }
      Dataset<Row> assigned = combine(scored, settings).persist(StorageLevel.MEMORY_AND_DISK());
      assigned.count(); // materialise before the lexicon readings it is built from are released
      return assigned;
    } finally {
      read.unpersist();
    }
  }

  private static Dataset<Row> withoutModel(Dataset<Row> rows) {
    return rows.withColumn(SentimentModel.PREDICTED, lit(null).cast("string"))
        .withColumn(SentimentModel.SCORE, lit(null).cast("double"))
        .withColumn(SentimentModel.CONFIDENCE, lit(null).cast("double"))
        .withColumn(SentimentModel.KNOWN, lit(false));
  }

  /** Picks, per item, the score's, the model's or the lexicon's reading (see the class comment). */
  static Dataset<Row> combine(Dataset<Row> scored, Settings settings) {
    Column lexScore = col(LexiconScorer.SCORE);
    Column lexLabel = LexiconScorer.label(lexScore);
    Column scoreLabel = col(SCORE_LABEL);
    Column opposite = abs(lexScore).geq(settings.confidentLexicon())
        .and(scoreLabel.equalTo(Sentiments.POSITIVE).and(lexLabel.equalTo(Sentiments.NEGATIVE))
            .or(scoreLabel.equalTo(Sentiments.NEGATIVE).and(lexLabel.equalTo(Sentiments.POSITIVE))));
    Column byScore = scoreLabel.isNotNull().and(not(opposite));
    Column byModel = scoreLabel.isNull().and(col(SentimentModel.KNOWN));
    Column method = when(byScore, lit(Sentiments.BY_SCORE)).when(byModel, lit(Sentiments.BY_MODEL))
        .otherwise(lit(Sentiments.BY_LEXICON));
    // The lexicon's confidence is a heuristic on the same 0–1 scale, not a probability: 0.5 for a neutral
    // reading, rising with the strength of a polar one.
    Column lexConfidence = when(lexLabel.equalTo(Sentiments.NEUTRAL), lit(0.5)).otherwise(lit(0.5).plus(abs(lexScore).divide(2)));
    return scored
        .withColumn(METHOD, method)
        .withColumn(SENTIMENT, when(byScore, scoreLabel).when(byModel, col(SentimentModel.PREDICTED)).otherwise(lexLabel))
        .withColumn(SCORE, when(byScore, col("_score_position").multiply(2).minus(1))
            .when(byModel, col(SentimentModel.SCORE)).otherwise(lexScore))
        .withColumn(CONFIDENCE, when(byScore, lit(1.0)).when(byModel, col(SentimentModel.CONFIDENCE)).otherwise(lexConfidence))
        .drop(LexiconScorer.WORDS, SCORE_LABEL, "_score_position", SentimentModel.PREDICTED, SentimentModel.SCORE,
            SentimentModel.CONFIDENCE, SentimentModel.KNOWN, SentimentModel.LABEL);
  }
}
