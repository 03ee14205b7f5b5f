package io.luister.common.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Set;
import java.util.SortedMap;

/**
 * Tells per text whether it is Dutch ({@code nl}), English ({@code en}), another language ({@code other})
 * or cannot be told ({@code unknown}: no letters, or fewer than three). Mixed Dutch/English text gets its
 * dominant language.
 *
 * <p>Two steps, measured in docs/TEXT.md: a text with at least two stop words that only Dutch (or only
 * English) has, and more than twice as many as of the other language, is decided by that count; every
 * other text goes to Lingua, asked about Dutch, English, German, French and Spanish: in high-accuracy mode for
 * texts of two to five words, in low-accuracy mode for single words and longer texts.
 * The detector and its language models are built once per JVM, on first use, and are thread-safe.
 */
public final class LanguageDetector {
  public static final String DUTCH = "nl";
  public static final String ENGLISH = "en";
  public static final String OTHER = "other";
  public static final String UNKNOWN = "unknown";

  private static final int MIN_LETTERS = 3;
  private static final int MIN_DECISIVE_STOP_WORDS = 2;
  /**
   * Lingua's cost grows with the text; a long agent note's language is clear from its first sentences.
   * Cut at a word boundary.
   */
  private static final int MAX_CHARS_FOR_LINGUA = 300;
  /**
   * Lingua's confidence is relative to the most likely language (1.0). Short Dutch texts often score
   * German or French first ("bedankt", "klantenservice"); only a clear lead makes a text {@code other}.
   */
  private static final double OTHER_LANGUAGE_LEAD = 0.075;

  private static final Set<Language> ASKED_ABOUT =
      Set.of(Language.DUTCH, Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH);

  /**
   * Texts of two to this many words that the stop words do not decide go to {@link #shortTexts}: Lingua's
   * low-accuracy mode uses trigrams only and reads short English as Dutch ("Fast reimbursement"). Single words
   * stay in low-accuracy mode, where long Dutch compounds are read right ("klantenservice"; high accuracy: en).
   */
  static final int SHORT_TEXT_WORDS = 5;

  private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
  /** High-accuracy Lingua (1- to 5-grams), same languages and decision, for short texts; null when off. */
  private final com.github.pemistahl.lingua.api.LanguageDetector shortTexts;
  private final boolean decidesByStopWords;

  private static final class Shared {
    static final LanguageDetector INSTANCE = new LanguageDetector(true, true, true);
  }

  LanguageDetector(boolean lowAccuracy, boolean decidesByStopWords, boolean shortTextsHighAccuracy) {
    LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(ASKED_ABOUT.toArray(new Language[0]))
        // Loaded now, while the holder is initialised, not in the middle of the first Spark task.
        .withPreloadedLanguageModels();
    this.lingua = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
    this.shortTexts = shortTextsHighAccuracy
        ? LanguageDetectorBuilder.fromLanguages(ASKED_ABOUT.toArray(new Language[0])).withPreloadedLanguageModels().build()
        : null;
    this.decidesByStopWords = decidesByStopWords;
  }

  static LanguageDetector shared() {
    return Shared.INSTANCE;
  }

  /** The language of a raw text, which is normalised first. */
  public static String detect(String text) {
    return shared().detect(TextNormalizer.normalizeKeepingAccents(text));
  }

  String detect(TextNormalizer.Normalized normalized) {
    NormalizedText text = normalized.normalized();
    if (countLetters(text.text()) < MIN_LETTERS) {
      return UNKNOWN;
    }
    if (decidesByStopWords) {
      String byStopWords = byStopWords(text);
      if (byStopWords != null) {
        return byStopWords;
      }
    }
    int words = text.words().size();
    if (shortTexts != null && words >= 2 && words <= SHORT_TEXT_WORDS) {
      return byLingua(shortTexts, normalized.withAccents());
    }
    return byLingua(lingua, normalized.withAccents());
  }

  private static String byStopWords(NormalizedText text) {
    int dutch = 0;
    int english = 0;
    for (String word : text.words()) {
      if (StopWords.DUTCH_ONLY.contains(word)) {
        dutch++;
      } else if (StopWords.ENGLISH_ONLY.contains(word)) {
        english++;
      }
    }
    if (dutch >= MIN_DECISIVE_STOP_WORDS && dutch > 2 * english) {
      return DUTCH;
    }
    if (english >= MIN_DECISIVE_STOP_WORDS && english > 2 * dutch) {
      return ENGLISH;
    }
    return null;
  }

  private static String byLingua(com.github.pemistahl.lingua.api.LanguageDetector lingua, String text) {
    SortedMap<Language, Double> confidence = lingua.computeLanguageConfidenceValues(cut(text));
    if (confidence.isEmpty()) {
      return UNKNOWN;
    }
    Language mostLikely = confidence.firstKey();
    if (mostLikely == Language.DUTCH || mostLikely == Language.ENGLISH) {
      return code(mostLikely);
    }
    double dutch = confidence.getOrDefault(Language.DUTCH, 0.0);
    double english = confidence.getOrDefault(Language.ENGLISH, 0.0);
    double best = Math.max(dutch, english);
    if (confidence.get(mostLikely) - best < OTHER_LANGUAGE_LEAD) {
      return dutch >= english ? DUTCH : ENGLISH;
    }
    return OTHER;
  }

  private static String code(Language language) {
    return language == Language.DUTCH ? DUTCH : ENGLISH;
  }

  private static String cut(String text) {
    if (text.length() <= MAX_CHARS_FOR_LINGUA) {
      return text;
    }
    int space = text.lastIndexOf(' ', MAX_CHARS_FOR_LINGUA);
    return text.substring(0, space > 0 ? space : MAX_CHARS_FOR_LINGUA);
  }

  private static int countLetters(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters;
  }
}
