package io.luister.common.text;

import java.util.ArrayList;
import java.util.List;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Snowball's Dutch and English stemmers as Lucene ships them. A stemmer keeps the word it works on in its
 * own fields, so it must never be shared between threads: each thread (a Spark task, a test thread) gets
 * its own, made on first use.
 */
final class Stemmers {
  private static final ThreadLocal<SnowballStemmer> DUTCH = ThreadLocal.withInitial(DutchStemmer::new);
  private static final ThreadLocal<SnowballStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);

  private Stemmers() {}

  /**
   * The words stemmed for {@code language}; for any other language they come back as they are, because
   * neither stemmer knows German or French and a wrong stem is worse than none.
   */
  static List<String> stem(List<String> words, String language) {
    SnowballStemmer stemmer = switch (language) {
      case LanguageDetector.DUTCH -> DUTCH.get();
      case LanguageDetector.ENGLISH -> ENGLISH.get();
      default -> null;
    };
    if (stemmer == null) {
      return words;
    }
    List<String> stems = new ArrayList<>(words.size());
    for (String word : words) {
      stemmer.setCurrent(word);
      stemmer.stem();
      stems.add(stemmer.getCurrent());
    }
    return stems;
  }
}
