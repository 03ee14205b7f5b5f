package io.luister.jobs.unify;

import io.luister.common.taxonomy.Category;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A taxonomy's include and exclude phrases, compiled for matching an item's words by lookup: each phrase is a
 * word sequence, and an item matches it where the same words stand consecutively in its stemmed tokens, or in
 * its normalised words. An item's consecutive word runs up to the longest phrase's length are looked up in a hash
 * map, so a taxonomy of hundreds of phrases costs an item a few lookups per word instead of a scan of its text
 * per phrase.
 */
final class PhraseRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The outcome for an item: the winning category (null when none has a hit) and its number of hits. */
  record Best(String category, int hits) {}

  private final String[] categoryIds;
  /** Per phrase: the index of its category in {@link #categoryIds}. */
  private final int[] phraseCategory;
  /** Per phrase: whether it vetoes its category rather than counting for it. */
  private final boolean[] phraseExcludes;
  private final WordSequences stemmed = new WordSequences();
  private final WordSequences plain = new WordSequences();

  private PhraseRules(String[] categoryIds, int[] phraseCategory, boolean[] phraseExcludes) {
    this.categoryIds = categoryIds;
    this.phraseCategory = phraseCategory;
    this.phraseExcludes = phraseExcludes;
  }

  /**
   * @param stemmer phrase and its language → stemmed words, the same analysis the items' tokens had
   * @param normalizer phrase → normalised words separated by single spaces
   */
  static PhraseRules compile(List<Category> taxonomy, BiFunction<String, String, List<String>> stemmer,
      Function<String, String> normalizer) {
    List<String> ids = new ArrayList<>();
    List<Integer> categoryOfPhrase = new ArrayList<>();
    List<Boolean> excludes = new ArrayList<>();
    List<List<String>> stemmedWords = new ArrayList<>();
    List<List<String>> plainWords = new ArrayList<>();
    for (Category c : taxonomy) {
      // A category without include phrases never wins by rule, so its exclude phrases do not matter either.
      if (c.include().values().stream().allMatch(List::isEmpty)) {
        continue;
      }
      int category = ids.size();
      ids.add(c.id());
      for (boolean exclude : new boolean[] {false, true}) {
        for (Map.Entry<String, List<String>> byLanguage : (exclude ? c.exclude() : c.include()).entrySet()) {
          for (String phrase : byLanguage.getValue()) {
            List<String> stems = stemmer.apply(phrase, byLanguage.getKey());
            String normalised = normalizer.apply(phrase).trim();
            List<String> words = normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
            if (stems.isEmpty() && words.isEmpty()) {
              continue;
            }
            categoryOfPhrase.add(category);
            excludes.add(exclude);
            stemmedWords.add(stems);
            plainWords.add(words);
          }
        }
      }
    }
    PhraseRules rules = new PhraseRules(ids.toArray(String[]::new),
        categoryOfPhrase.stream().mapToInt(Integer::intValue).toArray(), toArray(excludes));
    for (int phrase = 0; phrase < stemmedWords.size(); phrase++) {
      rules.stemmed.add(stemmedWords.get(phrase), phrase);
      rules.plain.add(plainWords.get(phrase), phrase);
    }
    return rules;
  }

  boolean isEmpty() {
    return categoryIds.length == 0;
  }

  /**
   * The category with most matching include phrases, unless one of its exclude phrases matches too; a phrase
   * counts once however often, and by whichever of the two word lists it matches. Ties go to the category listed
   * first in the taxonomy.
   */
  Best best(List<String> stemmedTokens, List<String> normalisedWords) {
    Set<Integer> matched = new HashSet<>();
    stemmed.collectMatches(stemmedTokens, matched);
    plain.collectMatches(normalisedWords, matched);
    if (matched.isEmpty()) {
      return new Best(null, 0);
    }
    int[] hits = new int[categoryIds.length];
    boolean[] vetoed = new boolean[categoryIds.length];
    for (int phrase : matched) {
      if (phraseExcludes[phrase]) {
        vetoed[phraseCategory[phrase]] = true;
      } else {
        hits[phraseCategory[phrase]]++;
      }
    }
    int best = -1;
    for (int c = 0; c < hits.length; c++) {
      if (!vetoed[c] && hits[c] > 0 && (best < 0 || hits[c] > hits[best])) {
        best = c;
      }
    }
    return best < 0 ? new Best(null, 0) : new Best(categoryIds[best], hits[best]);
  }

  private static boolean[] toArray(List<Boolean> values) {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Phrases as word sequences, looked up by the words of an item that start where a phrase's first word stands. */
  private static final class WordSequences implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, int[]> phrasesByWords = new HashMap<>();
    private final Set<String> firstWords = new HashSet<>();
    private int longest;

    void add(List<String> words, int phrase) {
      if (words.isEmpty()) {
        return;
      }
      phrasesByWords.merge(String.join(" ", words), new int[] {phrase}, (a, b) -> {
        int[] both = Arrays.copyOf(a, a.length + 1);
        both[a.length] = b[0];
        return both;
      });
      firstWords.add(words.get(0));
      longest = Math.max(longest, words.size());
    }

    void collectMatches(List<String> words, Set<Integer> matched) {
      if (words == null) {
        return;
      }
      for (int start = 0; start < words.size(); start++) {
        if (!firstWords.contains(words.get(start))) {
          continue;
        }
        StringBuilder run = new StringBuilder(words.get(start));
        for (int end = start + 1; ; end++) {
          int[] phrases = phrasesByWords.get(run.toString());
          if (phrases != null) {
            for (int phrase : phrases) {
              matched.add(phrase);
            }
          }
          if (end >= words.size() || end - start >= longest) {
            break;
          }
          run.append(' ').append(words.get(end));
        }
      }
    }
  }
}
