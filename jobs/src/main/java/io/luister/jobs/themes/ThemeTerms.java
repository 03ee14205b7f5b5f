package io.luister.jobs.themes;

import static org.apache.spark.sql.functions.*;

import io.luister.common.text.AccentFolding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * What makes each theme distinctive: class-based TF-IDF of its terms (a term's frequency in the theme,
 * weighted by how rare it is across themes), readable surface words for the stems, and the theme's dominant
 * language. All heavy work is Spark aggregation; only the top terms per theme (bounded by k) reach the driver.
 */
public final class ThemeTerms {
  /** How many distinctive terms are kept per theme (for labels, top terms and matching across periods). */
  static final int KEEP = 30;

  private ThemeTerms() {}

  /** One distinctive term of a theme: the stem (or stem pair), its c-TF-IDF weight, its share in the dominant language. */
  public record Term(String stem, double weight, double dominantLanguageShare) {}

  /**
   * @param scored items with {@code theme_index}, {@code language} and {@code _terms}
   * @return theme index → dominant language
   */
  public static Map<Integer, String> dominantLanguages(Dataset<Row> scored) {
    Map<Integer, String> out = new HashMap<>();
    scored.filter(col(ThemeModel.THEME_INDEX).isNotNull())
        .groupBy(ThemeModel.THEME_INDEX, "language").count()
        .withColumn("_r", row_number().over(Window.partitionBy(ThemeModel.THEME_INDEX)
            .orderBy(col("count").desc(), col("language"))))
        .filter(col("_r").equalTo(1)).collectAsList()
        .forEach(r -> out.put(r.getInt(0), r.getString(1)));
    return out;
  }

  /**
   * Class-based TF-IDF (as in BERTopic): weight(t, c) = tf(t, c) / |c| × log(1 + A / f(t)), where |c| is the
   * number of terms in theme c, A the average number of terms per theme and f(t) the frequency of t over all
   * themes. Only vocabulary terms count.
   *
   * @return theme index → its {@link #KEEP} most distinctive terms, best first
   */
  public static Map<Integer, List<Term>> distinctive(Dataset<Row> scored, List<String> vocabulary,
      Map<Integer, String> dominant) {
    Dataset<Row> vocab = scored.sparkSession().createDataset(vocabulary,
        org.apache.spark.sql.Encoders.STRING()).toDF("term");
    List<Row> dom = new ArrayList<>();
    dominant.forEach((k, v) -> dom.add(org.apache.spark.sql.RowFactory.create(k, v)));
    Dataset<Row> dominantFrame = scored.sparkSession().createDataFrame(dom, new org.apache.spark.sql.types.StructType()
        .add("theme_index", "int").add("dominant_language", "string"));
    Dataset<Row> counts = scored.filter(col(ThemeModel.THEME_INDEX).isNotNull())
        .select(col(ThemeModel.THEME_INDEX).as("theme_index"), col("language"), explode(col(ThemeFeatures.TERMS)).as("term"))
        .join(broadcast(vocab), "term")
        .join(broadcast(dominantFrame), "theme_index")
        .groupBy("theme_index", "term")
        .agg(count(lit(1)).as("n"),
            sum(when(col("language").equalTo(col("dominant_language")), 1).otherwise(0)).as("n_dominant"));
    Dataset<Row> classTotals = counts.groupBy("theme_index").agg(sum("n").as("class_n"));
    Dataset<Row> termTotals = counts.groupBy("term").agg(sum("n").as("term_n"));
    double average = classTotals.agg(avg("class_n")).first().getDouble(0);
    Dataset<Row> weighted = counts.join(classTotals, "theme_index").join(termTotals, "term")
        .withColumn("w", col("n").divide(col("class_n")).multiply(log(lit(1.0).plus(lit(average).divide(col("term_n"))))))
        .withColumn("_r", row_number().over(Window.partitionBy("theme_index").orderBy(col("w").desc(), col("term"))))
        .filter(col("_r").leq(KEEP));
    Map<Integer, List<Term>> out = new HashMap<>();
    for (Row r : weighted.select("theme_index", "term", "w", "n", "n_dominant", "_r").orderBy("theme_index", "_r")
        .collectAsList()) {
      out.computeIfAbsent(r.getInt(0), i -> new ArrayList<>())
          .add(new Term(r.getString(1), r.getDouble(2), r.getLong(4) / (double) r.getLong(3)));
    }
    return out;
  }

