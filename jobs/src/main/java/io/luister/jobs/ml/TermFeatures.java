package io.luister.jobs.ml;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The features of the classifiers trained in a run (categories, sentiment): the words of an item and its word
 * bigrams, counted over a vocabulary of the terms that occur in at least two training items, IDF-weighted.
 *
 * <p>Why a vocabulary and not feature hashing: MLlib stores a logistic regression's coefficients as a sparse
 * matrix when most of them are zero, and with 2^18 hashed features most are (only the buckets of seen terms
 * get weights). Scoring an item against a sparse coefficient matrix walks every stored coefficient of every
 * class, not just the item's few terms: that was a quarter of the sentiment stage's CPU on 300,000 items. Over a
 * vocabulary of seen terms every coefficient is used, the matrix stays dense, and an item costs its number of
 * terms times the number of classes.
 */
public final class TermFeatures {
  private static final Logger LOG = LoggerFactory.getLogger(TermFeatures.class);
  /** Where the weighted term vector goes. */
  public static final String FEATURES = "_features";
  /** At most this many terms, the most frequent; as many dimensions as the hashed features had. */
  static final int MAX_VOCABULARY = 1 << 18;
  /** A term in fewer training items than this tells the model nothing it can generalise. */
  static final int MIN_DOCUMENTS = 2;
  private static final UserDefinedFunction NONZEROS = udf(
      (org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Integer>) v -> v.numNonzeros(),
      org.apache.spark.sql.types.DataTypes.IntegerType).withName("luister_nonzeros");

  private TermFeatures() {}

  /**
   * Fits the featurisation on {@code training} (persisted: it is read three times).
   *
   * @param tokensColumn an array of words per row
   * @return the fitted stages, from {@code tokensColumn} to {@value #FEATURES}, for a {@link PipelineModel}; empty
   *     when no term occurs in two training items (there is nothing a model could learn from the text)
   */
  public static Optional<List<Transformer>> fit(Dataset<Row> training, String tokensColumn) {
    Transformer[] terms = {
        new NGram().setN(2).setInputCol(tokensColumn).setOutputCol("_bigrams"),
        new SQLTransformer().setStatement("SELECT *, concat(" + tokensColumn + ", _bigrams) AS _terms FROM __THIS__")
    };
    Dataset<Row> withTerms = new PipelineModel("terms", terms).transform(training);
    // CountVectorizer's own fit keeps terms of equal frequency in the order the data arrives, so its cut at the
    // vocabulary cap and its dimension order would depend on how the input was split: chosen here by document
    // frequency, then term, and sorted.
    String[] vocabulary = withTerms.select(explode(array_distinct(col("_terms"))).as("term"))
        .groupBy("term").count().filter(col("count").geq(MIN_DOCUMENTS))
        .orderBy(col("count").desc(), col("term")).limit(MAX_VOCABULARY)
        .select("term").as(Encoders.STRING()).collectAsList().toArray(String[]::new);
    if (vocabulary.length == 0) {
      return Optional.empty();
    }
    Arrays.sort(vocabulary);
    CountVectorizerModel counting = new CountVectorizerModel(vocabulary).setInputCol("_terms").setOutputCol("_tf");
    Transformer weighting = new IDF().setInputCol("_tf").setOutputCol(FEATURES).fit(counting.transform(withTerms));
    return Optional.of(List.of(terms[0], terms[1], counting, weighting));
  }

  /**
   * Fits the featurisation and then {@code classifier} on its {@value #FEATURES} (the training set is persisted by
   * the caller; the classifier reads it once per iteration).
   *
   * @return the fitted stages from {@code tokensColumn} to the classifier's prediction; empty as {@link #fit}
   */
  public static Optional<List<Transformer>> fitClassifier(Dataset<Row> training, String tokensColumn,
      LogisticRegression classifier) {
    return fit(training, tokensColumn).map(features -> {
      Dataset<Row> featured = new PipelineModel("features", features.toArray(Transformer[]::new)).transform(training);
      List<Transformer> stages = new ArrayList<>(features);
      LogisticRegressionModel model = classifier.setFeaturesCol(FEATURES).fit(featured);
      if (model.hasSummary()) {
        // How far the optimiser got: the objective every few iterations shows whether maxIter cuts it short.
        double[] loss = model.summary().objectiveHistory();
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < loss.length; i += Math.max(1, loss.length / 6)) {
          trace.append(String.format(Locale.ROOT, "%d:%.5f ", i, loss[i]));
        }
        LOG.info("classifier: {} iterations, objective {}(last {})", model.summary().totalIterations(), trace,
            String.format(Locale.ROOT, "%.5f", loss[loss.length - 1]));
      }
      stages.add(model);
      return stages;
    });
  }

  /** The columns {@link #fit}'s stages add, to drop after scoring. */
  public static String[] workColumns() {
    return new String[] {"_bigrams", "_terms", "_tf", FEATURES};
  }

  /**
   * Whether an item has any term the model was trained with: without one its feature vector is all zeros, and
   * the model would answer with its class prior, which is no evidence.
   */
  public static Column knownTerms() {
    return anyNonzero(col(FEATURES));
  }

  /**
   * Whether a vector has a non-zero entry. No built-in counts a vector's non-zeros without densifying it (as
   * {@code vector_to_array} does, a vocabulary's length per item), hence this one small UDF, shared by every model.
   */
  public static Column anyNonzero(Column vector) {
    return NONZEROS.apply(vector).gt(0);
  }
}
