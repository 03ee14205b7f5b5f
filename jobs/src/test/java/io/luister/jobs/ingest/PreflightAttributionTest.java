package io.luister.jobs.ingest;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 1: check prints each source's brand attribution shares and language mix, made by the code unify
 * uses (so check and silver cannot disagree), and flags a source with more than 5 % of its items without a brand.
 */
class PreflightAttributionTest {
  static final String DUTCH = "De klantenservice van %s was vandaag erg vriendelijk en heeft mijn probleem snel opgelost";
  static final String ENGLISH = "The customer service of %s was very friendly today and solved my problem quickly";
  static final String NO_BRAND = "Het weer is vandaag mooi en de zon schijnt over het hele land";

  /** {@code n} posts, the last {@code unbranded} without any brand; the branded half Dutch, half English. */
  static String posts(String prefix, int n, int unbranded) {
    StringBuilder csv = new StringBuilder("id,date,text\n");
    for (int i = 0; i < n; i++) {
      String text = i >= n - unbranded ? NO_BRAND
          : String.format(i % 2 == 0 ? DUTCH : ENGLISH, i % 4 < 2 ? "Acme" : "Rival");
      csv.append(prefix).append(i).append(",2026-03-01 10:00:00,").append(text).append('\n');
    }
    return csv.toString();
  }

  static ProgramConfig program(IngestFixture f) {
    return f.config("""
        - {name: ten, type: social, path: ten.csv, format: csv, mapping: {id: id, published_at: date, text: text}}
        - {name: two, type: social, path: two.csv, format: csv, mapping: {id: id, published_at: date, text: text}}
        - {name: calls, type: contact, path: calls.csv, format: csv, mapping: {id: id, started_at: date, notes: text}}
        """);
  }

  @Test
  void aSourceWithTenPercentUnbrandedIsFlaggedOneWithTwoPercentIsNot() {
    IngestFixture f = new IngestFixture()
        .file("ten.csv", posts("t", 100, 10))
        .file("two.csv", posts("w", 100, 2))
        .file("calls.csv", posts("c", 20, 20));
    ProgramConfig config = program(f);
    Preflight preflight = new Preflight(f.spark, config, IngestFixture.PSEUDONYMIZER);

    Preflight.SourceCheck ten = preflight.check(config.source("ten").orElseThrow());
    Preflight.Attribution a = ten.attribution();
    assertTrue(a.brandFromData());
    assertEquals(100, a.items());
    assertEquals(46L, a.brands().get("Acme"));
    assertEquals(44L, a.brands().get("Rival"));
    assertEquals(10L, a.brands().get(null), a.brands().toString());
    assertEquals(0.10, a.unbrandedShare(), 1e-9);
    assertTrue(ten.brandCoverageLow());
    assertFalse(ten.fails(), "a brand warning does not refuse the source");
    // The language of each text as unify detects it: 45 English, 45 + 10 Dutch.
    assertEquals(100, a.freeTextItems());
    assertEquals(55L, a.languages().get("nl"), a.languages().toString());
    assertEquals(45L, a.languages().get("en"), a.languages().toString());
    assertEquals(List.of("nl", "en"), List.copyOf(a.languages().keySet()), "most first");

    Preflight.SourceCheck two = preflight.check(config.source("two").orElseThrow());
    assertEquals(0.02, two.attribution().unbrandedShare(), 1e-9);
    assertFalse(two.brandCoverageLow());

    // Our own contact centre (no brand rules or column) is our brand by design, whatever its notes say.
    Preflight.SourceCheck calls = preflight.check(config.source("calls").orElseThrow());
    assertFalse(calls.attribution().brandFromData());
    assertEquals(20L, calls.attribution().brands().get("Acme"), calls.attribution().brands().toString());
    assertFalse(calls.brandCoverageLow());
  }
}
