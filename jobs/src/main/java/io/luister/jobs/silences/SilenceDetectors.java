package io.luister.jobs.silences;

import io.luister.common.config.BrandConfig;
import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four silence detectors, as pure functions of the cell counts. Each returns one {@link Candidate}
 * per test it made; {@link SilenceFindings} then corrects for multiple testing and decides the status.
 */
public final class SilenceDetectors {
  public static final String EXPECTED_ABSENT = "expected_absent";
  public static final String BASELINE_DROP = "baseline_drop";
  public static final String CHANNEL_GAP = "channel_gap";
  public static final String COMPETITOR_GAP = "competitor_gap";
  public static final String EXPECTATION_PREFIX = "expectation:";
  public static final String ALL_CHANNELS = "all";

  private SilenceDetectors() {}

  /**
   * Expected-absent: an expected theme observed far below its expectation in a channel, about us. The
   * expectation is the configured minimum share, or — with {@code min_share: baseline} — the theme's own
   * share in the baseline quarters.
   */
  public static List<Candidate> expectedAbsent(CellCounts counts, ProgramConfig program, String period,
      List<String> baseline) {
    List<Candidate> out = new ArrayList<>();
    String ours = program.brand().name();
    for (ProgramConfig.Expectation e : program.expectations()) {
      if (!e.periods().isEmpty() && !e.periods().contains(period)) {
        continue;
      }
      String subject = EXPECTATION_PREFIX + e.name();
      for (String channel : e.channels()) {
        double x = counts.get(period, channel, ours, subject);
        double n = counts.total(period, channel, ours);
        if (n == 0) {
          continue;
        }
        Map<String, Double> evidence = new LinkedHashMap<>();
        if (e.minShare() != null) {
          evidence.put("expected_min_share", e.minShare());
          out.add(new Candidate(EXPECTED_ABSENT, "expectation", e.name(), channel, ours, "configured minimum share",
              x, n, e.minShare(), SilenceStatistics.binomialLowerTail(x, n, e.minShare()), evidence));
        } else {
          double xb = sum(counts, baseline, channel, ours, subject);
          double nb = sumTotal(counts, baseline, channel, ours);
          if (nb == 0) {
            continue;
          }
          evidence.put("baseline_count", xb);
          evidence.put("baseline_total", nb);
          out.add(new Candidate(EXPECTED_ABSENT, "expectation", e.name(), channel, ours,
              "its baseline " + describe(baseline), x, n, xb / nb,
              SilenceStatistics.rateRatioLowerTail(x, n, xb, nb), evidence));
        }
      }
    }
    return out;
  }

  /**
   * Baseline drop: a category whose share about us in a channel (and in all channels together) fell
   * against its own share in the baseline quarters. Only categories with at least {@code min_share} of
   * the baseline are tested: a small category falling further is not a finding. The structurally absent
   * {@code channel|category} pairs in {@code skip} are not tested.
   */
  public static List<Candidate> baselineDrop(CellCounts counts, ProgramConfig program, String period,
      List<String> baseline, Set<String> skip) {
    List<Candidate> out = new ArrayList<>();
    if (baseline.isEmpty()) {
      return out;
    }
    String ours = program.brand().name();
    List<String> scopes = new ArrayList<>(counts.channels());
    scopes.add(ALL_CHANNELS);
    for (String subject : counts.subjects()) {
      if (subject.equals(Taxonomy.UNCLASSIFIED)) {
        continue;
      }
      for (String scope : scopes) {
        String channel = scope.equals(ALL_CHANNELS) ? null : scope;
        if (skip.contains(SilenceCoverage.key(scope, subject))) {
          continue;
        }
        double x = channel == null ? allChannels(counts, period, ours, subject) : counts.get(period, channel, ours, subject);
        double n = channel == null ? allChannelsTotal(counts, period, ours) : counts.total(period, channel, ours);
        double xb = 0;
        double nb = 0;
        for (String p : baseline) {
          xb += channel == null ? allChannels(counts, p, ours, subject) : counts.get(p, channel, ours, subject);
          nb += channel == null ? allChannelsTotal(counts, p, ours) : counts.total(p, channel, ours);
        }
        if (n == 0 || nb == 0 || xb / nb < program.silences().minShare()) {
          continue;
        }
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("baseline_count", xb);
        evidence.put("baseline_total", nb);
        evidence.put("baseline_share", xb / nb);
        evidence.put("baseline_periods", (double) baseline.size());
        out.add(new Candidate(BASELINE_DROP, "category", subject, scope, ours, "baseline " + describe(baseline),
            x, n, xb / nb, SilenceStatistics.rateRatioLowerTail(x, n, xb, nb), evidence));
      }
    }
    return out;
  }

