package io.luister.jobs.themes;

import static io.luister.jobs.themes.ThemeClustering.kmeans;
import static io.luister.jobs.themes.ThemeFeatures.CATEGORY_SEPARATION;
import static io.luister.jobs.themes.ThemeFeatures.FEATURES;
import static io.luister.jobs.themes.ThemeFeatures.MERGE_FEATURES;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Over-clustering: more clusters than the corpus is expected to have themes, by cosine k-means or by category-first
 * bisection ({@link ThemeBisection}), and each cluster's summed text vectors, which {@link ThemeMerge} merges.
 */
final class ThemeOverclustering {
  private ThemeOverclustering() {}

  /**
   * How many clusters the over-clustering makes: {@code k_max}, but no more than the corpus has items for themes of a
   * reportable size ({@link ThemeMerge#MIN_THEME_ITEMS}): 200 reviews cut into 40 clusters left themes of 2–8
   * reviews, and the rest theme took four fifths of the items.
   */
  static int overclusterSize(long n, ThemeSettings settings) {
    long reportable = Math.max(settings.kMin(), n / ThemeMerge.MIN_THEME_ITEMS);
    return (int) Math.max(2, Math.min(Math.min(settings.kMax(), n / 2), reportable));
  }

  /** One over-clustering of {@code rows} into {@code k} clusters: category-first bisection, or cosine k-means. */
  static Overclustered overcluster(Dataset<Row> rows, BisectionInput bisection, int k, long seed,
      String predictionCol) {
    return bisection != null ? bisected(bisection, k, seed, predictionCol)
        : kmeansOverclustered(kmeans(k, seed).setPredictionCol(predictionCol).fit(rows));
  }

  /**
   * Per cluster of {@code model}, the sum of its members' text vectors ({@code _merge_features}) into {@code sums}
   * and their number into {@code sizes}: one aggregation, a bounded summary (clusters × vocabulary).
   */
  static void clusterSums(KMeansModel model, Dataset<Row> rows, double[][] sums, long[] sizes) {
    model.transform(rows).groupBy(col(model.getPredictionCol()).cast("int").as("_c"))
        .agg(org.apache.spark.ml.stat.Summarizer.sum(col(MERGE_FEATURES)).as("_sum"), count(lit(1)).as("_n"))
        .collectAsList().forEach(r -> {
          sums[r.getInt(0)] = ((org.apache.spark.ml.linalg.Vector) r.get(1)).toArray();
          sizes[r.getInt(0)] = r.getLong(2);
        });
  }

  /**
   * An over-clustering fit: the model (predicting {@code _subcluster}), its cost and iterations, and for bisecting each
   * cluster's category group (null for k-means), which the merge must not join again.
   */
  record Overclustered(KMeansModel model, double cost, int iterations, int[] categoryGroups) {}

  private static Overclustered kmeansOverclustered(KMeansModel m) {
    return new Overclustered(m, m.summary().trainingCost(), m.summary().numIter(), null);
  }

  /**
   * What {@link ThemeBisection} works on: the fit sample's text vectors ({@code _merge_features}, collected: at most
   * {@code max_fit_rows}) with their category group (the category's index, unclassified after the known ones), and
   * the lengths of the text and of {@code _features}.
   */
  record BisectionInput(List<ThemeBisection.Item> items, int categories, int textSize, int featureSize) {
    static BisectionInput of(Dataset<Row> featurised, List<String> categories, int textSize, int featureSize) {
      List<ThemeBisection.Item> items = new ArrayList<>();
      for (Row r : featurised.select(col("category"), col(MERGE_FEATURES)).collectAsList()) {
        int group = categories.indexOf(r.getString(0));
        org.apache.spark.ml.linalg.SparseVector v = ((org.apache.spark.ml.linalg.Vector) r.get(1)).toSparse();
        items.add(new ThemeBisection.Item(group < 0 ? categories.size() : group, v.indices(), v.values()));
      }
      return new BisectionInput(items, categories.size(), textSize, featureSize);
    }
  }

  /**
   * {@link ThemeBisection} on the fit sample's text vectors, as a k-means model whose centres are the leaves' mean
   * directions joined with their category at {@link ThemeFeatures#CATEGORY_SEPARATION}: on {@code _features} (the
   * text joined with the category at that weight) the nearest centre of an item of a known category is always one
   * of its category's leaves, the nearest by text among them; an unclassified item goes to the nearest leaf by text, a
   * classified leaf counting {@code 1/√(1+w²)} of its similarity. Iterations = splits.
   */
  static Overclustered bisected(BisectionInput input, int k, long seed, String predictionCol) {
    int textSize = input.textSize();
    ThemeBisection.Result result = ThemeBisection.bisect(input.items(), textSize, k, seed);
    org.apache.spark.mllib.linalg.Vector[] centres = new org.apache.spark.mllib.linalg.Vector[result.leaves().size()];
    for (int c = 0; c < centres.length; c++) {
      ThemeBisection.Leaf leaf = result.leaves().get(c);
      double[] centre = new double[input.featureSize()];
      System.arraycopy(ThemeBisection.unit(leaf.sum()), 0, centre, 0, textSize);
      if (leaf.group() < input.categories() && input.featureSize() > textSize) {
        centre[textSize + leaf.group()] = CATEGORY_SEPARATION;
      }
      centres[c] = org.apache.spark.mllib.linalg.Vectors.dense(ThemeBisection.unit(centre));
    }
    // Spark's own k-means model as the scorer: saved, loaded and applied like a fitted one. Its constructor from
    // centres is package-private in Scala (public in the bytecode); the centres and features are unit vectors, so the
    // Euclidean distance a reloaded model uses ranks the centres as the cosine does.
    KMeansModel model = new KMeansModel("themes_bisecting",
        new org.apache.spark.mllib.clustering.KMeansModel(centres, "cosine", result.cost(), result.splits()))
        .setFeaturesCol(FEATURES).setPredictionCol(predictionCol);
    // A leaf's category group for the merge: its known category, or -1 (no constraint) for the unclassified leaves.
    return new Overclustered(model, result.cost(), result.splits(), result.leaves().stream()
        .mapToInt(leaf -> leaf.group() < input.categories() ? leaf.group() : -1).toArray());
  }
}
