package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.jobs.sentiment.IntentClassifier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Opportunities and leads: customers who want to buy, move to a brand, cancel or leave, or ask which brand to choose
 * (silver.sentiment's {@code intent}, docs/INTENTS.md), per brand — ours and the competitors'. Two tables: the
 * counts ({@value #TABLE}: additive, no roll-up rows, so a BI tool may sum any of its columns) and the items a
 * webcare team can act on ({@value #ITEMS_TABLE}). One table with a grain column would make every count query filter
 * out the item rows and leave half the columns empty on either kind.
 *
 * <p>Which brand: an item's intent is about the item's brand (silver's {@code brand}); a switch_to is about the
 * brand it names as its target ({@code intent_target}), and is also a switch_away for the item's brand when that is
 * another brand ("Bye Stroomlijn, switching to Zonnewijs": a win for Zonnewijs, a loss for Stroomlijn). A switch_to
 * whose target is no configured brand is a switch_away for the item's brand only.
 */
public final class Opportunities {
  public static final String TABLE = "opportunities";
  public static final String ITEMS_TABLE = "opportunity_items";
  /** How an item's brand was found: {@link #ITEM_BRAND}, {@link #NAMED_TARGET}, {@link #LEFT_FOR_NAMED}, {@link #LEFT_FOR_OTHER}. */
  public static final String ITEM_BRAND = "item_brand";
  public static final String NAMED_TARGET = "named_target";
  public static final String LEFT_FOR_NAMED = "left_for_named_brand";
  public static final String LEFT_FOR_OTHER = "left_for_unconfigured_brand";

  private static final String INTENTS = "purchase (wants to buy, order or get a quote; asks where to buy), switch_to "
      + "(moving to the brand), switch_away (cancels, leaves, moves to another), recommendation_request (asks which "
      + "brand or product to choose).";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("week", DataTypes.DateType, "Monday of the week (local) the items were written.")
      .add("brand", DataTypes.StringType, "The brand the intent is about (ours or a competitor; see brand_rule of gold.opportunity_items).")
      .add("channel", DataTypes.StringType, "social, contact_centre or survey.")
      .add("source", DataTypes.StringType, "The configured source the items came from.")
      .add("intent", DataTypes.StringType, INTENTS)
      .add("items", DataTypes.LongType, "Customer items with this intent about this brand (additive: no roll-up rows).")
      .add("authors", DataTypes.LongType, "Distinct authors or customers (pseudonyms) among them; not additive over rows.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  public static final StructType ITEMS_SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("week", DataTypes.DateType, "Monday of the week (local) the item was written.")
      .add("published_at", DataTypes.TimestampType, "When the item was written (UTC).")
      .add("brand", DataTypes.StringType, "The brand the intent is about.")
      .add("intent", DataTypes.StringType, INTENTS)
      .add("brand_rule", DataTypes.StringType,
          "How the brand was found: item_brand (the item's brand in silver), named_target (the brand a switch_to names), "
              + "left_for_named_brand (the item's brand, which a switch_to to another configured brand leaves), "
              + "left_for_unconfigured_brand (the item's brand, which a switch_to to an unconfigured brand leaves).")
      .add("channel", DataTypes.StringType, "social, contact_centre or survey.")
      .add("source", DataTypes.StringType, "The configured source.")
      .add("platform", DataTypes.StringType, "Social platform; null for other channels.")
      .add("feedback_id", DataTypes.StringType, "The item in silver.feedback (<source>:<id>).")
      .add("author", DataTypes.StringType, "The author's keyed pseudonym (au_...), or the customer's (cu_...) for a contact or survey; never a handle.")
      .add("text", DataTypes.StringType, "The item's text, masked as in silver (e-mail addresses, phone numbers, IBANs).")
      .add("sentiment", DataTypes.StringType, "The item's sentiment (silver.sentiment).")
      .add("reach", DataTypes.LongType, "The author's followers for a social post; null otherwise.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private Opportunities() {}

  /**
   * @param feedback silver rows of the analysis period
   * @param sentiment silver.sentiment rows with the intent columns
   */
  public static Dataset<Row> items(Dataset<Row> feedback, Dataset<Row> sentiment, String runId) {
    Dataset<Row> withIntent = feedback
        .filter(not(coalesce(col("own_account"), lit(false)))
            .and(col("channel").isin(AnalysisColumns.ITEM_CHANNELS.toArray())))
        .select(col("feedback_id"), col("period"), col("week"), col("published_at"), col("brand").as("item_brand"),
            col("channel"), col("source"), col("platform"), coalesce(col("author"), col("customer_id")).as("author"),
            col("text"), col("reach"))
        .join(sentiment.select(IntentClassifier.INTENT, IntentClassifier.TARGET, "sentiment", "feedback_id"),
            "feedback_id")
        .filter(col(IntentClassifier.INTENT).notEqual(IntentClassifier.NONE));
    Column switchTo = col(IntentClassifier.INTENT).equalTo(IntentClassifier.SWITCH_TO);
    Column target = col(IntentClassifier.TARGET);
    Dataset<Row> stated = withIntent
        .withColumn("brand", when(switchTo, target).otherwise(col("item_brand")))
        .withColumn("brand_rule", when(switchTo, lit(NAMED_TARGET)).otherwise(lit(ITEM_BRAND)));
    // The brand a switch_to leaves: the item's own, when the target is another brand or none configured.
    Dataset<Row> left = withIntent
        .filter(switchTo.and(col("item_brand").isNotNull())
            .and(target.isNull().or(target.notEqual(col("item_brand")))))
        .withColumn("brand", col("item_brand"))
        .withColumn("brand_rule", when(target.isNull(), lit(LEFT_FOR_OTHER)).otherwise(lit(LEFT_FOR_NAMED)))
        .withColumn(IntentClassifier.INTENT, lit(IntentClassifier.SWITCH_AWAY));
    Dataset<Row> out = stated.unionByName(left).filter(col("brand").isNotNull()).withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, ITEMS_SCHEMA);
  }

  /** The counts of the items: period x week x brand x channel x source x intent. */
  public static Dataset<Row> counts(Dataset<Row> items, String runId) {
    Dataset<Row> out = items.groupBy("period", "week", "brand", "channel", "source", "intent")
        .agg(count(lit(1)).as("items"), count_distinct(col("author")).as("authors"))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }
}
