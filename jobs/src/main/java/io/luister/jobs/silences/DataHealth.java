package io.luister.jobs.silences;

import io.luister.common.config.ProgramConfig;
import io.luister.common.time.Periods;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data-health gate: a category can only be called silent in a channel whose data for the period
 * arrived and looks complete. Most real "silences" are broken feeds, so a channel whose volume is far
 * below its own baseline, or that has a week far below its usual week, is reported as a data-health
 * problem and its silences are withheld; so is a channel whose volume is far above its baseline.
 */
public final class DataHealth {
  public static final String OK = "ok";
  public static final String PROBLEM = "problem";

  /** One check of one channel in one period. */
  public record Check(String period, String channel, String check, double observed, double expected, String status,
      String explanationEn, String explanationNl) {}

  /** Weighted volume of a channel in one week (weeks start on Monday). */
  public record WeekVolume(String channel, LocalDate week, double weight) {}

  private DataHealth() {}

  public static List<Check> evaluate(List<WeekVolume> weeks, String period, List<String> baseline,
      ProgramConfig.SilenceSettings settings) {
    Map<String, Map<LocalDate, Double>> byChannel = new HashMap<>();
    Set<String> channels = new TreeSet<>();
    for (WeekVolume w : weeks) {
      byChannel.computeIfAbsent(w.channel(), c -> new HashMap<>()).merge(w.week(), w.weight(), Double::sum);
      channels.add(w.channel());
    }
    List<LocalDate> periodWeeks = fullWeeks(period);
    List<LocalDate> baselineWeeks = new ArrayList<>();
    baseline.forEach(p -> baselineWeeks.addAll(fullWeeks(p)));
    List<Check> checks = new ArrayList<>();
    for (String channel : channels) {
      Map<LocalDate, Double> volume = byChannel.get(channel);
      double inPeriod = periodWeeks.stream().mapToDouble(w -> volume.getOrDefault(w, 0.0)).sum();
      List<Double> usual = baselineWeeks.stream().map(w -> volume.getOrDefault(w, 0.0)).filter(v -> v > 0).toList();
      int baselineWeeksWithData = usual.size();
      if (usual.isEmpty()) {
        usual = periodWeeks.stream().map(w -> volume.getOrDefault(w, 0.0)).filter(v -> v > 0).toList();
      }
      if (usual.isEmpty()) {
        continue;
      }
      double usualWeek = median(usual);
      double expectedPeriod = usualWeek * periodWeeks.size();
      checks.add(volumeCheck(period, channel, inPeriod, expectedPeriod, baselineWeeksWithData, baselineWeeks.size(),
          settings));
      checks.add(weeksCheck(period, channel, periodWeeks, volume, usualWeek, settings));
    }
    return checks;
  }

  /**
   * The family-wise chance that a complete feed has at least one week flagged as short by chance alone: each of the
   * period's weeks is tested at this level divided by the number of weeks (Bonferroni).
   */
  static final double WEEK_ALPHA = 0.05;

