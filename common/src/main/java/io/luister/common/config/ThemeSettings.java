package io.luister.common.config;

/**
 * Settings of the themes stage (theme discovery per period, docs/THEMES.md).
 *
 * @param method {@code bisecting} (the default: the fit sample split by category first, then the least coherent
 *     cluster bisected by spherical 2-means until {@code kMax}; docs/THEMES.md, seventh round), {@code kmeans}
 *     (k-means on L2-normalised TF-IDF of unigrams and bigrams, with the category feature) or {@code lda} (online LDA
 *     on term counts)
 * @param k a fixed number of themes, or 0 to choose it automatically within [{@code kMin}, {@code kMax}]
 * @param kMin the smallest number of themes tried when choosing automatically
 * @param kMax the largest number of themes tried when choosing automatically
 * @param maxFitRows the model is fitted on a deterministic sample of at most this many items; every item is scored
 * @param vocabularySize the vocabulary cap (most frequent unigrams and bigrams)
 * @param minDf a term must occur in at least this many fitted items to be in the vocabulary
 * @param minTokens items with fewer stemmed tokens are scored but not used for fitting
 * @param matchSimilarity two themes of different periods are the same theme at or above this cosine similarity of
 *     their distinctive-term weights
 * @param taxonomyCandidateShare a theme whose items are unclassified (or without category) at least this often is
 *     flagged as a taxonomy candidate
 * @param seed the seed of sampling and the model, so reruns give identical themes
 * @param kCriterion how k is chosen: {@code merge} (one k-means with {@code kMax} clusters, merged bottom-up by
 *     centroid linkage, keeping the level of the hierarchy with the highest cosine silhouette, at least {@code kMin}
 *     themes), or from the silhouettes of a grid of k: {@code first_peak} (the first local maximum, trying k upwards
 *     and stopping at the first fall) or {@code max} (the highest over the whole range), or {@code stability}
 *     ({@code merge}, then at most as many themes as that keeps: the finest level at which the same procedure on two
 *     halves of the fit sample partitions the items alike, docs/THEMES.md, tenth round)
 * @param minCategoryInformation a term that tells less than this (nats, the Kullback-Leibler divergence of the
 *     categories of its items from the categories expected from its items' sources) about an item's category is
 *     corpus boilerplate (handling, mood) and left out of the vocabulary; a fraction of H(category | source), 0
 *     keeps every term
 * @param categoryWeight ({@code kmeans} only) the weight of an item's unified category as a feature next to its L2-normalised text
 *     vector (before normalising again), so that items of one category written in different words (other language)
 *     are closer; 0 clusters on the text alone; unclassified items get no category feature. It shapes the
 *     clusters; the {@code merge} criterion scores the number of themes on the text vectors alone
 * @param termWeight how terms are weighted before the L2 norm: {@code idf} (TF-IDF), {@code information} (counts ×
 *     the term's category information beyond chance) or {@code idf_information} (TF-IDF × that information); the
 *     information weightings fall back to IDF when the categories carry no information within the sources
 * @param restarts how many times the {@code merge} criterion's k-means is fitted (seeds {@code seed},
 *     {@code seed + 1}, ...); the fit with the lowest cost is kept. k-means ends in a local optimum that depends on
 *     its start; more restarts cost one fit each
 * @param stopWords extra stop words of the program, per language ({@code nl}, {@code en}) or for every language
 *     ({@code all}): never a theme's feature nor a word of its label (docs/THEMES.md, "Labels")
 * @param names person names (staff, customers) that must never be a theme's feature or label word, besides the
 *     names found in the texts (words capitalised mid-sentence in most of their occurrences)
 * @param duplicateSimilarity the {@code merge} criterion keeps merging while two themes' mean directions have at
 *     least this cosine (near-duplicates), however the silhouette scores it; the floor of the bar relative to the
 *     corpus ({@code duplicateDeviations}); 1 turns this off
 * @param minThemeShare a theme with fewer than this share of the fitted items is folded into one "various" rest
 *     theme; 0 turns this off
 * @param duplicateDeviations when above 0, the near-duplicate bar is relative to the corpus: the mean plus this many
 *     standard deviations of the cosines between every two clusters of the over-clustering, when that is above
 *     {@code duplicateSimilarity} (docs/THEMES.md, ninth round); 0 keeps the fixed bar alone
 */
public record ThemeSettings(String method, int k, int kMin, int kMax, long maxFitRows, int vocabularySize, int minDf,
    int minTokens, double matchSimilarity, double taxonomyCandidateShare, long seed, String kCriterion,
    double minCategoryInformation, double categoryWeight, String termWeight, int restarts,
    java.util.Map<String, java.util.List<String>> stopWords, java.util.List<String> names, double duplicateSimilarity,
    double minThemeShare, double duplicateDeviations) {
  public static final String KMEANS = "kmeans";
  public static final String LDA = "lda";
  public static final String BISECTING = "bisecting";
  public static final String FIRST_PEAK = "first_peak";
  public static final String MAX = "max";
  public static final String MERGE = "merge";
  /** {@code merge}, stopped at the level that two halves of the fit sample partition alike (tenth round). */
  public static final String STABILITY = "stability";
  public static final String IDF = "idf";
  public static final String INFORMATION = "information";
  public static final String IDF_INFORMATION = "idf_information";
  /** The default of {@code duplicateDeviations} (docs/THEMES.md, ninth round). */
  public static final double RELATIVE_DUPLICATE_DEVIATIONS = 2.0;
  public static final ThemeSettings DEFAULTS =
      new ThemeSettings(BISECTING, 0, 8, 40, 200_000, 20_000, 3, 2, 0.5, 0.5, 20_260_923L, MERGE, 0.1, 0.3,
          IDF_INFORMATION, 1, java.util.Map.of(), java.util.List.of(), 0.35, 0.005, RELATIVE_DUPLICATE_DEVIATIONS);

  /** These settings with another number of themes (0 = choose). */
  public ThemeSettings withK(int newK) {
    return new ThemeSettings(method, newK, kMin, kMax, maxFitRows, vocabularySize, minDf, minTokens, matchSimilarity,
        taxonomyCandidateShare, seed, kCriterion, minCategoryInformation, categoryWeight, termWeight, restarts,
        stopWords, names, duplicateSimilarity, minThemeShare, duplicateDeviations);
  }
}
