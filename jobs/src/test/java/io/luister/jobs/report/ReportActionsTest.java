package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.test.TestSpark;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report ends with "To act on" / "Aan de slag": gold.action_list's first rows with owner and influence in both
 * languages, escaped like every other text, and, when no category names an owner, how to configure one.
 */
class ReportActionsTest {
  static ReportModel model(Taxonomy taxonomy) {
    List<ReportModel.ActionRow> actions = ReportModels.actions(ActionList.compute(ActionListTest.inputs(),
        ActionList.owners(TestSpark.session(), taxonomy), Map.of(), ActionListTest.P, ActionListTest.BEFORE, "Acme",
        "r1"));
    return ReportModels.build(ReportModelsTest.sample(), ReportModelsTest.P, "Acme", List.of("Rival"))
        .withActions(actions, taxonomy.hasOwners());
  }

  @Test
  void theLastSectionListsTheActionsWithOwnerAndInfluenceInBothLanguages() {
    Taxonomy taxonomy = new Taxonomy(List.of(
        new Category("billing", Map.of("en", "Billing", "nl", "Facturen"), "", null, Map.of(), Map.of(), Map.of(),
            "Billing & <b>Payments</b>", "yes"),
        new Category("weather", Map.of("en", "Weather", "nl", "Weer"), "", null, Map.of(), Map.of(), Map.of(),
            "Operations", "no")));
    ReportModel m = model(taxonomy);
    assertEquals(5, m.actions().size());
    ReportRenderer renderer = new ReportRenderer(ReportStage.categoryLabels(taxonomy), LocalDate.of(2026, 10, 1));

    String en = renderer.html(m, "en", false);
    int section = en.indexOf("id=\"actions\"");
    assertTrue(section > en.indexOf("id=\"health\""), "after the data health, the last section before the notes");
    String actions = en.substring(section, en.indexOf("id=\"about\""));
    assertTrue(actions.contains("To act on"));
    assertTrue(actions.contains("Billing &amp; &lt;b&gt;Payments&lt;/b&gt;"), "the owner is escaped: " + actions);
    assertFalse(actions.contains("<b>Payments"));
    assertTrue(actions.contains("late refund"), "a theme alert is named by its theme");
    assertTrue(actions.contains("no owner set"), "delivery names no owner, and the report says so");
    assertTrue(actions.contains("unknown"));
    assertTrue(actions.contains("persisting"));
    assertTrue(actions.contains("4 of 8 questions and complaints on"), actions);
    assertFalse(actions.contains("No category of the taxonomy names an owner"));
    assertTrue(actions.indexOf("late refund") < actions.indexOf("Weather"), "in rank order");

    String nl = renderer.html(m, "nl", false);
    String acties = nl.substring(nl.indexOf("id=\"actions\""), nl.indexOf("id=\"about\""));
    assertTrue(acties.contains("Aan de slag"));
    assertTrue(acties.contains("geen eigenaar ingesteld"));
    assertTrue(acties.contains("Stilte"));
    assertTrue(acties.contains("Facturen"));
    assertTrue(acties.contains("aanhoudend"));
    assertTrue(acties.contains("nee"));
  }

  @Test
  void withoutOwnersTheSectionSaysHowToConfigureThem() {
    ReportModel m = model(ActionListTest.taxonomy().categories().stream()
        .map(c -> new Category(c.id(), c.labels(), "", null, Map.of(), Map.of(), Map.of()))
        .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), Taxonomy::new)));
    assertFalse(m.ownersConfigured());
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    String en = renderer.html(m, "en", false);
    assertTrue(en.contains("No category of the taxonomy names an owner"));
    assertTrue(en.contains("owner: Billing team"));
    String nl = renderer.html(m, "nl", false);
    assertTrue(nl.contains("Geen enkele categorie in de taxonomie noemt een eigenaar"));

    ReportModel nothing = m.withActions(List.of(), false);
    assertTrue(renderer.html(nothing, "en", false).contains("Nothing to act on this quarter"));
    assertTrue(renderer.html(nothing, "nl", false).contains("niets om op te pakken"));
  }

  @Test
  void anActionOnWebStatisticsCountsPageViewsOrSearchesNotItems() {
    ReportModel.ActionRow views = new ReportModel.ActionRow(1, "alert", "category", "dynamic_contract", "dynamic_contract",
        null, "Acme", "faq_views", 23_656.0, 0.5, "Pricing", "yes", "new", 1, 1);
    ReportModel.ActionRow posts = new ReportModel.ActionRow(2, "silence", "category", "meter", "meter", null, "Acme",
        "social", 9.0, 269.5, null, "yes", "new", 1, 1);
    ReportView en = new ReportView(ReportMessages.load("en"), Map.of());
    ReportView nl = new ReportView(ReportMessages.load("nl"), Map.of());
    assertEquals("in FAQ page views: a week with 23,656 page views where about 0.5 were expected", en.actionText(views));
    assertTrue(nl.actionText(views).contains("23.656 paginaweergaven"), nl.actionText(views));
    assertTrue(en.actionText(posts).contains("9 items where about 269.5 were expected"), en.actionText(posts));
    assertTrue(nl.actionText(posts).contains("9 berichten"), nl.actionText(posts));
  }
}
