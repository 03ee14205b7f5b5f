package io.luister.jobs.silences;

import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the detectors' tests into findings: Benjamini–Hochberg across every test of the run, then a
 * status per test — {@code silence} (significant at q and observed at most max_ratio of expected),
 * {@code insufficient_evidence} (it would be one, but fewer than min_expected items were expected) or
 * {@code data_health} (it would be one, but the channel's data look incomplete or far above their usual volume) — a severity, and a
 * one-sentence explanation in English and Dutch. Tests that found nothing are not kept.
 */
public final class SilenceFindings {
  public static final String SILENCE = "silence";
  public static final String INSUFFICIENT = "insufficient_evidence";
  public static final String DATA_HEALTH = "data_health";

  /** One row of gold.silences. */
  public record Finding(Candidate test, String period, String labelEn, String labelNl, double qValue, double severity,
      String status, String explanationEn, String explanationNl) {}

  private SilenceFindings() {}

  public static List<Finding> decide(List<Candidate> tests, String period, ProgramConfig program, Taxonomy taxonomy,
      Set<String> unhealthyChannels) {
    ProgramConfig.SilenceSettings s = program.silences();
    List<Candidate> testable = tests.stream().filter(t -> t.expectedCount() >= s.minExpected()).toList();
    double[] q = SilenceStatistics.benjaminiHochberg(testable.stream().mapToDouble(Candidate::pValue).toArray());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < testable.size(); i++) {
      Candidate t = testable.get(i);
      if (q[i] > s.q() || t.ratio() > maxRatio(t, s)) {
        continue;
      }
      boolean unhealthy = unhealthyChannels.contains(t.channel())
          || (t.channel().equals(SilenceDetectors.ALL_CHANNELS) && !unhealthyChannels.isEmpty());
      findings.add(finding(t, period, program, taxonomy, q[i], unhealthy ? DATA_HEALTH : SILENCE));
    }
    for (Candidate t : tests) {
      if (t.expectedCount() < s.minExpected() && t.ratio() <= maxRatio(t, s) && t.expectedCount() > 0) {
        findings.add(finding(t, period, program, taxonomy, Double.NaN, INSUFFICIENT));
      }
    }
    findings.sort((a, b) -> Double.compare(b.severity(), a.severity()));
    return findings;
  }

  /**
   * The effect a test must show: a channel gap compares channels whose mix differs by nature (people phone about
   * a bill and search the site for a meter reading), so it needs a larger gap than a comparison with the same
   * channel's own past or with competitors in the same channel.
   */
  static double maxRatio(Candidate t, ProgramConfig.SilenceSettings s) {
    return t.detector().equals(SilenceDetectors.CHANNEL_GAP) ? Math.min(s.maxRatio(), s.channelGapMaxRatio()) : s.maxRatio();
  }

  private static Finding finding(Candidate t, String period, ProgramConfig program, Taxonomy taxonomy, double q,
      String status) {
    String en = label(t, program, taxonomy, "en");
    String nl = label(t, program, taxonomy, "nl");
    double severity = status.equals(SILENCE) ? SilenceStatistics.severity(t.ratio(), t.expectedCount(), q) : 0;
    String explanationEn = explain(t, period, en, "en");
    String explanationNl = explain(t, period, nl, "nl");
    if (status.equals(DATA_HEALTH)) {
      explanationEn += " Not reported as a silence: the " + t.channel() + " data for " + period + " look incomplete or far above their usual volume (see gold.data_health).";
      explanationNl += " Niet gemeld als stilte: de gegevens van " + t.channel() + " voor " + period + " lijken onvolledig of liggen ver boven het gewone volume (zie gold.data_health).";
    } else if (status.equals(INSUFFICIENT)) {
      explanationEn += String.format(Locale.ROOT, " Too little volume to tell (%.1f expected).", t.expectedCount());
      explanationNl += String.format(Locale.ROOT, " Te weinig volume om iets te zeggen (%.1f verwacht).", t.expectedCount());
    }
    return new Finding(t, period, en, nl, q, severity, status, explanationEn, explanationNl);
  }

  private static String label(Candidate t, ProgramConfig program, Taxonomy taxonomy, String language) {
    if (t.subjectType().equals("expectation")) {
      return program.expectations().stream().filter(e -> e.name().equals(t.subject())).findFirst()
          .map(e -> e.description().isBlank() ? e.name() : e.description()).orElse(t.subject());
    }
    return taxonomy.category(t.subject()).map(c -> c.label(language)).orElse(t.subject());
  }

  static String explain(Candidate t, String period, String label, String language) {
    boolean nl = language.equals("nl");
    String where = channelPhrase(t.channel(), nl);
    String observed = percent(t.observedShare(), nl);
    String expected = percent(t.expectedShare(), nl);
    return switch (t.detector()) {
      case SilenceDetectors.CHANNEL_GAP -> {
        String elsewhere = t.evidence().entrySet().stream()
            .filter(e -> e.getKey().startsWith("share_in_"))
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .limit(3)
            .map(e -> percent(e.getValue(), nl) + (nl ? " van de " : " of ") + channelPhrase(e.getKey().substring(9), nl))
            .collect(Collectors.joining(nl ? " en " : " and "));
        yield nl ? String.format("%s is %s, maar %s van de %s over ons.", label, elsewhere, observed, where)
            : String.format("%s is %s, but %s of %s about us.", label, elsewhere, observed, where);
      }
      case SilenceDetectors.BASELINE_DROP -> nl
          ? String.format("%s daalde in %s naar %s van de %s over ons, tegen %s in %s.", label, period, observed, where,
              expected, t.comparedWith().replace("baseline", "de basisperiode"))
          : String.format("%s fell to %s of %s about us in %s, from %s in the %s.", label, observed, where, period,
              expected, t.comparedWith());
      case SilenceDetectors.COMPETITOR_GAP -> nl
          ? String.format("%s is %s van de %s over %s, maar slechts %s van die over ons.", label, expected, where,
              t.comparedWith().replace("all competitors", "alle concurrenten"), observed)
          : String.format("%s is %s of %s about %s, but only %s of those about us.", label, expected, where,
              t.comparedWith(), observed);
      default -> nl
          ? String.format("%s werd in %s verwacht in minstens %s van de %s over ons, maar was %s.", label, period,
              expected, where, observed)
          : String.format("%s was expected in at least %s of %s about us in %s, but was %s.", label, expected, where,
              period, observed);
    };
  }

  static String channelPhrase(String channel, boolean nl) {
    return switch (channel) {
      case "social" -> nl ? "sociale posts" : "social posts";
      case "contact_centre" -> nl ? "klantcontacten" : "contact-centre contacts";
      case "survey" -> nl ? "enquêtereacties" : "survey responses";
      case "faq_views" -> nl ? "FAQ-paginaweergaven" : "FAQ page views";
      case "site_search" -> nl ? "zoekopdrachten op de site" : "site searches";
      case SilenceDetectors.ALL_CHANNELS -> nl ? "feedback in alle kanalen" : "feedback in all channels";
      default -> channel;
    };
  }

  static String percent(double share, boolean nl) {
    double pct = 100 * share;
    String s = pct >= 10 || pct == 0 ? String.format(Locale.ROOT, "%.0f", pct) : String.format(Locale.ROOT, "%.1f", pct);
    return (nl ? s.replace('.', ',') : s) + " %";
  }
}
