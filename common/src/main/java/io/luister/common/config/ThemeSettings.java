package io.luister.common.config;

/**
 * Settings of the themes stage (theme discovery per period, docs/THEMES.md).
 *
 * @param method {@code kmeans} (k-means on L2-normalised TF-IDF of unigrams and bigrams) or {@code lda} (online LDA on
 *     term counts)
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
 */
public record ThemeSettings(String method, int k, int kMin, int kMax, long maxFitRows, int vocabularySize, int minDf,
    int minTokens, double matchSimilarity, double taxonomyCandidateShare, long seed) {
  public static final String KMEANS = "kmeans";
  public static final String LDA = "lda";
  public static final ThemeSettings DEFAULTS =
      new ThemeSettings(KMEANS, 0, 8, 40, 200_000, 20_000, 3, 2, 0.5, 0.5, 20_260_923L);
}
