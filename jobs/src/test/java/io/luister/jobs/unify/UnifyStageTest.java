package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.taxonomy.TaxonomyLoader;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.ingest.IngestStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bronze → silver.feedback end to end on small exports where every right answer is known. */
class UnifyStageTest {
  static final SparkSession spark = TestSpark.session();
  static ProgramConfig program;
  static Taxonomy taxonomy;
  static Warehouse warehouse;

  @BeforeAll
  static void ingestSmallExports() throws IOException {
    Path dir = TestSpark.tempDir("unify");
    StringBuilder social = new StringBuilder();
    String[][] posts = {
        {"p1", "@acme mijn factuur is veel te hoog", "Acme"},
        {"p2", "@acme the invoice amount is wrong again", "Acme"},
        {"p3", "@acme de storing duurt al uren, geen stroom", "Acme"},
        {"p4", "@acme power outage in our street since this morning", "Acme"},
        {"p5", "@acme rekening klopt niet, bedrag veel te hoog", "Acme"},
        {"p6", "@rival al uren geen stroom in de wijk", "Rival"},
        {"p7", "lekker weer vandaag", null},
        {"p8", "@acme billing amount far too high this month", "Acme"},
    };
    for (int i = 0; i < 6; i++) {
      for (String[] p : posts) {
        social.append(String.format("{\"post_id\":\"%s-%d\",\"created\":\"2026-0%d-1%dT10:00:00+02:00\",\"content\":\"%s\",\"about\":%s,\"user\":{\"handle\":\"u%d\"}}%n",
            p[0], i, 7 + (i % 3), i, p[1], p[2] == null ? "null" : "\"" + p[2] + "\"", i));
      }
    }
    Files.createDirectories(dir.resolve("social"));
    Files.writeString(dir.resolve("social/posts.jsonl"), social.toString());
    Files.writeString(dir.resolve("contacts.csv"), "id;start;code;notes\n"
        + "c1;01-07-2026 10:00;FACT-01;klant belt over factuur\n"
        + "c2;02-07-2026 10:00;STOR-02;storing gemeld\n"
        + "c3;03-07-2026 10:00;ALG-99;klant wil iets anders\n"
        + "c4;04-07-2026 10:00;ALG-99;\n");
    Files.writeString(dir.resolve("search.csv"), "date,term,n,results\n2026-07-01,Factuur downloaden,12,4\n2026-07-01,storing kaart,30,0\n2026-07-01,vacatures,5,3\n");
    Files.writeString(dir.resolve("taxonomy.yaml"), """
        categories:
          - id: billing
            label: {en: Billing, nl: Facturen}
            native: {contact: [FACT-01], web_search: ["factuur*"]}
            rules: {include: {nl: [factuur], en: [invoice]}}
          - id: outage
            label: {en: Outages, nl: Storingen}
            native: {contact: [STOR-02], web_search: ["storing*"]}
            rules: {include: {nl: [storing], en: [outage]}}
        """);
    Files.writeString(dir.resolve("p.yaml"), """
        program: unify_test
        brand: {name: Acme, aliases: [acme], accounts: ["@acme"]}
        competitors: [{name: Rival, aliases: [rival], accounts: ["@rival"]}]
        timezone: Europe/Amsterdam
        baseline_periods: 1
        taxonomy: taxonomy.yaml
        unify: {confidence_threshold: 0.4}
        sources:
          - name: social
            type: social
            path: social/*.jsonl
            format: jsonl
            mapping: {id: post_id, published_at: created, text: content, brand: about, author: user.handle}
          - name: contacts
            type: contact
            path: contacts.csv
            format: csv
            options: {delimiter: ";", timestamp_formats: ["dd-MM-yyyy HH:mm"]}
            mapping: {id: id, started_at: start, native_code: code, notes: notes}
          - name: search
            type: web_search
            path: search.csv
            format: csv
            mapping: {date: date, term: term, searches: n, results: results}
        """);
    program = ConfigLoader.load(dir.resolve("p.yaml"));
    taxonomy = TaxonomyLoader.load(dir.resolve("taxonomy.yaml"), Set.of("social", "contacts", "search"));
    warehouse = new Warehouse(dir.resolve("wh").toString());
    IngestStage ingest = new IngestStage(spark, program, warehouse, new Pseudonymizer("unify-test-key-0123456789"),
        "r", Instant.parse("2026-11-01T00:00:00Z"));
    program.sources().forEach(ingest::ingest);
    new UnifyStage(spark, program, taxonomy, warehouse).run("2026-Q3");
  }

