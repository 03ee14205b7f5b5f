package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillTest {
  /** A quarter of silver whose data begin on the given day and run to its last day. */
  static Backfill.QuarterSpan span(String period, int year, int month, int day) {
    return new Backfill.QuarterSpan(period, LocalDate.of(year, month, day),
        io.luister.common.time.Periods.end(period));
  }

  @Test
  void completeEarlierQuartersThatGoldLacksOldestFirst() {
    List<Backfill.QuarterSpan> silver = List.of(span("2026-Q2", 2026, 4, 1), span("2025-Q3", 2025, 7, 1),
        span("2026-Q1", 2026, 1, 1), span("2025-Q4", 2025, 10, 1));
    assertEquals(List.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"), Backfill.choose(silver, Set.of()));
    assertEquals(List.of("2025-Q3", "2026-Q1"), Backfill.choose(silver, Set.of("2025-Q4", "2026-Q2")));
    assertEquals(List.of(), Backfill.choose(silver, Set.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2")),
        "a rerun finds nothing lacking");
  }

  @Test
  void aQuarterTheDataStartsInTheMiddleOfIsNotBackfilledAsAWholeQuarter() {
    List<Backfill.QuarterSpan> silver = List.of(span("2025-Q3", 2025, 8, 20), span("2025-Q4", 2025, 10, 1));
    assertEquals(List.of("2025-Q4"), Backfill.choose(silver, Set.of()));
    assertEquals(List.of("2025-Q3", "2025-Q4"),
        Backfill.choose(List.of(span("2025-Q3", 2025, 7, 6), span("2025-Q4", 2025, 10, 1)), Set.of()),
        "data from the quarter's first week counts as complete");
    assertEquals(List.of(), Backfill.choose(List.of(), Set.of()));
  }

  @Test
  void aQuarterTheDataStopInTheMiddleOfIsNotBackfilledEither() {
    // The rule of the analysis period (AnalysisPeriod.complete): silver's data end on 10 Nov, within 2025-Q4.
    List<Backfill.QuarterSpan> silver = List.of(span("2025-Q3", 2025, 7, 1),
        new Backfill.QuarterSpan("2025-Q4", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 10)));
    assertEquals(List.of("2025-Q3"), Backfill.choose(silver, Set.of()));
  }

  @Test
  void aQuarterWhoseStageWasKilledAfterItsFirstTableIsNotDone() {
    org.apache.spark.sql.SparkSession spark = io.luister.common.test.TestSpark.session();
    io.luister.common.warehouse.Warehouse warehouse = new io.luister.common.warehouse.Warehouse(
        io.luister.common.test.TestSpark.tempDir("backfill-done").resolve("wh").toString());
    // gold.themes holds 2025-Q3 and 2025-Q4, but only 2025-Q4's run ended (its ops.runs row); 2025-Q3's try was
    // killed after gold.themes, before gold.theme_membership and the rest.
    org.apache.spark.sql.types.StructType themes = new org.apache.spark.sql.types.StructType()
        .add("period", "string").add("theme_id", "string");
    warehouse.replacePartitions(spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("2025-Q3", "a"),
        org.apache.spark.sql.RowFactory.create("2025-Q4", "b")), themes),
        io.luister.common.warehouse.Layer.GOLD, "themes", "period");
    java.sql.Timestamp t = java.sql.Timestamp.valueOf("2026-12-07 00:00:00");
    io.luister.jobs.ops.RunLog.append(spark, warehouse, List.of(
        new io.luister.jobs.ops.RunRecord("r1", "p", "themes", "*", "2025-Q4", t, t, 1, 0, 1, 0, 0,
            io.luister.jobs.ops.RunRecord.OK, null),
        new io.luister.jobs.ops.RunRecord("r1", "p", "analyse", "*", "2025-Q3", t, t, 1, 0, 1, 0, 0,
            io.luister.jobs.ops.RunRecord.OK, null)));

    assertEquals(Set.of("2025-Q4"), Backfill.done(spark, warehouse, "themes", "themes"));
    assertEquals(Set.of(), Backfill.done(spark, warehouse, "analyse", "reputation"), "no gold.reputation at all");
  }
}
