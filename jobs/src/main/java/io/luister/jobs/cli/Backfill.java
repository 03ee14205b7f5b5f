package io.luister.jobs.cli;

import static org.apache.spark.sql.functions.*;

import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.AnalysisPeriod;
import io.luister.jobs.analyses.Reputation;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.themes.ThemeStage;
import io.luister.jobs.themes.ThemeTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * History on the first run: the complete quarters before the analysis period that silver.feedback holds (unify
 * writes the period and its baseline quarters) but a gold table lacks. {@code run} (and {@code themes --backfill},
 * {@code analyse --backfill}) computes those quarters' themes and analyses first, oldest first, so the report's
 * quarter-over-quarter trend and the themes' lineage exist from the first run. Only what gold lacks is computed, so
 * a rerun computes nothing extra and stays idempotent; silver is not rewritten (unify already wrote it for the
 * baseline).
 */
final class Backfill {
  private Backfill() {}

  /**
   * The stages that backfill and a gold table each writes for every quarter (gold.themes for themes, gold.reputation
   * for analyse). Its rows alone do not show that the stage finished a quarter: a stage writes several tables one
   * after another, and a try killed after the first commit leaves that table's quarter complete and the others
   * missing ({@link #done}).
   */
  static final Map<String, String> GOLD_TABLE_OF_STAGE = Map.of("themes", ThemeTables.THEMES, "analyse", Reputation.TABLE);

  /**
   * The quarters {@code stage} fills before {@code period}, oldest first ({@link #lacking}), named on the console.
   *
   * @param silverQuarters {@link #silverQuarters} before the period
   */
  static List<String> periods(RunContext ctx, List<QuarterSpan> silverQuarters, String stage) {
    String goldTable = GOLD_TABLE_OF_STAGE.get(stage);
    List<String> lacking = lacking(ctx.spark(), ctx.warehouse, silverQuarters, stage, goldTable);
    if (!lacking.isEmpty()) {
      Console.info(stage + ": backfilling " + lacking + " first (complete quarters in silver that the stage has not "
          + "finished: no gold." + goldTable + " rows or no successful run in ops.runs)");
    }
    return lacking;
  }

  /**
   * The quarters to fill for {@code stage}: quarters of silver.feedback ({@code silverQuarters}), complete by the rule
   * the analysis period is chosen by ({@link AnalysisPeriod#complete}: the data begin no later than the quarter's
   * first week and reach its last, so a quarter the data start in the middle of is not presented as a whole quarter),
   * and not {@link #done}; oldest first.
   */
  static List<String> lacking(SparkSession spark, Warehouse warehouse, List<QuarterSpan> silverQuarters, String stage,
      String goldTable) {
    return silverQuarters.isEmpty() ? List.of() : choose(silverQuarters, done(spark, warehouse, stage, goldTable));
  }

  /** The quarters before {@code period} in silver.feedback with their first and last day: one scan of silver. */
  static List<QuarterSpan> silverQuarters(SparkSession spark, Warehouse warehouse, String period) {
    if (!warehouse.exists(spark, Layer.SILVER, "feedback")) {
      return List.of();
    }
    List<Row> perPeriod = warehouse.read(spark, Layer.SILVER, "feedback").filter(col("period").lt(period))
        .groupBy("period").agg(min("day"), max("day")).collectAsList();   // one row per quarter in silver
    return perPeriod.stream()
        .map(r -> new QuarterSpan(r.getString(0), r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate())).toList();
  }

  /**
   * {@link #silverQuarters} read once, when a stage first asks: after unify wrote silver.feedback, which the later
   * stages of the run do not change, so themes and analyse of one run share one scan of silver.
   */
  static final class SilverQuartersOnce {
    private final RunContext ctx;
    private final String period;
    private List<QuarterSpan> quarters;

    SilverQuartersOnce(RunContext ctx, String period) {
      this.ctx = ctx;
      this.period = period;
    }

    synchronized List<QuarterSpan> get() {
      if (quarters == null) {
        quarters = silverQuarters(ctx.spark(), ctx.warehouse, period);
      }
      return quarters;
    }
  }

  /** A quarter in silver and its first and last day with data. */
  record QuarterSpan(String period, LocalDate firstDay, LocalDate lastDay) {}

  /** The pure part of {@link #lacking}: complete quarters not in {@code present}, oldest first. */
  static List<String> choose(List<QuarterSpan> spans, Set<String> present) {
    LocalDate earliest = spans.stream().map(QuarterSpan::firstDay).min(LocalDate::compareTo).orElse(null);
    LocalDate latest = spans.stream().map(QuarterSpan::lastDay).max(LocalDate::compareTo).orElse(null);
    List<String> out = new ArrayList<>();
    for (QuarterSpan s : spans) {
      if (AnalysisPeriod.complete(s.period(), earliest, latest) && !present.contains(s.period())) {
        out.add(s.period());
      }
    }
    out.sort(String::compareTo);
    return out;
  }

  /**
   * The quarters {@code stage} finished: rows in {@code gold.<goldTable>} and a successful run of the stage for the
   * quarter in ops.runs, which a stage appends only after its last table (so a killed try's quarter is done again);
   * or a successful themes run that found too little text ({@link ThemeStage#NOT_MEASURED}), which writes no rows.
   */
  static Set<String> done(SparkSession spark, Warehouse warehouse, String stage, String goldTable) {
    Set<String> out = new TreeSet<>(periods(spark, warehouse, Layer.GOLD, goldTable, lit(true)));
    out.retainAll(periods(spark, warehouse, Layer.OPS, RunLog.TABLE,
        col("stage").equalTo(stage).and(col("status").equalTo(RunRecord.OK))));
    // A quarter with too little text for themes ends with no gold.themes rows by design; its successful run says so.
    out.addAll(periods(spark, warehouse, Layer.OPS, RunLog.TABLE, col("stage").equalTo(stage)
        .and(col("status").equalTo(RunRecord.OK)).and(col("message").startsWith(ThemeStage.NOT_MEASURED))));
    return out;
  }

  private static Set<String> periods(SparkSession spark, Warehouse warehouse, Layer layer, String table,
      org.apache.spark.sql.Column where) {
    Set<String> out = new TreeSet<>();
    if (warehouse.exists(spark, layer, table)) {
      warehouse.read(spark, layer, table).filter(where).select("period").distinct().collectAsList()
          .forEach(r -> out.add(r.getString(0)));
    }
    return out;
  }
}
