package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.test.TestSpark;
import io.luister.jobs.analyses.CriticalAuthors;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.silences.SilenceStage;
import io.luister.jobs.themes.ThemeTables;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ActionListTest {
  static final String P = "2026-Q3";
  static final String BEFORE = "2026-Q2";

  static Taxonomy taxonomy() {
    return new Taxonomy(List.of(
        new Category("billing", Map.of("en", "Billing", "nl", "Facturen"), "", null, Map.of(), Map.of(), Map.of(),
            "Billing team", "yes"),
        new Category("weather", Map.of("en", "Weather", "nl", "Weer"), "", null, Map.of(), Map.of(), Map.of(),
            "Operations", "no"),
        new Category("delivery", Map.of("en", "Delivery", "nl", "Bezorging"), "", null, Map.of(), Map.of(), Map.of())));
  }

  static ActionList.Inputs inputs() {
    Dataset<Row> silences = new GoldRows(SilenceStage.SILENCES)
        // One finding with two tests: the most severe one stands for it.
        .add("period", P, "detector", "baseline_drop", "subject_type", "category", "subject", "billing",
            "channel", "contact_centre", "brand", "Acme", "compared_with", "baseline", "observed_count", 2,
            "expected_count", 10, "ratio", 0.2, "severity", 5.0, "status", "silence", "finding_id", P + "/billing",
            "novelty", "new")
        .add("period", P, "detector", "channel_gap", "subject_type", "category", "subject", "billing",
            "channel", "social", "brand", "Acme", "observed_count", 5, "expected_count", 6, "ratio", 0.8,
            "severity", 1.0, "status", "silence", "finding_id", P + "/billing", "novelty", "new")
        // Not a silence: no finding.
        .add("period", P, "detector", "baseline_drop", "subject_type", "category", "subject", "delivery",
            "channel", "social", "brand", "Acme", "observed_count", 1, "expected_count", 2, "ratio", 0.5,
            "status", "insufficient_evidence")
        .frame();
    Dataset<Row> alerts = new GoldRows(EmergingIssues.SCHEMA)
        .add("period", P, "week", Date.valueOf("2026-08-03"), "iso_week", "2026-W32", "brand", "Acme", "channel", "*",
            "subject_type", "category", "subject", "weather", "direction", "up", "observed", 200, "expected", 100,
            "severity", 2.0, "polarity", "negative", "episode_weeks", 1)
        .add("period", BEFORE, "week", Date.valueOf("2026-05-04"), "iso_week", "2026-W19", "brand", "Acme",
            "channel", "*", "subject_type", "category", "subject", "weather", "direction", "up", "observed", 90,
            "expected", 30, "severity", 2.0, "polarity", "negative", "episode_weeks", 1)
        .add("period", P, "week", Date.valueOf("2026-08-10"), "iso_week", "2026-W33", "brand", "Acme",
            "channel", "social", "subject_type", "theme", "subject", "t7", "direction", "up", "observed", 30,
            "expected", 10, "severity", 3.0, "polarity", "mixed", "episode_weeks", 2)
        // Praise, a drop and a competitor's burst are not ours to act on.
        .add("period", P, "week", Date.valueOf("2026-08-10"), "iso_week", "2026-W33", "brand", "Acme", "channel", "*",
            "subject_type", "category", "subject", "billing", "direction", "up", "observed", 500, "expected", 10,
            "severity", 9.0, "polarity", "praise", "episode_weeks", 1)
        .add("period", P, "week", Date.valueOf("2026-08-10"), "iso_week", "2026-W33", "brand", "Acme", "channel", "*",
            "subject_type", "category", "subject", "delivery", "direction", "down", "observed", 1, "expected", 50,
            "severity", 9.0, "polarity", "unknown", "episode_weeks", 1)
        .add("period", P, "week", Date.valueOf("2026-08-10"), "iso_week", "2026-W33", "brand", "Rival", "channel", "*",
            "subject_type", "category", "subject", "delivery", "direction", "up", "observed", 500, "expected", 10,
            "severity", 9.0, "polarity", "negative", "episode_weeks", 1)
        .frame();
    Dataset<Row> critics = new GoldRows(CriticalAuthors.SCHEMA)
        .add("period", P, "brand", "Acme", "author", "au_1", "author_class", CriticalAuthors.PERSISTENT,
            "negative_posts", 5, "positive_posts", 1, "posts_in_period", 3, "main_category", "delivery")
        .add("period", P, "brand", "Acme", "author", "au_2", "author_class", CriticalAuthors.INCIDENT,
            "negative_posts", 4, "positive_posts", 0, "posts_in_period", 4, "main_category", "delivery")
        // Not active this quarter, a promoter, a competitor's critic: none counts.
        .add("period", P, "brand", "Acme", "author", "au_3", "author_class", CriticalAuthors.PERSISTENT,
            "negative_posts", 50, "positive_posts", 0, "posts_in_period", 0, "main_category", "delivery")
        .add("period", P, "brand", "Acme", "author", "au_4", "author_class", CriticalAuthors.PROMOTER,
            "negative_posts", 0, "positive_posts", 9, "posts_in_period", 9, "main_category", "delivery")
        .add("period", P, "brand", "Rival", "author", "au_5", "author_class", CriticalAuthors.PERSISTENT,
            "negative_posts", 50, "positive_posts", 0, "posts_in_period", 9, "main_category", "weather")
        .frame();
    Dataset<Row> webcare = new GoldRows(Webcare.SCHEMA)
        .add("period", P, "brand", "Acme", "platform", "*", "category", "billing", "kind", "question", "items", 4,
            "answered", 1, "unanswered", 3, "status", "measured")
        .add("period", P, "brand", "Acme", "platform", "*", "category", "billing", "kind", "complaint", "items", 4,
            "answered", 3, "unanswered", 1, "status", "measured")
        // The all-categories row, a single platform and a fully answered category add nothing.
        .add("period", P, "brand", "Acme", "platform", "*", "category", "*", "kind", "question", "items", 40,
            "answered", 1, "unanswered", 39, "status", "measured")
        .add("period", P, "brand", "Acme", "platform", "x", "category", "billing", "kind", "question", "items", 4,
            "answered", 1, "unanswered", 3, "status", "measured")
        .add("period", P, "brand", "Acme", "platform", "*", "category", "weather", "kind", "question", "items", 4,
            "answered", 4, "unanswered", 0, "status", "measured")
        .frame();
    Dataset<Row> themes = new GoldRows(ThemeTables.THEMES_SCHEMA)
        .add("period", P, "theme_id", "t7", "label", "late refund", "top_category", "billing")
        .frame();
    return new ActionList.Inputs(silences, alerts, critics, webcare, themes);
  }

  static List<Row> actions(ActionList.Inputs in, Taxonomy taxonomy) {
    return ActionList.compute(in, ActionList.owners(TestSpark.session(), taxonomy), Map.of(), P, BEFORE, "Acme", "r1")
        .orderBy("rank").collectAsList();
  }

  @Test
  void ordersTheFindingsByInfluenceSeverityAndNoveltyWithTheirOwners() {
    List<Row> rows = actions(inputs(), taxonomy());
    assertEquals(List.of("alert/t7", "silence/billing", "critics/delivery", "unanswered/billing", "alert/weather"),
        rows.stream().map(r -> r.getAs("finding_type") + "/" + r.getAs("subject")).toList());
    assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(r -> (Integer) r.getAs("rank")).toList());

    Row theme = rows.get(0);   // 30 where 10 expected: 2/3 above expectation, n = 20
    assertEquals("billing", theme.getAs("category"));
    assertEquals("t7", theme.getAs("theme"));
    assertEquals("late refund", theme.getAs("label"));
    assertEquals("Billing team", theme.getAs("owner"));
    assertEquals("yes", theme.getAs("influence"));
    assertEquals(2.0 / 3 * Math.log10(21) / 2, (Double) theme.getAs("severity"), 1e-9);
    assertEquals(ActionList.NEW, theme.getAs("novelty"));

    Row silence = rows.get(1);   // the baseline drop: 2 where 10 expected, ratio 0.2
    assertEquals("contact_centre", silence.getAs("channel"));
    assertEquals(0.8, (Double) silence.getAs("intensity"), 1e-9);
    assertEquals(0.8 * Math.log10(9) / 2, (Double) silence.getAs("score"), 1e-9);

    Row critics = rows.get(2);   // two active critics, 9 of their 10 posts with a polarity negative
    assertNull(critics.getAs("owner"));
    assertEquals(Category.UNKNOWN_INFLUENCE, critics.getAs("influence"));
    assertEquals(2.0, (Double) critics.getAs("observed"), 1e-9);
    assertEquals(0.9 * Math.log10(10) / 2 * 0.5, (Double) critics.getAs("score"), 1e-9);
    assertFalse(((String) critics.getAs("evidence")).contains("au_"), "no author in the evidence");

    Row unanswered = rows.get(3);   // 4 of 8 unanswered over both kinds
    assertEquals(4.0, (Double) unanswered.getAs("observed"), 1e-9);
    assertEquals(8.0, (Double) unanswered.getAs("expected"), 1e-9);
    assertEquals(0.5 * Math.log10(5) / 2, (Double) unanswered.getAs("score"), 1e-9);

    Row weather = rows.get(4);   // seen in the previous period too, and the company cannot change the weather
    assertEquals(ActionList.PERSISTING, weather.getAs("novelty"));
    assertEquals("Operations", weather.getAs("owner"));
    assertEquals(0.5 * 1.0 * 0.2 * 0.7, (Double) weather.getAs("score"), 1e-9);
    assertTrue(rows.stream().allMatch(r -> P.equals(r.getAs("period"))));
  }

  @Test
  void aSubCategoryInheritsItsParentsOwnerAndNoFindingsGiveAnEmptyList() {
    Taxonomy t = new Taxonomy(List.of(
        new Category("billing", Map.of("en", "Billing", "nl", "Facturen"), "", null, Map.of(), Map.of(), Map.of(),
            "Billing team", "partly"),
        new Category("refunds", Map.of("en", "Refunds", "nl", "Terugbetalingen"), "", "billing", Map.of(), Map.of(),
            Map.of())));
    List<Row> owners = ActionList.owners(TestSpark.session(), t).orderBy("category").collectAsList();
    assertEquals("Billing team", owners.get(1).getAs("owner"));
    assertEquals("partly", owners.get(1).getAs("influence"));

    GoldTables empty = GoldTables.empty(TestSpark.session());
    ActionList.Inputs none = new ActionList.Inputs(empty.silences(), empty.alerts(),
        GoldTables.empty(TestSpark.session(), CriticalAuthors.SCHEMA), empty.webcare(), empty.themes());
    assertTrue(actions(none, t).isEmpty());
  }
}
