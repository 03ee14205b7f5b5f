package io.luister.jobs.themes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Theme identity across periods, on hand-made term weights where the right answer is known. */
class ThemeLineageTest {
  static final Map<String, Double> INVOICE = Map.of("factur", 1.0, "hog", 0.6, "invoic", 0.4);
  static final Map<String, Double> OUTAGE = Map.of("storing", 1.0, "stroom", 0.7, "outag", 0.5);
  static final Map<String, Double> CRASH = Map.of("app", 1.0, "crash", 0.9, "updat", 0.6);

  static List<ThemeLineage.Previous> previous() {
    return List.of(new ThemeLineage.Previous("2026Q2-01", "2026-Q2", INVOICE),
        new ThemeLineage.Previous("2026Q2-02", "2026-Q2", OUTAGE));
  }

  @Test
  void persistingThemesKeepTheirIdsAndANewOneIsBorn() {
    ThemeLineage.Result r = ThemeLineage.match("2026-Q3", List.of(
        new ThemeLineage.Current(7, 100, Map.of("factur", 0.9, "hog", 0.5, "nabetal", 0.3)),
        new ThemeLineage.Current(3, 80, CRASH),
        new ThemeLineage.Current(0, 60, OUTAGE)), previous(), "2026-Q2", 0.5);
    assertEquals("2026Q2-01", r.ids().get(7));
    assertEquals("2026Q2-02", r.ids().get(0));
    assertEquals("2026Q3-01", r.ids().get(3), "the new theme gets an id naming its birth period");
    assertEquals(1, r.events().stream().filter(e -> e.event().equals(ThemeLineage.BIRTH)).count());
    assertEquals(2, r.events().stream().filter(e -> e.event().equals(ThemeLineage.CONTINUED)).count());
    assertTrue(r.events().stream().noneMatch(e -> e.event().equals(ThemeLineage.DEATH)));
  }

  @Test
  void aThemeWithoutSuccessorDiesAndASecondHeirSplitsOff() {
    ThemeLineage.Result r = ThemeLineage.match("2026-Q3", List.of(
        new ThemeLineage.Current(0, 100, INVOICE),
        new ThemeLineage.Current(1, 50, Map.of("factur", 1.0, "hog", 0.5))), previous(), "2026-Q2", 0.5);
    assertEquals("2026Q2-01", r.ids().get(0), "the most similar heir keeps the id");
    assertEquals("2026Q3-01", r.ids().get(1));
    assertTrue(r.events().contains(new ThemeLineage.Event("2026-Q3", "2026Q3-01", ThemeLineage.SPLIT, "2026Q2-01",
        "2026-Q2", r.events().stream().filter(e -> e.event().equals(ThemeLineage.SPLIT)).findFirst().get().similarity())));
    assertTrue(r.events().stream().anyMatch(e -> e.event().equals(ThemeLineage.DEATH) && e.themeId().equals("2026Q2-02")));
  }

  @Test
  void twoEarlierThemesResemblingOneCurrentThemeMerge() {
    Map<String, Double> both = Map.of("factur", 1.0, "hog", 0.6, "invoic", 0.4, "storing", 1.0, "stroom", 0.7, "outag", 0.5);
    ThemeLineage.Result r = ThemeLineage.match("2026-Q3", List.of(new ThemeLineage.Current(0, 100, both)),
        previous(), "2026-Q2", 0.5);
    assertEquals(1, r.events().stream().filter(e -> e.event().equals(ThemeLineage.CONTINUED)).count());
    assertEquals(1, r.events().stream().filter(e -> e.event().equals(ThemeLineage.MERGE)).count());
    assertTrue(r.events().stream().noneMatch(e -> e.event().equals(ThemeLineage.DEATH)));
  }

  @Test
  void theResultDoesNotDependOnTheOrderOfEarlierThemes() {
    List<ThemeLineage.Current> current = List.of(new ThemeLineage.Current(0, 10, INVOICE), new ThemeLineage.Current(1, 5, CRASH));
    List<ThemeLineage.Previous> reversed = new ArrayList<>(previous());
    Collections.reverse(reversed);
    assertEquals(ThemeLineage.match("2026-Q3", current, previous(), "2026-Q2", 0.5),
        ThemeLineage.match("2026-Q3", current, reversed, "2026-Q2", 0.5));
  }

  @Test
  void withoutEarlierThemesEverythingIsBornLargestFirst() {
    ThemeLineage.Result r = ThemeLineage.match("2026-Q2", List.of(new ThemeLineage.Current(4, 10, INVOICE),
        new ThemeLineage.Current(2, 5, OUTAGE)), List.of(), null, 0.5);
    assertEquals(Map.of(4, "2026Q2-01", 2, "2026Q2-02"), r.ids());
    assertEquals(2, r.events().size());
  }
}
