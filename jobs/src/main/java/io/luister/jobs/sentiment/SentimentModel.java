package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.ml.TermFeatures;
import io.luister.jobs.ml.TrainingSet;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentiment classifier trained in the run on self-labelled items: words and word bigrams of the lower-cased
 * text (negators kept, so "not good" and "niet goed" are features of their own; {@link TermFeatures}), and a
 * multinomial logistic regression with classes weighted inversely to their frequency (self-labelled data is
 * rarely balanced: promoters outnumber detractors in most surveys). One pipeline model, so scoring uses exactly
 * the fitted features. Class indices are fixed (0 negative, 1 neutral, 2 positive), so no indexer is needed.
 */
public final class SentimentModel {
  private static final Logger LOG = LoggerFactory.getLogger(SentimentModel.class);
  public static final String LABEL = "_label";
  public static final String PREDICTED = "model_sentiment";
  public static final String SCORE = "model_score";
  public static final String CONFIDENCE = "model_confidence";
  public static final String KNOWN = "model_known_terms";
  /** P(negative), P(neutral), P(positive). */
  public static final String PROBABILITIES = "model_p";

  private SentimentModel() {}

  /** Counts of training items per class, for the log and the decision to train. */
  public record Training(long negative, long neutral, long positive) {
    long min() {
      return Math.min(negative, Math.min(neutral, positive));
    }

    long total() {
      return negative + neutral + positive;
    }
  }

  /**
   * @param labelled rows with {@code feedback_id}, {@value LexiconScorer#WORDS} and {@value #LABEL} (negative | neutral | positive)
   * @param minPerClass train only when every class has at least this many examples
   * @return the fitted pipeline, or empty when a class has too few examples
   */
  public static Optional<PipelineModel> fit(Dataset<Row> labelled, int minPerClass, long maxTrainingRows, long seed) {
    Dataset<Row> candidates = labelled.filter(size(col(LexiconScorer.WORDS)).gt(0))
        .select(col("feedback_id"), col(LexiconScorer.WORDS), col(LABEL))
        .withColumn("_index", classIndex(col(LABEL)));
    List<Row> counts = candidates.groupBy(LABEL).count().collectAsList();
    long[] perClass = new long[3];
    for (Row r : counts) {
      perClass[Sentiments.CLASSES.indexOf(r.getString(0))] = r.getLong(1);
    }
    Training t = new Training(perClass[0], perClass[1], perClass[2]);
    if (t.min() < minPerClass) {
      LOG.info("sentiment model: not trained, {} negative / {} neutral / {} positive self-labelled items (need {} per class)",
          t.negative(), t.neutral(), t.positive(), minPerClass);
      return Optional.empty();
    }
    double total = t.total();
    Column weight = when(col("_index").equalTo(0), lit(total / (3.0 * t.negative())))
        .when(col("_index").equalTo(1), lit(total / (3.0 * t.neutral())))
        .otherwise(lit(total / (3.0 * t.positive())));
    Dataset<Row> training = TrainingSet.of(candidates, "feedback_id", t.total(), maxTrainingRows, seed)
        .withColumn("_weight", weight).persist(StorageLevel.MEMORY_AND_DISK());
    PipelineModel model;
    try {
      Optional<List<Transformer>> stages = TermFeatures.fitClassifier(training, LexiconScorer.WORDS,
          new LogisticRegression().setLabelCol("_index").setWeightCol("_weight")
              .setFamily("multinomial").setMaxIter(30).setRegParam(0.01).setElasticNetParam(0.0)
              .setProbabilityCol("_probability").setRawPredictionCol("_raw").setPredictionCol("_prediction"));
      if (stages.isEmpty()) {
        LOG.info("sentiment model: not trained, no term occurs in two self-labelled items");
        return Optional.empty();
      }
      model = new PipelineModel("sentiment", stages.get().toArray(Transformer[]::new));
    } finally {
      training.unpersist();
    }
    LOG.info("sentiment model: trained on {} negative / {} neutral / {} positive self-labelled items",
        t.negative(), t.neutral(), t.positive());
    return Optional.of(model);
  }

  static Column classIndex(Column label) {
    return when(label.equalTo(Sentiments.NEGATIVE), lit(0.0)).when(label.equalTo(Sentiments.NEUTRAL), lit(1.0))
        .when(label.equalTo(Sentiments.POSITIVE), lit(2.0));
  }

  /**
   * Adds {@value #PREDICTED}, {@value #SCORE} (P(positive) − P(negative)), {@value #CONFIDENCE} (the highest
   * class probability) and {@value #KNOWN} (false when none of the item's terms occurred in training: the
   * model would then only echo its class prior, which is no evidence).
   */
  public static Dataset<Row> predict(PipelineModel model, Dataset<Row> rows) {
    Column p = functions.vector_to_array(col("_probability"), "float64");
    Column known = TermFeatures.knownTerms();
    Column predicted = element_at(lit(Sentiments.CLASSES.toArray(new String[0])), col("_prediction").cast("int").plus(1));
    return model.transform(rows)
        .withColumn(PREDICTED, predicted)
        .withColumn(SCORE, p.getItem(2).minus(p.getItem(0)))
        .withColumn(CONFIDENCE, array_max(p))
        .withColumn(PROBABILITIES, p)
        .withColumn(KNOWN, known)
        .drop(TermFeatures.workColumns()).drop("_raw", "_probability", "_prediction");
  }
}
