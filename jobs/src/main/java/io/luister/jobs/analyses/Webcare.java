package io.luister.jobs.analyses;

import static io.luister.jobs.analyses.AnalysisColumns.ALL;
import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Webcare: did a brand's own accounts answer the questions and complaints customers addressed to it on social
 * media, and how fast? A reply is a post whose {@code in_reply_to} is the item's feedback_id, written by an own
 * account of the same brand. Only brands with configured accounts are measured.
 */
public final class Webcare {
  public static final String TABLE = "webcare";
  public static final String QUESTION = "question";
  public static final String COMPLAINT = "complaint";
  public static final String MEASURED = "measured";
  public static final String NOT_MEASURABLE = "not_measurable";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter (of the question or complaint; replies may come later).")
      .add("brand", DataTypes.StringType, "The brand addressed; its own accounts are expected to answer.")
      .add("platform", DataTypes.StringType, "Social platform; * = all platforms.")
      .add("category", DataTypes.StringType, "Unified category; * = all categories.")
      .add("kind", DataTypes.StringType,
          "question (ends with '?' or starts with a question word) or complaint (negative sentiment, not a question).")
      .add("items", DataTypes.LongType, "Customer posts of this kind.")
      .add("answered", DataTypes.LongType, "Posts with at least one reply from the brand's own accounts.")
      .add("unanswered", DataTypes.LongType, "items - answered.")
      .add("response_rate", DataTypes.DoubleType, "answered / items.")
      .add("median_minutes_to_first_reply", DataTypes.DoubleType, "Median time to the first own reply, answered posts only.")
      .add("p90_minutes_to_first_reply", DataTypes.DoubleType, "90th percentile of the time to the first own reply.")
      .add("status", DataTypes.StringType,
          "measured, or not_measurable when the exports hold no reply by the brand's own accounts at all: then answered, "
              + "unanswered, response_rate and the reply times are null, never 0.")
      .add("reason", DataTypes.StringType, "Why a row is not_measurable (null when measured).")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private Webcare() {}

  /**
   * @param posts silver social rows of the analysis period (the questions and complaints)
   * @param replies silver social rows that may be replies (the analysis period and later)
   * @param sentiment silver.sentiment rows, or null (then only questions are measured)
   * @param brandsWithAccounts the brands whose own accounts are configured
   */
  public static Dataset<Row> compute(Dataset<Row> posts, Dataset<Row> replies, Dataset<Row> sentiment,
      List<String> brandsWithAccounts, String runId) {
    Dataset<Row> customer = AnalysisColumns.customerVoice(posts)
        .filter(col("channel").equalTo(FeedbackUnion.SOCIAL).and(col("brand").isin(brandsWithAccounts.toArray())))
        .select(col("feedback_id"), col("period"), col("brand"), coalesce(col("platform"), lit("unknown")).as("platform"),
            coalesce(col("category"), lit("unclassified")).as("category"), col("published_at"),
            AnalysisColumns.isQuestion(col("text")).as("is_question"));
    Column kind;
    if (sentiment != null) {
      customer = customer.join(sentiment.select("feedback_id", "sentiment"), "feedback_id", "left");
      kind = when(col("is_question"), lit(QUESTION)).when(col("sentiment").equalTo("negative"), lit(COMPLAINT));
    } else {
      kind = when(col("is_question"), lit(QUESTION));
    }
    customer = customer.withColumn("kind", kind).filter(col("kind").isNotNull());
    Dataset<Row> firstReply = replies
        .filter(col("channel").equalTo(FeedbackUnion.SOCIAL).and(coalesce(col("own_account"), lit(false)))
            .and(col("in_reply_to").isNotNull()))
        .groupBy(col("in_reply_to").as("feedback_id"), col("author_brand").as("reply_brand"))
        .agg(min("published_at").as("first_reply_at"));
    Dataset<Row> joined = customer.join(firstReply,
            customer.col("feedback_id").equalTo(firstReply.col("feedback_id"))
                .and(customer.col("brand").equalTo(firstReply.col("reply_brand"))), "left")
        .drop(firstReply.col("feedback_id"))
        .withColumn("minutes", when(col("first_reply_at").isNotNull(),
            (unix_timestamp(col("first_reply_at")).minus(unix_timestamp(col("published_at")))).divide(60.0)));
    // A brand none of whose own accounts appears as a replier anywhere in the exports (reviews, or a social export
    // without the brand's own posts) cannot be measured: 0 % answered would blame the brand for what the export lacks.
    Dataset<Row> replying = firstReply.select(col("reply_brand").as("brand")).distinct()
        .withColumn("has_replies", lit(true));
    Column measurable = coalesce(col("has_replies"), lit(false));
    Dataset<Row> out = sums(joined, col("platform"), col("category"))
        .unionByName(sums(joined, col("platform"), lit(ALL).as("category")))
        .unionByName(sums(joined, lit(ALL).as("platform"), col("category")))
        .unionByName(sums(joined, lit(ALL).as("platform"), lit(ALL).as("category")))
        .join(replying, new String[] {"brand"}, "left")
        .withColumn("status", when(measurable, lit(MEASURED)).otherwise(lit(NOT_MEASURABLE)))
        .withColumn("reason", when(not(measurable), concat(lit("the exports hold no reply by "), col("brand"),
            lit("'s own accounts (none of their posts answers another post), so they cannot show whether customers "
                + "were answered"))))
        .withColumn("answered", when(measurable, col("answered")))
        .withColumn("median_minutes_to_first_reply", when(measurable, col("median_minutes_to_first_reply")))
        .withColumn("p90_minutes_to_first_reply", when(measurable, col("p90_minutes_to_first_reply")))
        .withColumn("unanswered", col("items").minus(col("answered")))
        .withColumn("response_rate", AnalysisColumns.safeShare(col("answered"), col("items")))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }

  private static Dataset<Row> sums(Dataset<Row> joined, Column platform, Column category) {
    return joined.groupBy(col("period"), col("brand"), platform, category, col("kind")).agg(
        count(lit(1)).as("items"),
        count(col("first_reply_at")).as("answered"),
        percentile(col("minutes"), lit(0.5)).as("median_minutes_to_first_reply"),
        percentile(col("minutes"), lit(0.9)).as("p90_minutes_to_first_reply"));
  }
}
