package io.luister.jobs.themes;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Theme discovery as one ML Pipeline: stemmed tokens (from silver) → extra stop words → unigrams and bigrams →
 * minus corpus boilerplate → capped vocabulary (sorted) → TF-IDF × each term's category information beyond chance →
 * L2 norm (→ optionally joined with the weighted category) → k-means (or online LDA on the counts). The number of
 * themes comes from merging an over-clustered k-means bottom-up and keeping the level with the best cosine silhouette
 * ({@link ThemeMerge}), or from the first local maximum (or the maximum) of the silhouette over a grid of k. Fitting
 * uses a deterministic sample; {@link #score} assigns every item with the fitted pipeline.
 */
public final class ThemeModel {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeModel.class);
  static final String WORDS = "_words";
  static final String TERMS = "_terms";
  /** A hash of an item's text and tokens: samples and orders the fit sample by content (see {@link #fitSample}). */
  static final String CONTENT_KEY = "_content_key";
  /** The terms left after dropping corpus boilerplate: what is counted. */
  static final String KEPT = "_kept";
  static final String UNCLASSIFIED = io.luister.common.taxonomy.Taxonomy.UNCLASSIFIED;
  static final String COUNTS = "_counts";
  static final String FEATURES = "_features";
  /** The L2-normalised text vector, before the category feature is joined to it. */
  static final String TEXT = "_text";
  /** The vectors the number of themes is scored on: the text alone, without the category feature. */
  static final String MERGE_FEATURES = "_merge_features";
  static final String CLUSTER = "_cluster";
  /** The over-clustered k-means cluster, before merging ({@link ThemeMerge}). */
  static final String SUBCLUSTER = "_subcluster";
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
  /**
   * The category's weight in {@value #FEATURES} for the bisecting method: above 1, an item of a known category is
   * closer to every centre of its category (cosine ≥ w²/(1+w²) = 0.9) than to any other category's (≤ 1/(1+w²)).
   */
  static final double CATEGORY_SEPARATION = 3.0;
  /** At most this many candidate values of k are tried: each costs one fit and one silhouette. */
  static final int MAX_CANDIDATES = 9;
  /** The silhouette is computed on at most this many fitted items (a deterministic subset). */
  static final long MAX_SILHOUETTE_ROWS = 20_000;

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

  /** The items a model may be fitted on: at least {@code min_tokens} tokens (ThemeStage counts them first). */
  static Dataset<Row> eligible(Dataset<Row> items, ThemeSettings settings) {
    return items.filter(size(col("tokens")).geq(settings.minTokens()));
  }

  /** Items used for fitting: {@link #eligible}, and a deterministic sample (hash of id and seed) of at most maxFitRows. */
  static Dataset<Row> fitSample(Dataset<Row> items, ThemeSettings settings) {
    // Sampled and ordered by the text, not the id: ids carry the source's name, so renaming or adding a source would
    // otherwise change the sample, the order bisection meets the items in, and so the themes of the same texts.
    Column text = Arrays.asList(items.columns()).contains("text") ? coalesce(col("text"), lit("")) : lit("");
    Dataset<Row> eligible = eligible(items, settings)
        .select(col("feedback_id"), col("tokens"), col("source"), coalesce(col("category"), lit(UNCLASSIFIED)).as("category"),
            xxhash64(text, concat_ws(" ", col("tokens"))).as(CONTENT_KEY), text.as("_content"));
    long n = eligible.count();
    if (n < 2) {
      // ThemeStage does not fit below ThemeStage.MIN_ITEMS; this guards discover called on its own. A data condition.
      throw new io.luister.jobs.LuisterDataException("too few items of customer free text with at least " + settings.minTokens()
          + " tokens to find themes in (" + n + "); is the period right, and does silver.feedback have it?");
    }
    if (n > settings.maxFitRows()) {
      long permille = Math.max(1, (long) Math.floor(1_000_000.0 * settings.maxFitRows() / n));
      eligible = eligible.filter(pmod(xxhash64(col(CONTENT_KEY), lit(settings.seed())), lit(1_000_000L)).lt(permille));
    }
    return eligible.repartition(FIT_PARTITIONS, col(CONTENT_KEY)).sortWithinPartitions(CONTENT_KEY, "_content", "feedback_id")
        .drop("_content");
  }

  /** The term stages: stemmed tokens → unigrams and bigrams ({@value #TERMS}). */
  static PipelineStage[] termStages(Collection<String> extraStopWords) {
    return new PipelineStage[] {
        // Single letters and bare numbers (amounts, dates, versions) say nothing about a theme.
        // Redaction tokens (runs of x: "xxxx", "XX/XX/XXXX"; "[REDACTED]") mean nothing to a reader (ThemeLabels).
        new SQLTransformer().setStatement("SELECT *, filter(tokens, t -> length(t) > 1 AND NOT t RLIKE '^[0-9]+$' "
            + "AND NOT t RLIKE '^(" + ThemeLabels.REDACTION.pattern() + ")$') AS _tokens FROM __THIS__"),
        new StopWordsRemover().setInputCol("_tokens").setOutputCol(WORDS)
            .setStopWords(extraStopWords.toArray(String[]::new)).setCaseSensitive(false),
        new NGram().setN(2).setInputCol(WORDS).setOutputCol("_bigrams"),
        new SQLTransformer().setStatement("SELECT *, concat(" + WORDS + ", _bigrams) AS " + TERMS + " FROM __THIS__")
    };
  }

  /** The counting stages: terms minus the {@code boilerplate} terms → capped vocabulary → counts. */
  static PipelineStage[] counting(Collection<String> extraStopWords, Collection<String> boilerplate,
      ThemeSettings settings) {
    List<PipelineStage> stages = new ArrayList<>(Arrays.asList(termStages(extraStopWords)));
    stages.add(new StopWordsRemover().setInputCol(TERMS).setOutputCol(KEPT)
        .setStopWords(boilerplate.toArray(String[]::new)).setCaseSensitive(true));
    stages.add(new CountVectorizer().setInputCol(KEPT).setOutputCol(COUNTS).setVocabSize(settings.vocabularySize())
        .setMinDF(settings.minDf()));
    return stages.toArray(PipelineStage[]::new);
  }

  /**
   * The term weighting ({@code _tfidf}): IDF alone, or the counts (or TF-IDF) scaled per term by its category
   * information beyond chance ({@link TermInformation#excess}), so that words that occur alike in every category
   * (filler, handling, mood) weigh little and words that concentrate in some categories weigh much. Without
   * information (categories say nothing) it is IDF.
   */
  static Transformer weighting(List<String> vocabulary, Map<String, TermInformation> information, String mode) {
    if (mode.equals(ThemeSettings.IDF) || information.isEmpty()) {
      return new SQLTransformer().setStatement("SELECT *, _idf AS _tfidf FROM __THIS__");
    }
    double[] w = new double[vocabulary.size()];
    for (int i = 0; i < w.length; i++) {
      TermInformation t = information.get(vocabulary.get(i));
      w[i] = t == null ? 0 : t.excess();
    }
    return new ElementwiseProduct().setScalingVec(Vectors.dense(w))
        .setInputCol(mode.equals(ThemeSettings.INFORMATION) ? COUNTS : "_idf").setOutputCol("_tfidf");
  }

  /**
   * The weight of the category next to the unit text vector in {@value #FEATURES}: the setting for k-means; for
   * bisecting, {@link #CATEGORY_SEPARATION}, which makes the category decide before the text does.
   */
  static double categoryWeight(ThemeSettings settings) {
    return settings.method().equals(ThemeSettings.BISECTING) ? CATEGORY_SEPARATION : settings.categoryWeight();
  }

  /** The stages after the term weighting: L2 norm, or the weighted category joined to the normalised text. */
  static PipelineStage[] featurisation(List<String> categories, double categoryWeight) {
    List<PipelineStage> stages = new ArrayList<>();
    if (categories.isEmpty() || categoryWeight <= 0) {
      stages.add(new Normalizer().setInputCol("_tfidf").setOutputCol(FEATURES).setP(2.0));
      return stages.toArray(PipelineStage[]::new);
    }
    // [unit text vector, w × one-hot category] normalised again: two items of one category sharing no term have
    // cosine w²/(1+w²) (1/3 at w = 0.7, about what two short texts sharing one of three terms have). Unclassified
    // (or unseen) categories are the dropped last level of the one-hot, so they get no category feature.
    stages.add(new Normalizer().setInputCol("_tfidf").setOutputCol(TEXT).setP(2.0));
    stages.add(new SQLTransformer().setStatement("SELECT *, CASE WHEN category = '" + UNCLASSIFIED
        + "' THEN NULL ELSE category END AS _category FROM __THIS__"));
    stages.add(new StringIndexerModel(categories.toArray(String[]::new)).setInputCol("_category")
        .setOutputCol("_category_index").setHandleInvalid("keep"));
    stages.add(new OneHotEncoder().setInputCol("_category_index").setOutputCol("_category_onehot")
        .setDropLast(false).setHandleInvalid("keep"));
    return stages.toArray(PipelineStage[]::new);
  }

  /**
   * The stages after the one-hot category: weight the known categories, zero the unclassified/unseen bucket (index
   * {@code known}), join with the text vector and normalise.
   */
  static List<Transformer> categoryStages(int onehotSize, int known, double weight) {
    double[] w = new double[onehotSize];
    Arrays.fill(w, 0, Math.min(known, onehotSize), weight);
    return List.of(
        new ElementwiseProduct().setScalingVec(Vectors.dense(w)).setInputCol("_category_onehot")
            .setOutputCol("_category_vector"),
        new VectorAssembler().setInputCols(new String[] {TEXT, "_category_vector"}).setOutputCol("_joined"),
        new Normalizer().setInputCol("_joined").setOutputCol(FEATURES).setP(2.0));
  }

  /**
   * Corpus boilerplate: terms that say little about an item's category beyond what its source already says.
   * Handling and mood phrases of contact notes ("klant ontevreden", "mail gestuurd") occur alike in every category
   * of their source; theme words concentrate in the categories their theme belongs to. For every term among the
   * {@code vocabularySize} most frequent (document frequency at least {@code minDf}) this computes the
   * Kullback-Leibler divergence (nats) of the (source, category) distribution of its items from the one expected
   * if the term were independent of the category given the source, and returns the terms whose divergence is below
   * {@code minCategoryInformation} × H(category | source). Nothing is returned when the categories carry no
   * information (one category per source, e.g. everything unclassified) or the setting is 0.
   *
   * @param terms rows with {@code source}, {@code category} (unclassified as a category of its own) and {@value #TERMS}
   */
  static List<String> boilerplate(Dataset<Row> terms, ThemeSettings settings) {
    return boilerplate(categoryInformation(terms, settings), settings);
  }

  /** The terms whose category information is below the boilerplate bar (sorted); none when the filter is off. */
  static List<String> boilerplate(Map<String, TermInformation> information, ThemeSettings settings) {
    if (settings.minCategoryInformation() <= 0 || information.isEmpty()) {
      return List.of();
    }
    double threshold = settings.minCategoryInformation() * information.values().iterator().next().conditionalEntropy();
    List<String> out = information.entrySet().stream().filter(e -> e.getValue().information() < threshold)
        .map(Map.Entry::getKey).sorted().toList();
    LOG.info("themes: {} boilerplate terms (category information < {} nats = {} x H(category|source)): {}",
        out.size(), String.format("%.3f", threshold), settings.minCategoryInformation(),
        out.stream().limit(40).toList());
    return out;
  }

  /**
   * What a term tells about an item's category beyond its source: the Kullback-Leibler divergence (nats) of the
   * (source, category) distribution of its items from the one expected if it were independent of the category given
   * the source; {@code chance} is that divergence's expectation under independence (Σ over the term's sources of
   * (categories in the source − 1) / (2 × document frequency): the G-test's χ² degrees of freedom / 2n), which is
   * what a rare term scores by chance.
   */
  record TermInformation(double information, double chance, double conditionalEntropy) {
    /** The information beyond chance, never negative. */
    double excess() {
      return Math.max(0, information - chance);
    }
  }

  private static double round(double x) {
    return Math.round(x * 1e9) / 1e9;
  }

  /**
   * {@link TermInformation} for every term among the {@code vocabularySize} most frequent (document frequency at
   * least {@code minDf}); empty when the categories carry no information within the sources (one category per
   * source, e.g. everything unclassified).
   *
   * @param terms rows with {@code source}, {@code category} (unclassified as a category of its own) and {@value #TERMS}
   */
  static Map<String, TermInformation> categoryInformation(Dataset<Row> terms, ThemeSettings settings) {
    Dataset<Row> docs = terms.select(col("source"), coalesce(col("category"), lit(UNCLASSIFIED)).as("category"),
        array_distinct(col(TERMS)).as("_t"));
    List<Row> cells = docs.groupBy("source", "category").count().collectAsList();
    Map<String, Long> perSource = new HashMap<>();
    Map<String, Integer> categoriesPerSource = new HashMap<>();
    cells.forEach(r -> {
      perSource.merge(r.getString(0), r.getLong(2), Long::sum);
      categoriesPerSource.merge(r.getString(0), 1, Integer::sum);
    });
    long total = perSource.values().stream().mapToLong(Long::longValue).sum();
    double conditionalEntropy = 0;
    for (Row r : cells) {
      double pCell = r.getLong(2) / (double) total;
      double pCategoryGivenSource = r.getLong(2) / (double) perSource.get(r.getString(0));
      conditionalEntropy -= pCell * Math.log(pCategoryGivenSource);
    }
    if (conditionalEntropy < 1e-9) {
      LOG.info("themes: categories carry no information within the sources; no boilerplate filter or term weighting");
      return Map.of();
    }
    List<Row> cellRows = new ArrayList<>();
    cells.forEach(r -> cellRows.add(RowFactory.create(r.getString(0), r.getString(1),
        r.getLong(2) / (double) perSource.get(r.getString(0)))));
    Dataset<Row> cellShare = terms.sparkSession().createDataFrame(cellRows,
        new StructType().add("_cs", "string").add("_cc", "string").add("_share", "double"));
    List<Row> sourceRows = new ArrayList<>();
    categoriesPerSource.forEach((source, n) -> sourceRows.add(RowFactory.create(source, n - 1)));
    Dataset<Row> freedom = terms.sparkSession().createDataFrame(sourceRows,
        new StructType().add("_fs", "string").add("_dof", "int"));
    Dataset<Row> observed = docs.select(col("source"), col("category"), explode(col("_t")).as("term"))
        .groupBy("term", "source", "category").agg(count(lit(1)).as("_o"));
    Dataset<Row> frequent = observed.groupBy("term").agg(sum("_o").as("_df"))
        .filter(col("_df").geq(settings.minDf()))
        .orderBy(col("_df").desc(), col("term")).limit(settings.vocabularySize());
    Dataset<Row> bySource = observed.groupBy(col("term").as("_bt"), col("source").as("_bs")).agg(sum("_o").as("_dfs"));
    Dataset<Row> dof = bySource.join(broadcast(freedom), col("_bs").equalTo(col("_fs")))
        .groupBy(col("_bt").as("_dt")).agg(sum("_dof").as("_dof"));
    Map<String, TermInformation> out = new HashMap<>();
    final double h = conditionalEntropy;
    observed.join(frequent, "term")
        .join(bySource, col("term").equalTo(col("_bt")).and(col("source").equalTo(col("_bs"))))
        .join(broadcast(cellShare), col("source").equalTo(col("_cs")).and(col("category").equalTo(col("_cc"))))
        // o/df × ln(o / e), e = df(term, source) × share of the category in the source
        .withColumn("_kl", col("_o").divide(col("_df"))
            .multiply(log(col("_o").divide(col("_dfs").multiply(col("_share"))))))
        .groupBy("term", "_df").agg(sum("_kl").as("_info"))
        .join(dof, col("term").equalTo(col("_dt")))
        .select(col("term"), col("_info"), col("_dof").divide(col("_df").multiply(2.0)).as("_chance"))
        .collectAsList()
        // Rounded: the sums above run in shuffle order, and their last bits must not reach the features (a flipped
        // k-means assignment would change the themes of a rerun).
        .forEach(r -> out.put(r.getString(0), new TermInformation(round(r.getDouble(1)), round(r.getDouble(2)), h)));
    return out;
  }

  /** Fits featurisation and the clustering on a sample of {@code items} (feedback_id, tokens). */
  public static Fitted fit(Dataset<Row> items, Collection<String> extraStopWords, ThemeSettings settings) {
    Dataset<Row> sample = fitSample(items, settings).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, TermInformation> information = categoryInformation(new Pipeline()
          .setStages(termStages(extraStopWords)).fit(sample).transform(sample), settings);
      List<String> boilerplate = boilerplate(information, settings);
      // The categories of the sample, sorted (one-hot positions independent of the data's order), unclassified out.
      double categoryWeight = categoryWeight(settings);
      List<String> categories = categoryWeight <= 0 ? List.of()
          : sample.select("category").distinct().filter(col("category").notEqual(UNCLASSIFIED)).orderBy("category")
              .as(Encoders.STRING()).collectAsList();
      PipelineModel counting = new Pipeline().setStages(counting(extraStopWords, boilerplate, settings)).fit(sample);
      // CountVectorizer orders terms of equal frequency as the data happens to arrive (the order of the files read);
      // the vector dimensions follow that order, and so do k-means' floating-point sums. Sorted, the same input
      // gives the same vectors however it was split.
      List<Transformer> countStages = new ArrayList<>(Arrays.asList(counting.stages()));
      int cv = countStages.size() - 1;
      String[] sortedVocabulary = ((CountVectorizerModel) countStages.get(cv)).vocabulary().clone();
      Arrays.sort(sortedVocabulary);
      countStages.set(cv, new CountVectorizerModel(sortedVocabulary).setInputCol(KEPT).setOutputCol(COUNTS));
      PipelineModel sortedCounting = new PipelineModel("themes_counting", countStages.toArray(Transformer[]::new));
      countStages.add(new IDF().setInputCol(COUNTS).setOutputCol("_idf").fit(sortedCounting.transform(sample)));
      PipelineModel counted = new PipelineModel("themes_counted", countStages.toArray(Transformer[]::new));
      List<String> vocabulary = List.of(sortedVocabulary);
      String mode = settings.termWeight();
      List<Transformer> head = new ArrayList<>(Arrays.asList(counted.stages()));
      head.add(weighting(vocabulary, information, mode));
      PipelineModel weighted = new PipelineModel("themes_weighting", head.toArray(Transformer[]::new));
      PipelineModel tail = new Pipeline().setStages(featurisation(categories, categoryWeight)).fit(weighted.transform(sample));
      List<Transformer> joined = new ArrayList<>(head);
      joined.addAll(Arrays.asList(tail.stages()));
      PipelineModel fittedStages = new PipelineModel("themes_features", joined.toArray(Transformer[]::new));
      PipelineModel features = fittedStages;
      // The length of FEATURES: the text, then (with categories) the one-hot category.
      int featureSize = vocabulary.size();
      if (!categories.isEmpty()) {
        int size = ((org.apache.spark.ml.linalg.Vector) fittedStages.transform(sample.limit(1))
            .select("_category_onehot").head().get(0)).size();
        featureSize += size;
        List<Transformer> all = new ArrayList<>(Arrays.asList(fittedStages.stages()));
        all.addAll(categoryStages(size, categories.size(), categoryWeight));
        features = new PipelineModel("themes_features", all.toArray(Transformer[]::new));
      }
      registerNonzeros(items);
      Dataset<Row> featurised = features.transform(sample)
          .filter(call_udf(NONZEROS_UDF, col(FEATURES)).gt(0))
          .select(col("feedback_id"), col(CONTENT_KEY), col("category"), col(KEPT), col(COUNTS), col(FEATURES),
              col(categories.isEmpty() ? FEATURES : TEXT).as(MERGE_FEATURES))
          .persist(StorageLevel.MEMORY_AND_DISK());
      long n = featurised.count();
      if (n < 2) {
        throw new io.luister.jobs.LuisterDataException("too few items with known terms to find themes (" + n
            + "): the texts share almost no words; themes cannot be measured on them");
      }
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
        Fitted merged = overclusterAndMerge(features, featurised, evalSet, vocabulary, bisection, halves, n, settings);
        featurised.unpersist();
        return merged;
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
      featurised.unpersist();
      List<Transformer> stages = new ArrayList<>(Arrays.asList(features.stages()));
      stages.add(best);
      PipelineModel pipeline = new PipelineModel("themes_" + bestK, stages.toArray(Transformer[]::new));
      return new Fitted(pipeline, vocabulary, bestK, candidates, n);
    } finally {
      sample.unpersist();
    }
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
   * Per cluster of {@code model}, the sum of its members' text vectors ({@value #MERGE_FEATURES}) into {@code sums}
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

  /**
   * An over-clustering fit: the model (predicting {@value #SUBCLUSTER}), its cost and iterations, and for bisecting
   * each cluster's category group (null for k-means), which the merge must not join again.
   */
  record Overclustered(KMeansModel model, double cost, int iterations, int[] categoryGroups) {}

  private static Overclustered kmeansOverclustered(KMeansModel m) {
    return new Overclustered(m, m.summary().trainingCost(), m.summary().numIter(), null);
  }

  /**
   * What {@link ThemeBisection} works on: the fit sample's text vectors ({@value #MERGE_FEATURES}, collected: at most
   * {@code max_fit_rows}) with their category group (the category's index, unclassified after the known ones), and
   * the lengths of the text and of {@value #FEATURES}.
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
   * {@link ThemeBisection} on the fit sample's text vectors, as a k-means
   * model whose centres are the leaves' mean directions joined with their category at {@link #CATEGORY_SEPARATION}:
   * on {@value #FEATURES} (the text joined with the category at that weight) the nearest centre of an item of a known
   * category is always one of its category's leaves, the nearest by text among them; an unclassified item goes to the
   * nearest leaf by text, a classified leaf counting {@code 1/√(1+w²)} of its similarity. Iterations = splits.
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
    return kmeans(k, settings.seed()).setPredictionCol(CLUSTER);
  }

  /**
   * Cosine (spherical) k-means on {@value #FEATURES}: with Euclidean distance a centroid averaging many unlike texts
   * has a small norm and pulls in everything weakly related, which gives one giant catch-all cluster on short texts.
   */
  static KMeans kmeans(int k, long seed) {
    return new KMeans().setK(k).setSeed(seed).setMaxIter(30).setDistanceMeasure("cosine").setFeaturesCol(FEATURES);
  }

  /**
   * Cosine silhouette (squared Euclidean on unit vectors) of the partition the model makes of {@code rows}, scored on
   * the text vectors ({@value #MERGE_FEATURES}): the category feature shapes the clusters but must not decide their
   * number (scored with it, the first peak fell at about one theme per category).
   */
  static double silhouette(Transformer clustering, Dataset<Row> rows, ThemeSettings settings) {
    Dataset<Row> assigned = withIndex(clustering.transform(rows), settings);
    return new ClusteringEvaluator().setFeaturesCol(MERGE_FEATURES).setPredictionCol(THEME_INDEX)
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
    // An item whose feature vector is all zero (no known term, or only terms weighted 0) is left without a theme:
    // cosine k-means cannot place it. The clustering stages run on the other items only.
    Transformer[] stages = pipeline.stages();
    int cut = 0;
    while (cut < stages.length && !(stages[cut] instanceof KMeansModel)
        && !(stages[cut] instanceof org.apache.spark.ml.clustering.LDAModel)) {
      cut++;
    }
    Dataset<Row> featurised = new PipelineModel("themes_features", Arrays.copyOfRange(stages, 0, cut))
        .transform(items).withColumn("_known", call_udf(NONZEROS_UDF, col(FEATURES)).gt(0));
    Dataset<Row> clustered = withIndex(new PipelineModel("themes_clustering",
        Arrays.copyOfRange(stages, cut, stages.length)).transform(featurised.filter(col("_known"))), settings);
    Dataset<Row> unknown = featurised.filter(not(col("_known")))
        .withColumn(THEME_INDEX, lit(null).cast("int")).withColumn(THEME_WEIGHT, lit(null).cast("double"));
    return clustered.withColumn(THEME_WEIGHT, col(THEME_WEIGHT).cast("double"))
        .unionByName(unknown, true).drop("_known")
        .drop("_tokens", WORDS, "_bigrams", KEPT, COUNTS, "_idf", "_tfidf", TEXT, "_category", "_category_index",
            "_category_onehot", "_category_vector", "_joined", FEATURES, SUBCLUSTER, CLUSTER, TOPICS);
  }

  // No built-in counts a vector's non-zeros; an all-zero vector (no known term) must not be clustered or
  // assigned, since k-means would put it in whichever centroid is smallest. One tiny UDF, as in CategoryModel.
  private static void registerNonzeros(Dataset<Row> any) {
    any.sparkSession().udf().register(NONZEROS_UDF,
        (org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Integer>) v -> v.numNonzeros(),
        org.apache.spark.sql.types.DataTypes.IntegerType);
  }
}
