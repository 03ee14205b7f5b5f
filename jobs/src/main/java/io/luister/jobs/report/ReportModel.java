package io.luister.jobs.report;

import java.util.List;

/**
 * Everything the quarterly report shows, as small driver-side values: top-N lists and aggregates taken from the
 * gold tables of one period (and of earlier periods present in them, for trends). Built by {@link ReportModels};
 * rendered by {@link ReportRenderer}. Nullable {@code Double}s are figures the tables do not have (no respondents,
 * no baseline): the report says "not available" rather than showing 0.
 *
 * @param period the analysis quarter
 * @param brand our brand
 * @param competitors the competitors of the config, in config order
 * @param headline the figures of the executive summary
 * @param categories what customers talk about: each category's share per channel (gold.channel_mix), largest first
 * @param themes the largest themes of the period with one masked example each (gold.themes)
 * @param silences the silences (status silence) of the period, most severe first, one per subject, channel and
 *     detector (gold.silences)
 * @param silenceCounts how many findings gold.silences has per status
 * @param sentimentTrend our brand and every competitor per period, all channels together (gold.reputation)
 * @param sentimentByChannel our brand per channel in the period (gold.reputation)
 * @param voice share of voice per brand on the channels where more than one brand is discussed, all platforms and
 *     per platform (gold.share_of_voice)
 * @param alerts the most severe weekly alerts of the period that go up about our brand (gold.alerts)
 * @param competitorAlerts the same for the competitors: their bursts, shown as theirs
 * @param candidateThemes themes that mostly fall outside the taxonomy: new subjects (gold.themes)
 * @param webcare response rate and time per brand and kind (gold.webcare)
 * @param health the data-health checks of the period (gold.data_health)
 * @param missingTables gold tables the warehouse does not have (their sections say so)
 * @param themesNotMeasured why the period has no themes when the themes stage found too little text for them
 *     (ops.runs), else null
 * @param actions the first {@link ReportModels#TOP} rows of gold.action_list, in rank order (empty when the stage
 *     computed none)
 * @param ownersConfigured whether any category of the taxonomy names an owner: without, the section says how to
 *     configure them rather than listing every action as unowned
 */
