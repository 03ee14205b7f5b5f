package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import java.text.MessageFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMessagesTest {
  @Test
  void everyLanguageHasTheSameKeysAndValidPatterns() {
    Map<String, String> en = ReportMessages.patterns("en");
    for (String lang : ReportMessages.LANGUAGES) {
      Map<String, String> other = ReportMessages.patterns(lang);
      assertEquals(en.keySet(), other.keySet(), lang + " has the same keys as en");
      other.forEach((key, pattern) -> {
        assertFalse(pattern.isBlank(), lang + " " + key + " is empty");
        assertDoesNotThrow(() -> new MessageFormat(pattern), lang + " " + key + " is a valid pattern");
        // A lone apostrophe would silently swallow the rest of a MessageFormat pattern.
        assertFalse(pattern.replace("''", "").contains("'"), lang + " " + key + ": write '' for an apostrophe");
      });
    }
  }

  @Test
  void numbersAreFormattedPerLanguage() {
    ReportView en = new ReportView(ReportMessages.load("en"), Map.of());
    ReportView nl = new ReportView(ReportMessages.load("nl"), Map.of());
    assertEquals("1,234", en.count(1234.4));
    assertEquals("1.234", nl.count(1234.4));
    assertEquals("2.5%", en.pct(0.025));
    assertEquals("2,5%", nl.pct(0.025));
    assertEquals("n/a", en.num(null));
    assertEquals("n.b.", nl.num(null));
  }

  @Test
  void comparisonsOfTheSilencesTableAreTranslatedAndBrandsKept() {
    ReportView nl = new ReportView(ReportMessages.load("nl"), Map.of());
    assertEquals("de andere kanalen", nl.comparedWith("the other channels"));
    assertEquals("alle concurrenten", nl.comparedWith("all competitors"));
    assertEquals("eerdere kwartalen (2025-Q3..2026-Q2)", nl.comparedWith("baseline 2025-Q3..2026-Q2"));
    assertEquals("Stroomlijn", nl.comparedWith("Stroomlijn"));
  }

  @Test
  void anUnknownLanguageIsRefusedWithTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportMessages.load("de"));
    assertTrue(e.getMessage().contains("[en, nl]"));
  }
}
