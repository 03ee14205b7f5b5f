package io.luister.jobs.themes;

import static io.luister.common.taxonomy.Taxonomy.UNCLASSIFIED;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The feature stages of the theme model: stemmed tokens (from silver) → extra stop words → unigrams and bigrams →
 * minus corpus boilerplate ({@link TermInformation#boilerplate}) → capped vocabulary (sorted) → TF-IDF × each term's
 * category information beyond chance → L2 norm (→ optionally joined with the weighted category).
 */
public final class ThemeFeatures {
  static final String WORDS = "_words";
  static final String TERMS = "_terms";
  /** The terms left after dropping corpus boilerplate: what is counted. */
  static final String KEPT = "_kept";
  static final String COUNTS = "_counts";
  static final String FEATURES = "_features";
  /** The L2-normalised text vector, before the category feature is joined to it. */
  static final String TEXT = "_text";
  /** The vectors the number of themes is scored on: the text alone, without the category feature. */
  static final String MERGE_FEATURES = "_merge_features";
  /**
   * The category's weight in {@value #FEATURES} for the bisecting method: above 1, an item of a known category is
   * closer to every centre of its category (cosine ≥ w²/(1+w²) = 0.9) than to any other category's (≤ 1/(1+w²)).
   */
  static final double CATEGORY_SEPARATION = 3.0;

  /**
   * The fitted feature stages, the vocabulary (sorted), the known categories of the fit sample (sorted; empty without
   * a category feature) and the length of {@value #FEATURES}: the text, then (with categories) the one-hot category.
   */
  record Fitted(PipelineModel pipeline, List<String> vocabulary, List<String> categories, int featureSize) {}

  private ThemeFeatures() {}

  /** Fits the feature stages on the fit sample ({@link ThemeFitSample}). */
  static Fitted fit(Dataset<Row> sample, Collection<String> extraStopWords, ThemeSettings settings) {
    Map<String, TermInformation> information = TermInformation.categoryInformation(new Pipeline()
        .setStages(termStages(extraStopWords)).fit(sample).transform(sample), settings);
    List<String> boilerplate = TermInformation.boilerplate(information, settings);
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
    return new Fitted(features, vocabulary, categories, featureSize);
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
}
