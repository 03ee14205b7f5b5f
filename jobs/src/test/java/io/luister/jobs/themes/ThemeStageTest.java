package io.luister.jobs.themes;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.test.TestSpark;
import io.luister.jobs.TestPrograms;
import io.luister.jobs.unify.TextFeatures;
import io.luister.jobs.unify.UnifyStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Theme discovery on a tiny two-period corpus: invoices and outages in both periods, an app crash born in the second. */
class ThemeStageTest {
  static final SparkSession spark = TestSpark.session();
  static ProgramConfig program;
  static TextFeatures text;

  static final String[] INVOICE = {
      "mijn jaarafrekening is veel te hoog, ik moet 300 euro nabetalen",
      "de jaarafrekening klopt niet, veel te hoog bedrag nabetalen",
      "waarom is mijn jaarafrekening zo hoog? nabetalen van 250 euro",
      "jaarafrekening ontvangen en ik moet weer nabetalen, belachelijk hoog"};
  static final String[] OUTAGE = {
      "al uren een stroomstoring in onze wijk, geen stroom",
      "stroomstoring in utrecht, wanneer is de stroom terug",
      "weer een stroomstoring, de hele straat zit zonder stroom",
      "geen stroom door een storing in de wijk sinds vanochtend"};
  static final String[] CRASH = {
      "de app crasht steeds sinds de laatste update",
      "na de update crasht de app direct bij het opstarten",
      "app crasht na update, kan niets meer zien",
      "sinds de update crasht de app elke keer"};

  @BeforeAll
  static void config() throws IOException {
    program = TestPrograms.loadWithSocialSource("themes", """
        program: themes_test
        brand: {name: Acme, aliases: [acme], accounts: ["@acme"]}
        themes: {k: 2, min_df: 2}
        """);
    text = TextFeatures.forProgram(program);
  }

  /** Silver-like rows: each template three times with a varying tail, analysed by the shared text analysis. */
  static Dataset<Row> silver(String period, String[]... themes) {
    List<Row> rows = new ArrayList<>();
    String[] tails = {"", " @acme", " echt waar"};
    int n = 0;
    for (String[] theme : themes) {
      for (String t : theme) {
        for (String tail : tails) {
          String category = theme == INVOICE ? "billing" : theme == OUTAGE ? "outage" : "unclassified";
          rows.add(RowFactory.create(period + "-" + (n++), "social", "social", "Acme", t + tail, true, false, category,
              1L, period));
        }
      }
    }
    rows.add(RowFactory.create(period + "-own", "social", "social", "Acme", "stuur ons een DM", true, true, "unclassified",
        1L, period));
    StructType schema = new StructType().add("id", "string").add("source", "string").add("channel", "string")
        .add("brand", "string").add("text", "string").add("free_text", "boolean").add("own_account", "boolean")
        .add("category", "string").add("weight", "long").add("period", "string");
    Dataset<Row> df = spark.createDataFrame(rows, schema).withColumn("feedback_id", col("id"));
    return UnifyStage.analyse(df, text).drop("_normalized");
  }

  /**
   * The number of themes is fixed here: on a corpus of a few templates each repeated, the silhouette rightly
   * prefers one cluster per template, which is not what these tests are about.
   */
  static ThemeStage.Result discover(Dataset<Row> silver, String period, List<ThemeLineage.Previous> previous, String last,
      int k) {
    ProgramConfig withK = program.withThemes(program.themes().withK(k));
    return ThemeStage.discover(silver, period, previous, last, withK, text);
  }

  static List<ThemeLineage.Previous> asPrevious(ThemeStage.Result r, String period) {
    return r.themes().stream().map(t -> new ThemeLineage.Previous(t.themeId(), period, ThemeTerms.weights(t.terms())))
        .toList();
  }

