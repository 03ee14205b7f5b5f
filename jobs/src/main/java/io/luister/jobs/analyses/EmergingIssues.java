package io.luister.jobs.analyses;

import static io.luister.jobs.analyses.AnalysisColumns.ALL;
import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.common.config.AnalysesSettings;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Emerging issues: weekly volumes per brand × channel × category (and theme) that are clearly above or below
 * what their own history predicts. Spark aggregates the weekly counts (their number depends on subjects and
 * weeks, not on items); {@link AlertModel} tests them on the driver.
 */
public final class EmergingIssues {
  public static final String TABLE = "alerts";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter (a week belongs to the quarter of its Thursday).")
      .add("week", DataTypes.DateType, "Monday of the week (local time zone).")
      .add("iso_week", DataTypes.StringType, "The ISO week (2026-W33).")
      .add("brand", DataTypes.StringType, "The brand the items are about.")
      .add("channel", DataTypes.StringType, "The channel; * = social, contact centre and survey together, only for a brand heard on two or more of them (for one it would repeat that channel's alert).")
      .add("subject_type", DataTypes.StringType, "category or theme.")
      .add("subject", DataTypes.StringType, "The category id or theme id.")
      .add("direction", DataTypes.StringType, "up (more than expected) or down (fewer).")
      .add("observed", DataTypes.DoubleType, "Items this week (web channels: summed views or searches; themes: membership weights), rounded.")
      .add("expected", DataTypes.DoubleType, "Expected items: the subject's median daily rate over the trailing weeks x this week's days with data in the brand and channel.")
      .add("ratio", DataTypes.DoubleType, "observed / expected.")
      .add("dispersion", DataTypes.DoubleType, "Variance / mean of the count model (1 = Poisson), estimated robustly from the history.")
      .add("history_weeks", DataTypes.IntegerType, "Trailing weeks the expectation was estimated from.")
      .add("p_value", DataTypes.DoubleType, "One-sided negative-binomial tail probability of a count at least this extreme.")
      .add("q_value", DataTypes.DoubleType, "Benjamini-Hochberg adjusted p-value over every test of the run.")
      .add("severity", DataTypes.DoubleType, "For ordering: |log2 ratio| x log10(1 + |observed - expected|) x evidence (0..1).")
      .add("episode_start", DataTypes.DateType, "Monday of the first week of the run of consecutive alert weeks this week belongs to.")
      .add("episode_start_iso_week", DataTypes.StringType, "The same as an ISO week.")
      .add("weeks_running", DataTypes.IntegerType, "How many weeks the episode has lasted up to and including this week.")
      .add("episode_weeks", DataTypes.IntegerType, "How many consecutive weeks the episode lasts in the period.")
      .add("rated_items", DataTypes.DoubleType, "Items of this week and subject with a sentiment (null: no silver.sentiment).")
      .add("negative_items", DataTypes.DoubleType, "Of those, negative.")
      .add("positive_items", DataTypes.DoubleType, "Of those, positive.")
      .add("polarity", DataTypes.StringType,
          "What the week's items say: negative (more negative than positive items: complaints rising), praise (more "
              + "positive), mixed (as many), unknown (no item with a sentiment: web statistics, or no silver.sentiment).")
      .add("explanation_en", DataTypes.StringType, "One sentence for people, naming the brand and the polarity.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private EmergingIssues() {}

  /**
   * @param feedback silver rows of the analysis period and its baseline periods
   * @param membership gold.theme_membership rows (feedback_id, theme_id, weight), or null
   */
  public static List<AlertModel.Alert> detect(Dataset<Row> feedback, Dataset<Row> membership, String period,
      AnalysesSettings settings) {
    Dataset<Row> items = AnalysisColumns.customerVoice(feedback)
        .select(col("feedback_id"), col("brand"), col("channel"), col("week"), col("day"), col("weight").cast("double").as("w"),
            coalesce(col("category"), lit("unclassified")).as("category"));
    // Channel "*": the item channels together (web rows count views and searches, not items).
    Dataset<Row> both = items.unionByName(items.filter(col("channel").isin(AnalysisColumns.ITEM_CHANNELS.toArray()))
        .withColumn("channel", lit(ALL)));
    List<AlertModel.WeekCount> counts = new ArrayList<>();
    both.groupBy("brand", "channel", "category", "week").agg(sum("w")).collectAsList()
        .forEach(r -> counts.add(new AlertModel.WeekCount(r.getString(0), r.getString(1), "category", r.getString(2),
            r.getDate(3).toLocalDate(), r.getDouble(4))));
    if (membership != null) {
      // Items none of whose terms the theme model knows have no theme (theme_id and weight null): no theme series.
      Dataset<Row> themed = membership.filter(col("theme_id").isNotNull())
          .select(col("feedback_id"), col("theme_id"), coalesce(col("weight").cast("double"), lit(1.0)).as("m"));
      both.join(themed, "feedback_id")
          .groupBy("brand", "channel", "theme_id", "week").agg(coalesce(sum(col("w").multiply(col("m"))), lit(0.0)))
          .collectAsList()
          .forEach(r -> counts.add(new AlertModel.WeekCount(r.getString(0), r.getString(1), "theme", r.getString(2),
              r.getDate(3).toLocalDate(), r.getDouble(4))));
    }
    List<AlertModel.WeekTotal> totals = new ArrayList<>();
    both.groupBy("brand", "channel", "week").agg(count_distinct(col("day")).cast("double")).collectAsList()
        .forEach(r -> totals.add(new AlertModel.WeekTotal(r.getString(0), r.getString(1), r.getDate(2).toLocalDate(),
            r.getDouble(3))));
    // A brand heard on one item channel only (a competitor on social; a single-channel export) has a channel-* series
    // equal to that channel's: tested twice, it would alert twice for one rise and count twice in the
    // Benjamini-Hochberg correction.
    Set<String> singleChannel = singleItemChannelBrands(totals);
    counts.removeIf(c -> c.channel().equals(ALL) && singleChannel.contains(c.brand()));
    totals.removeIf(t -> t.channel().equals(ALL) && singleChannel.contains(t.brand()));
    return AlertModel.detect(counts, totals, period, settings);
  }

  /** Brands whose items of the window come from at most one item channel. */
  static Set<String> singleItemChannelBrands(List<AlertModel.WeekTotal> totals) {
    Map<String, Set<String>> channels = new HashMap<>();
    for (AlertModel.WeekTotal t : totals) {
      Set<String> of = channels.computeIfAbsent(t.brand(), b -> new HashSet<>());
      if (AnalysisColumns.ITEM_CHANNELS.contains(t.channel())) {
        of.add(t.channel());
      }
    }
    Set<String> single = new HashSet<>();
    channels.forEach((brand, of) -> {
      if (of.size() <= 1) {
        single.add(brand);
      }
    });
    return single;
  }

  public static Dataset<Row> frame(SparkSession spark, List<AlertModel.Alert> alerts, String period, String runId) {
    List<Row> rows = new ArrayList<>();
    for (AlertModel.Alert a : alerts) {
      AlertModel.Test t = a.test();
      rows.add(RowFactory.create(period, Date.valueOf(t.week()), AlertModel.isoWeek(t.week()), t.brand(), t.channel(),
          t.subjectType(), t.subject(), t.direction(), t.observed(), t.expected(), t.ratio(), t.dispersion(),
          t.historyWeeks(), t.pValue(), a.qValue(), a.severity(), Date.valueOf(a.episodeStart()),
          AlertModel.isoWeek(a.episodeStart()), a.weeksRunning(), a.episodeWeeks(), null, null, null, UNKNOWN,
          explanation(a), runId));
    }
    return spark.createDataFrame(rows, SCHEMA).coalesce(1);
  }

  public static final String NEGATIVE = "negative";
  public static final String PRAISE = "praise";
  public static final String MIXED = "mixed";
  public static final String UNKNOWN = "unknown";

  /**
   * Fills rated_items, negative_items, positive_items and polarity of alert rows ({@link #frame}) from the
   * sentiment of the week's items of the same brand, channel and subject, and says the polarity in the explanation:
   * a burst of five-star reviews and a burst of complaints are both a rise, but they mean opposite things.
   *
   * @param feedback silver rows covering the alerts' weeks (only those weeks are read)
   * @param sentiment silver.sentiment rows, or null (every alert's polarity stays unknown)
   * @param membership gold.theme_membership rows (feedback_id, theme_id), or null (theme alerts stay unknown)
   */
  public static Dataset<Row> withPolarity(Dataset<Row> alerts, Dataset<Row> feedback, Dataset<Row> sentiment,
      Dataset<Row> membership) {
    Dataset<Row> out = alerts.drop("rated_items", "negative_items", "positive_items", "polarity");
    if (sentiment == null) {
      out = out.withColumn("rated_items", lit(null).cast("double")).withColumn("negative_items", lit(null).cast("double"))
          .withColumn("positive_items", lit(null).cast("double"));
    } else {
      // Only the alerts' weeks are joined with the sentiment and counted: the feedback spans the baseline too, and
      // the alerts are a handful of weeks of the period. The alert frame is a local relation of the alerts the
      // driver holds, so its distinct weeks are bounded by the number of alerts.
      Object[] alertWeeks = alerts.select("week").distinct().collectAsList().stream().map(r -> r.get(0)).toArray();
      Dataset<Row> rated = AnalysisColumns.customerVoice(feedback)
          .filter(col("channel").isin(AnalysisColumns.ITEM_CHANNELS.toArray()).and(col("week").isin(alertWeeks)))
          .select(col("feedback_id"), col("brand"), col("channel"), col("week"),
              coalesce(col("category"), lit("unclassified")).as("category"))
          .join(sentiment.select("feedback_id", "sentiment"), "feedback_id");
      rated = rated.unionByName(rated.withColumn("channel", lit(ALL)));
      Dataset<Row> counts = polaritySums(rated.withColumn("subject_type", lit("category")).withColumn("subject", col("category")));
      if (membership != null) {
        counts = counts.unionByName(polaritySums(rated.join(membership.filter(col("theme_id").isNotNull())
                .select(col("feedback_id"), col("theme_id").as("subject")).distinct(), "feedback_id")
            .withColumn("subject_type", lit("theme"))));
      }
      out = out.join(counts, new String[] {"brand", "channel", "subject_type", "subject", "week"}, "left")
          .withColumn("rated_items", coalesce(col("rated_items"), lit(0.0)))
          .withColumn("negative_items", coalesce(col("negative_items"), lit(0.0)))
          .withColumn("positive_items", coalesce(col("positive_items"), lit(0.0)));
    }
    Column polarity = when(coalesce(col("rated_items"), lit(0.0)).leq(0), lit(UNKNOWN))
        .when(col("negative_items").gt(col("positive_items")), lit(NEGATIVE))
        .when(col("positive_items").gt(col("negative_items")), lit(PRAISE))
        .otherwise(lit(MIXED));
    out = out.withColumn("polarity", polarity)
        .withColumn("explanation_en", concat(col("explanation_en"), lit(" "),
            when(col("polarity").equalTo(NEGATIVE), concat(lit("A rise of negative talk: "), col("negative_items").cast("long"),
                lit(" of "), col("rated_items").cast("long"), lit(" items with a sentiment negative, "),
                col("positive_items").cast("long"), lit(" positive.")))
            .when(col("polarity").equalTo(PRAISE), concat(lit("A rise of praise: "), col("positive_items").cast("long"),
                lit(" of "), col("rated_items").cast("long"), lit(" items with a sentiment positive, "),
                col("negative_items").cast("long"), lit(" negative.")))
            .when(col("polarity").equalTo(MIXED), concat(lit("Mixed: as many negative as positive items ("),
                col("negative_items").cast("long"), lit(").")))
            .otherwise(lit("Whether praise or complaints cannot be told: no item of this week has a sentiment."))));
    return GoldSchema.conform(out, SCHEMA);
  }

  private static Dataset<Row> polaritySums(Dataset<Row> rated) {
    return rated.groupBy("brand", "channel", "subject_type", "subject", "week").agg(
        count(lit(1)).cast("double").as("rated_items"),
        sum(when(col("sentiment").equalTo("negative"), 1.0).otherwise(0.0)).as("negative_items"),
        sum(when(col("sentiment").equalTo("positive"), 1.0).otherwise(0.0)).as("positive_items"));
  }

  public static String explanation(AlertModel.Alert a) {
    AlertModel.Test t = a.test();
    String where = t.channel().equals(ALL) ? "all channels" : t.channel();
    return String.format(Locale.ROOT,
        "%s '%s' about %s on %s: %.0f in %s where %.1f were expected (%.1fx, q = %.2g); %s since %s (week %d of %d).",
        t.subjectType(), t.subject(), t.brand(), where, t.observed(), AlertModel.isoWeek(t.week()), t.expected(),
        t.ratio(), a.qValue(), t.direction().equals("up") ? "rising" : "falling", AlertModel.isoWeek(a.episodeStart()),
        a.weeksRunning(), a.episodeWeeks());
  }
}
