package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.taxonomy.TaxonomyLoader;
import io.luister.common.test.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Native mappings, rules and their precedence, on hand-made rows where the right answer is known. */
class CategoryRulesTest {
  static Taxonomy taxonomy;
  static ProgramConfig program;
  static final SparkSession spark = TestSpark.session();

  @BeforeAll
  static void setUp() throws IOException {
    Path dir = TestSpark.tempDir("rules");
    Files.writeString(dir.resolve("t.csv"), "x\n");
    Files.writeString(dir.resolve("taxonomy.yaml"), """
        categories:
          - id: billing
            label: {en: Billing, nl: Facturen}
            native:
              contact: [FACT-01, "Factuur onjuist"]
              survey: [Invoice]
              web_pageviews: ["/faq/factuur*"]
              web_search: ["factuur*", "invoice*"]
            rules:
              include: {nl: [factuur, jaarafrekening], en: [invoice, annual statement]}
              exclude: {en: [invoice template]}
          - id: payments
            label: {en: Payments, nl: Betalingen}
            parent: billing
            native: {special_contacts: [FACT-01]}
            rules:
              include: {nl: [incasso, betalingsregeling], en: [direct debit]}
          - id: cafe
            label: {en: Cafe, nl: Cafe}
            native: {web_search: ["cafe*"]}
            rules:
              include: {nl: [koffie], en: [coffee]}
        """);
    Files.writeString(dir.resolve("p.yaml"), """
        program: t
        brand: {name: Acme}
        taxonomy: taxonomy.yaml
        sources:
          - {name: contacts, type: contact, path: t.csv, format: csv, mapping: {id: a, started_at: b}}
          - {name: special_contacts, type: contact, path: t.csv, format: csv, mapping: {id: a, started_at: b}}
          - {name: nps, type: survey, path: t.csv, format: csv, mapping: {id: a, responded_at: b}}
          - {name: pages, type: web_pageviews, path: t.csv, format: csv, mapping: {date: a, page: b, views: c}}
          - {name: search, type: web_search, path: t.csv, format: csv, mapping: {date: a, term: b, searches: c}}
        """);
    program = ConfigLoader.load(dir.resolve("p.yaml"));
    taxonomy = TaxonomyLoader.load(dir.resolve("taxonomy.yaml"),
        Set.of("contacts", "special_contacts", "nps", "pages", "search"));
  }

  private static Dataset<Row> rows(Object[]... values) {
    StructType schema = new StructType()
        .add("source", DataTypes.StringType).add("native_category", DataTypes.StringType)
        .add("native_label", DataTypes.StringType).add("text", DataTypes.StringType);
    return spark.createDataFrame(Arrays.stream(values).map(RowFactory::create).toList(), schema);
  }

  @Test
  void mapsNativeCodesLabelsTopicsPagesAndTermsPerSource() {
    Dataset<Row> in = rows(
        new Object[] {"contacts", "FACT-01", "Factuur onjuist", null},
        new Object[] {"contacts", "X-99", "Factuur onjuist", null},
        new Object[] {"contacts", "X-99", "Overig", null},
        new Object[] {"special_contacts", "FACT-01", null, null},
        new Object[] {"nps", "invoice", null, null},
        new Object[] {"pages", "/faq/factuur-uitleg", null, null},
        new Object[] {"pages", "/faq/verhuizen", null, null},
        new Object[] {"search", "Café openingstijden", null, null},
        new Object[] {"search", "100%_korting", null, null});
    List<String> mapped = NativeCategories.assign(in, taxonomy, program.sources())
        .select(NativeCategories.COLUMN).collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(Arrays.asList("billing", "billing", null, "payments", "billing", "billing", null, "cafe", null), mapped);
  }

  /** Splits on spaces and lower-cases: a stand-in analysis so the matching logic is tested on its own. */
  private static List<String> simpleStem(String phrase, String language) {
    return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> ruleCategories(String... texts) {
    Dataset<Row> in = rows(Arrays.stream(texts).map(t -> new Object[] {"nps", null, null, t}).toArray(Object[][]::new))
        .withColumn("tokens", org.apache.spark.sql.functions.split(org.apache.spark.sql.functions.lower(col("text")), " "))
        .withColumn("normalized", org.apache.spark.sql.functions.lower(col("text")));
    return RuleCategories.assign(in, taxonomy, col("tokens"), col("normalized"), CategoryRulesTest::simpleStem,
            s -> s.toLowerCase(Locale.ROOT))
        .select(RuleCategories.COLUMN).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  @Test
  void rulesMatchWholePhrasesHonourExclusionsAndPreferMoreHits() {
    assertEquals(Arrays.asList(
            "billing",   // one include phrase
            "billing",   // a two-word phrase, consecutive
            null,        // the words of a phrase apart do not match
            null,        // an exclude phrase vetoes the category
            "payments",  // two payment phrases beat one billing phrase
            "billing",   // a tie goes to the category listed first
            null),       // "invoices" is not "invoice" without stemming: matching is on whole tokens
        ruleCategories(
            "mijn factuur klopt niet",
            "where is my annual statement",
            "annual report and a statement",
            "looking for an invoice template",
            "incasso en betalingsregeling na de factuur",
            "factuur en incasso",
            "two invoices"));
  }

  @Test
  void nativeBeatsRuleBeatsConfidentModelElseUnclassified() {
    StructType schema = new StructType()
        .add(NativeCategories.COLUMN, DataTypes.StringType).add(RuleCategories.COLUMN, DataTypes.StringType)
        .add(RuleCategories.HITS, DataTypes.IntegerType).add(CategoryModel.PREDICTED, DataTypes.StringType)
        .add(CategoryModel.CONFIDENCE, DataTypes.DoubleType);
    Dataset<Row> in = spark.createDataFrame(List.of(
        RowFactory.create("billing", "cafe", 1, "cafe", 0.9),
        RowFactory.create(null, "cafe", 2, "billing", 0.9),
        RowFactory.create(null, null, 0, "payments", 0.8),
        RowFactory.create(null, null, 0, "cafe", 0.3),
        RowFactory.create(null, null, 0, null, null)), schema);
    List<Row> out = CategoryAssignment.combine(in, taxonomy, 0.5)
        .select("category", "category_method", "category_confidence", "category_parent").collectAsList();
    assertEquals(List.of("billing", "cafe", "payments", "unclassified", "unclassified"),
        out.stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of("native", "rule", "model", "none", "none"), out.stream().map(r -> r.getString(1)).toList());
    assertEquals(1.0, out.get(0).getDouble(2));
    assertEquals(0.9, out.get(1).getDouble(2), 1e-9);
    assertEquals(0.8, out.get(2).getDouble(2), 1e-9);
    assertEquals(0.3, out.get(3).getDouble(2), 1e-9, "the low confidence is kept for inspection");
    assertTrue(out.get(4).isNullAt(2));
    assertEquals("billing", out.get(2).getString(3), "payments has billing as parent");
  }
}
