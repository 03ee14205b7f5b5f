package io.luister.jobs.analyses;

import io.luister.common.config.AnalysesSettings;
import io.luister.jobs.silences.SilenceStatistics;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The count model behind gold.alerts, on weekly counts (small aggregates on the driver, no Spark):
 *
 * <ol>
 *   <li><b>Expected</b>: the subject's robust daily rate over the trailing weeks (the median of x / days with
 *       data in the cell that week) times this week's days with data. Days carry partial weeks at the edges of
 *       the data and feed gaps into the expectation; the median ignores earlier spikes in the history. (An
 *       earlier version scaled by the rest of the cell's volume: a spike in one category then raised every
 *       other category's expectation and produced false drops.)</li>
 *   <li><b>Tail probability</b>: negative binomial with the dispersion estimated robustly from the history's
 *       Pearson residuals (median of z² / 0.4549, the median of χ²₁; at least 1 = Poisson).</li>
 *   <li><b>Multiple testing</b>: Benjamini–Hochberg over every (subject, week, direction) tested in the run.</li>
 *   <li><b>Minimum effect</b>: observed ≥ min_ratio × expected and ≥ expected + min_excess (or the mirror image
 *       for drops), so a significant but negligible change is never an alert.</li>
 * </ol>
 */
public final class AlertModel {
  static final double MEDIAN_CHI2_1 = 0.454936;
  /** The expected count never drops below this: a subject absent from its history still has a small rate. */
  static final double MIN_EXPECTED = 0.5;

  private AlertModel() {}

  /** A weekly count of a subject in a cell (brand × channel). */
  public record WeekCount(String brand, String channel, String subjectType, String subject, LocalDate week, double count) {}

  /** How many days of a week a cell (brand × channel) has any data: the week's exposure. */
  public record WeekTotal(String brand, String channel, LocalDate week, double days) {}

  public record Test(String brand, String channel, String subjectType, String subject, LocalDate week,
      String direction, double observed, double expected, double dispersion, int historyWeeks, double pValue) {
    double ratio() {
      return expected > 0 ? observed / expected : Double.POSITIVE_INFINITY;
    }
  }

  public record Alert(Test test, double qValue, double severity, LocalDate episodeStart, int weeksRunning,
      int episodeWeeks) {}

  /** The quarter a week (given by its Monday) belongs to: the quarter of its Thursday, as ISO weeks do for years. */
  public static String periodOfWeek(LocalDate monday) {
    return io.luister.common.time.Periods.of(monday.plusDays(3));
  }

  public static String isoWeek(LocalDate day) {
    return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** Tests every subject in every week of {@code period} in both directions and returns the alerts. */
  public static List<Alert> detect(List<WeekCount> counts, List<WeekTotal> totals, String period, AnalysesSettings s) {
    Map<String, TreeMap<LocalDate, Double>> totalByCell = new HashMap<>();
    for (WeekTotal t : totals) {
      if (t.days() > 0) {
        totalByCell.computeIfAbsent(t.brand() + "\u0000" + t.channel(), k -> new TreeMap<>()).merge(t.week(), t.days(), Double::sum);
      }
    }
    Map<List<String>, Map<LocalDate, Double>> series = new TreeMap<>(Comparator.comparing(Object::toString));
    for (WeekCount c : counts) {
      series.computeIfAbsent(List.of(c.brand(), c.channel(), c.subjectType(), c.subject()), k -> new HashMap<>())
          .merge(c.week(), c.count(), Double::sum);
    }
    List<Test> tests = new ArrayList<>();
    for (Map.Entry<List<String>, Map<LocalDate, Double>> e : series.entrySet()) {
      List<String> key = e.getKey();
      TreeMap<LocalDate, Double> total = totalByCell.get(key.get(0) + "\u0000" + key.get(1));
      if (total == null) {
        continue;
      }
      List<LocalDate> weeks = new ArrayList<>(total.keySet());
      for (int i = 0; i < weeks.size(); i++) {
        LocalDate week = weeks.get(i);
        if (!periodOfWeek(week).equals(period)) {
          continue;
        }
        int from = Math.max(0, i - s.alertHistoryWeeks());
        double[] x = new double[i - from];
        double[] days = new double[i - from];
        for (int h = from; h < i; h++) {
          x[h - from] = Math.round(e.getValue().getOrDefault(weeks.get(h), 0.0));
          days[h - from] = total.get(weeks.get(h));
        }
        double observed = Math.round(e.getValue().getOrDefault(week, 0.0));
        double daysNow = total.get(week);
        Test up = test(key, week, x, days, observed, daysNow, s, true);
        if (up != null) {
          tests.add(up);
          tests.add(test(key, week, x, days, observed, daysNow, s, false));
        }
      }
    }
    return decide(tests, s);
  }

  /** One one-sided test, or null when the history is too short. */
  static Test test(List<String> key, LocalDate week, double[] x, double[] days, double observed, double daysNow,
      AnalysesSettings s, boolean up) {
    List<Double> ratios = new ArrayList<>();
    for (int h = 0; h < x.length; h++) {
      if (days[h] > 0) {
        ratios.add(x[h] / days[h]);
      }
    }
    if (ratios.size() < s.alertMinHistoryWeeks() || daysNow <= 0) {
      return null;
    }
    double rate = median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    double expected = Math.max(MIN_EXPECTED, rate * daysNow);
    List<Double> z2 = new ArrayList<>();
    for (int h = 0; h < x.length; h++) {
      double e = Math.max(MIN_EXPECTED, rate * days[h]);
      if (days[h] > 0) {
        z2.add((x[h] - e) * (x[h] - e) / e);
      }
    }
    double dispersion = Math.max(1.0, median(z2.stream().mapToDouble(Double::doubleValue).toArray()) / MEDIAN_CHI2_1);
    double p = up ? upperTail(observed, expected, dispersion) : lowerTail(observed, expected, dispersion);
    return new Test(key.get(0), key.get(1), key.get(2), key.get(3), week, up ? "up" : "down", observed, expected,
        dispersion, ratios.size(), p);
  }

  /** P(X ≥ x): Poisson(μ) when the dispersion is 1, else negative binomial with variance φμ (size μ / (φ − 1)). */
  public static double upperTail(double x, double mu, double dispersion) {
    if (x <= 0) {
      return 1.0;
    }
    if (dispersion <= 1.0 + 1e-9) {
      return Gamma.regularizedGammaP(x, mu);
    }
    double size = mu / (dispersion - 1);
    // P(X >= x) = I_{1-p}(x, size) with p = size / (size + mu)
    return Beta.regularizedBeta(mu / (size + mu), x, size);
  }

  /** P(X ≤ x) under the same model. */
  public static double lowerTail(double x, double mu, double dispersion) {
    if (dispersion <= 1.0 + 1e-9) {
      return Gamma.regularizedGammaQ(x + 1, mu);
    }
    double size = mu / (dispersion - 1);
    return Beta.regularizedBeta(size / (size + mu), size, x + 1);
  }

  static List<Alert> decide(List<Test> tests, AnalysesSettings s) {
    double[] q = SilenceStatistics.benjaminiHochberg(tests.stream().mapToDouble(Test::pValue).toArray());
    List<Test> kept = new ArrayList<>();
    Map<Test, Double> qOf = new HashMap<>();
    for (int i = 0; i < tests.size(); i++) {
      Test t = tests.get(i);
      boolean effect = t.direction().equals("up")
          ? t.observed() >= s.alertMinRatio() * t.expected() && t.observed() - t.expected() >= s.alertMinExcess()
          : t.observed() * s.alertMinRatio() <= t.expected() && t.expected() - t.observed() >= s.alertMinExcess();
      if (q[i] <= s.alertQ() && effect) {
        kept.add(t);
        qOf.put(t, q[i]);
      }
    }
    // Episodes: consecutive alert weeks of one subject and direction.
    Map<List<String>, TreeSet<LocalDate>> weeksOf = new HashMap<>();
    for (Test t : kept) {
      weeksOf.computeIfAbsent(List.of(t.brand(), t.channel(), t.subjectType(), t.subject(), t.direction()),
          k -> new TreeSet<>()).add(t.week());
    }
    List<Alert> alerts = new ArrayList<>();
    for (Test t : kept) {
      Set<LocalDate> weeks = weeksOf.get(List.of(t.brand(), t.channel(), t.subjectType(), t.subject(), t.direction()));
      LocalDate start = t.week();
      while (weeks.contains(start.minusWeeks(1))) {
        start = start.minusWeeks(1);
      }
      LocalDate end = t.week();
      while (weeks.contains(end.plusWeeks(1))) {
        end = end.plusWeeks(1);
      }
      int running = (int) java.time.temporal.ChronoUnit.WEEKS.between(start, t.week()) + 1;
      int length = (int) java.time.temporal.ChronoUnit.WEEKS.between(start, end) + 1;
      alerts.add(new Alert(t, qOf.get(t), severity(t, qOf.get(t)), start, running, length));
    }
    alerts.sort(Comparator.comparingDouble(Alert::severity).reversed());
    return alerts;
  }

  /**
   * For ordering: |log2 ratio| × log10(1 + |observed − expected|) × evidence (−log10 q, capped at 5, over 5).
   * About 5 for a six-fold week of 50 items against 8 at q ≤ 1e-5.
   */
  static double severity(Test t, double q) {
    double ratio = Math.abs(Math.log(Math.max(t.observed(), 0.5) / t.expected()) / Math.log(2));
    double volume = Math.log10(1 + Math.abs(t.observed() - t.expected()));
    double evidence = Math.min(5, -Math.log10(Math.max(q, 1e-300))) / 5;
    return Math.round(ratio * volume * evidence * 100) / 100.0;
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
