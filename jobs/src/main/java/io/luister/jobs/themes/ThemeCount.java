package io.luister.jobs.themes;

import static io.luister.jobs.themes.ThemeClustering.CLUSTER;
import static io.luister.jobs.themes.ThemeClustering.SUBCLUSTER;
import static io.luister.jobs.themes.ThemeClustering.clustering;
import static io.luister.jobs.themes.ThemeClustering.withIndex;
import static io.luister.jobs.themes.ThemeFeatures.FEATURES;
import static io.luister.jobs.themes.ThemeFeatures.MERGE_FEATURES;
import static io.luister.jobs.themes.ThemeFitSample.CONTENT_KEY;
import static io.luister.jobs.themes.ThemeModel.THEME_INDEX;
import static io.luister.jobs.themes.ThemeOverclustering.*;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import io.luister.jobs.themes.ThemeModel.Candidate;
import io.luister.jobs.themes.ThemeModel.Fitted;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many themes, and the clustering that makes them: by merging an over-clustered k-means (or bisection) bottom-up
 * and keeping the level with the best cosine silhouette ({@link ThemeMerge}), optionally no finer than the level two
 * halves of the sample agree on ({@link ThemeStability}); or from the first local maximum (or the maximum) of the
 * silhouette over a grid of k.
 */
