package io.luister.jobs.silences;

import io.luister.common.config.ProgramConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One finding per subject. The tests of a run ({@link SilenceFindings.Finding}, the rows of gold.silences)
 * are grouped by what they are about: every test of a category (each channel, each comparison, each
 * competitor and all competitors together) is one finding, and a category that is also an expectation's
 * category belongs to that expectation's finding. Each finding says whether it is new this period or has
 * persisted (from the same tests run on the baseline periods), and the findings are ranked: missed
 * expectations first, then new silences by severity, then persisting ones; withheld (data health) and
 * untestable (too few items) findings after all silences.
 */
public final class SilenceGroups {
  public static final String NEW = "new";
  public static final String PERSISTING = "persisting";

  /**
   * One finding: the group of tests about one subject.
   *
   * @param findingId period + "/" + subject key ("2026-Q3/category:meters", "2026-Q3/expectation:launch")
   * @param rank 1 is the finding to read first
   * @param status silence when any test is one; else data_health; else insufficient_evidence
   * @param novelty new, persisting, or null when not a silence
   * @param persistedPeriods how many consecutive periods up to this one it was a silence (1 when new)
   * @param since the first period of that run
   * @param sinceWindowStart true when the run reaches the first period loaded (it may be older)
   * @param tests the group's tests, the lead (most severe) first
   */
  public record Group(String findingId, String period, String subjectType, String subject, String labelEn,
      String labelNl, int rank, String status, double severity, String novelty, int persistedPeriods, String since,
      boolean sinceWindowStart, List<SilenceFindings.Finding> tests, String whyEn, String whyNl) {

    public SilenceFindings.Finding lead() {
      return tests.get(0);
    }

    public List<String> detectors() {
      return new ArrayList<>(new TreeSet<>(tests.stream().map(f -> f.test().detector()).toList()));
    }

    public List<String> channels() {
      return new ArrayList<>(new TreeSet<>(tests.stream().map(f -> f.test().channel()).toList()));
    }
  }

  private SilenceGroups() {}

  /** The subject key a test belongs to: its expectation, or the expectation whose category it is, or its category. */
  public static String subjectKey(Candidate t, ProgramConfig program, String period) {
    if (t.subjectType().equals("expectation")) {
      return "expectation:" + t.subject();
    }
    for (ProgramConfig.Expectation e : program.expectations()) {
      if (t.subject().equals(e.category()) && (e.periods().isEmpty() || e.periods().contains(period))) {
        return "expectation:" + e.name();
      }
    }
    return "category:" + t.subject();
  }