  /**
   * Channel gap: a category present in the other channels but under-represented in one, about us. The
   * expected share is the mean of its shares in the other channels, each channel counting once, so one
   * high-volume channel (page views) does not set the expectation alone. Only categories with at least
   * {@code min_share} elsewhere are tested.
   *
   * <p>The structurally absent {@code channel|category} pairs in {@code skip} are skipped: such a pair is neither
   * tested nor counted in the other channels' mean (a channel that cannot carry a category says nothing about how
   * much of it to expect elsewhere).
   */
  public static List<Candidate> channelGap(CellCounts counts, ProgramConfig program, String period, Set<String> skip) {
    List<Candidate> out = new ArrayList<>();
    String ours = program.brand().name();
    List<String> present = counts.channels().stream().filter(c -> counts.total(period, c, ours) > 0).toList();
    if (present.size() < 2) {
      return out;
    }
    // Compare like with like: within the categories both channels can carry. A channel that lacks some categories
    // has larger shares of the rest; its share is rescaled to this channel's mass on the common categories (with
    // nothing structural, this is the plain share). The masses depend on the pair of channels only, not on the
    // subject tested, so they are summed once per pair: {mass here, mass there} by "channel|other".
    Map<String, double[]> commonMass = new HashMap<>();
    for (String channel : present) {
      for (String other : present) {
        if (other.equals(channel)) {
          continue;
        }
        double massHere = 0;
        double massThere = 0;
        for (String j : counts.subjects()) {
          if (!skip.contains(SilenceCoverage.key(channel, j)) && !skip.contains(SilenceCoverage.key(other, j))) {
            massHere += counts.get(period, channel, ours, j);
            massThere += counts.get(period, other, ours, j);
          }
        }
        commonMass.put(channel + "|" + other, new double[] {massHere, massThere});
      }
    }
    for (String subject : counts.subjects()) {
      if (subject.equals(Taxonomy.UNCLASSIFIED)) {
        continue;
      }
      for (String channel : present) {
        if (skip.contains(SilenceCoverage.key(channel, subject))) {
          continue;
        }
        Map<String, Double> evidence = new LinkedHashMap<>();
        double sum = 0;
        int others = 0;
        double n = counts.total(period, channel, ours);
        for (String other : present) {
          if (!other.equals(channel) && !skip.contains(SilenceCoverage.key(other, subject))) {
            double[] mass = commonMass.get(channel + "|" + other);
            double massHere = mass[0];
            double massThere = mass[1];
            if (massHere == 0 || massThere == 0) {
              continue;
            }
            double share = counts.get(period, other, ours, subject) / counts.total(period, other, ours);
            evidence.put("share_in_" + other, share);
            sum += counts.get(period, other, ours, subject) / massThere * massHere / n;
            others++;
          }
        }
        if (others == 0) {
          continue;
        }
        double expected = sum / others;
        if (expected < program.silences().minShare()) {
          continue;
        }
        double x = counts.get(period, channel, ours, subject);
        out.add(new Candidate(CHANNEL_GAP, "category", subject, channel, ours, "the other channels", x, n, expected,
            SilenceStatistics.binomialLowerTail(x, n, expected), evidence));
      }
    }
    return out;
  }

  /**
   * Competitor gap: a category that is a clearly larger share of talk about a competitor (each one, and
   * all together) than about us, in the same channel and period. The structurally absent
   * {@code channel|category} pairs in {@code skip} are not tested.
   */
  public static List<Candidate> competitorGap(CellCounts counts, ProgramConfig program, String period, Set<String> skip) {
    List<Candidate> out = new ArrayList<>();
    String ours = program.brand().name();
    if (program.competitors().isEmpty()) {
      return out;
    }
    List<List<String>> rivals = new ArrayList<>();
    for (BrandConfig c : program.competitors()) {
      rivals.add(List.of(c.name()));
    }
    if (program.competitors().size() > 1) {
      rivals.add(program.competitors().stream().map(BrandConfig::name).toList());
    }
    for (String channel : counts.channels()) {
      double n = counts.total(period, channel, ours);
      if (n == 0) {
        continue;
      }
      for (List<String> rival : rivals) {
        double nc = rival.stream().mapToDouble(b -> counts.total(period, channel, b)).sum();
        if (nc == 0) {
          continue;
        }
        for (String subject : counts.subjects()) {
          if (subject.equals(Taxonomy.UNCLASSIFIED) || skip.contains(SilenceCoverage.key(channel, subject))) {
            continue;
          }
          double xc = rival.stream().mapToDouble(b -> counts.get(period, channel, b, subject)).sum();
          if (xc / nc < program.silences().minShare()) {
            continue;
          }
          double x = counts.get(period, channel, ours, subject);
          Map<String, Double> evidence = new LinkedHashMap<>();
          evidence.put("competitor_count", xc);
          evidence.put("competitor_total", nc);
          evidence.put("competitor_share", xc / nc);
          String who = rival.size() == 1 ? rival.get(0) : "all competitors";
          out.add(new Candidate(COMPETITOR_GAP, "category", subject, channel, ours, who, x, n, xc / nc,
              SilenceStatistics.rateRatioLowerTail(x, n, xc, nc), evidence));
        }
      }
    }
    return out;
  }

  private static double allChannels(CellCounts counts, String period, String brand, String subject) {
    return counts.channels().stream().mapToDouble(c -> counts.get(period, c, brand, subject)).sum();
  }

  private static double allChannelsTotal(CellCounts counts, String period, String brand) {
    return counts.channels().stream().mapToDouble(c -> counts.total(period, c, brand)).sum();
  }

  private static double sum(CellCounts counts, List<String> periods, String channel, String brand, String subject) {
    return periods.stream().mapToDouble(p -> counts.get(p, channel, brand, subject)).sum();
  }

  private static double sumTotal(CellCounts counts, List<String> periods, String channel, String brand) {
    return periods.stream().mapToDouble(p -> counts.total(p, channel, brand)).sum();
  }

  static String describe(List<String> periods) {
    return periods.isEmpty() ? "(none)" : periods.size() == 1 ? periods.get(0)
        : periods.get(0) + ".." + periods.get(periods.size() - 1);
  }
}
