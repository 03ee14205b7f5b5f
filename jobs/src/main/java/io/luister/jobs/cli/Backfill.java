package io.luister.jobs.cli;

import static org.apache.spark.sql.functions.*;

import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.analyses.Reputation;
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
   * The stages that backfill and the gold table whose rows show that the stage ran for a quarter (gold.themes for
   * themes, gold.reputation for analyse).
   */
  static final Map<String, String> GOLD_TABLE_OF_STAGE = Map.of("themes", ThemeTables.THEMES, "analyse", Reputation.TABLE);

  /**
   * The quarters {@code stage} fills before {@code period}, oldest first ({@link #lacking}), named on the console.
   *
   * @param silverQuarters {@link #silverQuarters} before the period
   */
  static List<String> periods(RunContext ctx, List<QuarterSpan> silverQuarters, String stage) {
    String goldTable = GOLD_TABLE_OF_STAGE.get(stage);
    List<String> lacking = lacking(ctx.spark(), ctx.warehouse, silverQuarters, goldTable);
    if (!lacking.isEmpty()) {
      Console.info(stage + ": backfilling " + lacking + " first (complete quarters in silver without gold." + goldTable
          + " rows)");
    }
    return lacking;
  }

  /**
   * The quarters to fill for {@code table}: quarters of silver.feedback ({@code silverQuarters}), complete (the
   * data began no later than the quarter's first week, so a quarter the data starts in the middle of is not
   * presented as a whole quarter), and without rows in {@code gold.<table>}; oldest first.
   */
  static List<String> lacking(SparkSession spark, Warehouse warehouse, List<QuarterSpan> silverQuarters,
      String goldTable) {
    return silverQuarters.isEmpty() ? List.of() : choose(silverQuarters, present(spark, warehouse, goldTable));
  }

  /** The quarters before {@code period} in silver.feedback with their first day: one scan of silver. */
  static List<QuarterSpan> silverQuarters(SparkSession spark, Warehouse warehouse, String period) {
    if (!warehouse.exists(spark, Layer.SILVER, "feedback")) {
      return List.of();
    }
    List<Row> perPeriod = warehouse.read(spark, Layer.SILVER, "feedback").filter(col("period").lt(period))
        .groupBy("period").agg(min("day")).collectAsList();   // one row per quarter in silver
    return perPeriod.stream().map(r -> new QuarterSpan(r.getString(0), r.getDate(1).toLocalDate())).toList();
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

  /** A quarter in silver and its first day with data. */
  record QuarterSpan(String period, LocalDate firstDay) {}

  /** The pure part of {@link #lacking}: complete quarters not in {@code present}, oldest first. */
  static List<String> choose(List<QuarterSpan> spans, Set<String> present) {
    LocalDate earliest = spans.stream().map(QuarterSpan::firstDay).min(LocalDate::compareTo).orElse(null);
    List<String> out = new ArrayList<>();
    for (QuarterSpan s : spans) {
      boolean complete = !earliest.isAfter(Periods.start(s.period()).plusDays(6));
      if (complete && !present.contains(s.period())) {
        out.add(s.period());
      }
    }
    out.sort(String::compareTo);
    return out;
  }

  private static Set<String> present(SparkSession spark, Warehouse warehouse, String goldTable) {
    Set<String> out = new TreeSet<>();
    if (warehouse.exists(spark, Layer.GOLD, goldTable)) {
      warehouse.read(spark, Layer.GOLD, goldTable).select("period").distinct().collectAsList()
          .forEach(r -> out.add(r.getString(0)));
    }
    return out;
  }
}
