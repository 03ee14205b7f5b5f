package io.luister.jobs.themes;

import static io.luister.jobs.themes.ThemeClustering.CLUSTER;
import static io.luister.jobs.themes.ThemeClustering.SUBCLUSTER;
import static io.luister.jobs.themes.ThemeClustering.TOPICS;
import static io.luister.jobs.themes.ThemeClustering.withIndex;
import static io.luister.jobs.themes.ThemeFeatures.*;
import static io.luister.jobs.themes.ThemeFitSample.CONTENT_KEY;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import io.luister.jobs.ml.TermFeatures;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Theme discovery as one ML Pipeline, fitted on a deterministic sample ({@link ThemeFitSample}): the features
 * ({@link ThemeFeatures}: stemmed tokens → unigrams and bigrams → minus corpus boilerplate → capped vocabulary →
 * TF-IDF × each term's category information beyond chance ({@link TermInformation}) → L2 norm, optionally joined
 * with the weighted category), then k-means, bisection or online LDA ({@link ThemeClustering}, {@link
 * ThemeOverclustering}), with the number of themes chosen by {@link ThemeCount}. {@link #score} assigns every
 * item with the fitted pipeline.
 */
public final class ThemeModel {
  /** Cluster index and membership weight that {@link #score} adds. */
  public static final String THEME_INDEX = "theme_index";
  public static final String THEME_WEIGHT = "theme_weight";

  /** A fitted theme model: the pipeline to save and score with, the vocabulary and how k was chosen. */
  public record Fitted(PipelineModel pipeline, List<String> vocabulary, int k, List<Candidate> candidates,
      long fittedRows, int rest) {
    public Fitted(PipelineModel pipeline, List<String> vocabulary, int k, List<Candidate> candidates, long fittedRows) {
      this(pipeline, vocabulary, k, candidates, fittedRows, -1);
    }
  }

  /** One value of k that was tried, with its silhouette. */
  public record Candidate(int k, double silhouette) {}

  private ThemeModel() {}

  /** Fits featurisation and the clustering on a sample of {@code items} (feedback_id, tokens). */
  public static Fitted fit(Dataset<Row> items, Collection<String> extraStopWords, ThemeSettings settings) {
    Dataset<Row> sample = ThemeFitSample.fitSample(items, settings).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ThemeFeatures.Fitted features = ThemeFeatures.fit(sample, extraStopWords, settings);
      // An all-zero vector (no known term, or only terms weighted 0) must not be clustered: cosine k-means cannot
      // place it.
      Dataset<Row> featurised = features.pipeline().transform(sample)
          .filter(TermFeatures.anyNonzero(col(FEATURES)))
          .select(col("feedback_id"), col(CONTENT_KEY), col("category"), col(KEPT), col(COUNTS), col(FEATURES),
              col(features.categories().isEmpty() ? FEATURES : TEXT).as(MERGE_FEATURES))
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long n = featurised.count();
        if (n < 2) {
          throw new io.luister.jobs.LuisterDataException("too few items with known terms to find themes (" + n
              + "): the texts share almost no words; themes cannot be measured on them");
        }
        return ThemeCount.fit(features, featurised, n, settings);
      } finally {
        featurised.unpersist();
      }
    } finally {
      sample.unpersist();
    }
  }

  /**
   * Every item scored with the fitted pipeline: the input columns plus {@value #THEME_INDEX}, {@value
   * #THEME_WEIGHT} and {@code _terms}. An item none of whose terms is in the vocabulary gets a null index.
   */
  public static Dataset<Row> score(PipelineModel pipeline, Dataset<Row> items, ThemeSettings settings) {
    // An item whose feature vector is all zero (no known term, or only terms weighted 0) is left without a theme:
    // cosine k-means cannot place it. The clustering stages run on the other items only.
    Transformer[] stages = pipeline.stages();
    int cut = 0;
    while (cut < stages.length && !(stages[cut] instanceof KMeansModel)
        && !(stages[cut] instanceof org.apache.spark.ml.clustering.LDAModel)) {
      cut++;
    }
    Dataset<Row> featurised = new PipelineModel("themes_features", Arrays.copyOfRange(stages, 0, cut))
        .transform(items).withColumn("_known", TermFeatures.anyNonzero(col(FEATURES)));
    Dataset<Row> clustered = withIndex(new PipelineModel("themes_clustering",
        Arrays.copyOfRange(stages, cut, stages.length)).transform(featurised.filter(col("_known"))), settings);
    Dataset<Row> unknown = featurised.filter(not(col("_known")))
        .withColumn(THEME_INDEX, lit(null).cast("int")).withColumn(THEME_WEIGHT, lit(null).cast("double"));
    return clustered.withColumn(THEME_WEIGHT, col(THEME_WEIGHT).cast("double"))
        .unionByName(unknown, true).drop("_known")
        .drop("_tokens", WORDS, "_bigrams", KEPT, COUNTS, "_idf", "_tfidf", TEXT, "_category", "_category_index",
            "_category_onehot", "_category_vector", "_joined", FEATURES, SUBCLUSTER, CLUSTER, TOPICS);
  }
}
