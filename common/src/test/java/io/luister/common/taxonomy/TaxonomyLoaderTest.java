package io.luister.common.taxonomy;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyLoaderTest {
  @TempDir
  Path dir;

  private Taxonomy load(String yaml) throws IOException {
    Path file = dir.resolve("taxonomy.yaml");
    Files.writeString(file, yaml);
    return TaxonomyLoader.load(file, Set.of("contact_centre"));
  }

  @Test
  void readsCategoriesWithNativeMappingsRulesAndParents() throws IOException {
    Taxonomy t = load("""
        categories:
          - id: billing
            label: {en: Billing, nl: Facturen}
            native: {contact: [FACT-01], survey: [Invoice], web_search: ["factuur*"], contact_centre: [FACT-02]}
            rules:
              include: {nl: [jaarafrekening], en: [invoice, annual statement]}
              exclude: {en: [invoice template]}
          - id: payments
            label: {en: Payments, nl: Betalingen}
            parent: billing
        """);
    assertEquals(List.of("billing", "payments"), t.ids());
    Category billing = t.category("billing").orElseThrow();
    assertEquals(List.of("FACT-01"), billing.nativeMappings().get("contact"));
    assertEquals(List.of("invoice", "annual statement"), billing.include().get("en"));
    assertEquals("Facturen", billing.label("nl"));
    assertEquals("billing", t.category("payments").orElseThrow().parent());
  }

  @Test
  void reportsEveryProblemWithTheCategoryItConcerns() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("""
        categories:
          - id: billing
            label: {en: Billing}
            native: {kontakt: [X], contact: [FACT-01]}
            rules: {include: {de: [rechnung]}}
          - id: a
            label: {en: A, nl: A}
            parent: nothing
          - id: b
            label: {en: B, nl: B}
            parent: c
            native: {contact: [fact-01]}
          - id: c
            label: {en: C, nl: C}
            parent: billing
          - id: unclassified
            label: {en: U, nl: U}
        """));
    String all = String.join("\n", e.problems());
    assertTrue(all.contains("category 'billing'.label: give the label in English and Dutch"), all);
    assertTrue(all.contains("'kontakt' is neither a source type"), all);
    assertTrue(all.contains("'de' is not a supported language"), all);
    assertTrue(all.contains("no category has the id 'nothing'"), all);
    assertTrue(all.contains("'c' has a parent itself; categories have two levels at most"), all);
    assertTrue(all.contains("'fact-01' is also mapped to 'billing'"), all);
    assertTrue(all.contains("'unclassified' is reserved"), all);
  }

  @Test
  void readsOwnerAndInfluenceAndSubCategoriesInheritThem() throws IOException {
    Taxonomy t = load("""
        categories:
          - id: billing
            label: {en: Billing, nl: Facturen}
            owner: Billing team
            influence: yes
          - id: payments
            label: {en: Payments, nl: Betalingen}
            parent: billing
          - id: weather
            label: {en: Weather, nl: Weer}
            owner: Operations
            influence: "no"
          - id: delivery
            label: {en: Delivery, nl: Bezorging}
            influence: Partly
          - id: other
            label: {en: Other, nl: Overig}
        """);
    assertEquals("Billing team", t.category("billing").orElseThrow().owner());
    assertEquals("yes", t.category("billing").orElseThrow().influence());
    assertNull(t.category("payments").orElseThrow().owner());
    assertEquals("Billing team", t.owner("payments"));
    assertEquals("yes", t.influence("payments"));
    assertEquals("no", t.influence("weather"));
    assertEquals("partly", t.influence("delivery"));
    assertNull(t.owner("other"));
    assertEquals(Category.UNKNOWN_INFLUENCE, t.influence("other"));
    assertNull(t.owner("unclassified"));
    assertTrue(t.hasOwners());
  }

  @Test
  void rejectsAnUnknownInfluenceNamingTheCategoryAndTheAllowedValues() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("""
        categories:
          - id: billing
            label: {en: Billing, nl: Facturen}
            influence: maybe
          - id: delivery
            label: {en: Delivery, nl: Bezorging}
            owner: ""
        """));
    String message = e.getMessage();
    assertTrue(message.contains("category 'billing'.influence: 'maybe' is not allowed; use one of yes, partly, no"),
        message);
    assertTrue(message.contains("category 'delivery'.owner"), message);
  }
}