  /**
   * Every full week against the usual week. A week is short when it is below {@code min_week_ratio} of the usual week
   * <b>and</b> a count that low is improbable for a complete feed: P(X ≤ observed) under Poisson(usual week) below
   * {@link #WEEK_ALPHA} / weeks. For a large channel the second condition always holds once the first does (a week of
   * 100 against a usual 1,000 has p ≈ 1e-300); for a low-volume brand with a few items a week a week of 0 is what a
   * Poisson count often does (usual 3: p = 0.05 against 0.05 / 13 = 0.004), so it is not called incomplete. Poisson is
   * the least variable count model, so this never excuses a week that a more dispersed model would flag.
   */
  static Check weeksCheck(String period, String channel, List<LocalDate> periodWeeks, Map<LocalDate, Double> volume,
      double usualWeek, ProgramConfig.SilenceSettings settings) {
    double perWeekAlpha = WEEK_ALPHA / Math.max(1, periodWeeks.size());
    List<LocalDate> low = periodWeeks.stream()
        .filter(w -> volume.getOrDefault(w, 0.0) < settings.minWeekRatio() * usualWeek).toList();
    List<LocalDate> shortWeeks = low.stream()
        .filter(w -> poissonLowerTail(volume.getOrDefault(w, 0.0), usualWeek) < perWeekAlpha).toList();
    double worst = periodWeeks.stream().mapToDouble(w -> volume.getOrDefault(w, 0.0)).min().orElse(0);
    String en;
    String nl;
    if (!shortWeeks.isEmpty()) {
      en = String.format("%s has %d week(s) in %s below %.0f %% of a usual week (first: %s; lowest week %,.0f vs usual %,.0f), "
          + "too low to be chance (Poisson p < %.2g per week): the feed looks incomplete.", channel, shortWeeks.size(),
          period, 100 * settings.minWeekRatio(), shortWeeks.get(0), worst, usualWeek, perWeekAlpha);
      nl = String.format("%s heeft %d week/weken in %s onder %.0f %% van een gewone week (eerste: %s; laagste week %,.0f, "
          + "gewoon %,.0f), te laag om toeval te zijn (Poisson p < %.2g per week): de aanlevering lijkt onvolledig.",
          channel, shortWeeks.size(), period, 100 * settings.minWeekRatio(), shortWeeks.get(0), worst, usualWeek,
          perWeekAlpha);
    } else if (!low.isEmpty()) {
      en = String.format("%s has %d quiet week(s) in %s (lowest %,.0f against a usual week of %,.0f), but at this volume "
          + "such a week happens by chance (Poisson p ≥ %.2g), so the feed is not judged incomplete.", channel, low.size(),
          period, worst, usualWeek, perWeekAlpha);
      nl = String.format("%s heeft %d rustige week/weken in %s (laagste %,.0f tegen een gewone week van %,.0f), maar bij dit "
          + "volume komt zo'n week bij toeval voor (Poisson p ≥ %.2g), dus de aanlevering geldt niet als onvolledig.",
          channel, low.size(), period, worst, usualWeek, perWeekAlpha);
    } else {
      en = String.format("%s has data in every full week of %s.", channel, period);
      nl = String.format("%s heeft gegevens in elke volle week van %s.", channel, period);
    }
    return new Check(period, channel, "weeks", shortWeeks.size(), 0, shortWeeks.isEmpty() ? OK : PROBLEM, en, nl);
  }

  /** P(X ≤ x) for X ~ Poisson(mean); x is floored (weighted volumes may be fractional). */
  static double poissonLowerTail(double x, double mean) {
    if (mean <= 0) {
      return 1.0;
    }
    return org.apache.commons.math3.special.Gamma.regularizedGammaQ(Math.floor(Math.max(0, x)) + 1, mean);
  }

  /**
   * The period's volume against the usual one, both ways: far below is a feed that broke or arrived in part; far
   * above is an export loaded twice over, a filter that changed or a flood of automated posts. Either way the
   * channel's mix of categories cannot be compared with its baseline, so its silences are withheld while the rest
   * of the run goes on.
   */
  static Check volumeCheck(String period, String channel, double inPeriod, double expectedPeriod,
      int baselineWeeksWithData, int baselineWeeks, ProgramConfig.SilenceSettings settings) {
    double ratio = inPeriod / expectedPeriod;
    String en = String.format("%s had %,.0f in the full weeks of %s against %,.0f expected from its usual week (%.0f %%).",
        channel, inPeriod, period, expectedPeriod, 100 * ratio);
    String nl = String.format("%s had %,.0f in de volle weken van %s tegen %,.0f verwacht op basis van een gewone week (%.0f %%).",
        channel, inPeriod, period, expectedPeriod, 100 * ratio);
    boolean tooLow = ratio < settings.minVolumeRatio();
    boolean tooHigh = ratio > settings.maxVolumeRatio();
    if (baselineWeeksWithData == 0) {
      // The usual week is then the period's own: the comparison says nothing about earlier quarters.
      en += " The baseline quarters have no item of this channel, so its usual week is this quarter's own median week:"
          + " the volume cannot be compared with earlier quarters.";
      nl += " De basisperiode heeft geen items van dit kanaal, dus de gewone week is de mediane week van dit kwartaal"
          + " zelf: het volume is niet te vergelijken met eerdere kwartalen.";
    } else if (tooHigh && baselineWeeksWithData < baselineWeeks / 2.0) {
      // A real export that starts in (or just before) the period looks exactly like a flood against a baseline of a
      // few stray items; say both, with the count that tells them apart.
      en += String.format(" That is %.0f times the usual volume, but only %d of the baseline's %d full weeks %s any item:"
          + " if the export does not reach back that far, there is no usual volume to compare with yet; otherwise check"
          + " for an export loaded twice over, a changed filter or a flood of automated posts before reading this"
          + " channel's figures.", ratio, baselineWeeksWithData, baselineWeeks, baselineWeeksWithData == 1 ? "has" : "have");
      nl += String.format(" Dat is %.0f keer het gewone volume, maar slechts %d van de %d volle weken van de basisperiode hebben"
          + " items: reikt de export niet zo ver terug, dan is er nog geen gewoon volume om mee te vergelijken; controleer"
          + " anders op een dubbel geladen export, een gewijzigd filter of een vloed aan geautomatiseerde berichten"
          + " voordat u de cijfers van dit kanaal leest.", ratio, baselineWeeksWithData, baselineWeeks);
    } else if (tooHigh) {
      en += String.format(" That is %.0f times the usual volume, above the limit of %.0f times: check for an export loaded"
          + " twice over, a changed filter or a flood of automated posts before reading this channel's figures.", ratio,
          settings.maxVolumeRatio());
      nl += String.format(" Dat is %.0f keer het gewone volume, boven de grens van %.0f keer: controleer op een dubbel"
          + " geladen export, een gewijzigd filter of een vloed aan geautomatiseerde berichten voordat u de cijfers van"
          + " dit kanaal leest.", ratio, settings.maxVolumeRatio());
    }
    return new Check(period, channel, "volume", inPeriod, expectedPeriod, tooLow || tooHigh ? PROBLEM : OK, en, nl);
  }

