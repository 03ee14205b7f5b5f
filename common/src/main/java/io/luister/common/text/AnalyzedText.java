package io.luister.common.text;

import java.util.List;

/**
 * What {@link TextAnalyzer} makes of one text.
 *
 * @param language {@code nl}, {@code en}, {@code other} or {@code unknown} (see {@link LanguageDetector})
 * @param normalized the text's words after {@link TextNormalizer}, joined by single spaces
 * @param tokens the stems of the words that are no stop words, in text order
 * @param emoji the emoji and emoticons of the text, in order
 */
public record AnalyzedText(String language, String normalized, List<String> tokens, List<String> emoji) {
  static final AnalyzedText EMPTY = new AnalyzedText(LanguageDetector.UNKNOWN, "", List.of(), List.of());

  public AnalyzedText {
    tokens = List.copyOf(tokens);
    emoji = List.copyOf(emoji);
  }
}
