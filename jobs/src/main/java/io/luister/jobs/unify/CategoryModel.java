package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.ml.TermFeatures;
import io.luister.jobs.ml.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of category assignment: a text classifier trained in the same run on the items that native
 * mappings and rules labelled, applied to free text they left open. Features are the stemmed tokens of
 * both languages plus bigrams, counted over the training items' vocabulary and IDF-weighted ({@link
 * TermFeatures}); the classifier is a multinomial logistic regression, whose class probabilities give the
 * confidence. Fitting and scoring are one pipeline model, so scoring uses exactly the fitted features.
 */
public final class CategoryModel {
  private static final Logger LOG = LoggerFactory.getLogger(CategoryModel.class);
  public static final String PREDICTED = "model_category";
  public static final String CONFIDENCE = "model_confidence";

  private CategoryModel() {}

  /**
   * @param labelled rows with {@code feedback_id}, {@code tokens} and {@code label}
   * @param maxTrainingRows fit on a seeded sample when there are more labelled rows than this
   * @return the fitted pipeline, or empty when there is too little to learn from (fewer than two categories)
   */
  public static Optional<PipelineModel> fit(Dataset<Row> labelled, long maxTrainingRows, long seed) {
    Dataset<Row> candidates = labelled.filter(size(col("tokens")).gt(0)).select("feedback_id", "tokens", "label");
    // Both figures in one aggregation: a count and a distinct count were two passes over the labelled rows.
    Row counted = candidates.agg(count(lit(1)), count_distinct(col("label"))).first();
    long n = counted.getLong(0);
    long classes = counted.getLong(1);
    if (classes < 2) {
      LOG.warn("category model: {} labelled items in {} categories; too few to train a classifier", n, classes);
      return Optional.empty();
    }
    Dataset<Row> training = TrainingSet.of(candidates, "feedback_id", n, maxTrainingRows, seed)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      StringIndexer indexer = new StringIndexer().setInputCol("label").setOutputCol("label_index")
          .setStringOrderType("alphabetAsc");
      StringIndexerModel labels = indexer.fit(training);
      Optional<List<Transformer>> classifier = TermFeatures.fitClassifier(labels.transform(training), "tokens",
          // 30 L-BFGS iterations, not 60: the objective is then within 1.5 % of where 60 leave it, macro-F1 moved
          // by less than 0.01 either way on the samples, the 1M bench data and the airline tweets, and each
          // iteration is a pass over the training set (about 8 s of unify at 1M items; docs/performance.md).
          new LogisticRegression().setLabelCol("label_index")
              .setFamily("multinomial").setMaxIter(30).setRegParam(0.002).setElasticNetParam(0.0)
              .setProbabilityCol("_probability").setRawPredictionCol("_raw").setPredictionCol("_prediction"));
      if (classifier.isEmpty()) {
        LOG.warn("category model: no term occurs in two of the {} labelled items; too little to train a classifier", n);
        return Optional.empty();
      }
      List<Transformer> stages = new ArrayList<>();
      stages.add(labels);
      stages.addAll(classifier.get());
      stages.add(new IndexToString().setInputCol("_prediction").setOutputCol(PREDICTED).setLabels(labels.labelsArray()[0]));
      PipelineModel model = new PipelineModel("category", stages.toArray(Transformer[]::new));
      LOG.info("category model: trained on {} items in {} categories", Math.min(n, maxTrainingRows), classes);
      return Optional.of(model);
    } finally {
      training.unpersist();
    }
  }

  /** Adds {@value #PREDICTED} and {@value #CONFIDENCE} (the highest class probability). */
  public static Dataset<Row> predict(PipelineModel model, Dataset<Row> rows) {
    boolean hadLabel = java.util.Arrays.asList(rows.columns()).contains("label");
    Dataset<Row> withLabel = hadLabel ? rows : rows.withColumn("label", lit(null).cast("string"));
    // The indexer is only needed for training; at scoring time its input may be empty, so skip it.
    PipelineModel scoring = new PipelineModel(model.uid(), java.util.Arrays.copyOfRange(model.stages(), 1, model.stages().length));
    Column confidence = array_max(org.apache.spark.ml.functions.vector_to_array(col("_probability"), "float64"));
    Column known = TermFeatures.knownTerms();
    Dataset<Row> scored = scoring.transform(withLabel)
        .withColumn(PREDICTED, when(known, col(PREDICTED)))
        .withColumn(CONFIDENCE, when(known, confidence))
        .drop(TermFeatures.workColumns()).drop("_raw", "_probability", "_prediction");
    return hadLabel ? scored : scored.drop("label");
  }
}
