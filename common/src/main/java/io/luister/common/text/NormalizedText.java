package io.luister.common.text;

import java.util.List;

/**
 * A text after {@link TextNormalizer}: its words in order and the emoji that were taken out of them.
 *
 * @param text the words joined by single spaces (lower-case, accent-folded, no punctuation)
 * @param words every word in order, stop words and single letters included
 * @param emoji the emoji and emoticons of the text in order, one entry each (see docs/TEXT.md)
 */
public record NormalizedText(String text, List<String> words, List<String> emoji) {
  static final NormalizedText EMPTY = new NormalizedText("", List.of(), List.of());

  public NormalizedText {
    words = List.copyOf(words);
    emoji = List.copyOf(emoji);
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }
}
