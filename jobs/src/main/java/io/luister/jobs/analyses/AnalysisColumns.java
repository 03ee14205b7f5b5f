package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.unify.FeedbackUnion;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Column definitions the analyses share, so every table counts the same things the same way. */
public final class AnalysisColumns {
  private AnalysisColumns() {}

  /** "All values" in a rolled-up dimension of a gold table. */
  public static final String ALL = "*";

  /**
   * Words that open a question in Dutch or English: interrogatives and the verbs that start a yes/no question
   * by inversion. A text is a question when it ends with '?' or its first word (after leading @mentions,
   * letters only, case-insensitive) is one of these. Documented in docs/ANALYSES.md.
   */
  public static final List<String> QUESTION_WORDS = List.of(
      // English interrogatives and inverted auxiliaries
      "what", "when", "where", "which", "who", "whom", "whose", "why", "how",
      "is", "are", "do", "does", "did", "can", "could", "will", "would", "should", "has", "have", "anyone",
      // Dutch interrogatives and inverted verbs
      "wat", "wanneer", "waar", "waarom", "waarvoor", "waarmee", "wie", "welk", "welke", "hoe", "hoeveel", "hoelang",
      "hoezo", "kan", "kun", "kunt", "kunnen", "mag", "moet", "is", "zijn", "heeft", "hebben", "weet", "weten", "klopt");

  /** Customers' own voice: not written by a brand's own account, about a known brand. */
  public static Dataset<Row> customerVoice(Dataset<Row> feedback) {
    return feedback.filter(not(coalesce(col("own_account"), lit(false))).and(col("brand").isNotNull()));
  }

  /** Channels whose rows are items a person wrote or did (not web statistics, which count views and searches). */
  public static final List<String> ITEM_CHANNELS =
      List.of(FeedbackUnion.SOCIAL, FeedbackUnion.CONTACT_CENTRE, FeedbackUnion.SURVEY);

  /** The question rule on a text column. */
  public static Column isQuestion(Column text) {
    Column trimmed = trim(text);
    // Social posts often end after the question mark with hashtags, links, mentions or emoji
    // ("What's the notice period at Acme? #opzeggen"): those trailing tokens are not the sentence's end. A token
    // with a question mark is kept ("Hoe zit dat @Acme?").
    Column sentence = regexp_replace(trimmed, "(\\s+([#@][^\\s?]+|https?://\\S*[^\\s?]|[^\\p{L}\\p{N}\\s?]+))+$", "");
    // A contraction's first part is the word ("What's" is "what", "How's" is "how").
    Column firstWord = lower(regexp_replace(regexp_replace(regexp_extract(trimmed, "^(?:@\\S*\\s+)*(\\S+)", 1),
        "['’].*$", ""), "[^\\p{L}]", ""));
    return coalesce(sentence.endsWith("?").or(firstWord.isin(QUESTION_WORDS.stream().distinct().toArray())), lit(false));
  }

  /** 0 = Monday 00:00–00:59 … 167 = Sunday 23:00–23:59, in the program's time zone. */
  public static Column hourOfWeek(Column utcTimestamp, String zone) {
    Column local = from_utc_timestamp(utcTimestamp, zone);
    return weekday(local).multiply(24).plus(hour(local));
  }

  /**
   * The weight of a post in reach-weighted figures: 1 (the author) + followers, capped at {@code cap}; items
   * without a reach (contacts, surveys) weigh 1.
   */
  public static Column cappedReach(double cap) {
    return lit(1.0).plus(least(coalesce(col("reach").cast("double"), lit(0.0)), lit(cap)));
  }

  /** NPS class of a 0–10 score: promoter (9–10), passive (7–8), detractor (0–6); null unless the scale is NPS. */
  public static Column npsClass() {
    return when(col("score_scale").notEqual("nps").or(col("score").isNull()), lit(null).cast("string"))
        .when(col("score").geq(9), lit("promoter"))
        .when(col("score").geq(7), lit("passive"))
        .otherwise(lit("detractor"));
  }

  /** Where on its own scale a score counts as satisfied: the top quarter (4–5 of 1–5, 7.75 and up of 1–10). */
  public static final double SATISFIED_POSITION = 0.75;

  /**
   * 1 for a satisfied score, 0 below, null for no score or an NPS score (NPS has its own measure). Judged per item
   * on the item's own scale (silver's score_min and score_max): a brand whose reviews mix a 1–5 and a 1–10 scale
   * gets 4 of 5 and 8 of 10 as satisfied, where a fixed "4 or more" would count 4 of 10 as satisfied and a
   * "csat/stars only" rule would drop the 1–10 items. On 1–5 this is the usual top-two-box CSAT (4 or 5).
   */
  public static Column csatSatisfied() {
    Column position = col("score").minus(col("score_min")).divide(col("score_max").minus(col("score_min")));
    return when(col("score").isNotNull().and(coalesce(col("score_scale"), lit("")).notEqual("nps"))
            .and(col("score_max").gt(col("score_min"))),
        when(position.geq(SATISFIED_POSITION - 1e-9), lit(1.0)).otherwise(lit(0.0)));
  }

  /** NPS (−100..100) from promoter and detractor counts and the number of respondents. */
  public static Column nps(Column promoters, Column detractors, Column respondents) {
    return when(respondents.gt(0), promoters.minus(detractors).multiply(100.0).divide(respondents));
  }

  /**
   * Sum of small values (sentiment scores, theme-membership weights) that is the same bit for bit whatever order
   * Spark adds the rows in: each value is rounded to 1e-9 and the rounded values are added as longs, which is
   * exact. A sum of doubles depends on that order, which differs between two runs, and between local mode and a
   * cluster; where scores cancel out, that difference is the whole result (a mean score of 1.2e-17 in one run and
   * 6.2e-18 in the next, and ties that rank differently). Exact up to 9.2e9 in total; over that Spark fails the
   * sum (ANSI) rather than wrapping. Null when every value is null, like sum().
   */
  static Column orderFreeSum(Column value) {
    return sum(rint(value.multiply(FIXED_POINT_UNIT)).cast("long")).divide(FIXED_POINT_UNIT);
  }

  private static final double FIXED_POINT_UNIT = 1e9;

  /** Mean with orderFreeSum's property (null values are left out, as avg() does). */
  static Column orderFreeMean(Column value) {
    return orderFreeSum(value).divide(count(value));
  }

  static Column safeShare(Column part, Column whole) {
    return when(whole.gt(0), part.cast("double").divide(whole));
  }
}
