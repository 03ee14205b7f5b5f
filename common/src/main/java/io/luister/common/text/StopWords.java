package io.luister.common.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * Snowball's stop lists as Lucene ships them, normalised like the text they are matched against
 * ("don't" → "dont", "één" → "een"), with two deliberate changes explained in docs/TEXT.md: negations are
 * kept as words, and the Dutch list gets the function words it lacks.
 */
final class StopWords {

  /**
   * Snowball's Dutch list has 101 words (Spark ships the same list) and misses pronouns and adverbs that
   * are everywhere in Dutch feedback. Only function words: intensifiers and judgements (erg, heel, echt,
   * slecht) stay, because sentiment and themes need them.
   */
  private static final List<String> DUTCH_MISSING = List.of(
      "wij", "we", "jij", "jullie", "hen", "onze", "jouw", "jou", "zeer", "weer", "wel", "nee", "even", "zoals",
      "waar", "waarom", "wanneer", "welke", "welk", "elke", "elk", "alle", "word", "werden", "bent", "zijt",
      "kun", "kunt", "zullen", "zult", "zouden", "moeten", "moest", "mag", "mogen", "mocht", "wilt", "willen",
      "wilde", "hebt", "hadden", "ga", "gaat", "gaan", "ging", "doe", "doet", "deed", "gedaan", "daarom",
      "daarna", "hierbij", "mee", "af", "toe", "sinds", "tijdens", "tussen");

  /**
   * Negations decide what a text says ("niet tevreden", "not happy", "geen stroom"), so the classifier,
   * the category rules and sentiment keep them, although Snowball lists them as stop words.
   */
  static final Set<String> NEGATIONS = Set.of(
      "niet", "geen", "niets", "niks", "nooit",
      "no", "not", "nor", "never", "nothing", "none", "cannot");

  /**
   * English contractions that, with the apostrophe gone, spell a word people write: "he'll" is no reason
   * to drop "hell", nor "we'll" to drop "well".
   */
  private static final Set<String> CONTRACTIONS_SPELLING_A_WORD =
      Set.of("hell", "ill", "well", "shed", "shell", "wed", "id");

  /**
   * Stop words of one language that are ordinary words of the other ("door", "want", "even" in English;
   * "let op", "been" in Dutch): they say nothing about which language a text is in.
   */
  private static final Set<String> HOMOGRAPHS =
      Set.of("door", "want", "men", "ben", "even", "toe", "mag", "hem", "doe", "let", "been", "as");

  static final Set<String> DUTCH = asStopWords(snowball("dutch_stop.txt", DUTCH_MISSING));
  static final Set<String> ENGLISH = asStopWords(snowball("english_stop.txt", List.of()));
  static final Set<String> DUTCH_AND_ENGLISH = union(DUTCH, ENGLISH);

  /**
   * Stop words of one language and of none of the others Lingua is asked about (German, French and Spanish
   * included): a text with several of these and hardly any of the other language's is told apart without a
   * language model (see {@link LanguageDetector}). Negations are as telling as any, so they count here.
   */
  static final Set<String> DUTCH_ONLY = distinctive(snowball("dutch_stop.txt", DUTCH_MISSING), "english_stop.txt");
  static final Set<String> ENGLISH_ONLY = distinctive(snowball("english_stop.txt", List.of()), "dutch_stop.txt");

  private StopWords() {}

  static Set<String> forLanguage(String language) {
    return switch (language) {
      case LanguageDetector.DUTCH -> DUTCH;
      case LanguageDetector.ENGLISH -> ENGLISH;
      default -> DUTCH_AND_ENGLISH;
    };
  }

  private static Set<String> asStopWords(Set<Entry> entries) {
    Set<String> words = new HashSet<>();
    for (Entry entry : entries) {
      if (!entry.raw().contains("n't") && !NEGATIONS.contains(entry.word())
          && !(entry.raw().contains("'") && CONTRACTIONS_SPELLING_A_WORD.contains(entry.word()))) {
        words.add(entry.word());
      }
    }
    return Set.copyOf(words);
  }

  private static Set<String> distinctive(Set<Entry> entries, String otherLanguage) {
    Set<String> words = new HashSet<>();
    entries.forEach(entry -> words.add(entry.word()));
    words.removeAll(CONTRACTIONS_SPELLING_A_WORD);
    words.removeAll(HOMOGRAPHS);
    for (String other : List.of(otherLanguage, "german_stop.txt", "french_stop.txt", "spanish_stop.txt")) {
      snowball(other, other.equals("dutch_stop.txt") ? DUTCH_MISSING : List.of())
          .forEach(entry -> words.remove(entry.word()));
    }
    return Set.copyOf(words);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.addAll(b);
    return Set.copyOf(both);
  }

  /** A stop word as listed ("don't") and as it appears among normalised words ("dont"). */
  private record Entry(String raw, String word) {}

  private static Set<Entry> snowball(String snowballList, List<String> additions) {
    Set<Entry> entries = new HashSet<>();
    List<String> raw = new ArrayList<>(additions);
    for (Object listed : load(snowballList)) {
      raw.add(new String((char[]) listed));
    }
    for (String word : raw) {
      for (String normalized : TextNormalizer.normalize(word).words()) {
        entries.add(new Entry(word, normalized));
      }
    }
    return entries;
  }

  private static CharArraySet load(String snowballList) {
    try (InputStream list = IOUtils.requireResourceNonNull(
        SnowballFilter.class.getResourceAsStream(snowballList), snowballList)) {
      return WordlistLoader.getSnowballWordSet(list, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's Snowball stop list " + snowballList + " is missing", e);
    }
  }
}