final class ThemeCount {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeCount.class);
  /** At most this many candidate values of k are tried: each costs one fit and one silhouette. */
  static final int MAX_CANDIDATES = 9;
  /** The silhouette is computed on at most this many fitted items (a deterministic subset). */
  static final long MAX_SILHOUETTE_ROWS = 20_000;

  private ThemeCount() {}

  /**
   * Chooses the number of themes on {@code featurised} (the fit sample's items with a known term, {@code n} of them)
   * and returns the feature stages with the clustering that makes those themes.
   */
  static Fitted fit(ThemeFeatures.Fitted features, Dataset<Row> featurised, long n, ThemeSettings settings) {
    List<String> vocabulary = features.vocabulary();
    List<String> categories = features.categories();
    int featureSize = features.featureSize();
    Dataset<Row> evalSet = n > MAX_SILHOUETTE_ROWS
        ? featurised.filter(pmod(xxhash64(col(CONTENT_KEY), lit(settings.seed() + 1)), lit(1_000_000L))
            .lt((long) (1_000_000.0 * MAX_SILHOUETTE_ROWS / n)))
        : featurised;
    // Bisecting works on the driver: the fit sample's text vectors are collected once, for every restart and k.
    BisectionInput bisection = settings.method().equals(ThemeSettings.BISECTING)
        ? BisectionInput.of(featurised, categories, vocabulary.size(), featureSize) : null;
    boolean stability = settings.kCriterion().equals(ThemeSettings.STABILITY);
    if (settings.k() <= 0 && (settings.kCriterion().equals(ThemeSettings.MERGE) || stability)
        && !settings.method().equals(ThemeSettings.LDA)) {
      Halves halves = stability ? Halves.of(featurised, categories, vocabulary.size(), featureSize, bisection != null,
          settings.seed()) : null;
      return overclusterAndMerge(features.pipeline(), featurised, evalSet, vocabulary, bisection, halves, n,
          settings);
    }
    List<Candidate> candidates = new ArrayList<>();
    Transformer best = null;
    int bestK = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k : candidateKs(settings, n)) {
      long t0 = System.currentTimeMillis();
      Transformer clustering = bisection != null ? bisected(bisection, k, settings.seed(), CLUSTER).model()
          : clustering(k, settings).fit(featurised);
      double silhouette = silhouette(clustering, evalSet, settings);
      candidates.add(new Candidate(k, silhouette));
      LOG.info("themes: k={} silhouette={} ({} ms)", k, String.format("%.4f", silhouette),
          System.currentTimeMillis() - t0);
      if (silhouette > bestScore) {
        bestScore = silhouette;
        best = clustering;
        bestK = k;
      } else if (settings.kCriterion().equals(ThemeSettings.FIRST_PEAK)) {
        // The silhouette of short texts tends to creep upwards with k (ever smaller, tighter clusters); the
        // first fall marks the structure the corpus actually has, and the larger k need not be fitted.
        break;
      }
    }
    List<Transformer> stages = new ArrayList<>(Arrays.asList(features.pipeline().stages()));
    stages.add(best);
    PipelineModel pipeline = new PipelineModel("themes_" + bestK, stages.toArray(Transformer[]::new));
    return new Fitted(pipeline, vocabulary, bestK, candidates, n);
  }

  /**
   * Over-cluster, then merge: one cosine k-means with {@code k_max} clusters (more than the corpus is expected to
   * have themes, so small themes get clusters of their own and are not shared with a big one), then the clusters are
   * merged bottom-up by centroid linkage and the level with the best cosine silhouette is kept ({@link ThemeMerge}).
   * The number of themes is that level's; one fit instead of a grid. With {@code halves} (the {@code stability}
   * criterion) the level may be coarser: see {@link #stableLevel}.
   */
  static Fitted overclusterAndMerge(PipelineModel features, Dataset<Row> featurised, Dataset<Row> evalSet,
      List<String> vocabulary, BisectionInput bisection, Halves halves, long n, ThemeSettings settings) {
    int k0 = overclusterSize(n, settings);
    long t0 = System.currentTimeMillis();
    Overclustered best = null;
    // k-means stops in a local optimum that depends on its start; with restarts the lowest-cost fit is kept.
    for (int r = 0; r < settings.restarts(); r++) {
      Overclustered candidate = overcluster(featurised, bisection, k0, settings.seed() + r, SUBCLUSTER);
      LOG.info("themes: {} with seed {}: cost {}", settings.method(), settings.seed() + r,
          String.format("%.4f", candidate.cost()));
      if (best == null || candidate.cost() < best.cost()) {
        best = candidate;
      }
    }
    // Bisecting keeps a leaf per category, so a taxonomy with more than k_max categories gives more clusters.
    int clusters = Math.max(k0, best.model().clusterCenters().length);
    double[][] sums = new double[clusters][vocabulary.size()];
    long[] sizes = new long[clusters];
    clusterSums(best.model(), featurised, sums, sizes);
    List<Row> evalRows = best.model().transform(evalSet).select(col(SUBCLUSTER).cast("int"), col(MERGE_FEATURES))
        .orderBy(col(SUBCLUSTER), col(CONTENT_KEY), col("feedback_id")).collectAsList();
    double[][] dots = new double[evalRows.size()][clusters];
    int[] own = new int[evalRows.size()];
    for (int i = 0; i < evalRows.size(); i++) {
      own[i] = evalRows.get(i).getInt(0);
      org.apache.spark.ml.linalg.SparseVector x =
          ((org.apache.spark.ml.linalg.Vector) evalRows.get(i).get(1)).toSparse();
      for (int c = 0; c < clusters; c++) {
        double d = 0;
        for (int j = 0; j < x.indices().length; j++) {
          d += x.values()[j] * sums[c][x.indices()[j]];
        }
        dots[i][c] = d;
      }
    }
    // Leaves of one known category are never merged again; the unclassified leaves (group -1, see bisected) may be:
    // until they were free, a corpus without categories (every real export read by config alone) could not be merged
    // at all and always kept k_max themes.
    int[] groups = best.categoryGroups() == null ? null : Arrays.copyOf(best.categoryGroups(), clusters);
    // The near-duplicate bar: relative to this corpus' spread of cluster similarities (ninth round), or fixed.
    double[] relative = ThemeMerge.relativeBar(sums, sizes, settings.duplicateDeviations());
    double bar = ThemeMerge.nearDuplicateBar(sums, sizes, settings.duplicateSimilarity(),
        settings.duplicateDeviations());
    ThemeMerge.Hierarchy hierarchy = ThemeMerge.hierarchy(sums, sizes, dots, own, settings.kMin(), groups, true);
    int level = ThemeMerge.nearDuplicateLevel(hierarchy, bar);
    if (halves != null) {
      level = stableLevel(hierarchy, level, halves, evalSet, k0, vocabulary.size(), settings);
    }
    ThemeMerge.Result merged = ThemeMerge.withRest(hierarchy, level, sizes, settings.minThemeShare());
    int themes = merged.themes();
    LOG.info("themes: {} clusters ({} iterations or splits) merged into {} themes, rest {} (silhouette {}; "
            + "near-duplicate bar {} (cluster pair cosines: mean {}, sd {}); per level "
            + "themes:silhouette/closest pair/largest {}) ({} ms)",
        clusters, best.iterations(), themes, merged.rest(), String.format("%.4f", merged.silhouette()),
        String.format("%.4f", bar), String.format("%.4f", relative[0]), String.format("%.4f", relative[1]),
        merged.levels().stream()
            .map(l -> (int) l[0] + ":" + String.format("%.4f/%.3f/%d", l[1], l[2], (long) l[3])).toList(),
        System.currentTimeMillis() - t0);
    String lookup = Arrays.stream(merged.mapping()).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(", "));
    List<Transformer> stages = new ArrayList<>(Arrays.asList(features.stages()));
    stages.add(best.model());
    stages.add(new SQLTransformer().setStatement("SELECT *, element_at(array(" + lookup + "), CAST(" + SUBCLUSTER
        + " AS INT) + 1) AS " + CLUSTER + " FROM __THIS__"));
    PipelineModel pipeline = new PipelineModel("themes_" + themes, stages.toArray(Transformer[]::new));
    List<Candidate> candidates = merged.levels().stream().map(l -> new Candidate((int) l[0], l[1])).toList();
    return new Fitted(pipeline, vocabulary, themes, candidates, n, merged.rest());
  }

  /**
   * Two disjoint halves of the fit sample, split by a hash of the content (so a text and its copies fall in one
   * half), for the {@code stability} criterion; with bisecting, each half's text vectors collected (together at most
   * {@code max_fit_rows}, as the whole sample's are).
   */
  record Halves(Dataset<Row> first, Dataset<Row> second, BisectionInput firstBisection,
      BisectionInput secondBisection) {
    static Halves of(Dataset<Row> featurised, List<String> categories, int textSize, int featureSize,
        boolean bisecting, long seed) {
      Column half = pmod(xxhash64(col(CONTENT_KEY), lit(seed + 2)), lit(2));
      Dataset<Row> first = featurised.filter(half.equalTo(0));
      Dataset<Row> second = featurised.filter(half.equalTo(1));
      return new Halves(first, second,
          bisecting ? BisectionInput.of(first, categories, textSize, featureSize) : null,
          bisecting ? BisectionInput.of(second, categories, textSize, featureSize) : null);
    }
  }

  /**
   * The {@code stability} criterion ({@link ThemeStability}): each half of the fit sample is over-clustered into the
   * same {@code k0} clusters and merged on its own; the evaluated items (at most {@link #MAX_SILHOUETTE_ROWS}) are
   * assigned by both halves' models, and at every number of themes from {@code k_min} to the near-duplicate level's
   * the two partitions are compared by the mean best-match Jaccard of their themes (the adjusted Rand index is logged
   * beside it). Returns the level of the full hierarchy with the finest such number whose agreement is at least
   * {@link #STABILITY_TOLERANCE} of the best; the near-duplicate level when the halves could not be compared at that
   * level's number of themes. Never finer than the near-duplicate level: levels above it hold near-duplicates.
   */
  static int stableLevel(ThemeMerge.Hierarchy full, int nearDuplicateLevel, Halves halves, Dataset<Row> evalSet,
      int k0, int dimension, ThemeSettings settings) {
    long t0 = System.currentTimeMillis();
    Overclustered a = overcluster(halves.first(), halves.firstBisection(), k0, settings.seed(), "_half_a");
    Overclustered b = overcluster(halves.second(), halves.secondBisection(), k0, settings.seed(), "_half_b");
    ThemeMerge.Hierarchy ha = halfHierarchy(a, halves.first(), k0, dimension, settings);
    ThemeMerge.Hierarchy hb = halfHierarchy(b, halves.second(), k0, dimension, settings);
    List<Row> assigned = b.model().transform(a.model().transform(evalSet.select(FEATURES)))
        .select(col("_half_a").cast("int"), col("_half_b").cast("int")).collectAsList();
    int[] clustersA = assigned.stream().mapToInt(r -> r.getInt(0)).toArray();
    int[] clustersB = assigned.stream().mapToInt(r -> r.getInt(1)).toArray();
    int finest = (int) full.levels().get(nearDuplicateLevel)[0];
    double[] agreement = ThemeStability.agreement(ha, clustersA, hb, clustersB, settings.kMin(), finest,
        ThemeStability::meanBestJaccard);
    double[] rand = ThemeStability.agreement(ha, clustersA, hb, clustersB, settings.kMin(), finest,
        ThemeStability::adjustedRand);
    // Only a measured level can be judged unstable: where a half has no level of the near-duplicate level's size (on a
    // tiny sample a half can miss a whole category, so its bisection makes fewer leaves), the comparison would be
    // confined to the coarse levels and merge themes that share no word.
    int groups = Double.isNaN(agreement[finest]) ? -1 : ThemeStability.choose(agreement, STABILITY_TOLERANCE);
    int level = groups < 0 ? -1 : ThemeStability.levelWith(full, groups);
    LOG.info("themes: stability of two halves ({} and {} clusters) per number of themes {}..{}, mean best-match "
            + "Jaccard/adjusted Rand: {}; keeps {} themes (near-duplicate bar: {}) ({} ms)",
        a.model().clusterCenters().length, b.model().clusterCenters().length, settings.kMin(), finest,
        java.util.stream.IntStream.rangeClosed(Math.max(1, settings.kMin()), finest)
            .mapToObj(m -> m + ":" + String.format("%.3f/%.3f", agreement[m], rand[m])).toList(),
        level < 0 ? finest : groups, finest, System.currentTimeMillis() - t0);
    return level < 0 ? nearDuplicateLevel : level;
  }

  /**
   * The {@code stability} criterion keeps the finest number of themes whose agreement between the halves is at least
   * this share of the best agreement. Not the best itself: on the airline tweets the most stable level (9 themes) is
   * the one with a catch-all of 65 % of the tweets, which both halves form alike. 0.8 is the largest share that kept
   * every theme under 29 % (the eighth round's catch-all) on the three corpora it was chosen on (zoover, alexa,
   * airline); docs/THEMES.md, tenth round.
   */
  static final double STABILITY_TOLERANCE = 0.8;

  private static ThemeMerge.Hierarchy halfHierarchy(Overclustered fit, Dataset<Row> half, int k0, int dimension,
      ThemeSettings settings) {
    int clusters = Math.max(k0, fit.model().clusterCenters().length);
    double[][] sums = new double[clusters][dimension];
    long[] sizes = new long[clusters];
    clusterSums(fit.model(), half, sums, sizes);
    int[] groups = fit.categoryGroups() == null ? null : Arrays.copyOf(fit.categoryGroups(), clusters);
    // No silhouette is needed for the halves (no dots): only their grouping at each level.
    return ThemeMerge.hierarchy(sums, sizes, new double[0][], new int[0], settings.kMin(), groups, true);
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

  /**
   * Cosine silhouette (squared Euclidean on unit vectors) of the partition the model makes of {@code rows}, scored on
   * the text vectors ({@code _merge_features}): the category feature shapes the clusters but must not decide their
   * number (scored with it, the first peak fell at about one theme per category).
   */
  static double silhouette(Transformer clustering, Dataset<Row> rows, ThemeSettings settings) {
    Dataset<Row> assigned = withIndex(clustering.transform(rows), settings);
    return new ClusteringEvaluator().setFeaturesCol(MERGE_FEATURES).setPredictionCol(THEME_INDEX)
        .setDistanceMeasure("cosine").evaluate(assigned);
  }
}
