package io.luister.common.time;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  @Test
  void quartersHaveBoundsAndNeighbours() {
    assertEquals(LocalDate.of(2026, 7, 1), Periods.start("2026-Q3"));
    assertEquals(LocalDate.of(2026, 9, 30), Periods.end("2026-Q3"));
    assertEquals("2025-Q4", Periods.previous("2026-Q1"));
    assertEquals("2026-Q1", Periods.of(LocalDate.of(2026, 3, 31)));
    assertThrows(IllegalArgumentException.class, () -> Periods.start("2026Q3"));
    assertEquals(java.util.List.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"), Periods.preceding("2026-Q3", 4));
    assertEquals(java.util.List.of(), Periods.preceding("2026-Q3", 0));
  }

  @Test
  void aWindowIsTheBaselineThenThePeriodOldestFirst() {
    assertEquals(java.util.List.of("2025-Q4", "2026-Q1", "2026-Q2"), Periods.window("2026-Q2", 2));
    assertEquals(java.util.List.of("2026-Q3"), Periods.window("2026-Q3", 0));
  }
}
