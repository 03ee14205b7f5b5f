package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Lexicon sentiment in the manner of VADER (Hutto &amp; Gilbert 2014): each word's valence from the item's
 * lexicon, raised or lowered by a degree adverb just before it ("very good", "heel slecht"), multiplied by −0.74
 * when a negator occurs among the three words before it ("not good", "niet goed", "geen fijne ervaring", "didn't
 * like"), halved before and raised by half after a contrast word ("but", "maar"), summed per item in word order
 * and normalised to [−1, 1] as {@code s / sqrt(s² + 15)} (VADER's compound score).
 *
 * <p>Words are taken from {@code lower(text)} here, not from silver's {@code tokens}: those are stemmed and have
 * the stop words removed, negators included. The words are a built-in expression; the reading of them is one
 * function per item ({@link LexiconReading}). In built-ins it was an explode of every word, lambdas over the
 * word arrays (evaluated without generated code, each negator looked up by a scan of the list) and three joins,
 * about a third of the sentiment stage's CPU at 1M items (docs/performance.md).
 */
public final class LexiconScorer {
  public static final String WORDS = "_words";
  public static final String SCORE = "lexicon_score";
  public static final String HITS = "lexicon_hits";
  /** VADER's documented neutral band for the compound score. */
  public static final double NEUTRAL_BAND = 0.05;
  static final double NEGATION = -0.74;
  static final double ALPHA = 15.0;
  static final int NEGATION_SCOPE = 3;

  /** P(negative), P(neutral), P(positive) of the shipped text model ({@link TextModel}), when one is given. */
  public static final String TEXT_PROBABILITIES = "text_model_p";

  private static final StructType READING = new StructType()
      .add("score", DataTypes.DoubleType, false)
      .add("hits", DataTypes.IntegerType, false);
  private static final StructType READING_WITH_MODEL = READING
      .add("p", DataTypes.createArrayType(DataTypes.DoubleType, false), true);

  private LexiconScorer() {}

  /** Lower-cased words of a text, apostrophes kept ("don't"), everything else a separator. */
  public static Column words(Column text) {
    // replace, not translate: Spark's translate makes a string of every character it looks at.
    Column lowered = lower(replace(replace(coalesce(text, lit("")), lit("’"), lit("'")), lit("‘"), lit("'")));
    return filter(split(lowered, "[^\\p{L}\\p{N}']+"), w -> length(replace(w, lit("'"), lit(""))).gt(0));
  }

  /** The lexicon an item's language selects. */
  public static String lexiconKey(String language) {
    return "en".equals(language) || "nl".equals(language) ? language : SentimentLexicon.ANY;
  }

  /**
   * Adds {@value #WORDS} (the item's {@link #words}), {@value #SCORE} (compound, −1 … 1; 0 without sentiment
   * words) and {@value #HITS} (sentiment words found) to rows with {@code text} and {@code language}.
   */
  public static Dataset<Row> score(Dataset<Row> items, SentimentLexicon lexicon) {
    return score(items, lexicon, null);
  }

  /**
   * As {@link #score(Dataset, SentimentLexicon)}, and with a text model also {@value #TEXT_PROBABILITIES}: its
   * three class probabilities, computed in the same call per item (the model reads the lexicon's reading).
   */
  public static Dataset<Row> score(Dataset<Row> items, SentimentLexicon lexicon, TextModel model) {
    Column reading = udf(new Read(lexicon, model), model == null ? READING : READING_WITH_MODEL)
        .withName("luister_lexicon_reading").asNonNullable()
        .apply(col(WORDS), col("language"));
    Dataset<Row> out = items.withColumn(WORDS, words(col("text")))
        .withColumn("_reading", reading)
        .withColumn(SCORE, col("_reading.score"))
        .withColumn(HITS, col("_reading.hits"));
    if (model != null) {
      out = out.withColumn(TEXT_PROBABILITIES, col("_reading.p"));
    }
    return out.drop("_reading");
  }

  private record Read(SentimentLexicon lexicon, TextModel model) implements UDF2<Seq<String>, String, Row> {
    @Override
    public Row call(Seq<String> words, String language) {
      java.util.List<String> list = CollectionConverters.asJava(words);
      LexiconReading reading = LexiconReading.of(list, lexicon.language(lexiconKey(language)));
      if (model == null) {
        return RowFactory.create(reading.score(), reading.hits());
      }
      // The model's features (words, bigrams, character n-grams) cost far more than the lexicon reading: computed
      // only where its reading is used, the languages it was trained on.
      if (list.isEmpty() || !SentimentAnalysis.Settings.TEXT_MODEL_LANGUAGES.contains(language)) {
        return RowFactory.create(reading.score(), reading.hits(), null);
      }
      double[] p = model.probabilities(list, reading);
      return RowFactory.create(reading.score(), reading.hits(),
          scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(p[0], p[1], p[2])).toSeq());
    }
  }

  /** The class a lexicon score stands for, with VADER's neutral band. */
  public static Column label(Column score) {
    return when(score.geq(NEUTRAL_BAND), lit(Sentiments.POSITIVE))
        .when(score.leq(-NEUTRAL_BAND), lit(Sentiments.NEGATIVE))
        .otherwise(lit(Sentiments.NEUTRAL));
  }
}