  /**
   * The most frequent written word per stem and language, for the stems given: words of the items' texts
   * (lower case, accents folded like the normaliser) are counted in Spark, restricted to words that start like
   * one of the stems, and stemmed on the driver.
   *
   * @param stemmer (word, language) → its stem, or null when the word is a stop word
   * @return language → stem → surface word
   */
  public static Map<String, Map<String, String>> surfaceWords(Dataset<Row> scored, java.util.Set<String> stems,
      BiFunction<String, String, String> stemmer) {
    List<String> prefixes = stems.stream().filter(s -> s.length() >= 2).map(s -> s.substring(0, 2)).distinct().sorted().toList();
    Map<String, Map<String, String>> out = new HashMap<>();
    if (prefixes.isEmpty()) {
      return out;
    }
    List<Row> words = scored.filter(col(ThemeModel.THEME_INDEX).isNotNull())
        .select(col("language"), explode(split(lower(AccentFolding.column(col("text"))), "[^\\p{L}\\p{N}]+")).as("word"))
        .filter(length(col("word")).geq(2).and(substring(col("word"), 1, 2).isin((Object[]) prefixes.toArray())))
        .groupBy("language", "word").count()
        .filter(col("count").geq(2))
        .orderBy(col("count").desc(), col("word"))
        .collectAsList();
    for (Row r : words) {
      String language = r.getString(0);
      String word = r.getString(1);
      String stem = stemmer.apply(word, language);
      if (stem == null || !stems.contains(stem)) {
        continue;
      }
      // Rows come most frequent first: the first word seen for a stem is its most frequent one.
      out.computeIfAbsent(language, l -> new HashMap<>()).putIfAbsent(stem, word);
    }
    return out;
  }

  /** A stem or "stem stem" bigram as readable words: the dominant language's surface word, else any language's. */
  public static String readable(String term, String language, Map<String, Map<String, String>> surface) {
    List<String> parts = new ArrayList<>();
    for (String stem : term.split(" ")) {
      String word = surface.getOrDefault(language, Map.of()).get(stem);
      if (word == null) {
        word = surface.values().stream().map(m -> m.get(stem)).filter(java.util.Objects::nonNull).sorted().findFirst()
            .orElse(stem);
      }
      parts.add(word);
    }
    return String.join(" ", parts);
  }

  /**
   * A label of up to {@code max} readable terms, most distinctive first, in the theme's dominant language (terms
   * mostly used in other languages are skipped), without repeating a word a chosen bigram already shows.
   */
  public static String label(List<Term> terms, String language, Map<String, Map<String, String>> surface, int max) {
    return label(terms, language, surface, max, null);
  }

  /**
   * As {@link #label(List, String, Map, int)}, skipping every term {@code filter} rejects (a redaction token, a
   * number, a name, a configured stop word, a function word of {@code language}: {@link ThemeLabels}); null filters
   * nothing. When every term is rejected
   * the label is empty: a theme without a readable word says so rather than showing a meaningless token.
   */
  public static String label(List<Term> terms, String language, Map<String, Map<String, String>> surface, int max,
      ThemeLabels filter) {
    if (filter != null) {
      terms = terms.stream().filter(t -> !filter.rejectsTerm(t.stem(), readable(t.stem(), language, surface), language))
          .toList();
    }
    List<String> chosen = new ArrayList<>();
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (Term t : terms) {
      if (chosen.size() >= max) {
        break;
      }
      if (t.dominantLanguageShare() < 0.5) {
        continue;
      }
      List<String> stems = List.of(t.stem().split(" "));
      if (shown.containsAll(stems)) {
        continue;
      }
      String words = readable(t.stem(), language, surface);
      // A bigram replaces the single words it contains that were chosen before it.
      if (stems.size() > 1) {
        chosen.removeIf(c -> stems.stream().anyMatch(s -> readable(s, language, surface).equals(c)));
      }
      chosen.add(words);
      shown.addAll(stems);
    }
    if (chosen.isEmpty() && !terms.isEmpty()) {
      chosen.add(readable(terms.get(0).stem(), language, surface));
    }
    return String.join(" · ", chosen);
  }

  /** Term → weight, as used to compare themes across periods. */
  public static Map<String, Double> weights(List<Term> terms) {
    Map<String, Double> out = new LinkedHashMap<>();
    terms.stream().sorted(Comparator.comparingDouble(Term::weight).reversed()).forEach(t -> out.put(t.stem(), t.weight()));
    return out;
  }
}
