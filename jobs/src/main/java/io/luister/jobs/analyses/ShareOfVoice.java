package io.luister.jobs.analyses;

import static io.luister.jobs.analyses.AnalysisColumns.ALL;
import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Share of voice: each brand's customer mentions as a share of all brands' mentions in the same cell (period ×
 * channel × platform × category, or × hour of the week), by count and weighted by capped reach. Web statistics
 * are left out: page views and searches on our own site are never about a competitor.
 */
public final class ShareOfVoice {
  public static final String TABLE = "share_of_voice";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter (2026-Q3).")
      .add("channel", DataTypes.StringType, "social, contact_centre or survey; * = all of them.")
      .add("platform", DataTypes.StringType, "Platform or contact channel (twitter, phone, ...); * = all; unknown = not given.")
      .add("category", DataTypes.StringType, "Unified category; * = all categories.")
      .add("hour_of_week", DataTypes.IntegerType, "0 = Monday 00h … 167 = Sunday 23h in the program's time zone; null = all hours.")
      .add("brand", DataTypes.StringType, "The brand the mentions are about.")
      .add("mentions", DataTypes.LongType, "Customer items about the brand in the cell (own-account posts excluded).")
      .add("mentions_all_brands", DataTypes.LongType, "Customer items about any configured brand in the cell.")
      .add("share_of_voice", DataTypes.DoubleType, "mentions / mentions_all_brands (the unweighted share).")
      .add("reach_weighted", DataTypes.DoubleType, "Sum over the brand's items of 1 + followers capped at reach_cap.")
      .add("reach_weighted_all_brands", DataTypes.DoubleType, "The same sum over all brands in the cell.")
      .add("reach_share_of_voice", DataTypes.DoubleType, "reach_weighted / reach_weighted_all_brands.")
      .add("reach_cap", DataTypes.DoubleType, "Followers above this count as this (the configured percentile of the period's posts).")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private ShareOfVoice() {}

  /** {@code feedback}: silver rows of the analysis period. */
  public static Dataset<Row> compute(Dataset<Row> feedback, String zone, double reachCap, String runId) {
    Dataset<Row> items = AnalysisColumns.customerVoice(feedback)
        .filter(col("channel").isin(AnalysisColumns.ITEM_CHANNELS.toArray()))
        .select(col("period"), col("channel"), coalesce(col("platform"), lit("unknown")).as("platform"),
            coalesce(col("category"), lit("unclassified")).as("category"),
            AnalysisColumns.hourOfWeek(col("published_at"), zone).as("hour_of_week"), col("brand"),
            AnalysisColumns.cappedReach(reachCap).as("w"));
    // Grouping sets written out: each set keeps some dimensions and rolls the others up to "*".
    List<String[]> sets = List.of(
        new String[] {"channel", "platform", "category"},
        new String[] {"channel", "platform"},
        new String[] {"channel", "category"},
        new String[] {"channel"},
        new String[] {"category"},
        new String[] {},
        new String[] {"channel", "platform", "hour_of_week"},
        new String[] {"channel", "hour_of_week"},
        new String[] {"hour_of_week"});
    Dataset<Row> cells = null;
    for (String[] kept : sets) {
      List<String> keep = List.of(kept);
      List<Column> keys = new ArrayList<>(List.of(col("period"), col("brand")));
      keep.forEach(k -> keys.add(col(k)));
      Dataset<Row> g = items.groupBy(keys.toArray(Column[]::new))
          .agg(count(lit(1)).as("mentions"), sum("w").as("reach_weighted"));
      for (String d : List.of("channel", "platform", "category")) {
        if (!keep.contains(d)) {
          g = g.withColumn(d, lit(ALL));
        }
      }
      if (!keep.contains("hour_of_week")) {
        g = g.withColumn("hour_of_week", lit(null).cast("int"));
      }
      g = g.select("period", "channel", "platform", "category", "hour_of_week", "brand", "mentions", "reach_weighted");
      cells = cells == null ? g : cells.unionByName(g);
    }
    WindowSpec cell = Window.partitionBy("period", "channel", "platform", "category", "hour_of_week");
    Dataset<Row> out = cells
        .withColumn("mentions_all_brands", sum("mentions").over(cell))
        .withColumn("reach_weighted_all_brands", sum("reach_weighted").over(cell))
        .withColumn("share_of_voice", AnalysisColumns.safeShare(col("mentions"), col("mentions_all_brands")))
        .withColumn("reach_share_of_voice",
            AnalysisColumns.safeShare(col("reach_weighted"), col("reach_weighted_all_brands")))
        .withColumn("reach_cap", lit(reachCap))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }

  /**
   * The reach cap of each period: the given percentile of followers over the period's customer social posts (a
   * bounded, one-number summary per period, all periods in one aggregation). A period without a post that has a
   * reach is absent: nothing is capped there ({@link Double#POSITIVE_INFINITY}).
   */
  public static Map<String, Double> reachCaps(Dataset<Row> feedback, double percentile) {
    Map<String, Double> caps = new HashMap<>();
    AnalysisColumns.customerVoice(feedback).filter(col("channel").equalTo(FeedbackUnion.SOCIAL))
        .groupBy("period").agg(percentile_approx(col("reach").cast("double"), lit(percentile), lit(10_000)))
        .collectAsList()   // one row per period
        .forEach(r -> caps.put(r.getString(0), r.isNullAt(1) ? Double.POSITIVE_INFINITY : Math.max(0, r.getDouble(1))));
    return caps;
  }
}