  /**
   * @param findings this period's tests that found something (SilenceFindings.decide)
   * @param silentBefore per earlier period (oldest first), the subject keys that were a silence there
   * @param earlier the earlier periods, oldest first (the keys of silentBefore)
   */
  public static List<Group> group(List<SilenceFindings.Finding> findings, String period, ProgramConfig program,
      Map<String, Set<String>> silentBefore, List<String> earlier) {
    Map<String, List<SilenceFindings.Finding>> byKey = new LinkedHashMap<>();
    for (SilenceFindings.Finding f : findings) {
      byKey.computeIfAbsent(subjectKey(f.test(), program, period), k -> new ArrayList<>()).add(f);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<SilenceFindings.Finding>> e : byKey.entrySet()) {
      List<SilenceFindings.Finding> tests = new ArrayList<>(e.getValue());
      tests.sort(Comparator.comparing((SilenceFindings.Finding f) -> statusOrder(f.status()))
          .thenComparing(SilenceFindings.Finding::severity, Comparator.reverseOrder()));
      SilenceFindings.Finding lead = tests.get(0);
      String status = lead.status();
      String key = e.getKey();
      boolean silence = status.equals(SilenceFindings.SILENCE);
      int streak = 0;
      if (silence) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
          if (!silentBefore.getOrDefault(earlier.get(i), Set.of()).contains(key)) {
            break;
          }
          streak++;
        }
      }
      String since = streak == 0 ? period : earlier.get(earlier.size() - streak);
      boolean fromStart = streak > 0 && streak == earlier.size();
      String novelty = silence ? (streak == 0 ? NEW : PERSISTING) : null;
      String subjectType = key.startsWith("expectation:") ? "expectation" : "category";
      String subject = key.substring(key.indexOf(':') + 1);
      SilenceFindings.Finding labelled = tests.stream().filter(f -> f.test().subject().equals(subject)).findFirst()
          .orElse(lead);
      double severity = tests.stream().mapToDouble(SilenceFindings.Finding::severity).max().orElse(0);
      String[] why = why(lead, subjectType, novelty, streak + 1, since, fromStart, tests, period);
      groups.add(new Group(period + "/" + key, period, subjectType, subject, labelled.labelEn(), labelled.labelNl(), 0,
          status, severity, novelty, silence ? streak + 1 : 0, silence ? since : null, fromStart, List.copyOf(tests),
          why[0], why[1]));
    }
    groups.sort(Comparator.comparing((Group g) -> statusOrder(g.status()))
        .thenComparing(g -> g.status().equals(SilenceFindings.SILENCE) && g.subjectType().equals("expectation") ? 0 : 1)
        .thenComparing(g -> PERSISTING.equals(g.novelty()) ? 1 : 0)
        .thenComparing(Group::severity, Comparator.reverseOrder())
        .thenComparing(Group::findingId));
    List<Group> ranked = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      ranked.add(new Group(g.findingId(), g.period(), g.subjectType(), g.subject(), g.labelEn(), g.labelNl(), i + 1,
          g.status(), g.severity(), g.novelty(), g.persistedPeriods(), g.since(), g.sinceWindowStart(), g.tests(),
          g.whyEn(), g.whyNl()));
    }
    return ranked;
  }

  static int statusOrder(String status) {
    return switch (status) {
      case SilenceFindings.SILENCE -> 0;
      case SilenceFindings.DATA_HEALTH -> 1;
      default -> 2;
    };
  }

  private static String nl(long count) {
    return String.format(Locale.ROOT, "%,d", count).replace(',', '.');
  }

  /** One sentence on why the finding matters, in English and Dutch. */
  static String[] why(SilenceFindings.Finding lead, String subjectType, String novelty, int periods, String since,
      boolean fromStart, List<SilenceFindings.Finding> tests, String period) {
    if (lead.status().equals(SilenceFindings.INSUFFICIENT)) {
      return new String[] {"It could not be tested: too few items were expected to tell a silence from chance.",
          "Dit kon niet getoetst worden: er werden te weinig berichten verwacht om een stilte van toeval te onderscheiden."};
    }
    if (lead.status().equals(SilenceFindings.DATA_HEALTH)) {
      return new String[] {"Withheld: the channel's data for the period look incomplete or far above their usual volume.",
          "Achtergehouden: de gegevens van het kanaal voor deze periode lijken onvolledig of liggen ver boven het gewone volume."};
    }
    Candidate t = lead.test();
    long missing = Math.max(0, Math.round(t.expectedCount() - t.observedCount()));
    long kinds = tests.stream().filter(f -> f.status().equals(SilenceFindings.SILENCE))
        .map(f -> f.test().detector()).distinct().count();
    String corroborated = kinds > 1
        ? String.format(Locale.ROOT, " %d kinds of comparison agree.", kinds) : "";
    String corroboratedNl = kinds > 1
        ? String.format(Locale.ROOT, " %d soorten vergelijking zijn het eens.", kinds) : "";
    if (subjectType.equals("expectation")) {
      return new String[] {String.format(Locale.ROOT,
          "The company expected customers to raise this in %s and they hardly did (about %,d fewer items than expected): "
              + "what it announced or launched has not reached them, or not in words they use.%s", period, missing, corroborated),
          String.format(Locale.ROOT, "Het bedrijf verwachtte dat klanten dit in %s zouden noemen en dat gebeurde nauwelijks "
              + "(ongeveer %s berichten minder dan verwacht): wat het aankondigde of lanceerde, heeft hen niet bereikt, of niet in "
              + "hun woorden.%s", period, nl(missing), corroboratedNl)};
    }
    if (PERSISTING.equals(novelty)) {
      String at = fromStart ? "at least since " + since + " (the first period loaded)" : "since " + since;
      String atNl = fromStart ? "minstens sinds " + since + " (de eerste geladen periode)" : "sinds " + since;
      return new String[] {String.format(Locale.ROOT, "Not new: it has been a silence for %d periods, %s, a lasting gap "
              + "rather than a change this period (about %,d fewer items than expected).%s", periods, at, missing, corroborated),
          String.format(Locale.ROOT, "Niet nieuw: dit is al %d perioden een stilte, %s; een blijvend gat, geen verandering in "
              + "deze periode (ongeveer %s berichten minder dan verwacht).%s", periods, atNl, nl(missing), corroboratedNl)};
    }
    return new String[] {String.format(Locale.ROOT, "New in %s: about %,d fewer items than expected where customers "
            + "used to or elsewhere do raise it; something changed that customers no longer tell us about.%s", period, missing,
            corroborated),
        String.format(Locale.ROOT, "Nieuw in %s: ongeveer %s berichten minder dan verwacht, waar klanten het vroeger of "
            + "elders wel noemen; er veranderde iets waarover klanten ons niets meer vertellen.%s", period, nl(missing),
            corroboratedNl)};
  }
}
