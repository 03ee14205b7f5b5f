package io.luister.jobs.themes;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Theme discovery as one ML Pipeline: stemmed tokens (from silver) → extra stop words → unigrams and bigrams →
 * capped vocabulary → TF-IDF → L2 norm → k-means (or online LDA on the counts). The number of themes is the
 * one with the best cosine silhouette on the fitted sample, within the configured range. Fitting uses a
 * deterministic sample; {@link #score} assigns every item with the fitted pipeline.
 */
public final class ThemeModel {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeModel.class);
  static final String WORDS = "_words";
  static final String TERMS = "_terms";
  static final String COUNTS = "_counts";
  static final String FEATURES = "_features";
  static final String CLUSTER = "_cluster";
  static final String TOPICS = "_topics";
  /** Cluster index and membership weight that {@link #score} adds. */
  public static final String THEME_INDEX = "theme_index";
  public static final String THEME_WEIGHT = "theme_weight";
  /**
   * The fit sample is hash-partitioned into this many partitions and sorted within them, so the model (whose
   * initialisation samples per partition) does not depend on how the input happened to be split.
   */
  static final int FIT_PARTITIONS = 4;
  private static final String NONZEROS_UDF = "luister_theme_nonzeros";
  /** At most this many candidate values of k are tried: each costs one fit and one silhouette. */
  static final int MAX_CANDIDATES = 9;
  /** The silhouette is computed on at most this many fitted items (a deterministic subset). */
  static final long MAX_SILHOUETTE_ROWS = 20_000;

  /** A fitted theme model: the pipeline to save and score with, the vocabulary and how k was chosen. */
  public record Fitted(PipelineModel pipeline, List<String> vocabulary, int k, List<Candidate> candidates,
      long fittedRows) {}

  /** One value of k that was tried, with its silhouette. */
  public record Candidate(int k, double silhouette) {}

  private ThemeModel() {}

  /** Items used for fitting: enough tokens, and a deterministic sample (hash of id and seed) of at most maxFitRows. */
  static Dataset<Row> fitSample(Dataset<Row> items, ThemeSettings settings) {
    Dataset<Row> eligible = items.filter(size(col("tokens")).geq(settings.minTokens())).select("feedback_id", "tokens");
    long n = eligible.count();
    if (n > settings.maxFitRows()) {
      long permille = Math.max(1, (long) Math.floor(1_000_000.0 * settings.maxFitRows() / n));
      eligible = eligible.filter(pmod(xxhash64(col("feedback_id"), lit(settings.seed())), lit(1_000_000L)).lt(permille));
    }
    return eligible.repartition(FIT_PARTITIONS, col("feedback_id")).sortWithinPartitions("feedback_id");
  }

  /** The featurisation stages: everything before the clustering. */
  static PipelineStage[] featurisation(Collection<String> extraStopWords, ThemeSettings settings) {
    return new PipelineStage[] {
        // Single letters and bare numbers (amounts, dates, versions) say nothing about a theme.
        new SQLTransformer().setStatement("SELECT *, filter(tokens, t -> length(t) > 1 AND NOT t RLIKE '^[0-9]+$') "
            + "AS _tokens FROM __THIS__"),
        new StopWordsRemover().setInputCol("_tokens").setOutputCol(WORDS)
            .setStopWords(extraStopWords.toArray(String[]::new)).setCaseSensitive(false),
        new NGram().setN(2).setInputCol(WORDS).setOutputCol("_bigrams"),
        new SQLTransformer().setStatement("SELECT *, concat(" + WORDS + ", _bigrams) AS " + TERMS + " FROM __THIS__"),
        new CountVectorizer().setInputCol(TERMS).setOutputCol(COUNTS).setVocabSize(settings.vocabularySize())
            .setMinDF(settings.minDf()),
        new IDF().setInputCol(COUNTS).setOutputCol("_tfidf"),
        new Normalizer().setInputCol("_tfidf").setOutputCol(FEATURES).setP(2.0)
    };
  }

  /** Fits featurisation and the clustering on a sample of {@code items} (feedback_id, tokens). */
  public static Fitted fit(Dataset<Row> items, Collection<String> extraStopWords, ThemeSettings settings) {
    Dataset<Row> sample = fitSample(items, settings).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      PipelineModel features = new Pipeline().setStages(featurisation(extraStopWords, settings)).fit(sample);
      registerNonzeros(items);
      Dataset<Row> featurised = features.transform(sample)
          .filter(call_udf(NONZEROS_UDF, col(FEATURES)).gt(0))
          .select("feedback_id", COUNTS, FEATURES)
          .persist(StorageLevel.MEMORY_AND_DISK());
      long n = featurised.count();
      if (n < 2) {
        throw new IllegalStateException("too few items with known terms to find themes (" + n + ")");
      }
      Dataset<Row> evalSet = n > MAX_SILHOUETTE_ROWS
          ? featurised.filter(pmod(xxhash64(col("feedback_id"), lit(settings.seed() + 1)), lit(1_000_000L))
              .lt((long) (1_000_000.0 * MAX_SILHOUETTE_ROWS / n)))
          : featurised;
      List<Candidate> candidates = new ArrayList<>();
      Transformer best = null;
      int bestK = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int k : candidateKs(settings, n)) {
        long t0 = System.currentTimeMillis();
        Transformer clustering = clustering(k, settings).fit(featurised);
        double silhouette = silhouette(clustering, evalSet, settings);
        candidates.add(new Candidate(k, silhouette));
        LOG.info("themes: k={} silhouette={} ({} ms)", k, String.format("%.4f", silhouette),
            System.currentTimeMillis() - t0);
        if (silhouette > bestScore) {
          bestScore = silhouette;
          best = clustering;
          bestK = k;
        }
      }
      featurised.unpersist();
      List<Transformer> stages = new ArrayList<>(Arrays.asList(features.stages()));
      stages.add(best);
      PipelineModel pipeline = new PipelineModel("themes_" + bestK, stages.toArray(Transformer[]::new));
      List<String> vocabulary = Arrays.asList(((CountVectorizerModel) features.stages()[4]).vocabulary());
      return new Fitted(pipeline, vocabulary, bestK, candidates, n);
    } finally {
      sample.unpersist();
    }
  }

  /** The values of k tried: the fixed one, or at most {@link #MAX_CANDIDATES} evenly spread over the range. */
  static List<Integer> candidateKs(ThemeSettings settings, long rows) {
    int max = (int) Math.max(2, Math.min(settings.kMax(), rows / 2));
    if (settings.k() > 0) {
      return List.of((int) Math.min(settings.k(), Math.max(2, rows)));
    }
    int min = Math.min(settings.kMin(), max);
    int step = Math.max(1, (int) Math.ceil((max - min) / (double) (MAX_CANDIDATES - 1)));
    List<Integer> ks = new ArrayList<>();
    for (int k = min; k <= max; k += step) {
      ks.add(k);
    }
    if (ks.get(ks.size() - 1) != max) {
      ks.add(max);
    }
    return ks;
  }

  static org.apache.spark.ml.Estimator<? extends Model<?>> clustering(int k, ThemeSettings settings) {
    if (settings.method().equals(ThemeSettings.LDA)) {
      return new LDA().setK(k).setOptimizer("online").setMaxIter(30).setSeed(settings.seed())
          .setFeaturesCol(COUNTS).setTopicDistributionCol(TOPICS);
    }
    // Cosine (spherical) k-means: with Euclidean distance a centroid averaging many unlike texts has a small
    // norm and pulls in everything weakly related, which gives one giant catch-all cluster on short texts.
    return new KMeans().setK(k).setSeed(settings.seed()).setMaxIter(30).setDistanceMeasure("cosine")
        .setFeaturesCol(FEATURES).setPredictionCol(CLUSTER);
  }

  /** Cosine silhouette (squared Euclidean on unit vectors) of the partition the model makes of {@code rows}. */
  static double silhouette(Transformer clustering, Dataset<Row> rows, ThemeSettings settings) {
    Dataset<Row> assigned = withIndex(clustering.transform(rows), settings);
    return new ClusteringEvaluator().setFeaturesCol(FEATURES).setPredictionCol(THEME_INDEX)
        .setDistanceMeasure("cosine").evaluate(assigned);
  }

  /** Adds {@value #THEME_INDEX} (int) and {@value #THEME_WEIGHT}: the cluster, or LDA's most likely topic. */
  static Dataset<Row> withIndex(Dataset<Row> transformed, ThemeSettings settings) {
    if (settings.method().equals(ThemeSettings.LDA)) {
      Column topics = org.apache.spark.ml.functions.vector_to_array(col(TOPICS), "float64");
      return transformed.withColumn("_p", topics)
          .withColumn(THEME_INDEX, (array_position(col("_p"), array_max(col("_p"))).minus(1)).cast("int"))
          .withColumn(THEME_WEIGHT, array_max(col("_p")))
          .drop("_p");
    }
    // k-means is a hard assignment: every member counts fully.
    return transformed.withColumn(THEME_INDEX, col(CLUSTER).cast("int")).withColumn(THEME_WEIGHT, lit(1.0));
  }

  /**
   * Every item scored with the fitted pipeline: the input columns plus {@value #THEME_INDEX}, {@value
   * #THEME_WEIGHT} and {@code _terms}. An item none of whose terms is in the vocabulary gets a null index.
   */
  public static Dataset<Row> score(PipelineModel pipeline, Dataset<Row> items, ThemeSettings settings) {
    registerNonzeros(items);
    Column known = call_udf(NONZEROS_UDF, col(COUNTS)).gt(0);
    Dataset<Row> scored = withIndex(pipeline.transform(items), settings);
    return scored.withColumn(THEME_INDEX, when(known, col(THEME_INDEX)))
        .withColumn(THEME_WEIGHT, when(known, col(THEME_WEIGHT)))
        .drop("_tokens", WORDS, "_bigrams", COUNTS, "_tfidf", FEATURES, CLUSTER, TOPICS);
  }

  // No built-in counts a vector's non-zeros; an all-zero vector (no known term) must not be clustered or
  // assigned, since k-means would put it in whichever centroid is smallest. One tiny UDF, as in CategoryModel.
  private static void registerNonzeros(Dataset<Row> any) {
    any.sparkSession().udf().register(NONZEROS_UDF,
        (org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Integer>) v -> v.numNonzeros(),
        org.apache.spark.sql.types.DataTypes.IntegerType);
  }
}