public record ReportModel(
    String period,
    String brand,
    List<String> competitors,
    Headline headline,
    List<CategoryRow> categories,
    List<ThemeRow> themes,
    List<SilenceRow> silences,
    SilenceCounts silenceCounts,
    List<SentimentRow> sentimentTrend,
    List<SentimentRow> sentimentByChannel,
    List<VoiceRow> voice,
    List<AlertRow> alerts,
    List<AlertRow> competitorAlerts,
    List<ThemeRow> candidateThemes,
    List<WebcareRow> webcare,
    List<HealthRow> health,
    List<String> missingTables,
    ThemesNotMeasured themesNotMeasured,
    List<ActionRow> actions,
    boolean ownersConfigured) {

  /** The themes stage fitted no model: {@code items} eligible items of free text, {@code needed} required. */
  public record ThemesNotMeasured(long items, int needed) {}

  /** This model with the themes stage's "not measured" (read from ops.runs, not from gold). */
  public ReportModel withThemesNotMeasured(ThemesNotMeasured notMeasured) {
    return new ReportModel(period, brand, competitors, headline, categories, themes, silences, silenceCounts,
        sentimentTrend, sentimentByChannel, voice, alerts, competitorAlerts, candidateThemes, webcare, health,
        missingTables, notMeasured, actions, ownersConfigured);
  }

  /** This model with the period's action list (gold.action_list, written by the report stage itself). */
  public ReportModel withActions(List<ActionRow> top, boolean owners) {
    return new ReportModel(period, brand, competitors, headline, categories, themes, silences, silenceCounts,
        sentimentTrend, sentimentByChannel, voice, alerts, competitorAlerts, candidateThemes, webcare, health,
        missingTables, themesNotMeasured, List.copyOf(top), owners);
  }

  /**
   * Whether every category row is "unclassified": the program has no taxonomy (or nothing fits it), so a chart of one
   * bar at 100 % would say nothing; the section says why instead.
   */
  public boolean onlyUnclassified() {
    return !categories.isEmpty()
        && categories.stream().allMatch(c -> io.luister.common.taxonomy.Taxonomy.UNCLASSIFIED.equals(c.category()));
  }

  /** Whether an action of the list has no owner (its category names none, or it has no category). */
  public boolean hasUnownedActions() {
    return actions.stream().anyMatch(a -> a.owner() == null);
  }

  /**
   * Whether any sentiment row has an NPS: without a survey the NPS and respondents columns would be n/a and 0 on
   * every row, so the sentiment tables leave them out (the summary already says no survey responses were there).
   */
  public boolean npsMeasured() {
    return java.util.stream.Stream.concat(sentimentTrend.stream(), sentimentByChannel.stream())
        .anyMatch(s -> s.nps() != null || s.respondents() > 0);
  }
  /**
   * Whether any sentiment row has a satisfied share: without ratings or CSAT scores (tweets, complaints, contact
   * notes) the column would say n/a on every row, so it is left out like the NPS columns.
   */
  public boolean csatMeasured() {
    return java.util.stream.Stream.concat(sentimentTrend.stream(), sentimentByChannel.stream())
        .anyMatch(s -> s.csat() != null);
  }


  /**
   * @param items customer items about our brand in the period, all channels (gold.reputation, category '*')
   * @param nps our NPS in the period (null without respondents)
   * @param respondents NPS respondents
   * @param negativeShare share of our rated items that are negative
   * @param shareOfVoice our share of all brands' customer items on social (null without social data)
   * @param questionResponseRate share of customer questions to us on social our accounts answered
   * @param complaintResponseRate the same for complaints
   * @param silences number of silences (status silence)
   * @param silencesMeasured whether the silence stage wrote its table: without it (a program without a taxonomy,
   *     or the stage not run) "no silences" would be a claim nothing measured
   * @param healthProblems data-health checks with status problem
   */
  public record Headline(double items, Double nps, double respondents, Double negativeShare, Double shareOfVoice,
      Double questionResponseRate, Double complaintResponseRate, long silences, boolean silencesMeasured,
      long healthProblems) {}

  /** One category: its share of each channel's volume in the period, and the contact count. */
  public record CategoryRow(String category, Double faqViews, Double siteSearches, Double contacts, Double survey,
      Double social, long contactCount) {
    /** The channels of the category table, in its column order (ids as in the bundle's channel.* labels). */
    public static final List<String> CHANNELS = List.of("contact_centre", "social", "survey", "site_search", "faq_views");

    /** This category's share of a channel of {@link #CHANNELS}; null when the channel has no data. */
    public Double share(String channel) {
      return switch (channel) {
        case "contact_centre" -> contacts;
        case "social" -> social;
        case "survey" -> survey;
        case "site_search" -> siteSearches;
        case "faq_views" -> faqViews;
        default -> null;
      };
    }
  }

  /** One theme: label, items, share, top category and one masked example text. */
  public record ThemeRow(String themeId, String label, long size, double share, String topCategory, String example) {}

  /**
   * One silence with its evidence as gold.silences gives it and the sentence in both languages. The same subject
   * missing in the same channel against several comparisons (each competitor, all competitors) is one entry: the
   * most severe finding, with the other comparisons in {@code alsoComparedWith}.
   */
  public record SilenceRow(String detector, String subject, String labelEn, String labelNl, String channel,
      String brand, String comparedWith, double observedCount, double expectedCount, Double observedShare,
      Double expectedShare, Double ratio, Double qValue, String explanationEn, String explanationNl,
      List<String> alsoComparedWith) {}

  /** How many findings gold.silences has per status. */
  public record SilenceCounts(long silence, long insufficientEvidence, long dataHealth) {}

  /** Sentiment and NPS of one brand, period and channel (channel * = all). */
  public record SentimentRow(String period, String brand, String channel, double items, Double negativeShare,
      Double meanScore, Double nps, double respondents, Double csat, Double scoreBasedShare) {}

  /** Share of voice of one brand on one channel and platform (* = all). */
  public record VoiceRow(String channel, String platform, String brand, long mentions, long allBrands, Double share, Double reachShare) {}

  /**
   * One weekly alert. {@code polarity}: negative (a rise of complaints), praise, mixed or unknown (no sentiment);
   * {@code ours}: about our brand rather than a competitor.
   */
  public record AlertRow(String isoWeek, String brand, String channel, String subjectType, String subject,
      double observed, double expected, Double ratio, int episodeWeeks, String explanationEn, String polarity,
      boolean ours) {}

  /**
   * Webcare of one brand and kind (question, complaint) over all platforms and categories. {@code measurable} false:
   * the exports hold no reply by the brand's own accounts, so answered and the rates are unknown ({@code reason}).
   */
  public record WebcareRow(String brand, String kind, long items, Long answered, Double responseRate,
      Double medianMinutes, Double p90Minutes, boolean measurable, String reason) {}

  /**
   * One row of gold.action_list: a finding of the period with its owner (null: none named) and influence (yes,
   * partly, no or unknown). {@code label} names a theme or expectation; a category subject is labelled by the taxonomy.
   */
  public record ActionRow(int rank, String findingType, String subjectType, String subject, String category,
      String label, String brand, String channel, Double observed, Double expected, String owner, String influence,
      String novelty, double severity, double score) {}

  /** One data-health check. */
  public record HealthRow(String channel, String check, double observed, double expected, String status,
      String explanationEn, String explanationNl) {}
}
