package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Sentiment of free-text items, no I/O: every item gets one of three classes, a score in [−1, 1], the method
 * that decided, a confidence, and — where the item's own score and its text disagree strongly — the text's
 * reading in {@value #CONFLICT}. See docs/SENTIMENT.md for the method and its measured quality.
 *
 * <ol>
 *   <li>Evidence first: an item with its own survey score or review rating (stars, NPS, CSAT, a recommend flag)
 *       takes the class of the score ({@link ScoreLabels}), always. Text never overrides it; a strong
 *       disagreement is recorded in {@value #CONFLICT} for analysts.</li>
 *   <li>English items without a score are read by the text model shipped with the project ({@link TextModel});
 *       when a classifier could be trained in the run on the self-labelled items ({@link SentimentModel}) and
 *       {@link Settings#combine} is on, the two models' probabilities are averaged.</li>
 *   <li>Other items (Dutch, mixed, undetected; or without the text model): the self-trained classifier where it
 *       knows the item's terms, else the lexicon ({@link LexiconScorer}).</li>
 * </ol>
 */
public final class SentimentAnalysis {
  public static final String SENTIMENT = "sentiment";
  public static final String SCORE = "sentiment_score";
  public static final String METHOD = "sentiment_method";
  public static final String CONFIDENCE = "sentiment_confidence";
  /** The text's class (negative | positive) where it strongly contradicts the item's own score; null otherwise. */
  public static final String CONFLICT = "sentiment_conflict";
  static final String SCORE_LABEL = "_score_label";
  /** The columns {@link #assign} reads; every other column of the items is carried through untouched. */
  public static final String[] INPUT_COLUMNS = {"feedback_id", "text", "language", "score", "score_min", "score_max"};

  /**
   * @param minPerClass the self-trained classifier is trained only when each class has at least this many
   *     self-labelled items
   * @param selfTraining add confident readings of unscored items to the self-trained classifier's training set
   *     (pseudo-labels: the text model's, or without it the lexicon's)
   * @param confidentLexicon |lexicon score| from which a lexicon reading counts as confident (pseudo-label, or a
   *     conflict with the score when there is no text model)
   * @param maxTrainingRows fit on a seeded sample beyond this many labelled items
   * @param seed the sampling seed
   * @param textModel read unscored items with the shipped {@link TextModel}
   * @param combine average the text model's and the self-trained classifier's probabilities where both exist
   * @param confidentText the text model's probability of a class from which its reading counts as confident
   *     (pseudo-label, or a conflict with the score)
   */
  public record Settings(int minPerClass, boolean selfTraining, double confidentLexicon, long maxTrainingRows, long seed,
      boolean textModel, boolean combine, double confidentText) {
    public static final Settings DEFAULTS = new Settings(30, true, 0.5, 200_000, 42, true, false, 0.8);

    /**
     * The item languages the shipped text model reads. It was trained on English corpora only (no openly licensed
     * Dutch one was found); on the Dutch corpora it measured below the lexicon (docs/SENTIMENT.md), so Dutch,
     * mixed and undetected text keep the self-trained classifier or the lexicon.
     */
    public static final List<String> TEXT_MODEL_LANGUAGES = List.of("en");

    public Settings withSelfTraining(boolean on) {
      return new Settings(minPerClass, on, confidentLexicon, maxTrainingRows, seed, textModel, combine, confidentText);
    }

    public Settings withMinPerClass(int min) {
      return new Settings(min, selfTraining, confidentLexicon, maxTrainingRows, seed, textModel, combine, confidentText);
    }

    public Settings withTextModel(boolean on) {
      return new Settings(minPerClass, selfTraining, confidentLexicon, maxTrainingRows, seed, on, combine, confidentText);
    }

    public Settings withCombine(boolean on) {
      return new Settings(minPerClass, selfTraining, confidentLexicon, maxTrainingRows, seed, textModel, on, confidentText);
    }

    public Settings withTraining(long maxRows, long sampleSeed) {
      return new Settings(minPerClass, selfTraining, confidentLexicon, maxRows, sampleSeed, textModel, combine, confidentText);
    }
  }

  private SentimentAnalysis() {}

  /**
   * Adds {@value #SENTIMENT}, {@value #SCORE}, {@value #METHOD}, {@value #CONFIDENCE} and {@value #CONFLICT} to
   * free-text items with the {@link #INPUT_COLUMNS}.
   */
  public static Dataset<Row> assign(Dataset<Row> items, SentimentLexicon lexicon, Settings settings) {
    TextModel textModel = settings.textModel() ? TextModel.shipped() : null;
    Dataset<Row> read = LexiconScorer.score(items, lexicon, textModel)
        .withColumn(SCORE_LABEL, ScoreLabels.label(col("score"), col("score_min"), col("score_max")))
        .withColumn("_score_position", ScoreLabels.position(col("score"), col("score_min"), col("score_max")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column training = col(SCORE_LABEL);
      if (settings.selfTraining()) {
        Column pseudo;
        // Pseudo-labels: where the text model reads the item, its confident readings (all three classes); elsewhere
        // confident lexicon readings as positive/negative and texts without a single sentiment word as neutral.
        Column lexScore = col(LexiconScorer.SCORE);
        Column byLexicon = when(abs(lexScore).geq(settings.confidentLexicon()), LexiconScorer.label(lexScore))
            .when(col(LexiconScorer.HITS).equalTo(0), lit(Sentiments.NEUTRAL));
        pseudo = textModel == null ? byLexicon
            : when(textApplies(), when(textConfidence().geq(settings.confidentText()), textLabel())).otherwise(byLexicon);
        training = coalesce(col(SCORE_LABEL), pseudo);
      }
      Dataset<Row> labelled = read.withColumn(SentimentModel.LABEL, training).filter(col(SentimentModel.LABEL).isNotNull());
      // Also with the text model: it reads English only, and a combination needs the self-trained classifier.
      Optional<PipelineModel> model =
          SentimentModel.fit(labelled, settings.minPerClass(), settings.maxTrainingRows(), settings.seed());
      // The self-trained classifier reads the unscored items that use its reading: not those the text model decides
      // alone (combine off), whose prediction would be computed and thrown away.
      Column unscored = col(SCORE_LABEL).isNull();
      Column selfReads = textModel == null || settings.combine() ? unscored
          : unscored.and(not(coalesce(textApplies(), lit(false))));
      Dataset<Row> scored;
      if (model.isPresent()) {
        scored = SentimentModel.predict(model.get(), read.filter(selfReads))
            .unionByName(withoutModel(read.filter(not(selfReads))));
      } else {
        scored = withoutModel(read);
      }
      if (textModel == null) {
        scored = scored.withColumn(LexiconScorer.TEXT_PROBABILITIES, lit(null).cast("array<double>"));
      }
      Dataset<Row> assigned = combine(scored, settings).persist(StorageLevel.MEMORY_AND_DISK());
      assigned.count(); // materialise before the lexicon readings it is built from are released
      return assigned;
    } finally {
      read.unpersist();
    }
  }

  private static Column textP() {
    return col(LexiconScorer.TEXT_PROBABILITIES);
  }

  /** The text model reads the item: it has words, a reading, and a language the model was trained on. */
  private static Column textApplies() {
    return textP().isNotNull().and(size(col(LexiconScorer.WORDS)).gt(0))
        .and(col("language").isin(Settings.TEXT_MODEL_LANGUAGES.toArray()));
  }

  private static Column textConfidence() {
    return array_max(textP());
  }

  /** The class of highest probability in a (negative, neutral, positive) array column. */
  static Column argmaxLabel(Column p) {
    Column neg = p.getItem(0);
    Column neu = p.getItem(1);
    Column pos = p.getItem(2);
    return when(neg.geq(neu).and(neg.geq(pos)), lit(Sentiments.NEGATIVE)).when(pos.geq(neu), lit(Sentiments.POSITIVE))
        .otherwise(lit(Sentiments.NEUTRAL));
  }

  private static Column textLabel() {
    return argmaxLabel(textP());
  }

  private static Dataset<Row> withoutModel(Dataset<Row> rows) {
    return rows.withColumn(SentimentModel.PREDICTED, lit(null).cast("string"))
        .withColumn(SentimentModel.SCORE, lit(null).cast("double"))
        .withColumn(SentimentModel.CONFIDENCE, lit(null).cast("double"))
        .withColumn(SentimentModel.PROBABILITIES, lit(null).cast("array<double>"))
        .withColumn(SentimentModel.KNOWN, lit(false));
  }

  /** Picks, per item, the score's, the models' or the lexicon's reading (see the class comment). */
  static Dataset<Row> combine(Dataset<Row> scored, Settings settings) {
    Column lexScore = col(LexiconScorer.SCORE);
    Column lexLabel = LexiconScorer.label(lexScore);
    Column scoreLabel = col(SCORE_LABEL);
    Column hasText = textApplies();
    Column selfP = col(SentimentModel.PROBABILITIES);
    Column bothP = transform(sequence(lit(0), lit(2)), i -> textP().getItem(i).plus(selfP.getItem(i)).divide(2));

    Column byScore = scoreLabel.isNotNull();
    Column selfKnown = col(SentimentModel.KNOWN);
    Column byCombined = not(byScore).and(hasText).and(lit(settings.combine())).and(selfKnown);
    Column byText = not(byScore).and(hasText);
    Column bySelf = not(byScore).and(selfKnown);
    Column method = when(byScore, lit(Sentiments.BY_SCORE)).when(byCombined, lit(Sentiments.BY_COMBINED))
        .when(byText, lit(Sentiments.BY_TEXT_MODEL)).when(bySelf, lit(Sentiments.BY_SELF_TRAINED))
        .otherwise(lit(Sentiments.BY_LEXICON));
    // The lexicon's confidence is a heuristic on the same 0–1 scale, not a probability: 0.5 for a neutral
    // reading, rising with the strength of a polar one.
    Column lexConfidence = when(lexLabel.equalTo(Sentiments.NEUTRAL), lit(0.5)).otherwise(lit(0.5).plus(abs(lexScore).divide(2)));

    // What the text says of a scored item, and whether that strongly contradicts the score: the text model's
    // confident reading, or without it the lexicon's.
    Column textSays = when(hasText, when(textConfidence().geq(settings.confidentText()), textLabel()))
        .when(abs(lexScore).geq(settings.confidentLexicon()), lexLabel);
    Column conflict = when(byScore.and(
        scoreLabel.equalTo(Sentiments.POSITIVE).and(textSays.equalTo(Sentiments.NEGATIVE))
            .or(scoreLabel.equalTo(Sentiments.NEGATIVE).and(textSays.equalTo(Sentiments.POSITIVE)))), textSays);
    return scored
        .withColumn("_both_p", when(byCombined, bothP))
        .withColumn(METHOD, method)
        .withColumn(SENTIMENT, when(byScore, scoreLabel).when(byCombined, argmaxLabel(col("_both_p")))
            .when(byText, textLabel()).when(bySelf, col(SentimentModel.PREDICTED)).otherwise(lexLabel))
        .withColumn(SCORE, when(byScore, col("_score_position").multiply(2).minus(1))
            .when(byCombined, col("_both_p").getItem(2).minus(col("_both_p").getItem(0)))
            .when(byText, textP().getItem(2).minus(textP().getItem(0)))
            .when(bySelf, col(SentimentModel.SCORE)).otherwise(lexScore))
        .withColumn(CONFIDENCE, when(byScore, lit(1.0)).when(byCombined, array_max(col("_both_p")))
            .when(byText, textConfidence()).when(bySelf, col(SentimentModel.CONFIDENCE)).otherwise(lexConfidence))
        .withColumn(CONFLICT, conflict)
        .drop(LexiconScorer.WORDS, SCORE_LABEL, "_score_position", "_both_p", LexiconScorer.TEXT_PROBABILITIES,
            SentimentModel.PREDICTED, SentimentModel.SCORE, SentimentModel.CONFIDENCE, SentimentModel.PROBABILITIES,
            SentimentModel.KNOWN, SentimentModel.LABEL);
  }
}