  /**
   * Channels with a failed volume or weeks check: their silences are withheld. A brand-coverage problem does not
   * withhold them: the silence tests compare a channel's mix of categories with its baseline and with the other
   * channels, which items without a brand do not change unless their attribution fails for some categories only;
   * it is reported so the reader discounts share of voice and the brand comparisons, which leave those items out.
   */
  public static Set<String> unhealthyChannels(List<Check> checks) {
    Set<String> out = new TreeSet<>();
    checks.stream().filter(c -> c.status().equals(PROBLEM) && !c.check().equals(BRAND_COVERAGE))
        .forEach(c -> out.add(c.channel()));
    return out;
  }

  /** The check of a source's brand attribution coverage. */
  public static final String BRAND_COVERAGE = "brand_coverage";

  /**
   * Customers' items of one source in the period (silver.feedback, a brand's own posts left out) and how many have
   * a brand.
   */
  public record SourceBrands(String source, String channel, long items, long branded) {}

  /**
   * One brand_coverage check per source whose brand comes from its data: observed is the share of its customers'
   * items with a brand, expected the least share that is ok (1 - {@code maxWithoutBrand}); more than
   * {@code maxWithoutBrand} without a brand is a problem. The table has no source column, so the explanation
   * names the source; channel is the source's channel.
   */
  public static List<Check> brandCoverage(List<SourceBrands> sources, String period, double maxWithoutBrand) {
    List<Check> checks = new ArrayList<>();
    for (SourceBrands s : sources) {
      if (s.items() == 0) {
        continue;
      }
      long without = s.items() - s.branded();
      double covered = s.branded() / (double) s.items();
      // The share without, as a quotient of counts: 1 - 0.95 is a hair above 0.05 in floating point.
      boolean low = without / (double) s.items() > maxWithoutBrand;
      String en = String.format("Source %s: %.1f %% of its %,d items in %s have a brand (%,d without; at most %.0f %% "
          + "without is ok).", s.source(), 100 * covered, s.items(), period, without, 100 * maxWithoutBrand);
      String nl = String.format("Bron %s: %.1f %% van de %,d items in %s heeft een merk (%,d zonder; hoogstens %.0f %% "
          + "zonder is in orde).", s.source(), 100 * covered, s.items(), period, without, 100 * maxWithoutBrand);
      if (low) {
        en += " Share of voice and the brand comparisons leave the items without a brand out, so they undercount this"
            + " source; set its brand rules (sources[].brand in the config).";
        nl += " Share of voice en de vergelijkingen tussen merken laten de items zonder merk weg en tellen deze bron dus"
            + " te laag; stel de merkregels van de bron in (sources[].brand in de configuratie).";
      }
      checks.add(new Check(period, s.channel(), BRAND_COVERAGE, covered, 1 - maxWithoutBrand, low ? PROBLEM : OK, en, nl));
    }
    return checks;
  }

  /** The Mondays of the weeks that lie entirely inside the period. */
  public static List<LocalDate> fullWeeks(String period) {
    LocalDate start = Periods.start(period);
    LocalDate end = Periods.end(period);
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate w = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)); !w.plusDays(6).isAfter(end); w = w.plusWeeks(1)) {
      weeks.add(w);
    }
    return weeks;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
