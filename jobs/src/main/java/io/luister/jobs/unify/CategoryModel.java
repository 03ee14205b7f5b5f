package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.ml.TrainingSet;
import java.util.Optional;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.SQLTransformer;
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
 * both languages plus bigrams, hashed (no vocabulary to collect) and IDF-weighted; the classifier is a
 * multinomial logistic regression, whose class probabilities give the confidence. Fitting and scoring are
 * one ML Pipeline, so scoring uses exactly the fitted features.
 */
public final class CategoryModel {
  private static final Logger LOG = LoggerFactory.getLogger(CategoryModel.class);
  public static final String PREDICTED = "model_category";
  public static final String CONFIDENCE = "model_confidence";
  private static final int HASH_FEATURES = 1 << 18;
  private static final String KNOWN_TERMS_UDF = "luister_known_terms";

  private CategoryModel() {}

  /**
   * @param labelled rows with {@code feedback_id}, {@code tokens} and {@code label}
   * @param maxTrainingRows fit on a seeded sample when there are more labelled rows than this
   * @return the fitted pipeline, or empty when there is too little to learn from (fewer than two categories)
   */
  public static Optional<PipelineModel> fit(Dataset<Row> labelled, long maxTrainingRows, long seed) {
    Dataset<Row> candidates = labelled.filter(size(col("tokens")).gt(0)).select("feedback_id", "tokens", "label");
    long n = candidates.count();
    long classes = n == 0 ? 0 : candidates.select("label").distinct().count();
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
      PipelineStage[] stages = {
          labels,
          new NGram().setN(2).setInputCol("tokens").setOutputCol("_bigrams"),
          new SQLTransformer().setStatement("SELECT *, concat(tokens, _bigrams) AS _terms FROM __THIS__"),
          new HashingTF().setInputCol("_terms").setOutputCol("_tf").setNumFeatures(HASH_FEATURES),
          new IDF().setInputCol("_tf").setOutputCol("_features").setMinDocFreq(2),
          new LogisticRegression().setFeaturesCol("_features").setLabelCol("label_index")
              .setFamily("multinomial").setMaxIter(60).setRegParam(0.002).setElasticNetParam(0.0)
              .setProbabilityCol("_probability").setRawPredictionCol("_raw").setPredictionCol("_prediction"),
          new IndexToString().setInputCol("_prediction").setOutputCol(PREDICTED).setLabels(labels.labelsArray()[0])
      };
      PipelineModel model = new Pipeline().setStages(stages).fit(training);
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
    // An item none of whose terms occurred in training (IDF 0 below minDocFreq) has an all-zero feature
    // vector: the model would answer with its class prior, which is no evidence. No built-in counts a
    // vector's non-zeros, hence this one small UDF.
    Column known = call_udf(KNOWN_TERMS_UDF, col("_features")).gt(0);
    rows.sparkSession().udf().register(KNOWN_TERMS_UDF,
        (org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Integer>) v -> v.numNonzeros(),
        org.apache.spark.sql.types.DataTypes.IntegerType);
    Dataset<Row> scored = scoring.transform(withLabel)
        .withColumn(PREDICTED, when(known, col(PREDICTED)))
        .withColumn(CONFIDENCE, when(known, confidence))
        .drop("_bigrams", "_terms", "_tf", "_features", "_raw", "_probability", "_prediction");
    return hadLabel ? scored : scored.drop("label");
  }
}
