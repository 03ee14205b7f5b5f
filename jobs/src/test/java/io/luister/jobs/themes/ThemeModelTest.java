package io.luister.jobs.themes;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ThemeSettings;
import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The boilerplate filter on tiny corpora whose boilerplate and theme words are known, and the k grid. */
class ThemeModelTest {
  static final SparkSession spark = TestSpark.session();
  static final StructType SCHEMA = new StructType().add("source", "string").add("category", "string")
      .add(ThemeFeatures.TERMS, "array<string>");

  /**
   * Contact notes of two categories: every note carries handling words ("klant", "mail") alike in both
   * categories; "meterstand" only in one, "storing" only in the other. Social posts use "storing" too.
   */
  static Dataset<Row> corpus(String categoryA, String categoryB) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(RowFactory.create("contact", categoryA, List.of("klant", "meterstand", i % 2 == 0 ? "mail" : "belt")));
      rows.add(RowFactory.create("contact", categoryB, List.of("klant", "storing", i % 2 == 0 ? "mail" : "belt")));
      rows.add(RowFactory.create("social", i % 4 == 0 ? categoryA : categoryB, List.of("storing", "echt")));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Test
  void handlingWordsSpreadOverCategoriesAreBoilerplateThemeWordsAreNot() {
    List<String> dropped = TermInformation.boilerplate(corpus("meter", "outage"), ThemeSettings.DEFAULTS);
    assertTrue(dropped.containsAll(List.of("klant", "mail", "belt")), dropped.toString());
    assertFalse(dropped.contains("meterstand"), dropped.toString());
    assertFalse(dropped.contains("storing"), dropped.toString());
  }

  @Test
  void nothingIsDroppedWhenCategoriesSayNothingOrTheFilterIsOff() {
    // Everything unclassified (e.g. a one-category taxonomy): the criterion cannot tell boilerplate apart.
    assertEquals(List.of(), TermInformation.boilerplate(corpus(null, null), ThemeSettings.DEFAULTS));
    ThemeSettings d = ThemeSettings.DEFAULTS;
    ThemeSettings off = new ThemeSettings(d.method(), d.k(), d.kMin(), d.kMax(), d.maxFitRows(), d.vocabularySize(),
        d.minDf(), d.minTokens(), d.matchSimilarity(), d.taxonomyCandidateShare(), d.seed(), d.kCriterion(), 0.0,
        d.categoryWeight(), d.termWeight(), d.restarts(), d.stopWords(), d.names(), d.duplicateSimilarity(),
        d.minThemeShare(), d.duplicateDeviations());
    assertEquals(List.of(), TermInformation.boilerplate(corpus("meter", "outage"), off));
  }

  @Test
  void theResultDoesNotDependOnRowOrder() {
    Dataset<Row> c = corpus("meter", "outage");
    assertEquals(TermInformation.boilerplate(c, ThemeSettings.DEFAULTS),
        TermInformation.boilerplate(c.repartition(3).sortWithinPartitions(ThemeFeatures.TERMS), ThemeSettings.DEFAULTS));
  }

  @Test
  void theCategoryFeatureBringsItemsOfOneCategoryCloserAndLeavesUnclassifiedItemsTextOnly() {
    ThemeSettings withCategory = twoThemesOnIdf(ThemeSettings.KMEANS, 0.7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // The same complaint in two languages with no shared word, one category; and an unrelated unclassified text.
      rows.add(RowFactory.create("nl" + i, List.of("jaarafreken", "hoog", "nabetal"), "social", "billing"));
      rows.add(RowFactory.create("en" + i, List.of("annual", "bill", "high"), "social", "billing"));
      rows.add(RowFactory.create("x" + i, List.of("app", "crash", "updat"), "social", null));
    }
    Dataset<Row> items = spark.createDataFrame(rows, new StructType().add("feedback_id", "string")
        .add("tokens", "array<string>").add("source", "string").add("category", "string"));
    ThemeModel.Fitted fitted = ThemeModel.fit(items, List.of(), withCategory);
    java.util.Map<String, org.apache.spark.ml.linalg.Vector> features = new java.util.HashMap<>();
    fitted.pipeline().transform(items).select("feedback_id", ThemeFeatures.FEATURES).collectAsList()
        .forEach(r -> features.put(r.getString(0), (org.apache.spark.ml.linalg.Vector) r.get(1)));
    // Unit vectors: the dot product is the cosine. One category, no shared word: w²/(1+w²), about 1/3 at w = 0.7.
    double sameCategory = dot(features.get("nl0"), features.get("en0"));
    assertTrue(sameCategory > 0.2 && sameCategory < 0.5, String.valueOf(sameCategory));
    assertEquals(0.0, dot(features.get("nl0"), features.get("x0")), 1e-9);
    // Unclassified items carry no category part: same words, same unit vector.
    assertEquals(1.0, dot(features.get("x0"), features.get("x1")), 1e-9);
    assertEquals(18, ThemeModel.score(fitted.pipeline(), items, withCategory)
        .filter(org.apache.spark.sql.functions.col(ThemeModel.THEME_INDEX).isNotNull()).count());
  }

