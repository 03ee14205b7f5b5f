package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import io.luister.common.config.ProgramConfig;
import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.InputTables;
import io.luister.jobs.SideBySide;
import io.luister.jobs.sentiment.IntentClassifier;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The analyses stage: silver.feedback (+ silver.sentiment, gold.theme_membership and gold.themes when present)
 * → gold.share_of_voice, gold.reputation, gold.critical_authors, gold.webcare, gold.opportunity_items,
 * gold.opportunities, gold.alerts, gold.channel_mix, gold.customer_journeys and gold.journey_summary for one period. Reading and writing only; the analyses are
 * the pure transformations of this package. Method: docs/ANALYSES.md.
 */
public final class AnalysesStage {
  public static final String NAME = "analyse";

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Warehouse warehouse;

  private final int concurrentWrites;

  /** @param concurrentWrites how many of the stage's tables are computed and written at once (1: one at a time) */
  public AnalysesStage(SparkSession spark, ProgramConfig config, Warehouse warehouse, int concurrentWrites) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.concurrentWrites = concurrentWrites;
  }

  /**
   * What the stage wrote for one period.
   *
   * @param rowsWritten gold table → rows written for the period
   * @param notes what was skipped and why, for the log
   * @param alerts the alerts found, most severe first
   */
  public record Result(Map<String, Long> rowsWritten, List<String> notes, List<AlertModel.Alert> alerts) {}

  /**
   * Computes every table for {@code periods} (each with its own {@code baselinePeriods} quarters of history) in one
   * pass: silver is read and persisted once over all their windows, and each table is written in one Delta commit
   * that replaces those periods. A first run backfills four quarters before the analysis period; one stage call per
   * quarter paid the planning, the jobs and the commits of every table five times (docs/performance.md). Each
   * period's rows are computed exactly as on their own (the same transformation over the same rows), so the output
   * does not depend on which periods share a pass.
   *
   * @return per period, in the order given
   */
  public Map<String, Result> run(List<String> periods, int baselinePeriods, String runId) {
    Map<String, List<String>> windows = new LinkedHashMap<>();
    periods.forEach(p -> windows.put(p, Periods.window(p, baselinePeriods)));
    List<String> allPeriods = windows.values().stream().flatMap(List::stream).distinct().sorted().toList();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    periods.forEach(p -> notes.put(p, new ArrayList<>()));
    Dataset<Row> history = InputTables.feedback(spark, warehouse, NAME).filter(col("period").isin(allPeriods.toArray()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> current = history.filter(col("period").isin(periods.toArray()));
    // Read by the journeys table and its summary; persisting is lazy, so nothing is computed before they run. Every
    // aggregate of the journeys is grouped by period, so all periods are computed at once.
    Dataset<Row> journeys = CustomerJourneys.journeys(current, runId).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> shared = new ArrayList<>();
      Dataset<Row> sentiment = optional(Layer.SILVER, "sentiment", allPeriods, shared,
          "sentiment columns of gold.reputation stay empty, gold.critical_authors, webcare complaints and the opportunities are skipped");
      Dataset<Row> membership = optional(Layer.GOLD, "theme_membership", allPeriods, shared,
          "theme rows of gold.reputation and gold.alerts are skipped");
      if (membership != null) {
        // Items none of whose terms the theme model knows are members of no theme (theme_id null).
        membership = membership.filter(col("theme_id").isNotNull());
      }
      Dataset<Row> themes = membership == null ? null
          : optional(Layer.GOLD, "themes", periods, shared, "theme labels are left empty");
      String zone = config.timezone().getId();
      Map<String, Double> reachCaps = ShareOfVoice.reachCaps(current, config.analyses().reachCapPercentile());
      List<String> withAccounts = config.allBrands().stream().filter(b -> !b.accounts().isEmpty())
          .map(BrandConfig::name).toList();
      if (withAccounts.isEmpty()) {
        shared.add("webcare: no brand has accounts configured; gold.webcare is empty");
      }
      boolean intents = sentiment != null && List.of(sentiment.columns()).contains(IntentClassifier.INTENT);
      if (sentiment != null && !intents) {
        shared.add("silver.sentiment has no intent column (written before intents were read): gold.opportunities and "
            + "gold.opportunity_items are skipped; rerun the sentiment stage");
      }
      Set<String> membershipPeriods = membership == null ? Set.of() : periodsIn(membership);
      Map<String, PeriodInputs> inputs = new LinkedHashMap<>();
      for (String p : periods) {
        notes.get(p).addAll(shared);
        List<String> window = windows.get(p);
        Dataset<Row> periodMembership = membership == null ? null : membership.filter(col("period").equalTo(p));
        inputs.put(p, new PeriodInputs(
            history.filter(col("period").isin(window.toArray())),
            history.filter(col("period").equalTo(p)),
            sentiment == null ? null : sentiment.filter(col("period").isin(window.toArray())),
            periodMembership,
            themes == null ? null : themes.filter(col("period").equalTo(p)),
            reachCaps.getOrDefault(p, Double.POSITIVE_INFINITY),
            themeHistoryComplete(membership == null ? null : membershipPeriods, window, notes.get(p))
                ? membership.filter(col("period").isin(window.toArray())) : null));
      }
      Map<String, List<AlertModel.Alert>> alerts = new ConcurrentHashMap<>();
      // The tables are independent of each other; written side by side, one table's tasks run while the driver
      // plans or commits another (SideBySide). Each table's periods are replaced in one commit, so a failure leaves
      // every table as before or complete, as one at a time did.
      List<SideBySide.Work> tables = new ArrayList<>();
      tables.add(SideBySide.Work.of(ShareOfVoice.TABLE, () -> write(perPeriod(inputs, (p, in) ->
          ShareOfVoice.compute(in.current(), zone, in.reachCap(), runId)), ShareOfVoice.TABLE, periods)));
      tables.add(SideBySide.Work.of(Reputation.TABLE, () -> write(perPeriod(inputs, (p, in) ->
          Reputation.compute(in.current(), in.sentiment(), in.membership(), in.themes(), in.reachCap(), runId)),
          Reputation.TABLE, periods)));
      if (sentiment != null) {
        tables.add(SideBySide.Work.of(CriticalAuthors.TABLE, () -> write(perPeriod(inputs, (p, in) ->
            CriticalAuthors.compute(in.history(), in.sentiment(), p, config.analyses(), runId)),
            CriticalAuthors.TABLE, periods)));
      }
      tables.add(SideBySide.Work.of(Webcare.TABLE, () -> {
        Dataset<Row> replies = warehouse.read(spark, Layer.SILVER, "feedback")
            .filter(col("channel").equalTo(FeedbackUnion.SOCIAL).and(col("own_account"))
                .and(col("in_reply_to").isNotNull()));
        // A period's replies are those of the period and later, as when the period was analysed on its own.
        write(perPeriod(inputs, (p, in) -> Webcare.compute(in.current(), replies.filter(col("period").geq(p)),
            in.sentiment(), withAccounts, runId)), Webcare.TABLE, periods);
      }));
      tables.add(SideBySide.Work.of(EmergingIssues.TABLE, () -> write(perPeriod(inputs, (p, in) -> {
        List<AlertModel.Alert> found = EmergingIssues.detect(in.history(), in.themeHistory(), p, config.analyses());
        alerts.put(p, found);
        return EmergingIssues.withPolarity(EmergingIssues.frame(spark, found, p, runId), in.history(), in.sentiment(),
            in.membership());
      }), EmergingIssues.TABLE, periods)));
      if (intents) {
        tables.add(SideBySide.Work.of(Opportunities.ITEMS_TABLE, () -> write(perPeriod(inputs, (p, in) ->
            Opportunities.items(in.current(), in.sentiment(), runId)), Opportunities.ITEMS_TABLE, periods)));
        // The counts are the written items, read back: the join of silver is not done twice.
        tables.add(new SideBySide.Work(Opportunities.TABLE, List.of(Opportunities.ITEMS_TABLE), () -> write(
            Opportunities.counts(warehouse.read(spark, Layer.GOLD, Opportunities.ITEMS_TABLE)
                .filter(col("period").isin(periods.toArray())), runId), Opportunities.TABLE, periods)));
      }
      tables.add(SideBySide.Work.of(ChannelMix.TABLE, () ->
          write(ChannelMix.compute(current, config.brand().name(), runId), ChannelMix.TABLE, periods)));
      tables.add(SideBySide.Work.of(CustomerJourneys.TABLE, () -> write(journeys, CustomerJourneys.TABLE, periods)));
      tables.add(new SideBySide.Work(CustomerJourneys.SUMMARY_TABLE, List.of(CustomerJourneys.TABLE), () ->
          write(CustomerJourneys.summary(journeys, runId), CustomerJourneys.SUMMARY_TABLE, periods)));
      SideBySide.run(tables, concurrentWrites, "luister-analyse");
      List<String> written = tables.stream().map(SideBySide.Work::name).toList();
      Map<String, Map<String, Long>> rows = rowsPerPeriod(written, periods);
      Map<String, Result> out = new LinkedHashMap<>();
      for (String p : periods) {
        Map<String, Long> ofPeriod = new LinkedHashMap<>();   // in the order of the list, whichever ended first
        written.forEach(table -> ofPeriod.put(table, rows.getOrDefault(table, Map.of()).getOrDefault(p, 0L)));
        out.put(p, new Result(ofPeriod, notes.get(p), alerts.getOrDefault(p, List.of())));
      }
      return out;
    } finally {
      journeys.unpersist();
      history.unpersist();
    }
  }

  /** What one period's tables are computed from: its rows of the shared, persisted reads. */
  private record PeriodInputs(Dataset<Row> history, Dataset<Row> current, Dataset<Row> sentiment,
      Dataset<Row> membership, Dataset<Row> themes, double reachCap, Dataset<Row> themeHistory) {}

  /** One table's rows for every period: each period computed on its own inputs, the results stacked. */
  private static Dataset<Row> perPeriod(Map<String, PeriodInputs> inputs,
      java.util.function.BiFunction<String, PeriodInputs, Dataset<Row>> compute) {
    return inputs.entrySet().stream().map(e -> compute.apply(e.getKey(), e.getValue()))
        .reduce(Dataset::unionByName).orElseThrow();
  }

  /** The periods a table's rows hold: at most the analysed windows, one aggregation. */
  private static Set<String> periodsIn(Dataset<Row> table) {
    Set<String> out = new TreeSet<>();
    table.select("period").distinct().collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }

  /**
   * A theme's alert compares its weeks with its own history, so it needs theme memberships for every period of
   * the window: before that, a theme would look new in every week and alert for nothing. Memberships accumulate
   * as each quarter's run adds its own; until then a new theme is a birth in gold.theme_lineage, not an alert.
   */
  static boolean themeHistoryComplete(Set<String> membershipPeriods, List<String> window, List<String> notes) {
    if (membershipPeriods == null) {
      return false;
    }
    List<String> missing = window.stream().filter(p -> !membershipPeriods.contains(p)).toList();
    if (!missing.isEmpty()) {
      notes.add("theme alerts skipped: gold.theme_membership has no rows for " + missing
          + " (themes were not run for those periods), so the themes have no history to compare with");
      return false;
    }
    return true;
  }

  private Dataset<Row> optional(Layer layer, String table, List<String> periods, List<String> notes, String consequence) {
    if (!warehouse.exists(spark, layer, table)) {
      notes.add(layer.folder() + "." + table + " is absent: " + consequence);
      return null;
    }
    return warehouse.read(spark, layer, table).filter(col("period").isin(periods.toArray()));
  }

  /**
   * Replaces {@code periods} of the table with {@code data} in one commit. One file per period: a gold table of a
   * quarter holds hundreds to thousands of rows, and the partitioned write splits the one task's rows by period.
   */
  private void write(Dataset<Row> data, String table, List<String> periods) {
    warehouse.replaceWhere(data.coalesce(1), Layer.GOLD, table, inPeriods(periods), "period");
  }

  /** The rows each table now holds per period, read back after the writes in one aggregation over them all. */
  private Map<String, Map<String, Long>> rowsPerPeriod(List<String> tables, List<String> periods) {
    Dataset<Row> counts = tables.stream()
        .map(table -> warehouse.read(spark, Layer.GOLD, table).filter(col("period").isin(periods.toArray()))
            .groupBy("period").count().withColumn("table", lit(table)))
        .reduce(Dataset::unionByName).orElseThrow();
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    counts.collectAsList().forEach(r -> out.computeIfAbsent(r.getString(r.fieldIndex("table")), t -> new LinkedHashMap<>())
        .put(r.getString(r.fieldIndex("period")), r.getLong(r.fieldIndex("count"))));   // tables x periods rows
    return out;
  }

  static String inPeriods(List<String> periods) {
    return "period IN (" + String.join(", ", periods.stream().map(p -> "'" + p + "'").toList()) + ")";
  }
}
