package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import io.luister.common.config.ProgramConfig;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.SideBySide;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The analyses stage: silver.feedback (+ silver.sentiment, gold.theme_membership and gold.themes when present)
 * → gold.share_of_voice, gold.reputation, gold.critical_authors, gold.webcare, gold.alerts, gold.channel_mix,
 * gold.customer_journeys and gold.journey_summary for one period. Reading and writing only; the analyses are
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
   * @param rowsWritten gold table → rows written for the period
   * @param notes what was skipped and why, for the log
   * @param alerts the alerts found, most severe first
   */
  public record Result(Map<String, Long> rowsWritten, List<String> notes, List<AlertModel.Alert> alerts) {}

  public Result run(String period, List<String> baseline, String runId) {
    List<String> window = new ArrayList<>(baseline);
    window.add(period);
    List<String> notes = new ArrayList<>();
    Dataset<Row> history = warehouse.read(spark, Layer.SILVER, "feedback").filter(col("period").isin(window.toArray()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> current = history.filter(col("period").equalTo(period));
    // Read by the journeys table and its summary; persisting is lazy, so nothing is computed before they run.
    Dataset<Row> journeys = CustomerJourneys.journeys(current, runId).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> sentiment = optional(Layer.SILVER, "sentiment", window, notes,
          "sentiment columns of gold.reputation stay empty, gold.critical_authors and webcare complaints are skipped");
      Dataset<Row> membership = optional(Layer.GOLD, "theme_membership", window, notes,
          "theme rows of gold.reputation and gold.alerts are skipped");
      if (membership != null) {
        // Items none of whose terms the theme model knows are members of no theme (theme_id null).
        membership = membership.filter(col("theme_id").isNotNull());
      }
      Dataset<Row> themes = membership == null ? null
          : optional(Layer.GOLD, "themes", List.of(period), notes, "theme labels are left empty");
      Dataset<Row> currentMembership = membership == null ? null : membership.filter(col("period").equalTo(period));
      String zone = config.timezone().getId();
      double reachCap = ShareOfVoice.reachCap(current, config.analyses().reachCapPercentile());
      List<String> withAccounts = config.allBrands().stream().filter(b -> !b.accounts().isEmpty())
          .map(BrandConfig::name).toList();
      if (withAccounts.isEmpty()) {
        notes.add("webcare: no brand has accounts configured; gold.webcare is empty");
      }
      Dataset<Row> themeHistory = themeHistoryComplete(membership, window, notes) ? membership : null;
      Map<String, Long> counts = new ConcurrentHashMap<>();
      List<AlertModel.Alert> alerts = new CopyOnWriteArrayList<>();
      // The tables are independent of each other; written side by side, one table's tasks run while the driver
      // plans or commits another (SideBySide). Each is replaced whole, so a failure leaves every table as before
      // or complete, as one at a time did.
      List<SideBySide.Work> tables = new ArrayList<>();
      tables.add(SideBySide.Work.of(ShareOfVoice.TABLE, () ->
          write(ShareOfVoice.compute(current, zone, reachCap, runId), ShareOfVoice.TABLE, period, counts)));
      tables.add(SideBySide.Work.of(Reputation.TABLE, () ->
          write(Reputation.compute(current, sentiment, currentMembership, themes, reachCap, runId), Reputation.TABLE,
              period, counts)));
      if (sentiment != null) {
        tables.add(SideBySide.Work.of(CriticalAuthors.TABLE, () ->
            write(CriticalAuthors.compute(history, sentiment, period, config.analyses(), runId), CriticalAuthors.TABLE,
                period, counts)));
      }
      tables.add(SideBySide.Work.of(Webcare.TABLE, () -> {
        Dataset<Row> replies = warehouse.read(spark, Layer.SILVER, "feedback")
            .filter(col("period").geq(period).and(col("channel").equalTo(FeedbackUnion.SOCIAL))
                .and(col("own_account")).and(col("in_reply_to").isNotNull()));
        write(Webcare.compute(current, replies, sentiment, withAccounts, runId), Webcare.TABLE, period, counts);
      }));
      tables.add(SideBySide.Work.of(EmergingIssues.TABLE, () -> {
        alerts.addAll(EmergingIssues.detect(history, themeHistory, period, config.analyses()));
        write(EmergingIssues.withPolarity(EmergingIssues.frame(spark, alerts, period, runId), history, sentiment,
            currentMembership), EmergingIssues.TABLE, period, counts);
      }));
      tables.add(SideBySide.Work.of(ChannelMix.TABLE, () ->
          write(ChannelMix.compute(current, config.brand().name(), runId), ChannelMix.TABLE, period, counts)));
      tables.add(SideBySide.Work.of(CustomerJourneys.TABLE, () ->
          write(journeys, CustomerJourneys.TABLE, period, counts)));
      tables.add(new SideBySide.Work(CustomerJourneys.SUMMARY_TABLE, List.of(CustomerJourneys.TABLE), () ->
          write(CustomerJourneys.summary(journeys, runId), CustomerJourneys.SUMMARY_TABLE, period, counts)));
      SideBySide.run(tables, concurrentWrites, "luister-analyse");
      Map<String, Long> written = new LinkedHashMap<>();   // in the order of the list, whichever ended first
      tables.stream().map(SideBySide.Work::name).filter(counts::containsKey)
          .forEach(table -> written.put(table, counts.get(table)));
      return new Result(written, notes, List.copyOf(alerts));
    } finally {
      journeys.unpersist();
      history.unpersist();
    }
  }

  /**
   * A theme's alert compares its weeks with its own history, so it needs theme memberships for every period of
   * the window: before that, a theme would look new in every week and alert for nothing. Memberships accumulate
   * as each quarter's run adds its own; until then a new theme is a birth in gold.theme_lineage, not an alert.
   */
  static boolean themeHistoryComplete(Dataset<Row> membership, List<String> window, List<String> notes) {
    if (membership == null) {
      return false;
    }
    List<String> covered = membership.select("period").distinct().collectAsList().stream()   // at most the window
        .map(r -> r.getString(0)).toList();
    List<String> missing = window.stream().filter(p -> !covered.contains(p)).toList();
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

  private void write(Dataset<Row> data, String table, String period, Map<String, Long> written) {
    warehouse.replaceWhere(data.coalesce(1), Layer.GOLD, table, "period = '" + period + "'", "period");
    written.put(table, warehouse.read(spark, Layer.GOLD, table).filter(col("period").equalTo(period)).count());
  }
}
