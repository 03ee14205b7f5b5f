package io.luister.jobs.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sentiment lexicons shipped as resources ({@code /sentiment/*.tsv}, built from their published sources by
 * {@code bin/lib/build_sentiment_lexicons.py}; licences beside them): VADER's lexicon and modifiers for English,
 * Pattern's nl-sentiment lexicon for Dutch. Valences are on VADER's scale (−4 … +4).
 *
 * <p>A lexicon is chosen per item by its language: {@code en}, {@code nl}, or {@value #ANY} for every other
 * language (mixed or undetected text), which is both lexicons together — the English entry wins where both have
 * a word, because English words in Dutch text are mostly borrowed sentiment words ("top", "super", "fail").
 */
public final class SentimentLexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String ANY = "any";
  public static final List<String> KEYS = List.of("en", "nl", ANY);

  /** One language's word valences and modifier words. */
  public record Language(Map<String, Double> valences, Set<String> negators, Map<String, Double> boosters,
      Set<String> contrasts) implements Serializable {}

  private final Map<String, Language> languages;

  private SentimentLexicon(Map<String, Language> languages) {
    this.languages = languages;
  }

  /** The shipped lexicons (read once per JVM; they are small). */
  public static SentimentLexicon shipped() {
    return Holder.SHIPPED;
  }

  private static final class Holder {
    static final SentimentLexicon SHIPPED = load();
  }

  /**
   * The shipped lexicons travel to Spark's tasks as a name and are read there from the jar, once per JVM, instead
   * of as some 30,000 entries in every task.
   */
  private Object writeReplace() {
    return this == Holder.SHIPPED ? new Shipped() : this;
  }

  private record Shipped() implements Serializable {
    private Object readResolve() {
      return shipped();
    }
  }

  private static SentimentLexicon load() {
    Language en = read("en");
    Language nl = read("nl");
    Map<String, Double> valences = new LinkedHashMap<>(nl.valences());
    valences.putAll(en.valences());
    Set<String> negators = new LinkedHashSet<>(nl.negators());
    negators.addAll(en.negators());
    Map<String, Double> boosters = new LinkedHashMap<>(nl.boosters());
    boosters.putAll(en.boosters());
    Set<String> contrasts = new LinkedHashSet<>(nl.contrasts());
    contrasts.addAll(en.contrasts());
    Map<String, Language> all = new LinkedHashMap<>();
    all.put("en", en);
    all.put("nl", nl);
    all.put(ANY, new Language(valences, negators, boosters, contrasts));
    return new SentimentLexicon(all);
  }

  private static Language read(String code) {
    Map<String, Double> valences = new LinkedHashMap<>();
    for (String[] f : lines("/sentiment/lexicon-" + code + ".tsv")) {
      valences.put(f[0], Double.parseDouble(f[1]));
    }
    Set<String> negators = new LinkedHashSet<>();
    Map<String, Double> boosters = new LinkedHashMap<>();
    Set<String> contrasts = new LinkedHashSet<>();
    for (String[] f : lines("/sentiment/modifiers-" + code + ".tsv")) {
      switch (f[0]) {
        case "negator" -> negators.add(f[1]);
        case "booster" -> boosters.put(f[1], Double.parseDouble(f[2]));
        case "contrast" -> contrasts.add(f[1]);
        default -> throw new IllegalStateException("unknown modifier kind " + f[0] + " in modifiers-" + code + ".tsv");
      }
    }
    return new Language(valences, negators, boosters, contrasts);
  }

  private static List<String[]> lines(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + resource + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  public Language language(String key) {
    return languages.get(key);
  }

  static final StructType WORDS = new StructType()
      .add("_lexicon", DataTypes.StringType, false)
      .add("_word", DataTypes.StringType, false)
      .add("_valence", DataTypes.DoubleType, false);

  /** Every (lexicon, word, valence): about 25,000 rows, small enough to broadcast. */
  public Dataset<Row> words(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    languages.forEach((key, lang) -> lang.valences().forEach((w, v) -> rows.add(RowFactory.create(key, w, v))));
    return spark.createDataFrame(rows, WORDS);
  }

  static final StructType MODIFIERS = new StructType()
      .add("_lexicon", DataTypes.StringType, false)
      .add("_negators", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("_boosters", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false)
      .add("_contrasts", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** One row per lexicon with its modifier words, joined to each item so the scoring lambdas can use them. */
  public Dataset<Row> modifiers(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    languages.forEach((key, lang) -> rows.add(RowFactory.create(key, lang.negators().toArray(new String[0]),
        lang.boosters(),
        lang.contrasts().toArray(new String[0]))));
    return spark.createDataFrame(rows, MODIFIERS);
  }
}
