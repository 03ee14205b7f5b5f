package io.luister.common.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Normalise → detect the language → drop stop words → stem: what every text step (category rules, the
 * classifier, themes, sentiment) builds on.
 *
 * <p>Stop words are the language's Snowball list (both lists for {@code other} and {@code unknown}) plus
 * the caller's extra words, typically brand and competitor names. Stems come from the language's Snowball
 * stemmer; {@code other} and {@code unknown} text is not stemmed. Single letters left over ("e-mail" →
 * "e", "mail") are dropped too.
 *
 * <p>Thread-safe and cheap to make: the language detector and the stemmers live once per JVM (per thread
 * for the stemmers), so an analyzer only carries its extra stop words and names, and serialises into a
 * Spark task as just those.
 */
public final class TextAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Set<String> extraStopWords;
  /** Multi-word names by their first word: "groene stroom" goes, "stroom" alone stays. */
  private final Map<String, List<List<String>>> extraStopPhrases;
  private final transient LanguageDetector detector;

  /**
   * Short texts repeat: site-search terms, page names, one-word survey answers, retweets. Their analysis is a
   * pure function of the text, and language detection is its costly part, so a repeat is looked up instead.
   * One cache per analyzer instance, which in Spark is one per task (the analyzer is deserialised with it);
   * bounded by emptying it when full, so a stream of unique texts costs a lookup each and nothing more.
   */
  static final int CACHED_TEXT_MAX_CHARS = 280;
  static final int CACHED_TEXTS = 5_000;
  private transient volatile Map<String, AnalyzedText> recentTexts;

  /**
   * @param extraStopWords words and names to drop on top of the language's stop words, written as people
   *     write them ("Zonnewijs", "Groene Stroom"); a name of several words is dropped only where those
   *     words appear together
   */
  public TextAnalyzer(Collection<String> extraStopWords) {
    this(extraStopWords, null);
  }

  /** With a detector of another mode, for measurements. */
  TextAnalyzer(Collection<String> extraStopWords, LanguageDetector detector) {
    Set<String> words = new HashSet<>();
    Map<String, List<List<String>>> phrases = new HashMap<>();
    for (String entry : extraStopWords) {
      List<String> normalized = TextNormalizer.normalize(entry).words();
      if (normalized.size() == 1) {
        words.add(normalized.get(0));
      } else if (normalized.size() > 1) {
        phrases.computeIfAbsent(normalized.get(0), first -> new ArrayList<>()).add(normalized);
      }
    }
    this.extraStopWords = Set.copyOf(words);
    phrases.replaceAll((first, list) -> List.copyOf(list));
    this.extraStopPhrases = Map.copyOf(phrases);
    this.detector = detector;
  }

  public AnalyzedText analyze(String text) {
    if (text == null || text.length() > CACHED_TEXT_MAX_CHARS) {
      return analyzeUncached(text);
    }
    Map<String, AnalyzedText> cache = recentTexts();
    AnalyzedText analysed = cache.get(text);
    if (analysed == null) {
      analysed = analyzeUncached(text);
      if (cache.size() >= CACHED_TEXTS) {
        cache.clear();
      }
      cache.put(text, analysed);
    }
    return analysed;
  }

  private Map<String, AnalyzedText> recentTexts() {
    Map<String, AnalyzedText> cache = recentTexts;
    if (cache == null) {
      cache = new ConcurrentHashMap<>();
      recentTexts = cache;
    }
    return cache;
  }

  private AnalyzedText analyzeUncached(String text) {
    TextNormalizer.Normalized both = TextNormalizer.normalizeKeepingAccents(text);
    NormalizedText normalized = both.normalized();
    if (normalized.isEmpty() && normalized.emoji().isEmpty()) {
      return AnalyzedText.EMPTY;
    }
    String language = detector().detect(both);
    return new AnalyzedText(
        language, normalized.text(), tokens(normalized.words(), language), normalized.emoji());
  }

  /**
   * The tokens a phrase becomes in text of {@code language}, for matching phrases written in config
   * ("jaarafrekening", "annual statement") against analysed text. Any language other than {@code nl} or
   * {@code en} is treated as {@code other}: both stop lists, no stemming.
   */
  public List<String> stem(String phrase, String language) {
    return tokens(TextNormalizer.normalize(phrase).words(), language == null ? LanguageDetector.UNKNOWN : language);
  }

  /**
   * The negations the tokens keep although Snowball lists them as stop words ("niet", "geen", "not", "never"):
   * sentiment and the category rules need them; theme labels leave them out.
   */
  public static Set<String> keptNegations() {
    return StopWords.NEGATIONS;
  }

  private List<String> tokens(List<String> words, String language) {
    Set<String> stopWords = StopWords.forLanguage(language);
    List<String> kept = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      int phraseLength = extraStopPhrases.isEmpty() ? 0 : stopPhraseLengthAt(words, i);
      if (phraseLength > 0) {
        i += phraseLength - 1;
      } else if (!stopWords.contains(word) && !extraStopWords.contains(word) && !isSingleLetter(word)) {
        kept.add(word);
      }
    }
    return Stemmers.stem(kept, language);
  }

  private int stopPhraseLengthAt(List<String> words, int start) {
    for (List<String> phrase : extraStopPhrases.getOrDefault(words.get(start), List.of())) {
      if (start + phrase.size() <= words.size() && words.subList(start, start + phrase.size()).equals(phrase)) {
        return phrase.size();
      }
    }
    return 0;
  }

  private static boolean isSingleLetter(String word) {
    return word.length() == 1 && Character.isLetter(word.charAt(0));
  }

  private LanguageDetector detector() {
    return detector != null ? detector : LanguageDetector.shared();
  }
}
