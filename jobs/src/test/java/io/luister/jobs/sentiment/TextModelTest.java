package io.luister.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped text model scored in Java gives the probabilities the training script computed in Python for the
 * same texts (text-model-check.tsv, written by bin/lib/train_text_sentiment.py --export: 150 airline tweets and
 * 150 Dutch Zoover reviews, none in the model's training set).
 */
class TextModelTest {
  /** LexiconScorer.words for one string, outside Spark (lower, ’‘ as ', split on non letter/digit/apostrophe). */
  static List<String> words(String text) {
    String lowered = text.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : Pattern.compile("[^\\p{L}\\p{N}']+").split(lowered)) {
      if (!w.replace("'", "").isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  @Test
  void javaScoringReproducesThePythonModel() throws Exception {
    TextModel model = TextModel.shipped();
    SentimentLexicon lexicon = SentimentLexicon.shipped();
    int items = 0;
    int sameClass = 0;
    double maxDiff = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TextModelTest.class.getResourceAsStream("/sentiment/text-model-check.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 5);
        List<String> ws = words(f[4]);
        double[] p = model.probabilities(ws, LexiconReading.of(ws, lexicon.language(LexiconScorer.lexiconKey(f[0]))));
        double[] expected = {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
        for (int c = 0; c < 3; c++) {
          maxDiff = Math.max(maxDiff, Math.abs(p[c] - expected[c]));
        }
        if (argmax(p) == argmax(expected)) {
          sameClass++;
        }
        items++;
      }
    }
    assertEquals(300, items);
    // Weights are shipped with six significant digits: probabilities agree to well under 1e-3.
    assertTrue(maxDiff < 1e-3, "largest difference in a probability " + maxDiff);
    assertEquals(items, sameClass);
  }

  @Test
  void termsAreWordsBigramsAndPaddedCharacterGrams() {
    var t = TextModel.termsOf(List.of("not", "good"));
    assertTrue(t.contains("w not") && t.contains("w good") && t.contains("b not good"), t.toString());
    assertTrue(t.contains("c  no") && t.contains("c ood ") && t.contains("c  good"), t.toString());
    assertFalse(t.contains("c not g"), "character grams stay inside a word");
  }

  static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }
}
