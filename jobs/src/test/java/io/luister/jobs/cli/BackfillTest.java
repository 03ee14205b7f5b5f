package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillTest {
  static Backfill.QuarterSpan span(String period, int year, int month, int day) {
    return new Backfill.QuarterSpan(period, LocalDate.of(year, month, day));
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
}
