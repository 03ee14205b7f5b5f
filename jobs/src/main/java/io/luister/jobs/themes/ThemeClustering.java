package io.luister.jobs.themes;

import static io.luister.jobs.themes.ThemeFeatures.COUNTS;
import static io.luister.jobs.themes.ThemeFeatures.FEATURES;
import static io.luister.jobs.themes.ThemeModel.THEME_INDEX;
import static io.luister.jobs.themes.ThemeModel.THEME_WEIGHT;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The clustering on the features: cosine k-means (also what bisecting's leaves are scored as), or online LDA on the
 * counts; and the theme index and weight each gives an item.
 */
final class ThemeClustering {
  static final String CLUSTER = "_cluster";
  /** The over-clustered k-means cluster, before merging ({@link ThemeMerge}). */
  static final String SUBCLUSTER = "_subcluster";
  static final String TOPICS = "_topics";

  private ThemeClustering() {}

  /** The clustering a grid candidate fits: cosine k-means on the features, or online LDA on the counts. */
  static org.apache.spark.ml.Estimator<? extends Model<?>> clustering(int k, ThemeSettings settings) {
    if (settings.method().equals(ThemeSettings.LDA)) {
      return new LDA().setK(k).setOptimizer("online").setMaxIter(30).setSeed(settings.seed())
          .setFeaturesCol(COUNTS).setTopicDistributionCol(TOPICS);
    }
    return kmeans(k, settings.seed()).setPredictionCol(CLUSTER);
  }

  /**
   * Cosine (spherical) k-means on {@code _features}: with Euclidean distance a centroid averaging many unlike texts has
   * a small norm and pulls in everything weakly related, which gives one giant catch-all cluster on short texts.
   */
  static KMeans kmeans(int k, long seed) {
    return new KMeans().setK(k).setSeed(seed).setMaxIter(30).setDistanceMeasure("cosine").setFeaturesCol(FEATURES);
  }

  /** Adds {@code theme_index} (int) and {@code theme_weight}: the cluster, or LDA's most likely topic. */
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
}
