package io.luister.jobs.cli;

import static org.apache.spark.sql.functions.*;

import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
   * The quarters to fill for {@code table}: quarters before {@code period} with rows in silver.feedback, complete
   * (the data began no later than the quarter's first week, so a quarter the data starts in the middle of is not
   * presented as a whole quarter), and without rows in {@code gold.<table>}; oldest first.
   */
  static List<String> lacking(SparkSession spark, Warehouse warehouse, String period, String goldTable) {
    if (!warehouse.exists(spark, Layer.SILVER, "feedback")) {
      return List.of();
    }
    List<Row> perPeriod = warehouse.read(spark, Layer.SILVER, "feedback").filter(col("period").lt(period))
        .groupBy("period").agg(min("day")).collectAsList();   // one row per quarter in silver
    return choose(perPeriod.stream().map(r -> new QuarterSpan(r.getString(0), r.getDate(1).toLocalDate())).toList(),
        present(spark, warehouse, goldTable));
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
