package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lexicon sentiment in the manner of VADER (Hutto &amp; Gilbert 2014), in Spark built-ins: each word's valence
 * from the item's lexicon, raised or lowered by a degree adverb just before it ("very good", "heel slecht"),
 * multiplied by −0.74 when a negator occurs among the three words before it ("not good", "niet goed", "geen
 * fijne ervaring", "didn't like"), halved before and raised by half after a contrast word ("but", "maar"),
 * summed per item and normalised to [−1, 1] as {@code s / sqrt(s² + 15)} (VADER's compound score).
 *
 * <p>Words are taken from {@code lower(text)} here, not from silver's {@code tokens}: those are stemmed and have
 * the stop words removed, negators included. The work is one explode of (position, word, negated, boost,
 * contrast weight) per word, broadcast joins with the lexicon and the degree adverbs, and one aggregation per item.
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

  private LexiconScorer() {}

  /** Lower-cased words of a text, apostrophes kept ("don't"), everything else a separator. */
  public static Column words(Column text) {
    Column lowered = lower(translate(coalesce(text, lit("")), "’‘", "''"));
    return filter(split(lowered, "[^\\p{L}\\p{N}']+"), w -> length(regexp_replace(w, "'", "")).gt(0));
  }

  /** The lexicon an item's language selects. */
  public static Column lexiconKey(Column language) {
    return when(language.equalTo("en"), lit("en")).when(language.equalTo("nl"), lit("nl")).otherwise(lit(SentimentLexicon.ANY));
  }

  /**
   * Adds {@value #SCORE} (compound, −1 … 1; 0 without sentiment words) and {@value #HITS} (sentiment words
   * found) to rows with {@code feedback_id}, {@code text} and {@code language}.
   */
  public static Dataset<Row> score(Dataset<Row> items, SentimentLexicon lexicon) {
    Dataset<Row> modifiers = lexicon.modifiers(items.sparkSession());
    Dataset<Row> words = items.select(col("feedback_id"), lexiconKey(col("language")).as("_lexicon"), words(col("text")).as(WORDS))
        .join(broadcast(modifiers), "_lexicon");
    Column w = col(WORDS);
    // Computed once per item: inside the per-word lambda it would be evaluated again for every word.
    words = words.withColumn("_contrast_at",
        aggregate(col("_contrasts"), lit(0), (acc, c) -> greatest(acc, array_position(w, c).cast("int"))))
        // Where the negators are (0-based), found in one pass: per word, looking up each of the words before it in
        // the negator list again was most of the per-word work.
        .withColumn("_negated_at", filter(transform(w, (x, i) ->
            when(array_contains(col("_negators"), x).or(x.endsWith("n't")), i).otherwise(lit(-1))), p -> p.geq(0)));
    Column contrastAt = col("_contrast_at");
    Column positions = sequence(lit(0), size(w).minus(1));
    Column perWord = transform(positions, i -> struct(
        i.as("pos"),
        element_at(w, i.plus(1)).as("word"),
        exists(col("_negated_at"), p -> p.geq(i.minus(NEGATION_SCOPE)).and(p.lt(i))).as("negated"),
        when(i.gt(0), element_at(w, i)).as("previous"),
        when(contrastAt.equalTo(0), lit(1.0)).when(i.lt(contrastAt.minus(1)), lit(0.5))
            .when(i.gt(contrastAt.minus(1)), lit(1.5)).otherwise(lit(0.0)).as("contrast")));
    Column sign = signum(col("_valence"));
    Column value = col("_valence").plus(sign.multiply(col("boost")))
        .multiply(when(col("negated"), lit(NEGATION)).otherwise(lit(1.0)))
        .multiply(col("contrast"));
    // Degree adverbs are looked up by joins on the hits (few of the words), not in the booster map for every word:
    // a map lookup inside the per-word function is a linear scan, interpreted, and was the stage's largest cost
    // after the classifier's.
    Dataset<Row> boosters = modifiers.select(col("_lexicon"), explode(col("_boosters")).as(new String[] {"_booster", "_boost"}));
    Dataset<Row> hits = words.filter(size(w).gt(0))
        .select(col("feedback_id"), col("_lexicon"), inline(perWord))
        .withColumnRenamed("word", "_word")
        .join(broadcast(lexicon.words(items.sparkSession())), new String[] {"_lexicon", "_word"})
        .join(broadcast(boosters.withColumnRenamed("_booster", "previous")), new String[] {"_lexicon", "previous"}, "left")
        .withColumn("boost", coalesce(col("_boost"), lit(0.0)))
        .join(broadcast(boosters.select(col("_lexicon"), col("_booster").as("_word"), lit(true).as("_is_booster"))),
            new String[] {"_lexicon", "_word"}, "left")
        .select(col("feedback_id"), struct(col("pos"),
            coalesce(col("_is_booster"), lit(false)).as("modifier"), value.as("value")).as("hit"))
        // In word order (pos is the struct's first field): the shuffle delivers hits in any order, and a sum of
        // doubles in another order can differ in its last bits.
        .groupBy("feedback_id").agg(array_sort(collect_list("hit")).as("_hits"));
    // A degree adverb that is itself in the lexicon ("erg", "super", "totally") modifies the next sentiment
    // word rather than counting on its own.
    Column hitList = col("_hits");
    Column sum = aggregate(hitList, lit(0.0), (acc, h) -> acc.plus(
        when(h.getField("modifier").and(exists(hitList, g -> g.getField("pos").equalTo(h.getField("pos").plus(1)))), lit(0.0))
            .otherwise(h.getField("value"))));
    Dataset<Row> scored = hits.select(col("feedback_id"),
        sum.divide(sqrt(sum.multiply(sum).plus(ALPHA))).as(SCORE),
        size(hitList).as(HITS));
    return items.join(scored, new String[] {"feedback_id"}, "left")
        .withColumn(SCORE, coalesce(col(SCORE), lit(0.0)))
        .withColumn(HITS, coalesce(col(HITS), lit(0)));
  }

  /** The class a lexicon score stands for, with VADER's neutral band. */
  public static Column label(Column score) {
    return when(score.geq(NEUTRAL_BAND), lit(Sentiments.POSITIVE))
        .when(score.leq(-NEUTRAL_BAND), lit(Sentiments.NEGATIVE))
        .otherwise(lit(Sentiments.NEUTRAL));
  }
}
