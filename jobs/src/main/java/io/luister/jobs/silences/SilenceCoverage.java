package io.luister.jobs.silences;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural absence: (category, channel) pairs a channel cannot or never did carry. Such a pair is not a
 * silence — "customer service is 0 % of FAQ page views" only says the site has no FAQ page for it — so it is
 * not tested; it is listed once, with its reason, in {@code gold.silence_coverage}.
 *
 * <p>Two reasons, checked in this order:
 * <ul>
 *   <li>{@code no_native_mapping}: the channel's sources classify by native codes, topics, pages or search terms
 *       (at least one category has a mapping for them) and this category has none. The channel can then carry
 *       the category only through free text (or not at all, for page views), so its share there does not compare
 *       with the other channels or with competitors: channel-gap and competitor-gap tests are skipped. Its own
 *       baseline still compares like with like, so a baseline drop is still tested.</li>
 *   <li>{@code absent_in_baseline}: nobody (no brand) raised the category in the channel in any baseline period.
 *       Nothing can have gone quiet that was never there: no detector tests the pair.</li>
 * </ul>
 */
public final class SilenceCoverage {
  public static final String NO_NATIVE_MAPPING = "no_native_mapping";
  public static final String ABSENT_IN_BASELINE = "absent_in_baseline";

  /** One structurally absent pair; {@code skipped} names the detectors that do not test it. */
  public record Gap(String channel, String category, String reason, List<String> skipped, double periodCount,
      String explanationEn, String explanationNl) {}

  private SilenceCoverage() {}

  public static List<Gap> structural(CellCounts counts, ProgramConfig program, Taxonomy taxonomy, String period,
      List<String> baseline) {
    List<Gap> gaps = new ArrayList<>();
    for (String channel : counts.channels()) {
      Set<String> keys = mappingKeys(program, channel);
      boolean mapsNatively = !keys.isEmpty() && taxonomy.categories().stream().anyMatch(c -> mapped(c, keys));
      for (String category : counts.subjects()) {
        if (category.equals(Taxonomy.UNCLASSIFIED) || category.startsWith(SilenceDetectors.EXPECTATION_PREFIX)) {
          continue;
        }
        double now = counts.get(period, channel, null, category);
        boolean unmapped = mapsNatively && taxonomy.category(category).map(c -> !mapped(c, keys)).orElse(false);
        double before = baseline.stream().mapToDouble(p -> counts.get(p, channel, null, category)).sum();
        if (!baseline.isEmpty() && before == 0) {
          gaps.add(new Gap(channel, category, ABSENT_IN_BASELINE, List.of(SilenceDetectors.BASELINE_DROP,
              SilenceDetectors.CHANNEL_GAP, SilenceDetectors.COMPETITOR_GAP), now,
              String.format("Not tested in %s: no brand's %s mentioned it in any baseline period (%s)%s.",
                  channel, channel, SilenceDetectors.describe(baseline), unmapped ? "; no native code, page or term maps to it" : ""),
              String.format("Niet getoetst in %s: in geen enkele basisperiode (%s) ging %s over dit onderwerp%s.",
                  channel, SilenceDetectors.describe(baseline), channel, unmapped ? "; geen eigen code, pagina of zoekterm verwijst ernaar" : "")));
        } else if (unmapped) {
          gaps.add(new Gap(channel, category, NO_NATIVE_MAPPING, List.of(SilenceDetectors.CHANNEL_GAP,
              SilenceDetectors.COMPETITOR_GAP), now,
              String.format("Not compared with other channels in %s: no native code, topic, page or search term of %s maps to it, "
                  + "so it reaches %s only through free text.", channel, channel, channel),
              String.format("Niet vergeleken met andere kanalen in %s: geen eigen code, onderwerp, pagina of zoekterm van %s verwijst "
                  + "ernaar, dus het komt alleen via vrije tekst in %s.", channel, channel, channel)));
        }
      }
    }
    return gaps;
  }

  /** The pairs a detector must skip, as {@code channel|category}. */
  public static Set<String> skipped(List<Gap> gaps, String detector) {
    Set<String> out = new HashSet<>();
    for (Gap g : gaps) {
      if (g.skipped().contains(detector)) {
        out.add(key(g.channel(), g.category()));
      }
    }
    return out;
  }

  public static String key(String channel, String category) {
    return channel + "|" + category;
  }

  /** The keys a category's native mappings may use for a channel: its sources' types and names. */
  static Set<String> mappingKeys(ProgramConfig program, String channel) {
    Set<String> keys = new HashSet<>();
    for (SourceConfig s : program.sources()) {
      if (s.type() != null && FeedbackUnion.channelOf(s.type()).equals(channel)) {
        keys.add(s.type().configName());
        keys.add(s.name());
      }
    }
    return keys;
  }

  private static boolean mapped(Category c, Set<String> keys) {
    return c.nativeMappings() != null
        && keys.stream().anyMatch(k -> !c.nativeMappings().getOrDefault(k, List.of()).isEmpty());
  }
}
