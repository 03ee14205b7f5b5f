package io.luister.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.config.ConfigException;
import io.luister.jobs.AnalysisPeriod.QuarterData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisPeriodTest {
  static QuarterData data(String period, String first, String last) {
    return new QuarterData(period, LocalDate.parse(first), LocalDate.parse(last));
  }

  @Test
  void theLatestCompleteQuarterComesFromTheDataNotTheClock() {
    List<QuarterData> q2ToQ3 = List.of(data("2026-Q2", "2026-04-01", "2026-06-30"), data("2026-Q3", "2026-07-01", "2026-09-25"));
    assertEquals("2026-Q3", AnalysisPeriod.choose(null, q2ToQ3), "data into the quarter's last week complete it");
    List<QuarterData> endsEarly = List.of(data("2026-Q2", "2026-04-01", "2026-06-30"), data("2026-Q3", "2026-07-01", "2026-09-10"));
    assertEquals("2026-Q2", AnalysisPeriod.choose(null, endsEarly), "a quarter the data stop in is not complete");
    List<QuarterData> intoQ4 = List.of(data("2026-Q3", "2026-07-01", "2026-09-30"), data("2026-Q4", "2026-10-01", "2026-11-20"));
    assertEquals("2026-Q3", AnalysisPeriod.choose(null, intoQ4));
  }

  @Test
  void theFirstDayOfAnySourceAndTheLastOfAnyDecideTogether() {
    // The social export starts in Q2's first week, the survey ends in Q3's last: together they cover Q3.
    List<QuarterData> sources = List.of(data("2026-Q2", "2026-04-03", "2026-06-30"), data("2026-Q3", "2026-07-01", "2026-08-01"),
        data("2026-Q3", "2026-07-05", "2026-09-28"));
    assertEquals("2026-Q3", AnalysisPeriod.choose(null, sources));
  }

  @Test
  void aCompleteQuarterWithoutDataIsNotChosen() {
    // Nine days of February: the quarter before (2014-Q4) would be "complete" by the last day alone but holds nothing.
    List<QuarterData> nineDays = List.of(data("2015-Q1", "2015-02-16", "2015-02-24"));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> AnalysisPeriod.choose(null, nineDays));
    assertTrue(e.getMessage().contains("2015-02-16") && e.getMessage().contains("2015-02-24"), e.getMessage());
    assertTrue(e.getMessage().contains("--period 2015-Q1"), e.getMessage());
    // A gap: 2025-Q4 holds no data, so the latest complete quarter with data is 2025-Q3, not the empty one.
    List<QuarterData> gap = List.of(data("2025-Q3", "2025-07-01", "2025-09-30"), data("2026-Q1", "2026-01-01", "2026-02-10"));
    assertEquals("2025-Q3", AnalysisPeriod.choose(null, gap));
  }

  @Test
  void dataStartingMidQuarterDoNotMakeItComplete() {
    List<QuarterData> lateStart = List.of(data("2026-Q3", "2026-08-20", "2026-09-30"));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> AnalysisPeriod.choose(null, lateStart));
    assertTrue(e.getMessage().contains("--period 2026-Q3"), e.getMessage());
    assertEquals("2026-Q3", AnalysisPeriod.choose(null, List.of(data("2026-Q3", "2026-07-07", "2026-09-24"))),
        "data from the first week to the last week cover the quarter");
  }

  @Test
  void theSuggestionIsTheQuarterTheDataCoverLongest() {
    // 16 Feb to 10 Apr: six weeks of Q1, ten days of Q2; neither complete.
    List<QuarterData> twoPartial = List.of(data("2015-Q1", "2015-02-16", "2015-03-31"), data("2015-Q2", "2015-04-01", "2015-04-10"));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> AnalysisPeriod.choose(null, twoPartial));
    assertTrue(e.getMessage().contains("--period 2015-Q1"), e.getMessage());
    assertTrue(e.getMessage().contains("quarters with data: 2015-Q1, 2015-Q2"), e.getMessage());
  }

  @Test
  void anExplicitQuarterMustHoldData() {
    List<QuarterData> nineDays = List.of(data("2015-Q1", "2015-02-16", "2015-02-24"));
    assertEquals("2015-Q1", AnalysisPeriod.choose("2015-Q1", nineDays), "an incomplete quarter may be asked for");
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> AnalysisPeriod.choose("2014-Q4", nineDays));
    assertTrue(e.getMessage().contains("2014-Q4") && e.getMessage().contains("--period 2015-Q1"), e.getMessage());
    assertThrows(LuisterDataException.class, () -> AnalysisPeriod.choose("2015-Q1", List.of()), "no data at all");
    assertThrows(LuisterDataException.class, () -> AnalysisPeriod.choose(null, List.of()));
    assertThrows(ConfigException.class, () -> AnalysisPeriod.choose("2015-q1", nineDays), "a typo is a config error");
  }
}
