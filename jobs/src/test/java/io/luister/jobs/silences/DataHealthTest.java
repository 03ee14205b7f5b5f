package io.luister.jobs.silences;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weekly completeness check judged against what the channel's volume can show. */
class DataHealthTest {
  static final String PERIOD = "2026-Q3";
  static final List<String> BASELINE = List.of("2026-Q2");

  /** Every full week of the baseline and the period at {@code usual}, except the given week of the period. */
  static List<DataHealth.WeekVolume> weeks(double usual, LocalDate odd, double oddVolume) {
    List<DataHealth.WeekVolume> out = new ArrayList<>();
    for (String p : List.of("2026-Q2", PERIOD)) {
      for (LocalDate w : DataHealth.fullWeeks(p)) {
        if (!w.equals(odd)) {
          out.add(new DataHealth.WeekVolume("social", w, usual));
        } else if (oddVolume > 0) {
          out.add(new DataHealth.WeekVolume("social", w, oddVolume));
        }
      }
    }
    return out;
  }

  static DataHealth.Check weeksCheck(List<DataHealth.WeekVolume> weeks) {
    return DataHealth.evaluate(weeks, PERIOD, BASELINE, ProgramConfig.SilenceSettings.DEFAULTS).stream()
        .filter(c -> c.check().equals("weeks")).findFirst().orElseThrow();
  }

  @Test
  void aLowVolumeBrandIsNotIncompleteBecauseOneWeekHadNothing() {
    LocalDate third = DataHealth.fullWeeks(PERIOD).get(2);
    DataHealth.Check c = weeksCheck(weeks(3, third, 0));
    assertEquals(DataHealth.OK, c.status(), c.explanationEn());
    assertTrue(c.explanationEn().contains("happens by chance"), c.explanationEn());
    assertTrue(c.explanationNl().contains("toeval"), c.explanationNl());
  }

  @Test
  void aLargeChannelWithAnEmptyWeekIsIncomplete() {
    LocalDate third = DataHealth.fullWeeks(PERIOD).get(2);
    DataHealth.Check c = weeksCheck(weeks(200, third, 0));
    assertEquals(DataHealth.PROBLEM, c.status(), c.explanationEn());
    assertEquals(1.0, c.observed());
    assertTrue(c.explanationEn().contains("too low to be chance"), c.explanationEn());
  }

  @Test
  void aSmallBrandWhoseFeedStoppedForWeeksIsStillCaught() {
    // Usual 8 a week; every one of the period's last six weeks empty: each is improbable (p = e^-8 ≈ 3e-4).
    List<LocalDate> periodWeeks = DataHealth.fullWeeks(PERIOD);
    List<DataHealth.WeekVolume> weeks = new ArrayList<>();
    for (LocalDate w : DataHealth.fullWeeks("2026-Q2")) {
      weeks.add(new DataHealth.WeekVolume("social", w, 8));
    }
    for (int i = 0; i < periodWeeks.size() - 6; i++) {
      weeks.add(new DataHealth.WeekVolume("social", periodWeeks.get(i), 8));
    }
    assertEquals(DataHealth.PROBLEM, weeksCheck(weeks).status());
  }

  @Test
  void aVolumeFarAboveABaselineOfAFewStrayWeeksSaysTheExportMayNotReachBack() {
    // 12 full weeks in the baseline, 3 of them with an item; the period 30 a week: 15 times "usual".
    List<DataHealth.WeekVolume> weeks = new ArrayList<>();
    DataHealth.fullWeeks("2026-Q2").stream().limit(3).forEach(w -> weeks.add(new DataHealth.WeekVolume("social", w, 2)));
    DataHealth.fullWeeks(PERIOD).forEach(w -> weeks.add(new DataHealth.WeekVolume("social", w, 30)));
    DataHealth.Check c = DataHealth.evaluate(weeks, PERIOD, BASELINE, ProgramConfig.SilenceSettings.DEFAULTS).stream()
        .filter(x -> x.check().equals("volume")).findFirst().orElseThrow();
    assertEquals(DataHealth.PROBLEM, c.status(), "no usual volume: the channel's silences are withheld");
    assertTrue(c.explanationEn().contains("only 3 of the baseline's 12 full weeks have any item")
        && c.explanationEn().contains("does not reach back"), c.explanationEn());
    assertTrue(c.explanationNl().contains("slechts 3 van de 12"), c.explanationNl());
  }

  @Test
  void aChannelWithoutBaselineSaysItsVolumeIsNotCompared() {
    List<DataHealth.WeekVolume> weeks = new ArrayList<>();
    DataHealth.fullWeeks(PERIOD).forEach(w -> weeks.add(new DataHealth.WeekVolume("social", w, 30)));
    DataHealth.Check c = DataHealth.evaluate(weeks, PERIOD, BASELINE, ProgramConfig.SilenceSettings.DEFAULTS).stream()
        .filter(x -> x.check().equals("volume")).findFirst().orElseThrow();
    assertTrue(c.explanationEn().contains("cannot be compared with earlier quarters"), c.explanationEn());
  }

  @Test
  void poissonTailIsRight() {
    assertEquals(Math.exp(-3), DataHealth.poissonLowerTail(0, 3), 1e-12);
    assertEquals(Math.exp(-3) * (1 + 3), DataHealth.poissonLowerTail(1.7, 3), 1e-12, "fractional volumes floor");
  }
}
