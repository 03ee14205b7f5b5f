package io.luister.common.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.common.test.CsvFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Language detection on the short items (one to five words) of the real corpora in ../shared/realdata, whose
 * language is known from the corpus (all English, or Dutch). Prints the accuracy per corpus and detector
 * variant; the figures are in docs/SENTIMENT.md. The assertion only guards against a broken detector.
 */
class ShortTextLanguageEvaluationTest {
  static final Path REALDATA = Path.of("..", "..", "shared", "realdata");
  static final int MAX_WORDS = 5;

  static List<List<String>> csv(Path file, char delimiter) throws IOException {
    return CsvFiles.parse(Files.readString(file, StandardCharsets.UTF_8), delimiter);
  }

  static boolean isShort(String text) {
    String t = text.trim();
    return !t.isEmpty() && t.split("\\s+").length <= MAX_WORDS;
  }

  /** corpus name → short texts, all in the corpus's language. */
  static Map<String, List<String>> shortItems() throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> en = new ArrayList<>();
    List<List<String>> womens = csv(REALDATA.resolve("womens-clothing-reviews/womens_clothing_ecommerce_reviews.csv"), ',');
    for (List<String> r : womens.subList(1, womens.size())) {
      if (r.size() > 3 && isShort(r.get(3))) {
        en.add(r.get(3)); // review titles
      }
    }
    out.put("womens-clothing-reviews titles (en)", en);
    en = new ArrayList<>();
    for (String line : Files.readAllLines(REALDATA.resolve("amazon-alexa-reviews/amazon_alexa.tsv"))) {
      String[] f = line.split("\t");
      if (f.length > 3 && isShort(f[3]) && !f[3].equals("verified_reviews")) {
        en.add(f[3]);
      }
    }
    out.put("amazon-alexa-reviews (en)", en);
    en = new ArrayList<>();
    List<List<String>> tweets = csv(REALDATA.resolve("airline-tweets/Tweets.csv"), ',');
    for (List<String> r : tweets.subList(1, tweets.size())) {
      if (r.size() > 10) {
        String t = r.get(10).replaceAll("@\\w+", " ").replaceAll("https?://\\S+", " ").trim();
        if (isShort(t)) {
          en.add(t);
        }
      }
    }
    out.put("airline-tweets without @handles and links (en)", en);
    en = new ArrayList<>();
    for (String name : List.of("amazon_cells_labelled.txt", "yelp_labelled.txt", "imdb_labelled.txt")) {
      for (String line : Files.readString(REALDATA.resolve("uci-sentiment-sentences").resolve(name)).split("\n")) {
        int tab = line.lastIndexOf('\t');
        if (tab > 0 && isShort(line.substring(0, tab))) {
          en.add(line.substring(0, tab));
        }
      }
    }
    out.put("uci-sentiment-sentences (en)", en);
    List<String> nl = new ArrayList<>();
    List<List<String>> sentences = csv(REALDATA.resolve("semeval16-restaurants-nl/sentences.csv"), ',');
    for (List<String> r : sentences.subList(1, sentences.size())) {
      if (r.size() > 3 && isShort(r.get(3))) {
        nl.add(r.get(3));
      }
    }
    out.put("semeval16-restaurants-nl sentences (nl)", nl);
    nl = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(REALDATA.resolve("zoover-reviews-nl/reviews.json").toFile())) {
      String locale = r.path("locale").asText();
      String title = r.path("titles").path("nl").asText("");
      if ((locale.equals("nl") || locale.equals("nl-be")) && isShort(title)) {
        nl.add(title);
      }
    }
    out.put("zoover-reviews-nl titles (nl)", nl);
    nl = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(REALDATA.resolve("bever-reviews-nl/bever_reviews.json").toFile())) {
      for (int k = 2; k <= 3; k++) {
        for (JsonNode point : r.get(k)) {
          if (isShort(point.asText())) {
            nl.add(point.asText());
          }
        }
      }
    }
    out.put("bever-reviews-nl pros/cons (nl)", nl);
    return out;
  }

  @Test
  void shortItemsOfTheRealCorpora() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(REALDATA), "no ../shared/realdata here");
    Map<String, LanguageDetector> variants = new LinkedHashMap<>();
    variants.put("before: low accuracy + stop words", new LanguageDetector(true, true, false));
    variants.put("now: short texts by high accuracy", LanguageDetector.shared());
    StringBuilder table = new StringBuilder("| corpus | short items |");
    variants.keySet().forEach(k -> table.append(' ').append(k).append(" |"));
    table.append('\n');
    Map<String, int[]> totals = new LinkedHashMap<>();
    double worst = 1;
    for (Map.Entry<String, List<String>> e : shortItems().entrySet()) {
      String expected = e.getKey().endsWith("(nl)") ? LanguageDetector.DUTCH : LanguageDetector.ENGLISH;
      table.append("| ").append(e.getKey()).append(" | ").append(e.getValue().size()).append(" |");
      for (Map.Entry<String, LanguageDetector> v : variants.entrySet()) {
        int right = 0;
        int decided = 0;
        List<String> wrong = new ArrayList<>();
        for (String text : e.getValue()) {
          String got = v.getValue().detect(TextNormalizer.normalizeKeepingAccents(text));
          if (!got.equals(LanguageDetector.UNKNOWN)) {
            decided++;
            if (got.equals(expected)) {
              right++;
            } else if (wrong.size() < 6) {
              wrong.add(text + " → " + got);
            }
          }
        }
        int[] t = totals.computeIfAbsent(v.getKey() + (expected.equals("nl") ? " nl" : " en"), k -> new int[2]);
        t[0] += right;
        t[1] += decided;
        double acc = decided == 0 ? 1 : right / (double) decided;
        worst = Math.min(worst, acc);
        table.append(String.format(" %.3f (%d/%d) |", acc, right, decided));
        System.out.println(v.getKey() + " / " + e.getKey() + " wrong e.g. " + wrong);
      }
      table.append('\n');
    }
    System.out.println(table);
    totals.forEach((k, t) -> System.out.printf("%s: %.3f (%d/%d)%n", k, t[0] / (double) t[1], t[0], t[1]));
    assertTrue(worst > 0.5, "a detector that gets most short items of a corpus wrong is broken");
  }
}
