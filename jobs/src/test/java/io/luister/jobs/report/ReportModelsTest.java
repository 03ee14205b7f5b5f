package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.jobs.analyses.ChannelMix;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.analyses.Reputation;
import io.luister.jobs.analyses.ShareOfVoice;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.silences.SilenceStage;
import io.luister.jobs.themes.ThemeTables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportModelsTest {
  static final String P = "2026-Q3";

  /** A small, complete set of gold tables for Acme against Rival, whose right answers are known. */
  static GoldTables sample() {
    GoldTables empty = GoldTables.empty(TestSpark.session());
    return empty
        .with("reputation", new GoldRows(Reputation.SCHEMA)
            .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "*", "items", 120,
                "rated_items", 100, "negative_share", 0.4, "mean_sentiment_score", -0.2, "respondents", 50, "nps", -10.0,
                "score_based_share", 0.62)
            .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "social",
                "items", 70, "negative_share", 0.3, "respondents", 0)
            .add("period", P, "subject_type", "category", "subject", "*", "brand", "Rival", "channel", "*", "items", 30,
                "negative_share", 0.2, "respondents", 0)
            .add("period", "2026-Q2", "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "*",
                "items", 100, "negative_share", 0.35, "respondents", 40, "nps", 5.0)
            // A later period must not leak into the report of an earlier one.
            .add("period", "2026-Q4", "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "*",
                "items", 999, "negative_share", 0.9, "respondents", 1, "nps", 100.0)
            // Theme rows and single categories are not the brand's total.
            .add("period", P, "subject_type", "theme", "subject", "*", "brand", "Acme", "channel", "*", "items", 110)
            .add("period", P, "subject_type", "category", "subject", "billing", "brand", "Acme", "channel", "*",
                "items", 20)
            .frame())
        .with("share_of_voice", new GoldRows(ShareOfVoice.SCHEMA)
            .add("period", P, "channel", "social", "platform", "*", "category", "*", "brand", "Acme", "mentions", 70,
                "mentions_all_brands", 100, "share_of_voice", 0.7, "reach_share_of_voice", 0.6)
            .add("period", P, "channel", "social", "platform", "*", "category", "*", "brand", "Rival", "mentions", 30,
                "mentions_all_brands", 100, "share_of_voice", 0.3, "reach_share_of_voice", 0.4)
            .add("period", P, "channel", "social", "platform", "twitter", "category", "*", "brand", "Acme",
                "mentions", 40, "mentions_all_brands", 50, "share_of_voice", 0.8)
            .add("period", P, "channel", "social", "platform", "facebook", "category", "*", "brand", "Acme",
                "mentions", 30, "mentions_all_brands", 50, "share_of_voice", 0.6)
            .add("period", P, "channel", "contact_centre", "platform", "*", "category", "*", "brand", "Acme",
                "mentions", 50, "mentions_all_brands", 50, "share_of_voice", 1.0)
            .add("period", P, "channel", "*", "platform", "*", "category", "*", "brand", "Acme", "mentions", 120,
                "mentions_all_brands", 150, "share_of_voice", 0.8)
            .add("period", P, "channel", "social", "platform", "*", "category", "*", "hour_of_week", 5, "brand", "Acme",
                "mentions", 3, "mentions_all_brands", 3, "share_of_voice", 1.0)
            .frame())
        .with("webcare", new GoldRows(Webcare.SCHEMA)
            .add("period", P, "brand", "Acme", "platform", "*", "category", "*", "kind", "question", "items", 20,
                "answered", 15, "unanswered", 5, "response_rate", 0.75, "median_minutes_to_first_reply", 30.0)
            .add("period", P, "brand", "Acme", "platform", "*", "category", "*", "kind", "complaint", "items", 10,
                "answered", 2, "unanswered", 8, "response_rate", 0.2)
            .add("period", P, "brand", "Acme", "platform", "twitter", "category", "*", "kind", "question", "items", 5,
                "answered", 5, "response_rate", 1.0)
            .frame())
        .with("silences", new GoldRows(SilenceStage.SILENCES)
            .add("period", P, "detector", "competitor_gap", "subject", "solar", "label_en", "Solar", "label_nl", "Zon",
                "channel", "social", "brand", "Acme", "compared_with", "Rival", "observed_count", 2.0,
                "expected_count", 20.0, "ratio", 0.1, "q_value", 1e-9, "severity", 9.0, "status", "silence",
                "explanation_en", "Solar is common about Rival, rare about us.", "explanation_nl", "Zon ...")
            .add("period", P, "detector", "competitor_gap", "subject", "solar", "label_en", "Solar", "label_nl", "Zon",
                "channel", "social", "brand", "Acme", "compared_with", "all competitors", "observed_count", 2.0,
                "expected_count", 18.0, "ratio", 0.11, "q_value", 1e-8, "severity", 8.0, "status", "silence")
            .add("period", P, "detector", "baseline_drop", "subject", "green", "label_en", "Green", "label_nl", "Groen",
                "channel", "social", "brand", "Acme", "compared_with", "baseline 2025-Q3..2026-Q2", "observed_count", 1.0,
                "expected_count", 12.0, "ratio", 0.08, "q_value", 0.001, "severity", 5.0, "status", "silence")
            .add("period", P, "detector", "channel_gap", "subject", "moving", "channel", "survey", "brand", "Acme",
                "status", "insufficient_evidence", "severity", 0.1)
            .frame())
        .with("themes", new GoldRows(ThemeTables.THEMES_SCHEMA)
            .add("period", P, "theme_id", "t1", "label", "bill · high", "size", 40, "share", 0.4, "top_category",
                "billing", "examples", List.of("My bill doubled", "second"), "taxonomy_candidate", false)
            .add("period", P, "theme_id", "t2", "label", "heat pump", "size", 10, "share", 0.1, "top_category",
                "unclassified", "examples", List.of("Heat pump?"), "taxonomy_candidate", true)
            .frame())
        .with("channel_mix", new GoldRows(ChannelMix.SCHEMA)
            .add("period", P, "category", "*", "contacts", 50, "contacts_share", 1.0)
            .add("period", P, "category", "billing", "contacts", 30, "social_mentions", 10, "contacts_share", 0.6)
            .add("period", P, "category", "outage", "contacts", 20, "social_mentions", 30, "contacts_share", 0.4)
            .frame())
        .with("alerts", new GoldRows(EmergingIssues.SCHEMA)
            .add("period", P, "iso_week", "2026-W30", "brand", "Acme", "channel", "social", "subject_type", "category",
                "subject", "outage", "direction", "up", "observed", 30.0, "expected", 5.0, "severity", 3.0)
            .add("period", P, "iso_week", "2026-W31", "brand", "Acme", "channel", "social", "subject_type", "category",
                "subject", "billing", "direction", "down", "observed", 1.0, "expected", 9.0, "severity", 4.0)
            // A competitor's burst of praise, more severe than ours: never our "strongest rise".
            .add("period", P, "iso_week", "2026-W32", "brand", "Rival", "channel", "social", "subject_type", "category",
                "subject", "claims", "direction", "up", "observed", 25.0, "expected", 2.0, "severity", 6.0,
                "polarity", "praise")
            .frame())
        .with("data_health", new GoldRows(SilenceStage.HEALTH)
            .add("period", P, "channel", "social", "check", "volume", "observed", 100.0, "expected", 90.0, "status", "ok")
            .add("period", P, "channel", "survey", "check", "weeks", "observed", 2.0, "expected", 0.0, "status",
                "problem")
            .frame());
  }

  @Test
  void headlineFiguresAreCopiedFromTheRightRows() {
    ReportModel m = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    assertEquals(120, m.headline().items(), 1e-9);
    assertEquals(-10.0, m.headline().nps(), 1e-9);
    assertEquals(0.4, m.headline().negativeShare(), 1e-9);
    assertEquals(0.7, m.headline().shareOfVoice(), 1e-9);
    assertEquals(0.75, m.headline().questionResponseRate(), 1e-9);
    assertEquals(0.2, m.headline().complaintResponseRate(), 1e-9);
    assertEquals(3, m.headline().silences());
    assertEquals(1, m.headline().healthProblems());
  }

  @Test
  void sectionsAreBoundedOrderedAndFiltered() {
    ReportModel m = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    // Trend: this period and the earlier one, never a later one; brands of the period.
    assertEquals(List.of("2026-Q2", P, P), m.sentimentTrend().stream().map(ReportModel.SentimentRow::period).toList());
    assertEquals(List.of("social"), m.sentimentByChannel().stream().map(ReportModel.SentimentRow::channel).toList());
    // Share of voice only where brands are compared (social), all platforms first, hour rows left out.
    assertTrue(m.voice().stream().allMatch(v -> v.channel().equals("social")));
    assertEquals(List.of("*", "*", "facebook", "twitter"),
        m.voice().stream().map(ReportModel.VoiceRow::platform).toList());
    // Two findings on the same subject, channel and detector are one entry with the other comparison named.
    assertEquals(2, m.silences().size());
    assertEquals("solar", m.silences().get(0).subject());
    assertEquals("Rival", m.silences().get(0).comparedWith());
    assertEquals(List.of("all competitors"), m.silences().get(0).alsoComparedWith());
    assertEquals(new ReportModel.SilenceCounts(3, 1, 0), m.silenceCounts());
    // Categories without the total row, largest first; alerts only upwards; candidates only outside the taxonomy.
    assertEquals(List.of("outage", "billing"), m.categories().stream().map(ReportModel.CategoryRow::category).toList());
    assertEquals(List.of("outage"), m.alerts().stream().map(ReportModel.AlertRow::subject).toList());
    assertEquals(List.of("t2"), m.candidateThemes().stream().map(ReportModel.ThemeRow::themeId).toList());
    assertEquals("My bill doubled", m.themes().get(0).example());
    assertEquals(2, m.webcare().size(), "platform rows are left out");
  }

  @Test
  void emptyTablesGiveAReportThatSaysNothingWasFound() {
    ReportModel m = ReportModels.build(GoldTables.empty(TestSpark.session()), P, "Acme", List.of("Rival"));
    assertEquals(0, m.headline().items());
    assertNull(m.headline().nps());
    assertTrue(m.silences().isEmpty() && m.themes().isEmpty() && m.voice().isEmpty() && m.health().isEmpty());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      ReportMessages t = ReportMessages.load(lang);
      String html = renderer.html(m, lang, false);
      for (String key : List.of("silences.none", "talk.none", "talk.noThemes", "voice.none", "webcare.none",
          "health.none", "summary.noSilences", "summary.noNps")) {
        assertTrue(html.contains(escape(t.get(key))), lang + " says " + key);
      }
      assertTrue(html.contains(escape(t.get("emerging.noAlerts", "Acme"))), lang + " says no alert about Acme");
      byte[] pdf = ReportRenderer.pdf(renderer.html(m, lang, true));
      assertTrue(pdf.length > 1000 && new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
    }
  }

  @Test
  void withoutRatingsOrScoresTheSentimentTablesHaveNoSatisfiedColumn() {
    GoldRows textOnly = new GoldRows(Reputation.SCHEMA)
        .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "*", "items", 70,
            "negative_share", 0.3)
        .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "social",
            "items", 70, "negative_share", 0.3);
    GoldRows rated = new GoldRows(Reputation.SCHEMA)
        .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "*", "items", 70,
            "negative_share", 0.3, "csat", 0.6)
        .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "social",
            "items", 70, "negative_share", 0.3, "csat", 0.6);
    ReportModel withoutScores = ReportModels.build(sample().with("reputation", textOnly.frame()), P, "Acme", List.of("Rival"));
    ReportModel withScores = ReportModels.build(sample().with("reputation", rated.frame()), P, "Acme", List.of("Rival"));
    assertFalse(withoutScores.csatMeasured());
    assertTrue(withScores.csatMeasured());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      String header = "<th class=\"n\">" + escape(ReportMessages.load(lang).get("sentiment.csat")) + "</th>";
      assertFalse(renderer.html(withoutScores, lang, false).contains(header), lang + ": no satisfied column");
      assertTrue(renderer.html(withScores, lang, false).contains(header), lang + ": the satisfied column");
    }
  }

  @Test
  void withoutATaxonomyTheCategoriesSayTheyWereNotMeasuredInsteadOfOneBarAtAHundredPercent() {
    ReportModel unclassified = ReportModels.build(sample().with("channel_mix", new GoldRows(ChannelMix.SCHEMA)
        .add("period", P, "category", "*", "social_mentions", 50, "social_share", 1.0)
        .add("period", P, "category", "unclassified", "social_mentions", 50, "social_share", 1.0)
        .frame()), P, "Acme", List.of("Rival"));
    ReportModel classified = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    assertTrue(unclassified.onlyUnclassified());
    assertFalse(classified.onlyUnclassified());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      String note = escape(ReportMessages.load(lang).get("talk.noCategories"));
      assertTrue(renderer.html(unclassified, lang, false).contains(note), lang);
      assertFalse(renderer.html(classified, lang, false).contains(note), lang);
      // Nor does every theme say it is mostly "Unclassified".
      String mostly = "<th>" + escape(ReportMessages.load(lang).get("talk.topCategory")) + "</th>";
      assertFalse(renderer.html(unclassified, lang, false).contains(mostly), lang + ": no category column");
      assertTrue(renderer.html(classified, lang, false).contains(mostly), lang + ": the category column");
    }
  }

  @Test
  void withoutASurveyTheSentimentTablesHaveNoNpsOrRespondentsColumn() {
    GoldRows reputation = new GoldRows(Reputation.SCHEMA)
        .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "*", "items", 70,
            "negative_share", 0.3, "respondents", 0)
        .add("period", P, "subject_type", "category", "subject", "*", "brand", "Acme", "channel", "social",
            "items", 70, "negative_share", 0.3, "respondents", 0);
    ReportModel reviewsOnly = ReportModels.build(sample().with("reputation", reputation.frame()), P, "Acme",
        List.of("Rival"));
    ReportModel withSurvey = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    assertFalse(reviewsOnly.npsMeasured());
    assertTrue(withSurvey.npsMeasured());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      ReportMessages t = ReportMessages.load(lang);
      for (String column : List.of("sentiment.nps", "sentiment.respondents")) {
        String header = "<th class=\"n\">" + escape(t.get(column)) + "</th>";
        assertFalse(renderer.html(reviewsOnly, lang, false).contains(header), lang + ": no " + column + " column");
        assertTrue(renderer.html(withSurvey, lang, false).contains(header), lang + ": the " + column + " column");
      }
    }
  }

  @Test
  void aRiseOverSeveralWeeksIsOneRowAtItsMostSevereWeek() {
    java.sql.Date start = java.sql.Date.valueOf("2026-07-20");
    GoldRows rows = new GoldRows(EmergingIssues.SCHEMA);
    for (String[] w : new String[][] {{"2026-W30", "2.0"}, {"2026-W31", "5.0"}, {"2026-W32", "3.0"}}) {
      rows.add("period", P, "iso_week", w[0], "brand", "Acme", "channel", "social", "subject_type", "category",
          "subject", "outage", "direction", "up", "observed", 30.0, "expected", 5.0, "severity", Double.parseDouble(w[1]),
          "episode_start", start, "episode_weeks", 3);
    }
    // Another episode of the same subject later in the quarter stays a row of its own.
    rows.add("period", P, "iso_week", "2026-W38", "brand", "Acme", "channel", "social", "subject_type", "category",
        "subject", "outage", "direction", "up", "observed", 20.0, "expected", 5.0, "severity", 1.0,
        "episode_start", java.sql.Date.valueOf("2026-09-14"), "episode_weeks", 1);
    ReportModel m = ReportModels.build(sample().with("alerts", rows.frame()), P, "Acme", List.of("Rival"));
    assertEquals(List.of("2026-W31", "2026-W38"), m.alerts().stream().map(ReportModel.AlertRow::isoWeek).toList());
    assertEquals(3, m.alerts().get(0).episodeWeeks());
  }

  @Test
  void withoutTheSilenceTableTheReportSaysSilencesWereNotMeasuredNotThatThereAreNone() {
    // A program without a taxonomy: the silence stage is skipped and writes neither table.
    GoldTables g = sample();
    GoldTables noSilenceStage = new GoldTables(g.channelMix(), g.themes(), GoldTables.empty(TestSpark.session()).silences(),
        g.reputation(), g.shareOfVoice(), g.alerts(), g.webcare(), g.dataHealth(),
        List.of("gold.silences", "gold.data_health"));
    ReportModel m = ReportModels.build(noSilenceStage, P, "Acme", List.of("Rival"));
    assertFalse(m.headline().silencesMeasured());
    assertTrue(ReportModels.build(sample(), P, "Acme", List.of("Rival")).headline().silencesMeasured());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      ReportMessages t = ReportMessages.load(lang);
      String html = renderer.html(m, lang, false);
      assertTrue(html.contains(escape(t.get("summary.silencesNotMeasured", P))), lang + ": the summary says not measured");
      assertTrue(html.contains(escape(t.get("silences.notMeasured", P))), lang + ": the section says not measured");
      for (String claim : List.of("summary.noSilences", "silences.none")) {
        assertFalse(html.contains(escape(t.get(claim))), lang + " must not say " + claim);
      }
      assertFalse(html.contains("<span class=\"big\">0</span><span class=\"small\">" + escape(t.get("tile.silences"))),
          lang + ": the tile is not 0");
    }
  }

  @Test
  void aPeriodWithTooLittleTextForThemesSaysThemesWereNotMeasuredAndWhy() {
    // The themes stage wrote no rows (ThemeStage.MIN_ITEMS) and its ops.runs row says why (ReportStage reads it).
    GoldTables g = sample().with("themes", GoldTables.empty(TestSpark.session()).themes());
    ReportModel m = ReportModels.build(g, P, "Acme", List.of("Rival"))
        .withThemesNotMeasured(new ReportModel.ThemesNotMeasured(8, 20));
    ReportModel notRun = ReportModels.build(g, P, "Acme", List.of("Rival"));
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      ReportMessages t = ReportMessages.load(lang);
      String html = renderer.html(m, lang, false);
      assertTrue(html.contains(escape(t.get("talk.themesNotMeasured", "8", 20))), lang + ": the section says why");
      assertFalse(html.contains(escape(t.get("talk.noThemes"))), lang + " must not say no themes were found");
      assertTrue(renderer.html(notRun, lang, false).contains(escape(t.get("talk.noThemes"))),
          lang + ": without the stage's reason, as before");
    }
  }

  @Test
  void fullReportRendersInBothLanguagesWithChartsAndNoScriptOrExternalAddress() {
    ReportModel m = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    ReportRenderer renderer = new ReportRenderer(Map.of("billing", Map.of("en", "Billing", "nl", "Facturen")),
        LocalDate.of(2026, 10, 1));
    String en = renderer.html(m, "en", false);
    String nl = renderer.html(m, "nl", false);
    assertTrue(en.contains("<svg") && en.contains("Billing") && en.contains("What customers do not talk about"));
    assertTrue(nl.contains("<svg") && nl.contains("Facturen") && nl.contains("Waar klanten niet over praten"));
    // Numbers per language: 75% of questions answered.
    assertTrue(en.contains("75%"), "English percentage");
    assertTrue(en.contains("62% come from the customers' own ratings") || en.contains("62% come from the customers&#39; own ratings"),
        "the method mix");
    assertTrue(nl.contains("62% uit de eigen beoordelingen") && nl.contains("38% uit tekst"), "the method mix in Dutch");
    assertTrue(nl.contains("75%") && nl.contains("-10"), "Dutch figures");
    for (String html : List.of(en, nl)) {
      assertFalse(html.toLowerCase().contains("<script"), "no script");
      assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external address");
    }
    String pdfHtml = renderer.html(m, "en", true);
    assertTrue(pdfHtml.contains("data:image/png;base64,") && !pdfHtml.contains("<svg"), "PNG charts for the PDF");
  }

  @Test
  void theStrongestRiseIsOursAndACompetitorsBurstIsShownAsTheirs() {
    ReportModel m = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    assertEquals(List.of("Acme"), m.alerts().stream().map(ReportModel.AlertRow::brand).toList());
    assertEquals(List.of("Rival"), m.competitorAlerts().stream().map(ReportModel.AlertRow::brand).toList());
    assertEquals("unknown", m.alerts().get(0).polarity(), "a table without polarity is 'not known', not negative");
    // A theme alert is shown with its theme's label, not its id.
    ReportModel themed = ReportModels.build(sample().with("alerts", new GoldRows(EmergingIssues.SCHEMA)
        .add("period", P, "iso_week", "2026-W30", "brand", "Acme", "channel", "social", "subject_type", "theme",
            "subject", "t1", "direction", "up", "observed", 30.0, "expected", 5.0, "severity", 3.0).frame()),
        P, "Acme", List.of("Rival"));
    assertEquals("bill · high", themed.alerts().get(0).subject());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    String en = renderer.html(m, "en", false);
    String rise = ReportRenderer.summary(m, new ReportView(ReportMessages.load("en"), Map.of())).stream()
        .filter(x -> x.contains("strongest rise")).findFirst().orElseThrow();
    assertTrue(rise.startsWith("The strongest rise about Acme: Outage"), rise);
    assertTrue(en.contains("Competitors&#39; bursts") && en.contains("praise (positive)"), "the burst is Rival's praise");

    // Without any rise about us, the summary names the competitor instead of presenting its burst as ours.
    ReportModel onlyRival = ReportModels.build(sample().with("alerts", new GoldRows(EmergingIssues.SCHEMA)
        .add("period", P, "iso_week", "2026-W32", "brand", "Rival", "channel", "social", "subject_type", "category",
            "subject", "claims", "direction", "up", "observed", 25.0, "expected", 2.0, "severity", 6.0,
            "polarity", "praise").frame()), P, "Acme", List.of("Rival"));
    for (String lang : ReportMessages.LANGUAGES) {
      List<String> summary = ReportRenderer.summary(onlyRival, new ReportView(ReportMessages.load(lang), Map.of()));
      String sentence = summary.stream().filter(x -> x.contains("Rival:")).findFirst().orElseThrow();
      assertTrue(sentence.contains(lang.equals("en") ? "about competitor Rival" : "over concurrent Rival"), sentence);
      assertTrue(sentence.contains(lang.equals("en") ? "praise" : "lof"), sentence);
    }
  }

  @Test
  void webcareWithoutAnyOwnReplyIsNotMeasurableNotZeroPercent() {
    GoldTables gold = sample().with("webcare", new GoldRows(Webcare.SCHEMA)
        .add("period", P, "brand", "Acme", "platform", "*", "category", "*", "kind", "question", "items", 20,
            "status", Webcare.NOT_MEASURABLE, "reason", "no reply")
        .frame());
    ReportModel m = ReportModels.build(gold, P, "Acme", List.of("Rival"));
    assertNull(m.headline().questionResponseRate());
    assertFalse(m.webcare().get(0).measurable());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    String en = renderer.html(m, "en", false);
    assertTrue(en.contains("Webcare of Acme is not measurable from these exports"), "summary");
    assertTrue(en.contains("not measurable from these exports: they hold no reply by Acme&#39;s own accounts"), "table");
    assertFalse(en.contains("answered 0%"), "never 0 %");
    assertTrue(renderer.html(m, "nl", false).contains("niet te meten met deze exports"));
  }

  @Test
  void quotesAreCutOnAWordBoundaryWithAnEllipsis() {
    String review = ("The claim took months and nobody called back, ").repeat(170);   // ~7,900 characters
    String q = ReportView.quote(review);
    assertTrue(q.length() <= ReportView.QUOTE_CHARS, q.length() + " characters");
    assertTrue(q.endsWith("…"), q);
    String body = q.substring(0, q.length() - 1);
    assertTrue(review.startsWith(body), "a prefix of the text");
    assertTrue(review.charAt(body.length()) == ' ' || review.charAt(body.length()) == ',', "cut between words: " + body);
    assertEquals("Short and sweet.", ReportView.quote("  Short and\n sweet. "));
    assertEquals("x".repeat(ReportView.QUOTE_CHARS - 1) + "…", ReportView.quote("x".repeat(1000)), "one long word");
    GoldTables gold = sample().with("themes", new GoldRows(ThemeTables.THEMES_SCHEMA)
        .add("period", P, "theme_id", "t1", "label", "claims", "size", 40, "share", 0.4, "top_category", "billing",
            "examples", List.of(review), "taxonomy_candidate", true).frame());
    String html = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1))
        .html(ReportModels.build(gold, P, "Acme", List.of("Rival")), "en", false);
    assertFalse(html.contains(review.substring(0, 400)), "no quote over the limit, in the themes or the candidates");
    assertTrue(html.contains(q), "the cut quote is shown");
  }

  @Test
  void channelsWithoutDataAreLeftOutNotShownAsNotAvailable() {
    ReportModel m = ReportModels.build(sample(), P, "Acme", List.of("Rival"));
    // The sample's channel mix has contacts only (social mentions without shares: no social data either).
    assertEquals(List.of("contact_centre"), ReportRenderer.categoryChannels(m));
    String en = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1)).html(m, "en", false);
    String table = en.substring(en.indexOf("id=\"talk\""), en.indexOf("id=\"silences\""));
    assertFalse(table.contains("n/a"), table);
    assertFalse(table.contains("FAQ page views") || table.contains("site searches"), "no empty channel columns");
  }

  @Test
  void shareOfVoiceShowsPlatformRowsOnlyWhereThereIsMoreThanOnePlatform() {
    GoldTables gold = sample().with("share_of_voice", new GoldRows(ShareOfVoice.SCHEMA)
        .add("period", P, "channel", "social", "platform", "*", "category", "*", "brand", "Acme", "mentions", 70,
            "mentions_all_brands", 100, "share_of_voice", 0.7)
        .add("period", P, "channel", "social", "platform", "*", "category", "*", "brand", "Rival", "mentions", 30,
            "mentions_all_brands", 100, "share_of_voice", 0.3)
        .add("period", P, "channel", "social", "platform", "unknown", "category", "*", "brand", "Acme", "mentions", 70,
            "mentions_all_brands", 100, "share_of_voice", 0.7)
        .add("period", P, "channel", "social", "platform", "unknown", "category", "*", "brand", "Rival", "mentions", 30,
            "mentions_all_brands", 100, "share_of_voice", 0.3)
        .frame());
    ReportModel m = ReportModels.build(gold, P, "Acme", List.of("Rival"));
    assertEquals(List.of("*", "*"), m.voice().stream().map(ReportModel.VoiceRow::platform).toList());
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