  @Test
  void ldaFitsTopicsOnTheCountsAndScoresEveryItemWithItsMostLikelyTopic() {
    // method: lda is an option without a default use (docs/THEMES.md, second round); this keeps its path working.
    ThemeSettings lda = twoThemesOnIdf(ThemeSettings.LDA, 0.0);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(RowFactory.create("bill" + i, List.of("jaarafreken", "hoog", "nabetal"), "social", null));
      rows.add(RowFactory.create("app" + i, List.of("app", "crash", "updat"), "social", null));
    }
    Dataset<Row> items = spark.createDataFrame(rows, new StructType().add("feedback_id", "string")
        .add("tokens", "array<string>").add("source", "string").add("category", "string"));
    ThemeModel.Fitted fitted = ThemeModel.fit(items, List.of(), lda);
    assertEquals(2, fitted.k());
    org.apache.spark.ml.Transformer[] stages = fitted.pipeline().stages();
    assertTrue(stages[stages.length - 1] instanceof org.apache.spark.ml.clustering.LDAModel);
    List<Row> scored = ThemeModel.score(fitted.pipeline(), items, lda)
        .select(ThemeModel.THEME_INDEX, ThemeModel.THEME_WEIGHT).collectAsList();
    assertEquals(12, scored.size());
    for (Row r : scored) {
      assertTrue(r.getInt(0) == 0 || r.getInt(0) == 1, r.toString());
      assertTrue(r.getDouble(1) >= 0.5 && r.getDouble(1) <= 1.0, r.toString());
    }
  }

  /** Two themes on TF-IDF of the terms in at least two items, no boilerplate filter: for tiny corpora. */
  private static ThemeSettings twoThemesOnIdf(String method, double categoryWeight) {
    ThemeSettings d = ThemeSettings.DEFAULTS;
    return new ThemeSettings(method, 2, d.kMin(), d.kMax(), d.maxFitRows(), d.vocabularySize(), 2, d.minTokens(),
        d.matchSimilarity(), d.taxonomyCandidateShare(), d.seed(), d.kCriterion(), 0.0, categoryWeight,
        ThemeSettings.IDF, 1, d.stopWords(), d.names(), d.duplicateSimilarity(), d.minThemeShare(),
        d.duplicateDeviations());
  }

  static double dot(org.apache.spark.ml.linalg.Vector a, org.apache.spark.ml.linalg.Vector b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.apply(i) * b.apply(i);
    }
    return s;
  }

  @Test
  void kGridIsAscendingWithinTheRange() {
    List<Integer> ks = ThemeCount.candidateKs(ThemeSettings.DEFAULTS, 10_000);
    assertEquals(8, ks.get(0));
    assertEquals(40, ks.get(ks.size() - 1));
    for (int i = 1; i < ks.size(); i++) {
      assertTrue(ks.get(i) > ks.get(i - 1));
    }
    assertEquals(List.of(12), ThemeCount.candidateKs(ThemeSettings.DEFAULTS.withK(12), 10_000));
  }

  @Test
  void informationWeightingWeighsThemeWordsAboveWordsSpreadOverTheCategories() {
    java.util.Map<String, TermInformation> info =
        TermInformation.categoryInformation(corpus("meter", "outage"), ThemeSettings.DEFAULTS);
    for (String filler : List.of("klant", "mail", "belt")) {
      for (String theme : List.of("meterstand", "storing")) {
        assertTrue(info.get(theme).excess() > info.get(filler).excess(), theme + " vs " + filler + ": " + info);
      }
    }
    // Chance information shrinks as a term is seen more often (χ²/2n).
    assertTrue(info.values().stream().allMatch(t -> t.chance() > 0 && t.excess() >= 0), info.toString());
    List<String> vocabulary = List.of("meterstand", "klant", "storing", "nooit");
    org.apache.spark.ml.feature.ElementwiseProduct weighting = (org.apache.spark.ml.feature.ElementwiseProduct)
        ThemeFeatures.weighting(vocabulary, info, ThemeSettings.IDF_INFORMATION);
    double[] w = weighting.getScalingVec().toArray();
    assertTrue(w[0] > w[1] && w[2] > w[1], java.util.Arrays.toString(w));
    // A vocabulary term without information (not among the counted terms) weighs nothing.
    assertEquals(0.0, w[3]);
    assertEquals("_idf", weighting.getInputCol());
    assertEquals(ThemeFeatures.COUNTS, ((org.apache.spark.ml.feature.ElementwiseProduct)
        ThemeFeatures.weighting(vocabulary, info, ThemeSettings.INFORMATION)).getInputCol());
  }

  @Test
  void withoutCategoryInformationTheWeightingIsIdf() {
    java.util.Map<String, TermInformation> none =
        TermInformation.categoryInformation(corpus(null, null), ThemeSettings.DEFAULTS);
    assertTrue(none.isEmpty());
    assertTrue(ThemeFeatures.weighting(List.of("storing"), none, ThemeSettings.IDF_INFORMATION)
        instanceof org.apache.spark.ml.feature.SQLTransformer);
  }

  /** Three complaints written in a few variants each: over-clustering then merging finds them, deterministically. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {ThemeSettings.BISECTING, ThemeSettings.KMEANS})
  void theMergeCriterionFindsPlantedThemesAndAssignsEveryItem(String method) {
    ThemeSettings merge = mergeSettings(method, 0.0);
    Dataset<Row> items = plantedComplaints();
    ThemeModel.Fitted fitted = ThemeModel.fit(items, List.of(), merge);
    assertTrue(fitted.k() >= 2 && fitted.k() <= 6, "k " + fitted.k());
    assertTemplatesTogetherComplaintsApart(fitted, items, merge);
    ThemeModel.Fitted again = ThemeModel.fit(items.repartition(3), List.of(), merge);
    assertEquals(fitted.k(), again.k());
    assertEquals(fitted.candidates(), again.candidates());
  }

  /**
   * The stability criterion stops the same merge hierarchy at a level the two halves of the sample agree on: never
   * finer than the merge criterion's level, the planted complaints still apart, every item assigned, and the same
   * result however the rows are split.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {ThemeSettings.BISECTING, ThemeSettings.KMEANS})
  void theStabilityCriterionKeepsNoMoreThemesThanTheMergeAndTheComplaintsApart(String method) {
    Dataset<Row> items = plantedComplaints();
    ThemeSettings merge = mergeSettings(method, 0.0);
    ThemeSettings d = merge;
    ThemeSettings stability = new ThemeSettings(d.method(), d.k(), d.kMin(), d.kMax(), d.maxFitRows(),
        d.vocabularySize(), d.minDf(), d.minTokens(), d.matchSimilarity(), d.taxonomyCandidateShare(), d.seed(),
        ThemeSettings.STABILITY, d.minCategoryInformation(), d.categoryWeight(), d.termWeight(), d.restarts(),
        d.stopWords(), d.names(), d.duplicateSimilarity(), d.minThemeShare(), d.duplicateDeviations());
    ThemeModel.Fitted merged = ThemeModel.fit(items, List.of(), merge);
    ThemeModel.Fitted stable = ThemeModel.fit(items, List.of(), stability);
    assertTrue(stable.k() >= 2 && stable.k() <= merged.k(), "stability " + stable.k() + ", merge " + merged.k());
    // Complaints that share no word are never joined, even where a half of the sample (split by content: 12 distinct
    // texts) missed a whole complaint and so could only be compared at coarser levels.
    assertTemplatesTogetherComplaintsApart(stable, items, stability);
    assertEquals(stable.k(), ThemeModel.fit(items.repartition(3), List.of(), stability).k());
  }

  /**
   * The features leave out what says nothing about a theme before any word is counted: single letters, bare
   * numbers, redaction tokens (runs of x, "redacted") and the program's stop words; bigrams join what is left.
   */
  @Test
  void singleLettersNumbersRedactionTokensAndStopWordsAreNoFeatures() {
    Dataset<Row> items = spark.createDataFrame(List.of(RowFactory.create("i0",
            List.of("claim", "x", "2021", "xxxx", "redacted", "denied", "josh", "4g"))),
        new StructType().add("feedback_id", "string").add("tokens", "array<string>"));
    Row terms = new org.apache.spark.ml.Pipeline().setStages(ThemeFeatures.termStages(List.of("josh")))
        .fit(items).transform(items).select(ThemeFeatures.TERMS).head();
    // "4g" is kept: a word with a digit is a product name as often as noise; labels, not features, reject it.
    assertEquals(List.of("claim", "denied", "4g", "claim denied", "denied 4g"), terms.getList(0));
  }

  /**
   * The category feature shapes the clusters, but the number of themes is scored on the text alone: on a corpus
   * whose clusters are the same with and without the feature, the merge hierarchy's silhouettes are the same too.
   * Scored on the joined vectors, a strong category feature made the themes of one category look like one (on the
   * samples: 12 themes, one per category, instead of 39).
   */
  @Test
  void theCategoryFeatureDoesNotChangeHowTheNumberOfThemesIsScored() {
    Dataset<Row> items = plantedComplaints();
    ThemeModel.Fitted a = ThemeModel.fit(items, List.of(), mergeSettings(ThemeSettings.KMEANS, 0.0));
    ThemeModel.Fitted b = ThemeModel.fit(items, List.of(), mergeSettings(ThemeSettings.KMEANS, 1.0));
    assertEquals(a.k(), b.k());
    assertEquals(a.candidates().size(), b.candidates().size());
    for (int i = 0; i < a.candidates().size(); i++) {
      assertEquals(a.candidates().get(i).k(), b.candidates().get(i).k());
      assertEquals(a.candidates().get(i).silhouette(), b.candidates().get(i).silhouette(), 1e-9,
          "levels " + a.candidates() + " against " + b.candidates());
    }
  }

  /**
   * The model saved with a run re-scores the period as it was scored: a bisecting model is a k-means model built from
   * the leaves' centres, and Spark's reader rebuilds it with the Euclidean distance; on unit vectors that ranks the
   * centres as the cosine does.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {ThemeSettings.BISECTING, ThemeSettings.KMEANS})
  void aSavedModelScoresEveryItemAsTheFittedOne(String method, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    ThemeSettings settings = mergeSettings(method, 0.3);
    Dataset<Row> items = plantedComplaints();
    ThemeModel.Fitted fitted = ThemeModel.fit(items, List.of(), settings);
    String path = dir.resolve("model").toString();
    fitted.pipeline().write().overwrite().save(path);
    org.apache.spark.ml.PipelineModel loaded = org.apache.spark.ml.PipelineModel.load(path);
    List<Row> before = ThemeModel.score(fitted.pipeline(), items, settings)
        .select("feedback_id", ThemeModel.THEME_INDEX).orderBy("feedback_id").collectAsList();
    List<Row> after = ThemeModel.score(loaded, items, settings)
        .select("feedback_id", ThemeModel.THEME_INDEX).orderBy("feedback_id").collectAsList();
    assertEquals(36, before.size());
    assertEquals(before, after);
  }

  /**
   * Bisecting splits by category first, then by the text: a small category whose words a big one shares keeps a
   * theme of its own, and scoring puts an item of a known category only into a theme of that category.
   */
  @Test
  void bisectingKeepsASmallCategoryApartAndScoresItemsWithinTheirCategory() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(RowFactory.create("p" + i, i % 2 == 0 ? List.of("vast", "contract", "prijs") : List.of("opzeg",
          "bevestig", "wacht"), "social", "contract_prices"));
    }
    for (int i = 0; i < 4; i++) {
      rows.add(RowFactory.create("d" + i, List.of("dynamisch", "contract", "prijs"), "social", "dynamic_contract"));
    }
    StructType schema = new StructType().add("feedback_id", "string").add("tokens", "array<string>")
        .add("source", "string").add("category", "string");
    Dataset<Row> items = spark.createDataFrame(rows, schema);
    ThemeSettings settings = mergeSettings(ThemeSettings.BISECTING, 0.0).withK(3);
    ThemeModel.Fitted fitted = ThemeModel.fit(items, List.of(), settings);
    java.util.Map<String, Integer> theme = new java.util.HashMap<>();
    ThemeModel.score(fitted.pipeline(), items, settings).select("feedback_id", ThemeModel.THEME_INDEX).collectAsList()
        .forEach(r -> theme.put(r.getString(0), r.getInt(1)));
    for (int i = 1; i < 4; i++) {
      assertEquals(theme.get("d0"), theme.get("d" + i), "item d" + i);
    }
    for (int i = 0; i < 40; i++) {
      assertNotEquals(theme.get("d0"), theme.get("p" + i), "item p" + i);
      assertEquals(theme.get("p" + (i % 2)), theme.get("p" + i), "item p" + i);
    }
    assertNotEquals(theme.get("p0"), theme.get("p1"));
    // A new item of the big category worded like the small one still goes to a theme of its own category.
    Dataset<Row> probe = spark.createDataFrame(List.of(RowFactory.create("q", List.of("dynamisch", "contract",
        "prijs"), "social", "contract_prices")), schema);
    int probeTheme = ThemeModel.score(fitted.pipeline(), probe, settings).select(ThemeModel.THEME_INDEX).head()
        .getInt(0);
    assertTrue(probeTheme == theme.get("p0") || probeTheme == theme.get("p1"), "theme " + probeTheme);
  }

  /**
   * Scores {@link #plantedComplaints()} with the fitted model: every item gets a theme, the items of one template
   * share it, and different complaints never do.
   */
  private static void assertTemplatesTogetherComplaintsApart(ThemeModel.Fitted fitted, Dataset<Row> items,
      ThemeSettings settings) {
    java.util.Map<String, Integer> theme = new java.util.HashMap<>();
    ThemeModel.score(fitted.pipeline(), items, settings).select("feedback_id", ThemeModel.THEME_INDEX)
        .collectAsList().forEach(r -> theme.put(r.getString(0), r.isNullAt(1) ? null : r.getInt(1)));
    assertEquals(36, theme.size());
    assertTrue(theme.values().stream().allMatch(java.util.Objects::nonNull), theme.toString());
    for (int i = 0; i < 36; i++) {
      for (int j = 0; j < 36; j++) {
        if (i % 6 == j % 6) {
          assertEquals(theme.get("i" + i), theme.get("i" + j), "items " + i + " and " + j);
        }
        if ((i % 6) / 2 != (j % 6) / 2) {
          assertNotEquals(theme.get("i" + i), theme.get("i" + j), "items " + i + " and " + j);
        }
      }
    }
  }

  /** The merge criterion over 2–6 themes on {@link #plantedComplaints()}, with the given method and category weight. */
  private static ThemeSettings mergeSettings(String method, double categoryWeight) {
    ThemeSettings d = ThemeSettings.DEFAULTS;
    return new ThemeSettings(method, 0, 2, 6, d.maxFitRows(), d.vocabularySize(), 2, d.minTokens(),
        d.matchSimilarity(), d.taxonomyCandidateShare(), d.seed(), ThemeSettings.MERGE, d.minCategoryInformation(),
        categoryWeight, ThemeSettings.IDF_INFORMATION, 1, d.stopWords(), d.names(), d.duplicateSimilarity(),
        d.minThemeShare(), d.duplicateDeviations());
  }

  /** Three complaints (meter, outage, app) in two variants each, 36 items with a filler word. */
  private Dataset<Row> plantedComplaints() {
    List<List<String>> templates = List.of(
        List.of("meterstand", "doorgev", "websit"), List.of("meterstand", "foto", "doorgev"),
        List.of("storing", "stroom", "wijk"), List.of("storing", "stroom", "uur"),
        List.of("app", "crash", "updat"), List.of("app", "updat", "telefoon"));
    List<String> categories = List.of("meter", "meter", "outage", "outage", "app", "app");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 36; i++) {
      int t = i % templates.size();
      List<String> tokens = new ArrayList<>(templates.get(t));
      tokens.add(i % 2 == 0 ? "klant" : "echt");
      rows.add(RowFactory.create("i" + i, tokens, "social", categories.get(t)));
    }
    return spark.createDataFrame(rows, new StructType().add("feedback_id", "string")
        .add("tokens", "array<string>").add("source", "string").add("category", "string"));
  }
}
