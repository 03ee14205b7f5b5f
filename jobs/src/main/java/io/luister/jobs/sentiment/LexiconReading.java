package io.luister.jobs.sentiment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One item's lexicon reading: the compound score of its words and how many of them are sentiment words. The rules
 * are {@link LexiconScorer}'s; the arithmetic is done in word order, so the same words give the same score to the
 * last bit.
 *
 * @param score compound score, −1 … 1; 0 without sentiment words
 * @param hits the item's words found in the lexicon, degree adverbs that are sentiment words themselves included
 */
record LexiconReading(double score, int hits) {
  static final LexiconReading NONE = new LexiconReading(0.0, 0);

  static LexiconReading of(List<String> words, SentimentLexicon.Language lexicon) {
    int n = words.size();
    if (n == 0) {
      return NONE;
    }
    // The 1-based position of the contrast word that first occurs last; 0 without one.
    int contrastAt = 0;
    Set<String> contrastsSeen = new HashSet<>(2);
    int[] hitPositions = new int[n];
    double[] hitValues = new double[n];
    boolean[] hitIsBooster = new boolean[n];
    int hits = 0;
    for (int i = 0; i < n; i++) {
      String word = words.get(i);
      if (lexicon.contrasts().contains(word) && contrastsSeen.add(word)) {
        contrastAt = i + 1;
      }
    }
    int lastNegator = -LexiconScorer.NEGATION_SCOPE - 1;
    Map<String, Double> boosters = lexicon.boosters();
    for (int i = 0; i < n; i++) {
      String word = words.get(i);
      Double valence = lexicon.valences().get(word);
      if (valence != null) {
        boolean negated = i - lastNegator <= LexiconScorer.NEGATION_SCOPE;
        double boost = i > 0 ? boosters.getOrDefault(words.get(i - 1), 0.0) : 0.0;
        double contrast = contrastAt == 0 ? 1.0 : i < contrastAt - 1 ? 0.5 : i > contrastAt - 1 ? 1.5 : 0.0;
        hitPositions[hits] = i;
        hitValues[hits] = (valence + Math.signum(valence) * boost) * (negated ? LexiconScorer.NEGATION : 1.0) * contrast;
        hitIsBooster[hits] = boosters.containsKey(word);
        hits++;
      }
      if (lexicon.negators().contains(word) || word.endsWith("n't")) {
        lastNegator = i;
      }
    }
    if (hits == 0) {
      return NONE;
    }
    double sum = 0.0;
    for (int h = 0; h < hits; h++) {
      // A degree adverb that is itself a sentiment word modifies the sentiment word after it instead of counting.
      boolean modifiesNext = hitIsBooster[h] && h + 1 < hits && hitPositions[h + 1] == hitPositions[h] + 1;
      sum = sum + (modifiesNext ? 0.0 : hitValues[h]);
    }
    return new LexiconReading(sum / Math.sqrt(sum * sum + LexiconScorer.ALPHA), hits);
  }
}
