package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.schema.FieldKind;
import io.luister.jobs.LuisterDataException;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class IngestStageTest {

  private static final String CONTACT_SOURCE = """
      - name: contacts
        type: contact
        path: contact/*.csv
        format: csv
        options:
          delimiter: ";"
          multiline: true
          timestamp_formats: ["dd-MM-yyyy HH:mm"]
          true_values: [Ja]
          false_values: [Nee]
        mapping:
          id: ContactID
          started_at: Startdatum
          channel: Kanaal
          native_code: Categoriecode
          notes: Notities
          customer_id: KlantID
          handle_seconds: "Afhandeltijd (sec)"
          resolved: Opgelost
      """;

  /** A contact-centre export as real ones look: ; separated, BOM, Dutch dates, notes over two lines. */
  private static final String CONTACTS = "\uFEFFContactID;Startdatum;Kanaal;Categoriecode;Notities;KlantID;Afhandeltijd (sec);Opgelost\n"
      + "C1;03-07-2026 14:22;telefoon;FACT-01;\"Klant belt over factuur;\ntweede regel\";K1002345;300;Ja\n"
      + "C2;31-02-2026 10:00;chat;FACT-01;ok;K1000001;10;Nee\n"
      + "C3;01-03-2026 10:00;chat;;notes;K1000002;-5;Ja\n"
      + ";01-03-2026 10:00;chat;;notes;K1000002;5;Ja\n"
      + "C1;04-07-2026 09:00;chat;;dubbel;K1000003;5;Ja\n"
      + "C6;04-07-1999 09:00;chat;;oud;K1000003;5;Ja\n"
      + "C7;04-07-2026 09:00;chat;;x;K1000003;abc;Ja\n"
      + "C8;04-07-2026 09:00;chat;;x;K1000003;5;Misschien\n"
      + "C9;04-07-2026 09:00;chat\n"
      + "C10;04-07-2026 09:00;chat;;x;K1000003;99999999999999999;Ja\n"
      + "C11;05-01-2026 09:00;e-mail;MOV-01;mail jan@example.com of bel 06-12345678;K1002345;60;nee\n";

  @Test
  void ingestsADutchContactExportAndQuarantinesEveryBadRecordWithItsReason() {
    IngestFixture f = new IngestFixture().file("contact/contacten.csv", CONTACTS);
    ProgramConfig config = f.config(CONTACT_SOURCE);
    IngestResult result = f.ingest(config, "contacts");

    assertEquals(11, result.rowsRead());
    assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsQuarantined());
    assertEquals(6, result.rowsAccepted(), "bad optional fields (records 3, 7, 8, 10) do not refuse the record");
    assertEquals(1, result.rowsDuplicate());
    assertEquals(List.of(
        "contacten.csv#2:INVALID_TIMESTAMP",
        "contacten.csv#4:MISSING_REQUIRED",
        "contacten.csv#5:DUPLICATE_ID",
        "contacten.csv#6:TIMESTAMP_OUT_OF_RANGE",
        "contacten.csv#9:MALFORMED_RECORD"), f.quarantineSummary("contacts"));
    assertEquals(4, result.fieldIssues());
    assertNull(f.bronze("contacts").filter("id = 'C3'").first().getAs("handle_seconds"));
    assertNull(f.bronze("contacts").filter("id = 'C8'").first().getAs("resolved"));

    Row c1 = f.bronze("contacts").filter("id = 'C1'").first();
    assertEquals(Timestamp.from(Instant.parse("2026-07-03T12:22:00Z")), c1.getAs("started_at"), "CEST is UTC+2");
    assertEquals("Klant belt over factuur;\ntweede regel", c1.getAs("notes"));
    assertEquals(Boolean.TRUE, c1.getAs("resolved"));
    assertEquals(300L, (long) c1.getAs("handle_seconds"));
    assertEquals("2026-Q3", c1.getAs("period"));
    assertEquals(IngestFixture.PSEUDONYMIZER.customer("K1002345"), c1.getAs("customer_id"));
    assertEquals(1L, (long) c1.getAs("_record_number"));

    Row c11 = f.bronze("contacts").filter("id = 'C11'").first();
    assertEquals(Timestamp.from(Instant.parse("2026-01-05T08:00:00Z")), c11.getAs("started_at"), "CET is UTC+1");
    assertEquals("mail [email] of bel [phone]", c11.getAs("notes"));
    assertEquals(Boolean.FALSE, c11.getAs("resolved"));
    assertEquals("2026-Q1", c11.getAs("period"));

    Row dup = f.quarantine("contacts").filter("record_number = 5").first();
    assertTrue(dup.getString(dup.fieldIndex("reason")).contains("was already seen in") , dup.toString());
    Row bad = f.quarantine("contacts").filter("record_number = 2").first();
    assertTrue(bad.getString(bad.fieldIndex("reason")).contains("'31-02-2026 10:00' does not match dd-MM-yyyy HH:mm"), bad.toString());
    assertFalse(bad.getString(bad.fieldIndex("raw_record")).contains("K1000001"), "raw records hold pseudonyms, not ids");
  }

  @Test
  void reingestingReplacesPeriodsInsteadOfDuplicating() {
    IngestFixture f = new IngestFixture().file("contact/contacten.csv", CONTACTS);
    ProgramConfig config = f.config(CONTACT_SOURCE);
    IngestResult first = f.ingest(config, "contacts");
    List<Row> bronzeBefore = f.bronze("contacts").drop("_ingested_at").orderBy("id").collectAsList();
    IngestResult second = f.ingest(config, "contacts");
    assertEquals(first.rowsAccepted(), second.rowsAccepted());
    assertEquals(bronzeBefore, f.bronze("contacts").drop("_ingested_at").orderBy("id").collectAsList());
    assertEquals(first.rowsQuarantined(), f.quarantine("contacts").count());
  }

  @Test
  void decodesWindows1252AndFlagsItWhenDeclaredAsUtf8() {
    String export = "Datum;Zoekterm;Aantal zoekopdrachten;Resultaten\n01-07-2026;café openingstijden;12;0\n02-07-2026;ideeën;3;5\n";
    IngestFixture f = new IngestFixture()
        .file("cp1252/search.csv", export, Charset.forName("windows-1252"));
    String source = """
        - name: search
          type: web_search
          path: cp1252/search.csv
          format: csv
          options: {delimiter: ";", encoding: %s, date_formats: ["dd-MM-yyyy"]}
          mapping: {date: Datum, term: Zoekterm, searches: "Aantal zoekopdrachten", results: Resultaten}
        """;
    IngestResult ok = f.ingest(f.config(source.formatted("windows-1252")), "search");
    assertEquals(2, ok.rowsAccepted());
    List<String> terms = f.bronze("search").orderBy("date").select("term").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("café openingstijden", "ideeën"), terms);
    assertEquals("2026-07-01|café openingstijden", f.bronze("search").orderBy("date").first().getAs("id"));

    IngestResult wrong = f.ingest(f.config(source.formatted("UTF-8")), "search");
    assertEquals(0, wrong.rowsAccepted());
    assertEquals(List.of("search.csv#1:INVALID_ENCODING", "search.csv#2:INVALID_ENCODING"), f.quarantineSummary("search"));
  }

  @Test
  void honoursQuoteEscapeAndHeaderlessLayouts() {
    IngestFixture f = new IngestFixture()
        .file("q/survey.csv", "id|when|score|comment\nr1|2026-07-01 10:00:00|9|'it\\'s fine | really'\nr2|2026-07-02 11:00:00|7,5|ok\n")
        .file("h/survey.csv", "r9,2026-08-01T10:00:00+02:00,3,bad\n");
    ProgramConfig config = f.config("""
        - name: quoted
          type: survey
          path: q/survey.csv
          format: csv
          options: {delimiter: "|", quote: "'", escape: "\\\\", timestamp_formats: ["yyyy-MM-dd HH:mm:ss"], timezone: UTC}
          score_scale: {min: 0, max: 10}
          mapping: {id: id, responded_at: when, score: score, comment: comment}
        - name: headerless
          type: survey
          path: h/survey.csv
          format: csv
          options: {header: false}
          mapping: {id: _c0, responded_at: _c1, score: _c2, comment: _c3}
        """);
    assertEquals(2, f.ingest(config, "quoted").rowsAccepted());
    Row r1 = f.bronze("quoted").filter("id = 'r1'").first();
    assertEquals("it's fine | really", r1.getAs("comment"));
    assertEquals(Timestamp.from(Instant.parse("2026-07-01T10:00:00Z")), r1.getAs("responded_at"));
    assertEquals(7.5, (double) f.bronze("quoted").filter("id = 'r2'").first().getAs("score"), 1e-9, "decimal comma");

    assertEquals(1, f.ingest(config, "headerless").rowsAccepted());
    Row r9 = f.bronze("headerless").first();
    assertEquals(Timestamp.from(Instant.parse("2026-08-01T08:00:00Z")), r9.getAs("responded_at"));
    assertEquals(3.0, (double) r9.getAs("score"), 1e-9);
  }

  /**
   * Twitter's API and e-mail headers write the day of the week first (Spark cannot parse it; Luister drops it), the
   * API escapes texts as HTML ("&amp;"), and pandas writes the reply-to ids of a column with gaps as floats ("1.0"
   * answering post "1").
   */
  @Test
  void readsDatesThatBeginWithTheDayOfTheWeekAndIdsWrittenAsDecimals() {
    IngestFixture f = new IngestFixture()
        .file("t/tweets.csv", "id,created,text,reply_to\n"
            + "1,Tue Oct 31 22:10:47 +0000 2017,delays &amp; waits &#39;again&#39; &amp;lt;3,\n"
            + "2,\"Wed, 01 Nov 2017 08:00:00 +0100\",mail header,1.0\n"
            + "3,Oct 31 2017 22:10:47,no day at all,2.5\n");
    ProgramConfig config = f.config("""
        - name: tweets
          type: social
          path: t/tweets.csv
          format: csv
          options: {timestamp_formats: ["EEE MMM dd HH:mm:ss Z yyyy", "EEE, dd MMM yyyy HH:mm:ss Z"]}
          mapping: {id: id, published_at: created, text: text, in_reply_to: reply_to}
        """);
    IngestResult result = f.ingest(config, "tweets");
    assertEquals(2, result.rowsAccepted());
    assertEquals(List.of("tweets.csv#3:INVALID_TIMESTAMP"), f.quarantineSummary("tweets"));
    Row api = f.bronze("tweets").filter("id = '1'").first();
    assertEquals(Timestamp.from(Instant.parse("2017-10-31T22:10:47Z")), api.getAs("published_at"));
    assertEquals("delays & waits 'again' &lt;3", api.getAs("text"), "HTML character references read as typed, once");
    Row mail = f.bronze("tweets").filter("id = '2'").first();
    assertEquals(Timestamp.from(Instant.parse("2017-11-01T07:00:00Z")), mail.getAs("published_at"));
    assertEquals("1", mail.getAs("in_reply_to"), "the float-written id of post 1");
  }

  private static final String SOCIAL_SOURCE = """
      - name: social
        type: social
        path: social/*.jsonl
        format: jsonl
        mapping:
          id: post_id
          published_at: created
          text: content
          platform: platform
          author: user.handle
          author_followers: user.followers
          likes: metrics.likes
          in_reply_to: reply_to
          url: url
          rating: rating
      """;

  @Test
  void mapsNestedJsonAndFlagsOwnAccountsBeforeHashing() {
    IngestFixture f = new IngestFixture()
        .file("social/2026-07.jsonl", String.join("\n",
            "{\"post_id\":\"p1\",\"created\":\"2026-07-03T14:22:05+02:00\",\"platform\":\"twitter\",\"content\":\"@acme mijn factuur klopt niet, @jan_de_vries84 ook\",\"user\":{\"handle\":\"@Piet_K\",\"followers\":120},\"metrics\":{\"likes\":3},\"url\":\"https://x.com/Piet_K/status/1\"}",
            "{\"post_id\":\"p2\",\"created\":\"2026-07-03T15:00:00+02:00\",\"platform\":\"twitter\",\"content\":\"@Piet_K sorry, we kijken ernaar\",\"user\":{\"handle\":\"@AcmeHelp\",\"followers\":5000},\"metrics\":{\"likes\":0},\"reply_to\":\"p1\"}",
            "{\"post_id\":\"p3\",\"created\":\"2026-07-32T10:00:00+02:00\",\"platform\":\"trustpilot\",\"content\":\"great\",\"user\":{\"handle\":\"anna\",\"followers\":\"many\"},\"rating\":7,\"url\":\"https://x.com/Anna/status/3\"}",
            "{\"post_id\":\"p4\",\"created\":\"2026-07-04T10:00:00+02:00\",\"platform\":{\"name\":\"forum\"},\"content\":\"  \",\"user\":{\"handle\":\"bob\"}}",
            "{\"post_id\":\"p5\",\"created\":\"2026-07-05T10:00:00+02:00\",\"content\":\"truncated",
            "{\"post_id\":\"p6\",\"created\":\"2026-07-05T10:00:00+02:00\",\"platform\":\"forum\",\"content\":\"rival is beter\",\"user\":{\"handle\":\"@rival\"}}",
            "{\"post_id\":\"p7\",\"created\":\"2026-07-05T10:00:00+02:00\",\"platform\":{\"name\":\"forum\"},\"content\":\"nested platform\",\"user\":{\"handle\":\"carla\"}}",
            ""))
        .file("social/2026-08.jsonl",
            "{\"post_id\":\"p1\",\"created\":\"2026-08-01T10:00:00+02:00\",\"content\":\"copy in another file\",\"user\":{\"handle\":\"x\"}}\n");
    ProgramConfig config = f.config(SOCIAL_SOURCE);
    IngestResult result = f.ingest(config, "social");
    assertEquals(8, result.rowsRead());
    assertEquals(3, result.rowsAccepted());
    assertEquals(List.of(
        "2026-07.jsonl#3:INVALID_TIMESTAMP",
        "2026-07.jsonl#4:EMPTY_TEXT",
        "2026-07.jsonl#5:MALFORMED_RECORD",
        "2026-07.jsonl#7:NOT_A_SCALAR",
        "2026-08.jsonl#1:DUPLICATE_ID"), f.quarantineSummary("social"));
    Row p3 = f.quarantine("social").filter("item_id = 'p3'").first();
    List<Row> p3Reasons = p3.getList(p3.fieldIndex("reasons"));
    // A refused record's quarantine row also lists what was wrong with its optional fields.
    assertEquals(List.of("INVALID_NUMBER", "INVALID_TIMESTAMP", "SCORE_OUT_OF_SCALE"), p3Reasons.stream().map(r -> r.getString(0)).sorted().toList());
    // The quarantined raw record never names the author where the handle is part of the URL: the URL's handle is
    // masked (TextMasking masks handles in the URLs of every platform).
    String p3Raw = p3.getAs("raw_record");
    assertFalse(p3Raw.toLowerCase(java.util.Locale.ROOT).contains("anna"), p3Raw);
    assertTrue(p3Raw.contains("x.com/[user]/status/3"), p3Raw);
    Row p4 = f.quarantine("social").filter("item_id = 'p4'").first();
    assertEquals(List.of("EMPTY_TEXT", "NOT_A_SCALAR"),
        p4.<Row>getList(p4.fieldIndex("reasons")).stream().map(r -> r.getString(0)).sorted().toList());

    Row p1 = f.bronze("social").filter("id = 'p1'").first();
    assertEquals("@acme mijn factuur klopt niet, @[user] ook", p1.getAs("text"));
    assertEquals(IngestFixture.PSEUDONYMIZER.author("piet_k"), p1.getAs("author"));
    assertEquals(120L, (long) p1.getAs("author_followers"));
    assertEquals(Boolean.FALSE, p1.getAs("own_account"));
    assertEquals("https://x.com/@[user]/status/1", p1.getAs("url"));
    Row p2 = f.bronze("social").filter("id = 'p2'").first();
    assertEquals(Boolean.TRUE, p2.getAs("own_account"));
    assertEquals("Acme", p2.getAs("author_brand"));
    assertEquals("p1", p2.getAs("in_reply_to"));
    assertEquals("@[user] sorry, we kijken ernaar", p2.getAs("text"));
    Row p6 = f.bronze("social").filter("id = 'p6'").first();
    assertEquals("Rival", p6.getAs("author_brand"), "competitor accounts are recognised too");
  }

  @Test
  void keepsNoRawHandleOrCustomerIdInAnyBronzeColumn() {
    IngestFixture f = new IngestFixture()
        .file("social/a.jsonl", "{\"post_id\":\"p1\",\"created\":\"2026-07-03T14:22:05+02:00\",\"content\":\"hoi @acme, ik ben Piet_K\",\"user\":{\"handle\":\"@Piet_K\"},\"url\":\"https://forum.example/u/Piet_K/1\"}\n")
        .file("contact/contacten.csv", CONTACTS);
    ProgramConfig config = f.config(SOCIAL_SOURCE + CONTACT_SOURCE);
    f.ingest(config, "social");
    f.ingest(config, "contacts");
    Map<String, List<String>> secrets = Map.of("social", List.of("piet_k"), "contacts", List.of("k1002345", "k1000003"));
    secrets.forEach((source, values) -> {
      for (StructField field : f.bronze(source).schema().fields()) {
        if (field.dataType().equals(DataTypes.StringType)) {
          for (String secret : values) {
            long hits = f.bronze(source).filter(org.apache.spark.sql.functions.lower(col(field.name())).contains(secret)).count();
            assertEquals(0, hits, source + "." + field.name() + " contains " + secret);
          }
        }
      }
    });
  }

  @Test
  void readsJsonDocumentsAndTypedParquet() {
    IngestFixture f = new IngestFixture()
        .file("doc/reviews.json", "[{\"id\":\"a\",\"at\":\"2026-07-01T10:00:00Z\",\"body\":\"prima\",\"stars\":5},\n"
            + " {\"id\":\"b\",\"at\":\"2026-07-02T10:00:00Z\",\"body\":\"slecht\",\"stars\":0}]");
    f.spark.sql("SELECT 's1' AS rid, TIMESTAMP'2026-07-01 08:00:00' AS ts, 9L AS nps, 'top' AS txt "
        + "UNION ALL SELECT 's2', TIMESTAMP'2026-07-02 08:00:00', 12L, 'nee'")
        .coalesce(1).write().parquet(f.dir.resolve("pq").toString());
    ProgramConfig config = f.config("""
        - name: reviews
          type: social
          path: doc/reviews.json
          format: json
          mapping: {id: id, published_at: at, text: body, rating: stars}
        - name: surveys
          type: survey
          path: pq
          format: parquet
          mapping: {id: rid, responded_at: ts, score: nps, comment: txt}
        """);
    IngestResult reviews = f.ingest(config, "reviews");
    assertEquals(2, reviews.rowsRead());
    assertEquals(List.of(), f.quarantineSummary("reviews"), "a rating of 0 stars is a field issue, not a refusal");
    assertEquals(1, reviews.fieldIssues());
    IngestResult surveys = f.ingest(config, "surveys");
    assertEquals(2, surveys.rowsRead());
    assertEquals(2, surveys.rowsAccepted());
    assertEquals(1, surveys.fieldIssues());
    assertEquals(Timestamp.from(Instant.parse("2026-07-01T08:00:00Z")),
        f.bronze("surveys").filter("id = 's1'").first().getAs("responded_at"));
    assertNull(f.bronze("surveys").filter("id = 's2'").first().getAs("score"), "NPS 12 is off the scale");
  }

  @Test
  void mapsChangedExportsByColumnNameAndRefusesAMissingMappedColumn() {
    IngestFixture f = new IngestFixture()
        .file("drift/a.csv", "id,when,comment\nr1,2026-07-01 10:00:00,eerste\n")
        .file("drift/b.csv", "comment,extra,id,when\ntweede,x,r2,2026-07-02 10:00:00\n");
    String source = """
        - name: drift
          type: survey
          path: %s
          format: csv
          mapping: {id: id, responded_at: when, comment: comment}
        """;
    ProgramConfig config = f.config(source.formatted("drift/*.csv"));
    assertEquals(2, f.ingest(config, "drift").rowsAccepted());
    assertEquals("tweede", f.bronze("drift").filter("id = 'r2'").first().getAs("comment"));

    f.file("renamed/c.csv", "id,submitted,comment\nr3,2026-07-03 10:00:00,derde\n");
    ProgramConfig renamed = f.config(source.formatted("renamed/*.csv"));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> f.ingest(renamed, "drift"));
    assertTrue(e.getMessage().contains("mapping.responded_at names 'when'") && e.getMessage().contains("c.csv")
        && e.getMessage().contains("[id, submitted, comment]"), e.getMessage());
  }

  @Test
  void everyCanonicalFieldKindIsCoveredByTheMapping() {
    // Guards the switch in CanonicalMapping: a new kind must get parsing and validation there.
    assertEquals(9, FieldKind.values().length);
  }
}
