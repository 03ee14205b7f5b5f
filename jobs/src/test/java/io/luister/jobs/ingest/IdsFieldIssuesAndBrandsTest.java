package io.luister.jobs.ingest;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 (part B): ids that are not one column, optional fields whose bad values do not sink a record, a
 * score scale per record, and brand attribution by configuration (file name, URL column, value map, text).
 */
class IdsFieldIssuesAndBrandsTest {

  /** Every record of a source, read and checked as the stage does, without Delta writes. */
  private static Dataset<Row> checked(IngestFixture f, ProgramConfig config, String source) {
    SourceConfig s = config.source(source).orElseThrow();
    IngestSpec spec = IngestSpec.of(config, s, IngestFixture.PSEUDONYMIZER, "test-run", IngestFixture.RUN_STARTED);
    return IngestTransforms.check(new SourceReader(f.spark).read(s), spec);
  }

  /** file#record → first reason code, for the records that are refused. */
  private static Map<String, String> refused(Dataset<Row> checked) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : checked.filter("size(_reasons) > 0").collectAsList()) {
      String file = r.<String>getAs(RawBatch.FILE);
      List<Row> reasons = r.getList(r.fieldIndex(CanonicalMapping.REASONS));
      m.put(file.substring(file.lastIndexOf('/') + 1) + "#" + r.<Long>getAs(RawBatch.RECORD), reasons.get(0).getString(0));
    }
    return m;
  }

  private static Map<Long, String> column(Dataset<Row> rows, String name) {
    Map<Long, String> m = new TreeMap<>();
    for (Row r : rows.collectAsList()) {
      Object v = r.getAs(name);
      m.put(r.<Long>getAs(RawBatch.RECORD), v == null ? null : v.toString());
    }
    return m;
  }

  @Test
  void aCompositeIdJoinsItsColumnsAndStillCatchesDuplicates() {
    IngestFixture f = new IngestFixture().file("reviews/r.csv", """
        shop,review_no,date,text
        amsterdam,1,2026-03-01 10:00:00,goed
        utrecht,1,2026-03-01 10:00:00,slecht
        amsterdam,1,2026-03-02 10:00:00,nog eens
        a|b,c,2026-03-02 10:00:00,pipe in one part
        a,b|c,2026-03-02 10:00:00,pipe in the other
        ,2,2026-03-02 10:00:00,no shop
        """);
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: reviews/*.csv
          format: csv
          mapping: {id: [shop, review_no], published_at: date, text: text}
        """);
    Dataset<Row> checked = checked(f, config, "reviews");
    assertEquals(Map.of("r.csv#3", "DUPLICATE_ID", "r.csv#6", "MISSING_REQUIRED"), refused(checked));
    Map<Long, String> ids = column(checked, "id");
    assertEquals("amsterdam|1", ids.get(1L));
    assertEquals("utrecht|1", ids.get(2L));
    assertNotEquals(ids.get(4L), ids.get(5L), "a '|' inside a part cannot make two keys equal");
  }

  @Test
  void aGeneratedIdIsStableAcrossRerunsAndFoldersAndStillCatchesDuplicates() {
    String export = """
        date,text,stars
        2026-03-01 10:00:00,goed,4
        2026-03-01 10:00:00,goed,5
        2026-03-01 10:00:00,goed,4
        """;
    IngestFixture f = new IngestFixture().file("a/export.csv", export).file("b/export.csv", export)
        .file("a/other.csv", export);
    String source = """
        - name: reviews
          type: social
          path: %s
          format: csv
          mapping: {id: generated, published_at: date, text: text, rating: stars}
        """;
    ProgramConfig inA = f.config(source.formatted("a/export.csv"));
    Dataset<Row> first = checked(f, inA, "reviews");
    assertEquals(Map.of("export.csv#3", "DUPLICATE_ID"), refused(first), "the third record repeats the first");
    Map<Long, String> ids = column(first, "id");
    assertNotEquals(ids.get(1L), ids.get(2L));
    assertTrue(ids.get(1L).matches("g[0-9a-f]{24}"), ids.get(1L));
    assertEquals(ids, column(checked(f, inA, "reviews"), "id"), "a rerun gives the same ids");
    assertEquals(ids, column(checked(f, f.config(source.formatted("b/export.csv")), "reviews"), "id"),
        "the folder is not part of the id");
    assertNotEquals(ids.get(1L), column(checked(f, f.config(source.formatted("a/other.csv")), "reviews"), "id").get(1L),
        "the file name is");
  }

  @Test
  void aBadOptionalRatingNullsTheFieldAndIsRecordedNotQuarantined() {
    IngestFixture f = new IngestFixture().file("reviews/r.csv", """
        id,date,text,stars,likes
        r1,2026-03-01 10:00:00,prima,4,3
        r2,2026-03-01 10:00:00,matig,7,-2
        r3,2026-03-01 10:00:00,ok,vier,2
        r4,2026-03-01 10:00:00,,3,1
        """);
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: reviews/*.csv
          format: csv
          mapping: {id: id, published_at: date, text: text, rating: stars, likes: likes}
        """);
    IngestResult result = f.ingest(config, "reviews");
    assertEquals(4, result.rowsRead());
    assertEquals(3, result.rowsAccepted(), "only the empty text (a required field) is refused");
    assertEquals(List.of("r.csv#4:EMPTY_TEXT"), f.quarantineSummary("reviews"));
    assertEquals(3, result.fieldIssues());
    Row r2 = f.bronze("reviews").filter("id = 'r2'").first();
    assertNull(r2.getAs("rating"));
    assertNull(r2.getAs("likes"));
    List<Row> issues = f.spark.read().format("delta").load(f.dir.resolve("warehouse/ops/field_issues").toString())
        .orderBy("record_number", "field").collectAsList();
    assertEquals(List.of("2:likes:NEGATIVE_COUNT", "2:rating:SCORE_OUT_OF_SCALE", "3:rating:INVALID_NUMBER"),
        issues.stream().map(r -> r.getAs("record_number") + ":" + r.getAs("field") + ":" + r.getAs("issue_code")).toList());
    assertTrue(issues.get(1).<String>getAs("issue").contains("'7' is outside the stars (1–5) scale"), issues.get(1).toString());
    assertEquals("reviews", issues.get(0).getAs("source"));
    assertTrue(issues.get(0).<String>getAs("input_file").endsWith("r.csv"));
  }

  @Test
  void aScoreScaleCanComeFromAColumnPerRecord() {
    IngestFixture f = new IngestFixture().file("reviews/r.csv", """
        id,date,text,score,scale
        r1,2026-03-01 10:00:00,a,8,1-10
        r2,2026-03-01 10:00:00,b,4,5
        r3,2026-03-01 10:00:00,c,8,stars
        r4,2026-03-01 10:00:00,d,8,
        r5,2026-03-01 10:00:00,e,0,nps
        """);
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: reviews/*.csv
          format: csv
          score_scale: {column: scale}
          mapping: {id: id, published_at: date, text: text, rating: score}
        """);
    Dataset<Row> checked = checked(f, config, "reviews");
    assertEquals(Map.of(), refused(checked), "a score off its scale does not refuse the record");
    Map<Long, String> ratings = column(checked, "rating");
    assertEquals("8.0", ratings.get(1L));
    assertEquals("4.0", ratings.get(2L));
    assertNull(ratings.get(3L), "8 is not on the stars scale");
    assertNull(ratings.get(4L), "no scale given");
    assertEquals("0.0", ratings.get(5L));
    assertEquals("10.0", column(checked, CanonicalMapping.SCALE_MAX).get(1L));
    assertEquals("5.0", column(checked, CanonicalMapping.SCALE_MAX).get(2L));
    assertEquals("0.0", column(checked, CanonicalMapping.SCALE_MIN).get(5L));
    Map<Long, String> issues = column(checked.selectExpr(RawBatch.RECORD, "transform(_field_issues, i -> i.code) AS codes"), "codes");
    assertTrue(issues.get(3L).contains("SCORE_OUT_OF_SCALE"), issues.toString());
    assertTrue(issues.get(4L).contains("SCORE_OUT_OF_SCALE"), issues.toString());
  }

  @Test
  void aScoreScaleCanBeInferredPerFile() {
    IngestFixture f = new IngestFixture()
        .file("reviews/old.csv", "id,date,text,score\no1,2026-03-01 10:00:00,a,4\no2,2026-03-01 10:00:00,b,5\n")
        .file("reviews/new.csv", "id,date,text,score\nn1,2026-03-01 10:00:00,a,4\nn2,2026-03-01 10:00:00,b,9\nn3,2026-03-01 10:00:00,c,11\n");
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: reviews/*.csv
          format: csv
          score_scale: {infer: [stars, {min: 1, max: 10}]}
          mapping: {id: id, published_at: date, text: text, rating: score}
        """);
    Dataset<Row> checked = checked(f, config, "reviews").orderBy("id");
    Map<String, String> max = new TreeMap<>();
    for (Row r : checked.collectAsList()) {
      max.put(r.getAs("id"), String.valueOf((Object) r.getAs(CanonicalMapping.SCALE_MAX)));
    }
    assertEquals(Map.of("o1", "5.0", "o2", "5.0", "n1", "10.0", "n2", "10.0", "n3", "null"), max);
    assertEquals(Map.of(), refused(checked));
  }

  @Test
  void aBrandFromTheFileName() {
    String rows = "id,date,text\n%s1,2026-03-01 10:00:00,fijn\n";
    IngestFixture f = new IngestFixture()
        .file("reviews/acme_reviews.csv", rows.formatted("a"))
        .file("reviews/RIVAL_reviews.csv", rows.formatted("r"))
        .file("reviews/other_reviews.csv", rows.formatted("o"));
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: reviews/*.csv
          format: csv
          brand: {file: '^([A-Za-z]+)_reviews\\.csv$'}
          mapping: {id: id, published_at: date, text: text}
        """);
    Map<String, String> brands = brandById(checked(f, config, "reviews"));
    assertEquals(new TreeMap<>(Map.of("a1", "Acme", "r1", "Rival", "o1", "null")), brands);
  }

  @Test
  void aBrandFromAUrlColumn() {
    IngestFixture f = new IngestFixture().file("reviews/all.csv", """
        id,date,text,source
        1,2026-03-01 10:00:00,fijn,https://www.trustpilot.com/review/rival.com?page=2
        2,2026-03-01 10:00:00,fijn,https://www.trustpilot.com/review/www.acme.nl?page=9
        3,2026-03-01 10:00:00,fijn,https://example.com/elsewhere
        """);
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: reviews/*.csv
          format: csv
          brand: {column: source, pattern: 'trustpilot\\.com/review/(?:www\\.)?([^./?]+)'}
          mapping: {id: id, published_at: date, text: text}
        """);
    assertEquals(new TreeMap<>(Map.of("1", "Rival", "2", "Acme", "3", "null")), brandById(checked(f, config, "reviews")));
  }

  @Test
  void aBrandFromAValueMapForAComplaintsRegisterKeepingOtherCompanies() {
    IngestFixture f = new IngestFixture().file("contact/c.csv", """
        id,date,company,notes
        1,2026-03-01 10:00:00,"ACME HOLDING, N.V.",rekening
        2,2026-03-01 10:00:00,rival,rekening
        3,2026-03-01 10:00:00,Some Other Bank,rekening
        4,2026-03-01 10:00:00,,rekening
        """);
    ProgramConfig config = f.config("""
        - name: complaints
          type: contact
          path: contact/*.csv
          format: csv
          brand: {column: company, values: {"ACME HOLDING, N.V.": Acme}, unmatched: keep}
          mapping: {id: id, started_at: date, notes: notes}
        """);
    Dataset<Row> checked = checked(f, config, "complaints");
    assertEquals(new TreeMap<>(Map.of("1", "Acme", "2", "Rival", "3", "Some Other Bank", "4", "null")), brandById(checked));
    assertEquals(3, checked.filter(CanonicalMapping.HAS_BRAND).count());
  }

  @Test
  void aBrandFromTextAliasesIsCaseInsensitiveAndWholeWords() {
    IngestFixture f = new IngestFixture().file("survey/s.csv", """
        id,date,comment
        1,2026-03-01 10:00:00,Ik ben overgestapt naar RIVAL.
        2,2026-03-01 10:00:00,geen rivalry hier
        3,2026-03-01 10:00:00,"acme, daarna rival"
        """);
    ProgramConfig config = f.config("""
        - name: survey
          type: survey
          path: survey/*.csv
          format: csv
          brand: {text_aliases: true}
          mapping: {id: id, responded_at: date, comment: comment}
        """);
    assertEquals(new TreeMap<>(Map.of("1", "Rival", "2", "null", "3", "Acme")), brandById(checked(f, config, "survey")));
  }

  @Test
  void brandRulesNamingAnUnknownBrandOrWithoutACaptureGroupAreConfigErrors() {
    IngestFixture f = new IngestFixture().file("survey/s.csv", "id,date,comment\n1,2026-03-01 10:00:00,x\n");
    io.luister.common.config.ConfigException e = assertThrows(io.luister.common.config.ConfigException.class, () -> f.config("""
        - name: survey
          type: survey
          path: survey/*.csv
          format: csv
          brand: {constant: Nobody, file: 'reviews\\.csv'}
          mapping: {id: [id], responded_at: date, comment: comment}
        """));
    assertTrue(e.getMessage().contains("brand.constant: 'Nobody' is not a configured brand"), e.getMessage());
    assertTrue(e.getMessage().contains("has no capture group"), e.getMessage());
  }

  private static Map<String, String> brandById(Dataset<Row> checked) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : checked.collectAsList()) {
      m.put(r.getAs("id"), String.valueOf((Object) r.getAs("brand")));
    }
    return m;
  }
}
