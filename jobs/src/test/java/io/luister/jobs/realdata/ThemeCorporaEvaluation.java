package io.luister.jobs.realdata;

import static org.apache.spark.sql.functions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.privacy.TextMasking;
import io.luister.common.test.TestSpark;
import io.luister.jobs.themes.ThemeLabels;
import io.luister.jobs.themes.ThemeStage;
import io.luister.jobs.unify.TextFeatures;
import io.luister.jobs.unify.UnifyStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures the themes on real public corpora (docs/THEMES.md, "Real corpora"): each corpus is read as the export
 * it is, masked as bronze masks text, analysed by unify's text analysis into silver-like rows (every item
 * unclassified: no taxonomy is assumed) and run through {@link ThemeStage#discover}. Writes per corpus the chosen
 * k, the share of distinct themes (top-10 terms' Jaccard below 0.3 to every other theme), the mean NPMI of each
 * theme's top-10 unigrams over the corpus, the share of labels with a meaningless token, and the themes (label,
 * size, two masked quotes). Not a unit test: runs only with {@code -Dluister.themes.corpora=airline,twcs,...}
 * (a minute or two per corpus); the report goes to {@code -Dluister.themes.out} (default
 * target/theme-corpora.md).
 */
class ThemeCorporaEvaluation {
  static final Path REAL = Path.of("..", "..", "shared", "realdata");
  static final double DISTINCT_JACCARD = 0.3;

  @Test
  void measuresThemesOnRealCorpora() throws IOException {
    String which = System.getProperty("luister.themes.corpora", "");
    Assumptions.assumeFalse(which.isBlank(), "set -Dluister.themes.corpora to run");
    SparkSession spark = TestSpark.session();
    StringBuilder out = new StringBuilder();
    for (String corpus : which.split(",")) {
      long t0 = System.currentTimeMillis();
      ProgramConfig config = config(corpus.trim());
      TextFeatures text = TextFeatures.forProgram(config);
      Dataset<Row> raw = read(spark, corpus.trim());
      List<String> kept = new ArrayList<>();
      config.allBrands().forEach(b -> kept.addAll(b.accounts()));
      Dataset<Row> silver = UnifyStage.analyse(raw
              .withColumn("text", TextMasking.mask(col("text"), kept))
              .withColumn("feedback_id", concat(lit(corpus.trim() + ":"), col("id")))
              .withColumn("source", lit(corpus.trim())).withColumn("channel", lit("social"))
              .withColumn("free_text", lit(true)).withColumn("own_account", lit(false))
              .withColumn("category", lit("unclassified")).withColumn("weight", lit(1L))
              .withColumn("period", lit("P")), text)
          .drop("_normalized").cache();
      long items = silver.count();
      ThemeStage.Result r = ThemeStage.discover(silver, "P", List.of(), null, config, text);
      long seconds = (System.currentTimeMillis() - t0) / 1000;
      out.append(report(corpus.trim(), items, r, silver, config, seconds));
      r.membership().unpersist();
      silver.unpersist();
      System.out.println(out);
    }
    Path file = Path.of(System.getProperty("luister.themes.out", "target/theme-corpora.md"));
    Files.writeString(file, out.toString());
  }

  static String report(String corpus, long items, ThemeStage.Result r, Dataset<Row> silver, ProgramConfig config,
      long seconds) {
    // The various rest is not a theme: distinctness and coherence are measured on the named themes.
    List<ThemeStage.Theme> themes = r.themes().stream().filter(t -> !t.various()).toList();
    List<Set<String>> tops = themes.stream().map(t -> (Set<String>) new HashSet<>(t.terms().stream().limit(10)
        .map(x -> x.stem()).toList())).toList();
    int distinct = 0;
    for (int i = 0; i < tops.size(); i++) {
      boolean ok = true;
      for (int j = 0; j < tops.size(); j++) {
        if (i != j && jaccard(tops.get(i), tops.get(j)) >= DISTINCT_JACCARD) {
          ok = false;
        }
      }
      distinct += ok ? 1 : 0;
    }
    Map<Integer, Double> npmi = npmi(silver, themes);
    double meanNpmi = npmi.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    ThemeLabels filter = ThemeLabels.forProgram(config);
    long bad = themes.stream().filter(t -> !meaningful(t.label(), filter)).count();
    long themed = r.themes().stream().mapToLong(ThemeStage.Theme::size).sum();
    long rest = r.themes().stream().filter(ThemeStage.Theme::various).mapToLong(ThemeStage.Theme::size).sum();
    ThemeStage.Theme largest = themes.isEmpty() ? null : themes.get(0);
    StringBuilder s = new StringBuilder();
    s.append("### ").append(corpus).append("\n\n");
    s.append(String.format(Locale.ROOT, "%d items, %d with a theme; k = %d named themes (+ various rest of %d items) "
            + "(fitted on %d); largest theme %.1f %% of themed items; distinct %d of %d (%.2f); "
            + "mean NPMI of top-10 unigrams %.3f; labels with a meaningless token %d of %d; %d s%n%n", items, themed,
        themes.size(), rest, r.model().fittedRows(), largest == null ? 0 : 100.0 * largest.size() / themed, distinct,
        themes.size(), distinct / (double) Math.max(1, themes.size()), meanNpmi, bad, themes.size(), seconds));
    s.append("| theme | size | own brand | NPMI | label | two quotes |\n|---|---:|---:|---:|---|---|\n");
    for (int i = 0; i < r.themes().size(); i++) {
      ThemeStage.Theme t = r.themes().get(i);
      String quotes = String.join(" / ", t.examples().stream().limit(2)
          .map(q -> "\"" + q.replaceAll("[\\r\\n|]+", " ").trim() + "\"").toList());
      s.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %s | %s |%n", t.themeId(), t.size(),
          t.ownBrandShare(), npmi.getOrDefault(t.index(), Double.NaN), t.label(), quotes));
    }
    return s.append("\n").toString();
  }

  /** A label is meaningful when none of its words is a token the label filter rejects, re-checked independently. */
  static boolean meaningful(String label, ThemeLabels filter) {
    for (String word : label.split("[ ·]+")) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.isBlank()) {
        continue;
      }
      // The form rules again (not through the filter), plus the configured words through it.
      if (w.matches(".*[0-9#@\\[\\]<>{}*].*") || w.matches("x{2,}") || w.startsWith("redact") || filter.rejects(w)) {
        return false;
      }
    }
    return true;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    Set<String> any = new HashSet<>(a);
    any.addAll(b);
    return any.isEmpty() ? 0 : both.size() / (double) any.size();
  }

  /**
   * Mean NPMI over the pairs of each theme's top-10 unigram stems, with document co-occurrence over the whole
   * corpus (every item's stemmed tokens); a pair that never co-occurs scores −1. Corpora here are small (≤ 25k).
   */
  static Map<Integer, Double> npmi(Dataset<Row> silver, List<ThemeStage.Theme> themes) {
    Set<String> wanted = new HashSet<>();
    Map<Integer, List<String>> tops = new HashMap<>();
    for (ThemeStage.Theme t : themes) {
      List<String> top = t.terms().stream().map(x -> x.stem()).filter(x -> !x.contains(" ")).limit(10).toList();
      tops.put(t.index(), top);
      wanted.addAll(top);
    }
    List<Set<String>> docs = new ArrayList<>();
    for (Row row : silver.select(array_distinct(col("tokens"))).collectAsList()) {
      Set<String> d = new HashSet<>(row.<String>getList(0));
      d.retainAll(wanted);
      docs.add(d);
    }
    double n = docs.size();
    Map<String, Integer> df = new HashMap<>();
    docs.forEach(d -> d.forEach(w -> df.merge(w, 1, Integer::sum)));
    Map<Integer, Double> out = new HashMap<>();
    tops.forEach((i, top) -> {
      double sum = 0;
      int pairs = 0;
      for (int a = 0; a < top.size(); a++) {
        for (int b = a + 1; b < top.size(); b++) {
          String x = top.get(a);
          String y = top.get(b);
          long both = docs.stream().filter(d -> d.contains(x) && d.contains(y)).count();
          double v;
          if (both == 0) {
            v = -1;
          } else {
            double pxy = both / n;
            double px = df.getOrDefault(x, 0) / n;
            double py = df.getOrDefault(y, 0) / n;
            v = pxy >= 1 ? 1 : Math.log(pxy / (px * py)) / -Math.log(pxy);
          }
          sum += v;
          pairs++;
        }
      }
      if (pairs > 0) {
        out.put(i, sum / pairs);
      }
    });
    return out;
  }

  static ProgramConfig config(String corpus) throws IOException {
    Path dir = TestSpark.tempDir("corpus");
    Files.writeString(dir.resolve("x.csv"), "");
    String brands = switch (corpus) {
      case "airline" -> """
          brand: {name: United, aliases: [United, "United Airlines"], accounts: ["@united"]}
          competitors:
            - {name: American, aliases: [American, "American Airlines"], accounts: ["@AmericanAir"]}
            - {name: Delta, aliases: [Delta], accounts: ["@Delta", "@DeltaAssist"]}
            - {name: Southwest, aliases: [Southwest], accounts: ["@SouthwestAir"]}
            - {name: US Airways, aliases: ["US Airways"], accounts: ["@USAirways"]}
            - {name: Virgin America, aliases: ["Virgin America"], accounts: ["@VirginAmerica"]}
          """;
      case "twcs" -> "brand: {name: Sprint, aliases: [Sprint], accounts: [\"@sprintcare\"]}\n";
      case "alexa" -> "brand: {name: Amazon, aliases: [Amazon, Alexa, Echo]}\n";
      case "clothing" -> "brand: {name: Retailer, aliases: [Retailer]}\n";
      case "zoover" -> "brand: {name: Zoover, aliases: [Zoover]}\n";
      case "bever" -> "brand: {name: Bever, aliases: [Bever]}\n";
      default -> throw new IllegalArgumentException("unknown corpus " + corpus);
    };
    Files.writeString(dir.resolve("p.yaml"), "program: corpus_" + corpus + "\n" + brands + """
        pseudonymisation: {allow_development_key: true}
        sources:
          - name: export
            type: social
            path: x.csv
            format: csv
            mapping: {id: id, published_at: at, text: text}
        """ + System.getProperty("luister.themes.extra", ""));
    return ConfigLoader.load(dir.resolve("p.yaml"));
  }

  /** The corpus as rows (id, text, brand). */
  static Dataset<Row> read(SparkSession spark, String corpus) throws IOException {
    StructType schema = new StructType().add("id", "string").add("text", "string").add("brand", "string");
    return switch (corpus) {
      case "airline" -> spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
          .csv(REAL.resolve("airline-tweets/Tweets.csv").toString())
          .select(col("tweet_id").as("id"), col("text"), col("airline").as("brand")).dropDuplicates("id");
      case "twcs" -> spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
          .csv(REAL.resolve("twcs-subset/twcs_first5000.csv").toString()).filter(col("inbound").equalTo("True"))
          .select(col("tweet_id").as("id"), col("text"), lit("Sprint").as("brand"));
      case "alexa" -> spark.read().option("header", true).option("sep", "\t")
          .csv(REAL.resolve("amazon-alexa-reviews/amazon_alexa.tsv").toString())
          .withColumn("id", monotonically_increasing_id().cast("string"))
          .select(col("id"), col("verified_reviews").as("text"), lit("Amazon").as("brand"))
          .filter(length(trim(col("text"))).gt(0));
      case "clothing" -> spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
          .csv(REAL.resolve("womens-clothing-reviews/womens_clothing_ecommerce_reviews.csv").toString())
          .select(col("_c0").as("id"), col("`Review Text`").as("text"), lit("Retailer").as("brand"))
          .filter(col("text").isNotNull());
      case "zoover" -> {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(REAL.resolve("zoover-reviews-nl/reviews.json").toFile())) {
          JsonNode texts = r.path("texts");
          String t = texts.has("nl") ? texts.get("nl").asText() : texts.elements().hasNext()
              ? texts.elements().next().asText() : null;
          if (t != null && !t.isBlank()) {
            rows.add(RowFactory.create(r.path("id").asText(), t, "Zoover"));
          }
        }
        yield spark.createDataFrame(rows, schema);
      }
      case "bever" -> {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode r : new ObjectMapper().readTree(REAL.resolve("bever-reviews-nl/bever_reviews.json").toFile())) {
          List<String> parts = new ArrayList<>();
          r.get(2).forEach(x -> parts.add(x.asText()));
          r.get(3).forEach(x -> parts.add(x.asText()));
          rows.add(RowFactory.create(String.valueOf(i++), String.join(". ", parts), "Bever"));
        }
        yield spark.createDataFrame(rows, schema);
      }
      default -> throw new IllegalArgumentException("unknown corpus " + corpus);
    };
  }
}
