package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.jobs.themes.ThemeTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's theme list is ours: counted on our brand's items, without competitor-only themes or the rest. */
class ReportThemesTest {
  @Test
  void themesAreCountedOnOurItemsAndCompetitorOnlyThemesAndTheRestAreLeftOut() {
    TestSpark.session();
    String p = "2026-Q3";
    List<ReportModel.ThemeRow> rows = ReportModels.themes(new GoldRows(ThemeTables.THEMES_SCHEMA)
        .add("period", p, "theme_id", "ours", "label", "bill", "size", 100, "share", 0.5, "own_brand_items", 30,
            "own_brand_share", 0.3, "various", false, "examples", List.of("Their bill"), "own_brand_examples", List.of("My bill"))
        .add("period", p, "theme_id", "mixed", "label", "app", "size", 40, "share", 0.2, "own_brand_items", 40,
            "own_brand_share", 1.0, "various", false, "examples", List.of("The app"), "own_brand_examples", List.of("The app"))
        .add("period", p, "theme_id", "theirs", "label", "outage", "size", 50, "share", 0.25, "own_brand_items", 0,
            "own_brand_share", 0.0, "various", false, "examples", List.of("No power"))
        .add("period", p, "theme_id", "rest", "label", "various (small themes)", "size", 10, "share", 0.05,
            "own_brand_items", 10, "own_brand_share", 1.0, "various", true, "examples", List.of("x"))
        .frame());
    assertEquals(List.of("mixed", "ours"), rows.stream().map(ReportModel.ThemeRow::themeId).toList());
    assertEquals(40, rows.get(0).size());
    assertEquals(40 / 80.0, rows.get(0).share(), 1e-9, "the share of our themed items (the rest included)");
    assertEquals("My bill", rows.get(1).example(), "a theme shared with competitors quotes one of our items");
  }
}
