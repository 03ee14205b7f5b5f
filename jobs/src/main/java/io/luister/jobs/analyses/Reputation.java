package io.luister.jobs.analyses;

import static io.luister.jobs.analyses.AnalysisColumns.ALL;
import static io.luister.jobs.analyses.AnalysisColumns.orderFreeSum;
import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.jobs.sentiment.SentimentAnalysis;
import io.luister.jobs.sentiment.Sentiments;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reputation per brand × channel × category (and × theme when themes exist): negative share, reach-weighted
 * negativity, mean sentiment, NPS and CSAT, and how much of the brand's detractors each subject holds (the
 * detractor categories and themes). Theme rows weigh an item by its theme-membership weight.
 */
public final class Reputation {
  public static final String TABLE = "reputation";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("subject_type", DataTypes.StringType, "category or theme.")
      .add("subject", DataTypes.StringType, "The category id or theme id; * = all items of the brand and channel.")
      .add("subject_label", DataTypes.StringType, "The theme's label (themes only).")
      .add("brand", DataTypes.StringType, "The brand the items are about.")
      .add("channel", DataTypes.StringType, "social, contact_centre or survey; * = all three.")
      .add("items", DataTypes.DoubleType, "Customer items (theme rows: summed membership weights).")
      .add("rated_items", DataTypes.DoubleType, "Items with a sentiment (free text only).")
      .add("negative", DataTypes.DoubleType, "Items with negative sentiment.")
      .add("neutral", DataTypes.DoubleType, "Items with neutral sentiment.")
      .add("positive", DataTypes.DoubleType, "Items with positive sentiment.")
      .add("negative_share", DataTypes.DoubleType, "negative / rated_items.")
      .add("rated_by_score", DataTypes.DoubleType,
          "Rated items whose sentiment is their own score or rating (sentiment_method score).")
      .add("rated_by_text", DataTypes.DoubleType,
          "Rated items whose sentiment was read from their text (a text model or the lexicon).")
      .add("score_based_share", DataTypes.DoubleType,
          "rated_by_score / rated_items: how much of the sentiment figures rests on the customers' own scores.")
      .add("reach_weighted_negativity", DataTypes.DoubleType,
          "Share of the rated items' capped reach (1 + followers, capped) that is negative; equals negative_share off social.")
      .add("mean_sentiment_score", DataTypes.DoubleType, "Mean sentiment score (-1..1) of the rated items.")
      .add("respondents", DataTypes.DoubleType, "Items with an NPS score (0-10).")
      .add("promoters", DataTypes.DoubleType, "NPS 9-10.")
      .add("passives", DataTypes.DoubleType, "NPS 7-8.")
      .add("detractors", DataTypes.DoubleType, "NPS 0-6.")
      .add("nps", DataTypes.DoubleType, "(promoters - detractors) / respondents x 100; null without respondents.")
      .add("csat_respondents", DataTypes.DoubleType, "Items with a score on a scale other than NPS (csat, stars, custom ranges).")
      .add("csat", DataTypes.DoubleType,
          "Share of csat_respondents scoring in the top quarter of their own item's scale (4-5 of 1-5, 8-10 of 1-10).")
      .add("detractor_share", DataTypes.DoubleType,
          "This subject's share of all the brand's detractors in the channel: which categories/themes detractors are about.")
      .add("detractor_rank", DataTypes.IntegerType, "1 = the subject with most detractors in the brand and channel.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private Reputation() {}

  /**
   * @param feedback silver rows of the analysis period
   * @param sentiment silver.sentiment rows (feedback_id, sentiment, sentiment_score, sentiment_method), or null when absent
   * @param membership gold.theme_membership rows of the period (feedback_id, theme_id, weight), or null
   * @param themes gold.themes rows of the period (theme_id, label), or null
   */
  public static Dataset<Row> compute(Dataset<Row> feedback, Dataset<Row> sentiment, Dataset<Row> membership,
      Dataset<Row> themes, double reachCap, String runId) {
    Dataset<Row> items = AnalysisColumns.customerVoice(feedback)
        .filter(col("channel").isin(AnalysisColumns.ITEM_CHANNELS.toArray()))
        .select(col("feedback_id"), col("period"), col("brand"), col("channel"),
            coalesce(col("category"), lit("unclassified")).as("category"),
            AnalysisColumns.cappedReach(reachCap).as("reach_w"), AnalysisColumns.npsClass().as("nps_class"),
            AnalysisColumns.csatSatisfied().as("csat_ok"));
    if (sentiment != null) {
      items = items.join(sentiment.select(col("feedback_id"), col("sentiment"), col("sentiment_score"),
          col(SentimentAnalysis.METHOD)), "feedback_id", "left");
    } else {
      items = items.withColumn("sentiment", lit(null).cast("string")).withColumn("sentiment_score", lit(null).cast("double"))
          .withColumn(SentimentAnalysis.METHOD, lit(null).cast("string"));
    }
    Dataset<Row> byCategory = aggregate(items.withColumn("m", lit(1.0)).withColumn("subject", col("category")))
        .withColumn("subject_type", lit("category")).withColumn("subject_label", lit(null).cast("string"));
    Dataset<Row> out = byCategory;
    if (membership != null) {
      Dataset<Row> weighted = items.join(membership.select(col("feedback_id"), col("theme_id").as("subject"),
          col("weight").cast("double").as("m")), "feedback_id");
      Dataset<Row> byTheme = aggregate(weighted).withColumn("subject_type", lit("theme"));
      byTheme = themes == null ? byTheme.withColumn("subject_label", lit(null).cast("string"))
          : byTheme.join(themes.select(col("theme_id").as("subject"), col("label").cast("string").as("subject_label"))
              .dropDuplicates("subject"),
              "subject", "left");
      out = out.unionByName(byTheme);
    }
    out = out
        .withColumn("detractor_share", AnalysisColumns.safeShare(col("detractors"),
            sum(when(col("subject").notEqual(ALL), col("detractors"))).over(
                Window.partitionBy("period", "subject_type", "brand", "channel"))))
        .withColumn("detractor_rank", when(col("subject").notEqual(ALL).and(col("detractors").gt(0)),
            rank().over(Window.partitionBy(col("period"), col("subject_type"), col("brand"), col("channel"),
                col("subject").equalTo(ALL)).orderBy(col("detractors").desc()))))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }

  /** Sums per (subject, brand, channel) plus the roll-ups channel = * and subject = *; m = the item's weight. */
  private static Dataset<Row> aggregate(Dataset<Row> weighted) {
    Dataset<Row> a = sums(weighted, col("subject"), col("channel"));
    Dataset<Row> b = sums(weighted, col("subject"), lit(ALL).as("channel"));
    Dataset<Row> c = sums(weighted, lit(ALL).as("subject"), col("channel"));
    Dataset<Row> d = sums(weighted, lit(ALL).as("subject"), lit(ALL).as("channel"));
    return a.unionByName(b).unionByName(c).unionByName(d);
  }

  private static Dataset<Row> sums(Dataset<Row> w, Column subject, Column channel) {
    Column m = col("m");
    Column rated = col("sentiment").isNotNull();
    Column negative = col("sentiment").equalTo("negative");
    // Counts and scores are summed order-free, so a rerun or a cluster gives the same means and the same detractor
    // ranks; the reach sums are unbounded, never cancel and only feed a share, so they stay plain sums.
    return w.groupBy(col("period"), col("brand"), subject, channel).agg(
            orderFreeSum(m).as("items"),
            orderFreeSum(when(rated, m)).as("rated_items"),
            orderFreeSum(when(rated.and(col(SentimentAnalysis.METHOD).equalTo(Sentiments.BY_SCORE)), m)).as("rated_by_score"),
            orderFreeSum(when(rated.and(col(SentimentAnalysis.METHOD).notEqual(Sentiments.BY_SCORE)), m)).as("rated_by_text"),
            orderFreeSum(when(negative, m)).as("negative"),
            orderFreeSum(when(col("sentiment").equalTo("neutral"), m)).as("neutral"),
            orderFreeSum(when(col("sentiment").equalTo("positive"), m)).as("positive"),
            sum(when(negative, m.multiply(col("reach_w")))).as("neg_reach"),
            sum(when(rated, m.multiply(col("reach_w")))).as("rated_reach"),
            orderFreeSum(when(rated, m.multiply(col("sentiment_score")))).as("score_sum"),
            orderFreeSum(when(col("nps_class").isNotNull(), m)).as("respondents"),
            orderFreeSum(when(col("nps_class").equalTo("promoter"), m)).as("promoters"),
            orderFreeSum(when(col("nps_class").equalTo("passive"), m)).as("passives"),
            orderFreeSum(when(col("nps_class").equalTo("detractor"), m)).as("detractors"),
            orderFreeSum(when(col("csat_ok").isNotNull(), m)).as("csat_respondents"),
            orderFreeSum(m.multiply(col("csat_ok"))).as("csat_sum"))
        .na().fill(0.0, new String[] {"rated_items", "rated_by_score", "rated_by_text", "negative", "neutral", "positive", "respondents", "promoters",
            "passives", "detractors", "csat_respondents"})
        .withColumn("negative_share", AnalysisColumns.safeShare(col("negative"), col("rated_items")))
        .withColumn("score_based_share", AnalysisColumns.safeShare(col("rated_by_score"), col("rated_items")))
        .withColumn("reach_weighted_negativity",
            AnalysisColumns.safeShare(coalesce(col("neg_reach"), lit(0.0)), col("rated_reach")))
        .withColumn("mean_sentiment_score", AnalysisColumns.safeShare(col("score_sum"), col("rated_items")))
        .withColumn("nps", AnalysisColumns.nps(col("promoters"), col("detractors"), col("respondents")))
        .withColumn("csat", AnalysisColumns.safeShare(col("csat_sum"), col("csat_respondents")));
  }
}