  private static Map<String, Row> silver() {
    return warehouse.read(spark, Layer.SILVER, "feedback").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("feedback_id")), r -> r));
  }

  @Test
  void everySourceBecomesOneRowPerItemWithChannelWeightAndBrand() {
    Map<String, Row> rows = silver();
    assertEquals(48 + 4 + 3, rows.size());
    Row search = rows.get("search:2026-07-01|storing kaart");
    assertEquals("site_search", search.getAs("channel"));
    assertEquals(30L, (long) search.getAs("weight"));
    assertEquals(0L, (long) search.getAs("search_results"));
    assertEquals("Acme", rows.get("contacts:c1").getAs("brand"));
    assertEquals("Rival", rows.get("social:p6-0").getAs("brand"));
    assertNull(rows.get("social:p7-0").getAs("brand"), "no brand named, none mentioned");
    assertEquals("2026-Q3", rows.get("social:p1-0").getAs("period"));
  }

  @Test
  void assignsNativeThenRuleThenModelAndRecordsHow() {
    Map<String, Row> rows = silver();
    assertCategory(rows.get("contacts:c1"), "billing", "native");
    assertCategory(rows.get("contacts:c2"), "outage", "native");
    assertCategory(rows.get("search:2026-07-01|Factuur downloaden"), "billing", "native");
    assertCategory(rows.get("social:p1-0"), "billing", "rule");
    assertCategory(rows.get("social:p4-0"), "outage", "rule");
    assertCategory(rows.get("social:p6-0"), "outage", "model");     // no rule phrase; "uren geen stroom" is learnt from the outage posts
    assertEquals("unclassified", rows.get("search:2026-07-01|vacatures").getAs("category"));
    Row empty = rows.get("contacts:c4");
    assertEquals("unclassified", empty.getAs("category"));
    assertEquals("none", empty.getAs("category_method"));
    assertEquals("nl", rows.get("social:p1-0").getAs("language"));
    assertEquals("en", rows.get("social:p2-0").getAs("language"));
  }

  private static void assertCategory(Row row, String category, String method) {
    assertEquals(category, row.getAs("category"), row.toString());
    assertEquals(method, row.getAs("category_method"), row.toString());
    double confidence = row.getAs("category_confidence");
    assertTrue(confidence > 0 && confidence <= 1, row.toString());
  }

  @Test
  void coverageNamesUnmappedNativeValuesAndMethodShares() {
    List<Row> coverage = warehouse.read(spark, Layer.OPS, "taxonomy_coverage").filter("source = 'contacts'").collectAsList();
    assertTrue(coverage.stream().anyMatch(r -> r.getAs("kind").equals("unmapped_native") && r.getAs("value").equals("ALG-99")
        && (long) r.getAs("rows") == 2L), coverage.toString());
    double methodShares = coverage.stream().filter(r -> r.getAs("kind").equals("method"))
        .mapToDouble(r -> r.getAs("share_of_rows")).sum();
    assertEquals(1.0, methodShares, 1e-9);
  }

  @Test
  void returnsTheUnclassifiedSharesItWroteToTheCoverageTable() {
    UnifyStage.Result result = new UnifyStage(spark, program, taxonomy, warehouse).run("2026-Q3");
    List<Row> written = warehouse.read(spark, Layer.OPS, "taxonomy_coverage")
        .filter("period = '2026-Q3' AND kind = 'unclassified'").select("source", "share_of_rows").orderBy("source")
        .collectAsList();
    assertTrue(written.size() > 1, written.toString());
    assertEquals(written, result.unclassifiedShares());
  }

  @Test
  void rerunningGivesAnIdenticalPartition() {
    List<Row> before = warehouse.read(spark, Layer.SILVER, "feedback").orderBy("feedback_id").collectAsList();
    new UnifyStage(spark, program, taxonomy, warehouse).run("2026-Q3");
    List<Row> after = warehouse.read(spark, Layer.SILVER, "feedback").orderBy("feedback_id").collectAsList();
    assertEquals(before, after);
    assertEquals(0, warehouse.read(spark, Layer.SILVER, "feedback").filter(col("period").notEqual("2026-Q3")).count());
  }

  @Test
  void withoutATaxonomyEveryItemIsUnclassifiedAndKeepsItsTextFeatures() {
    Dataset<Row> uncategorised = warehouse.read(spark, Layer.SILVER, "feedback")
        .drop("category", "category_method", "category_confidence", "category_parent");
    Dataset<Row> assigned = UnifyStage.assign(uncategorised.withColumn("_normalized", col("text")), Taxonomy.NONE,
        program, TextFeatures.forProgram(program));
    assertEquals(uncategorised.count(), assigned.count());
    assertEquals(assigned.count(), assigned.filter("category = 'unclassified' AND category_method = 'none'").count());
    assertTrue(assigned.filter("size(tokens) > 0").count() > 0);
  }
}
