package io.luister.jobs.analyses;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.AnalysesSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AlertModelTest {
  static final LocalDate FIRST = LocalDate.of(2025, 6, 30); // a Monday
  static final String PERIOD = "2026-Q3";

  /** Weekly Poisson counts of two categories in one cell over 65 weeks, with optional extra items per week. */
  static void series(List<AlertModel.WeekCount> counts, List<AlertModel.WeekTotal> totals, long seed,
      java.util.Map<LocalDate, Integer> extraOutage) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int w = 0; w < 65; w++) {
      LocalDate week = FIRST.plusWeeks(w);
      counts.add(new AlertModel.WeekCount("Acme", "social", "category", "outage", week,
          poisson(random, 8) + extraOutage.getOrDefault(week, 0)));
      counts.add(new AlertModel.WeekCount("Acme", "social", "category", "billing", week, poisson(random, 30)));
      totals.add(new AlertModel.WeekTotal("Acme", "social", week, 7));
    }
  }

  /** Knuth's method: fine for the small means of these tests. */
  static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  @Test
  void aTwoWeekSpikeIsAlertedInItsWeeksAsOneEpisode() {
    LocalDate w33 = LocalDate.of(2026, 8, 10);
    List<AlertModel.WeekCount> counts = new ArrayList<>();
    List<AlertModel.WeekTotal> totals = new ArrayList<>();
    series(counts, totals, 7, java.util.Map.of(w33, 40, w33.plusWeeks(1), 40));

    List<AlertModel.Alert> alerts = AlertModel.detect(counts, totals, PERIOD, AnalysesSettings.DEFAULTS);

    assertEquals(2, alerts.size(), alerts.toString());
    for (AlertModel.Alert a : alerts) {
      assertEquals("outage", a.test().subject());
      assertEquals("up", a.test().direction());
      assertEquals(w33, a.episodeStart());
      assertEquals(2, a.episodeWeeks());
      assertTrue(a.qValue() <= 0.05 && a.test().ratio() > 3);
    }
    assertEquals("2026-W33", AlertModel.isoWeek(w33));
  }

  @Test
  void stableSeriesRarelyGiveAnAlert() {
    // Under no change, Benjamini-Hochberg at q = 0.05 keeps the chance of any alert in a run near 5 %.
    int runsWithAlerts = 0;
    for (long seed = 1; seed <= 40; seed++) {
      List<AlertModel.WeekCount> counts = new ArrayList<>();
      List<AlertModel.WeekTotal> totals = new ArrayList<>();
      series(counts, totals, seed * 101, java.util.Map.of());
      runsWithAlerts += AlertModel.detect(counts, totals, PERIOD, AnalysesSettings.DEFAULTS).isEmpty() ? 0 : 1;
    }
    assertTrue(runsWithAlerts <= 5, runsWithAlerts + " of 40 stable runs raised an alert");
  }

  @Test
  void aPartialWeekIsNotADrop() {
    List<AlertModel.WeekCount> counts = new ArrayList<>();
    List<AlertModel.WeekTotal> totals = new ArrayList<>();
    series(counts, totals, 11, java.util.Map.of());
    LocalDate lastQ3 = FIRST.plusWeeks(64);
    counts.removeIf(c -> c.week().equals(lastQ3));
    totals.removeIf(t -> t.week().equals(lastQ3));
    counts.add(new AlertModel.WeekCount("Acme", "social", "category", "billing", lastQ3, 9)); // 2 of 7 days
    counts.add(new AlertModel.WeekCount("Acme", "social", "category", "outage", lastQ3, 2));
    totals.add(new AlertModel.WeekTotal("Acme", "social", lastQ3, 2));
    assertEquals(List.of(), AlertModel.detect(counts, totals, PERIOD, AnalysesSettings.DEFAULTS));
  }

  @Test
  void tailProbabilitiesBehave() {
    assertEquals(1.0, AlertModel.upperTail(0, 5, 1), 1e-12);
    assertTrue(AlertModel.upperTail(20, 5, 1) < 1e-5);
    assertTrue(AlertModel.upperTail(20, 5, 3) > AlertModel.upperTail(20, 5, 1), "overdispersion widens the tail");
    assertTrue(AlertModel.lowerTail(0, 30, 1) < 1e-10);
    double p = 0;
    for (int x = 0; x <= 4; x++) { // P(X <= 4) for Poisson(3), summed by hand
      p += Math.exp(-3) * Math.pow(3, x) / java.util.stream.LongStream.rangeClosed(1, Math.max(1, x)).reduce(1, (a, b) -> a * b);
    }
    assertEquals(p, AlertModel.lowerTail(4, 3, 1), 1e-9);
    assertEquals(1 - p, AlertModel.upperTail(5, 3, 1), 1e-9);
  }
}
