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
 * same texts (text-model-check.tsv, written by bin/lib/train_text_sentiment.py --check: 150 UCI sentences and 150
 * Dutch Bever reviews, referenced by corpus and row; the texts are read from ../shared/realdata, never copied).
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

  static final java.nio.file.Path REALDATA = java.nio.file.Path.of("..", "..", "shared", "realdata");

  /** The rows of a corpus exactly as train_text_sentiment.load reads them (its texts only). */
  static List<String> corpus(String name) throws java.io.IOException {
    List<String> texts = new ArrayList<>();
    if (name.equals("uci-sentiment-sentences")) {
      for (String file : List.of("amazon_cells_labelled.txt", "yelp_labelled.txt", "imdb_labelled.txt")) {
        for (String line : java.nio.file.Files.readString(REALDATA.resolve(name).resolve(file)).split("\n", -1)) {
          int tab = line.lastIndexOf('\t');
          if (tab >= 0) {
            texts.add(line.substring(0, tab));
          }
        }
      }
    } else if (name.equals("bever-reviews-nl")) {
      for (var review : new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          REALDATA.resolve(name).resolve("bever_reviews.json").toFile())) {
        if (review.get(1).size() > 0) {
          List<String> parts = new ArrayList<>();
          review.get(2).forEach(t -> parts.add(t.asText()));
          review.get(3).forEach(t -> parts.add(t.asText()));
          texts.add(String.join(" ", parts));
        }
      }
    } else {
      throw new IllegalArgumentException(name);
    }
    return texts;
  }

  @Test
  void javaScoringReproducesThePythonModel() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(REALDATA), "no ../shared/realdata");
    java.util.Map<String, List<String>> corpora = new java.util.HashMap<>();
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
        String[] f = line.split("\t");
        List<String> texts = corpora.get(f[0]);
        if (texts == null) {
          texts = corpus(f[0]);
          corpora.put(f[0], texts);
        }
        List<String> ws = words(texts.get(Integer.parseInt(f[1])));
        double[] p = model.probabilities(ws, LexiconReading.of(ws, lexicon.language(LexiconScorer.lexiconKey(f[2]))));
        double[] expected = {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])};
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
    // Both score the same shipped weights; the probabilities are written with six decimals.
    assertTrue(maxDiff < 1e-5, "largest difference in a probability " + maxDiff);
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