  static Map<String, String> membership(ThemeStage.Result r) {
    return r.membership().collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getString(1), x -> String.valueOf(x.get(2))));
  }

  @Test
  void findsThePlantedThemesLabelsThemReadablyAndAssignsEveryCustomerItem() {
    ThemeStage.Result r = discover(silver("2026-Q2", INVOICE, OUTAGE), "2026-Q2", List.of(), null, 2);
    assertEquals(2, r.themes().size(), () -> r.themes().toString());
    Map<String, String> members = membership(r);
    assertEquals(24, members.size(), "every customer item has a membership row; the own-account post has none");
    assertFalse(members.containsKey("2026-Q2-own"));
    // Each planted theme lands in one discovered theme.
    assertEquals(1, members.entrySet().stream().filter(e -> Integer.parseInt(e.getKey().substring(8)) < 12)
        .map(Map.Entry::getValue).distinct().count());
    ThemeStage.Theme invoice = r.themes().stream().filter(t -> t.label().contains("jaarafrekening")).findFirst()
        .orElseThrow(() -> new AssertionError("no label shows the surface word 'jaarafrekening': " + r.themes()));
    assertFalse(invoice.label().contains("jaarafreken "), "stems are shown as written words");
    assertEquals("nl", invoice.dominantLanguage());
    assertEquals("billing", invoice.topCategory());
    assertFalse(invoice.taxonomyCandidate());
    assertEquals(3, invoice.examples().size());
    assertTrue(invoice.examples().stream().allMatch(e -> e.contains("jaarafrekening")));
    assertEquals(1.0, r.themes().stream().mapToDouble(ThemeStage.Theme::share).sum(), 1e-9);
    r.membership().unpersist();
  }

  @Test
  void runningTwiceGivesTheSameThemesAndIds() {
    Dataset<Row> silver = silver("2026-Q2", INVOICE, OUTAGE);
    ThemeStage.Result a = discover(silver, "2026-Q2", List.of(), null, 2);
    ThemeStage.Result b = discover(silver.repartition(3), "2026-Q2", List.of(), null, 2);
    assertEquals(a.themes().stream().map(t -> t.themeId() + " " + t.label() + " " + t.size()).toList(),
        b.themes().stream().map(t -> t.themeId() + " " + t.label() + " " + t.size()).toList());
    assertEquals(membership(a), membership(b));
    a.membership().unpersist();
    b.membership().unpersist();
  }

  @Test
  void theNextPeriodKeepsPersistingIdsAndRecordsTheNewThemeAsABirth() {
    ThemeStage.Result q2 = discover(silver("2026-Q2", INVOICE, OUTAGE), "2026-Q2", List.of(), null, 2);
    ThemeStage.Result q3 = discover(silver("2026-Q3", INVOICE, OUTAGE, CRASH), "2026-Q3", asPrevious(q2, "2026-Q2"),
        "2026-Q2", 3);
    assertEquals(3, q3.themes().size(), () -> q3.themes().toString());
    List<String> q2ids = q2.themes().stream().map(ThemeStage.Theme::themeId).toList();
    List<ThemeLineage.Event> births = q3.lineage().stream().filter(e -> e.event().equals(ThemeLineage.BIRTH)).toList();
    assertEquals(1, births.size(), () -> q3.lineage().toString());
    ThemeStage.Theme born = q3.themes().stream().filter(t -> t.themeId().equals(births.get(0).themeId())).findFirst().get();
    assertTrue(born.label().contains("crasht") || born.label().contains("app") || born.label().contains("update"), born.label());
    assertTrue(born.themeId().startsWith("2026Q3-"));
    assertTrue(born.taxonomyCandidate(), "the crash theme's items are all unclassified");
    assertTrue(q3.themes().stream().map(ThemeStage.Theme::themeId).toList().containsAll(q2ids), "persisting themes keep their ids");
    assertEquals(2, q3.lineage().stream().filter(e -> e.event().equals(ThemeLineage.CONTINUED)).count());
    q2.membership().unpersist();
    q3.membership().unpersist();
  }

  @Test
  void themesAreFoundOnEveryBrandAndCountOurItemsApart() {
    // The outage complaints are about a competitor: the theme is found, and it holds none of our items. A third of
    // the invoice complaints ("... echt waar") are about the competitor too.
    Dataset<Row> silver = silver("2026-Q2", INVOICE, OUTAGE).withColumn("brand",
        org.apache.spark.sql.functions.when(col("text").contains("stroom").or(col("text").endsWith("echt waar")), "Rival")
            .otherwise("Acme"));
    ThemeStage.Result r = discover(silver, "2026-Q2", List.of(), null, 2);
    ThemeStage.Theme invoice = r.themes().stream().filter(t -> t.label().contains("jaarafrekening")).findFirst().orElseThrow();
    ThemeStage.Theme outage = r.themes().stream().filter(t -> t != invoice).findFirst().orElseThrow();
    assertEquals(8, invoice.ownBrandItems(), () -> invoice.toString());
    assertEquals(8 / 12.0, invoice.ownBrandShare(), 1e-9);
    assertEquals(0, outage.ownBrandItems(), () -> outage.toString());
    assertEquals(0.0, outage.ownBrandShare(), 1e-9);
    // What the report quotes for our theme is one of our items; the competitor's theme has none to quote.
    assertFalse(invoice.ownBrandExamples().isEmpty());
    assertTrue(invoice.ownBrandExamples().stream().noneMatch(x -> x.endsWith("echt waar")), () -> invoice.ownBrandExamples().toString());
    assertEquals(List.of(), outage.ownBrandExamples());
    r.membership().unpersist();
  }

  @Test
  void theSameTextsGiveTheSameThemesWhenUnrelatedConfigChanges() throws IOException {
    Dataset<Row> silver = silver("2026-Q2", INVOICE, OUTAGE, CRASH);
    ThemeStage.Result a = discover(silver, "2026-Q2", List.of(), null, 3);
    // Another program: an extra alias and an extra source, the source renamed (so every feedback_id changes) and
    // the rows in another order.
    Path dir = TestSpark.tempDir("themes-other");
    Files.writeString(dir.resolve("posts.jsonl"), "");
    Files.writeString(dir.resolve("p.yaml"), """
        program: themes_test
        brand: {name: Acme, aliases: [acme, "Acme Energie", zonnewijs], accounts: ["@acme"]}
        competitors: [{name: Rival, aliases: [rival]}]
        themes: {k: 3, min_df: 2}
        sources:
          - name: webcare
            type: social
            path: posts.jsonl
            format: jsonl
            mapping: {id: post_id, published_at: created, text: content}
          - name: enquete
            type: survey
            path: posts.jsonl
            format: jsonl
            score_scale: nps
            mapping: {id: post_id, responded_at: created, score: nps, comment: content}
        """);
    ProgramConfig other = ConfigLoader.load(dir.resolve("p.yaml"));
    TextFeatures otherText = TextFeatures.forProgram(other);
    Dataset<Row> renamed = UnifyStage.analyse(silver.select("id", "source", "channel", "brand", "text", "free_text",
            "own_account", "category", "weight", "period")
        .withColumn("feedback_id", org.apache.spark.sql.functions.concat(
            org.apache.spark.sql.functions.lit("webcare:"), col("id")))
        .orderBy(col("text").desc()).repartition(3), otherText).drop("_normalized");
    ThemeStage.Result b = ThemeStage.discover(renamed, "2026-Q2", List.of(), null, other, otherText);
    assertEquals(a.themes().stream().map(t -> t.themeId() + " " + t.label() + " " + t.size()).toList(),
        b.themes().stream().map(t -> t.themeId() + " " + t.label() + " " + t.size()).toList());
    assertEquals(byText(a, silver), byText(b, renamed), "every text lands in the same theme");
    a.membership().unpersist();
    b.membership().unpersist();
  }

  /** text → theme id (the texts of one template repeat with tails; every (text) is unique here). */
  static Map<String, String> byText(ThemeStage.Result r, Dataset<Row> silver) {
    return r.membership().join(silver.select("feedback_id", "text"), "feedback_id").collectAsList().stream()
        .collect(Collectors.toMap(x -> x.<String>getAs("text"), x -> String.valueOf(x.<String>getAs("theme_id"))));
  }
}
