package io.luister.jobs.ingest;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.serve.CliRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The guards of issue 27 (part A): CSV records that cannot merge or vanish, the quarantine limit per source, one
 * source's failure never taking the others down, hints that say what a file really is, skip_lines, JSON lines
 * counted line by line, and whole-number NPS scores.
 */
class IngestGuardsTest {
  private static final String CONTACTS = """
      - name: contacts
        type: contact
        path: contact/*.csv
        format: csv
        options: {delimiter: ";", multiline: %s, timestamp_formats: ["dd-MM-yyyy HH:mm"]%s}
        mapping: {id: ContactID, started_at: Startdatum, notes: Notities}
      """;
  private static final String HEADER = "ContactID;Startdatum;Notities\n";

  private static String contacts(boolean multiline, String extraOptions) {
    return CONTACTS.formatted(multiline, extraOptions);
  }

  // ---- CsvRecords: every physical line in exactly one record, by an independent count ----------------------

  @Test
  void everyPhysicalLineIsInExactlyOneRecordWhateverTheQuotesAndLineEnds() throws IOException {
    Random random = new Random(27);
    String[] pieces = {"a", "bb", ";", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "x;y", "\"q;\n\"", "\uFEFF"};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(60);
      for (int i = 0; i < n; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      for (boolean multiline : new boolean[] {false, true}) {
        CsvRecords records = new CsvRecords(new StringReader(text.toString()), new CsvRecords.Format(';', '"', '"', multiline));
        int skipped = records.skipLines(random.nextInt(3));
        if (random.nextBoolean()) {
          records.header();
        }
        long recordLines = 0;
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
          assertTrue(r.lines() >= 1);
          if (!multiline || r.malformed()) {
            assertEquals(1, r.lines(), "without multiline, and for a malformed record, one line: " + show(text));
          }
          recordLines += r.lines();
        }
        long physical = CsvRecords.countLines(new StringReader(text.toString()));
        assertEquals(physical, records.linesRead(), "lines read: " + show(text));
        assertEquals(physical, records.accountedLines(skipped), "lines accounted for: " + show(text));
        assertTrue(recordLines <= physical);
      }
    }
  }

  @Test
  void aMultiLineRecordKeepsItsLineBreaksAndAnUnclosedQuoteTakesOnlyItsOwnLine() {
    String text = "id;note;n\r\n1;\"two\r\nlines\";5\n2;\"open;6\r3;ok;7\n";
    CsvRecords records = new CsvRecords(new StringReader(text), new CsvRecords.Format(';', '"', '"', true));
    records.header();
    CsvRecords.Record one = records.next();
    assertArrayEquals(new String[] {"1", "two\nlines", "5"}, one.fields());
    CsvRecords.Record two = records.next();
    assertTrue(two.malformed());
    assertEquals(1, two.lines());
    assertTrue(two.problem().contains("unbalanced quote"), two.problem());
    assertArrayEquals(new String[] {"3", "ok", "7"}, records.next().fields());
    assertNull(records.next());
  }

  @Test
  void aRecordBeyondTheCharacterBoundIsOneMalformedRecordNotACrash() {
    String text = "a;b\n" + "x".repeat(CsvRecords.MAX_RECORD_CHARS + 10) + ";1\nok;2\n";
    CsvRecords records = new CsvRecords(new StringReader(text), new CsvRecords.Format(';', '"', '"', false));
    records.header();
    CsvRecords.Record big = records.next();
    assertTrue(big.malformed());
    assertTrue(big.problem().contains("longer than"), big.problem());
    assertTrue(big.raw().length() < CsvRecords.MAX_RAW_CHARS + 100);
    assertArrayEquals(new String[] {"ok", "2"}, records.next().fields());
  }

  // ---- the quarantine limit and sources failing on their own ------------------------------------------------

  @Test
  void aSourceAboveTheQuarantineLimitIsRefusedWithItsCountsAndNothingInBronze() {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", HEADER + "c1;01-07-2026 10:00;goed\nc2;99-99-2026 10:00;x\nc3;nooit;y\n");
    ProgramConfig config = f.configWithIngest("", contacts(false, ""));
    QuarantineLimit.Exceeded e = assertThrows(QuarantineLimit.Exceeded.class, () -> f.ingest(config, "contacts"));
    assertTrue(e.getMessage().contains("66.7 % of all 3 records"), e.getMessage());
    assertTrue(e.getMessage().contains("ingest.max_quarantine_share 0.05"), e.getMessage());
    assertTrue(e.getMessage().contains("INVALID_TIMESTAMP 2"), e.getMessage());
    assertEquals(3, e.result().rowsRead());
    assertEquals(2, e.result().rowsQuarantined());
    assertEquals(2, f.quarantine("contacts").count(), "the refused records are in ops.quarantine, to see why");
    assertFalse(f.warehouse.exists(f.spark, io.luister.common.warehouse.Layer.BRONZE, "contacts"), "nothing in bronze");
  }

  @Test
  void aDeliberatelyRaisedLimitLetsTheSourceIn() {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", HEADER + "c1;01-07-2026 10:00;goed\nc2;99-99-2026 10:00;x\n");
    ProgramConfig config = f.configWithIngest("ingest: {max_quarantine_share_by_source: {contacts: 0.6}}\n",
        contacts(false, ""));
    IngestResult r = f.ingest(config, "contacts");
    assertEquals(1, r.rowsAccepted());
    assertEquals(1, r.rowsQuarantined());
  }

  @Test
  void aRunawayLineBesideAHealthySourceRefusesOnlyItsOwnSourceWithExit3() throws IOException {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", HEADER + "c1;01-07-2026 10:00;goed\n" + "c2" + ";".repeat(30_000) + "\n");
    f.file("healthy/b.csv", HEADER + "h1;01-07-2026 10:00;prima\nh2;02-07-2026 10:00;ook goed\n");
    String yaml = """
        program: acme
        brand: {name: Acme}
        timezone: Europe/Amsterdam
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
        sources:
        """ + (contacts(false, "") + contacts(false, "").replace("name: contacts", "name: healthy")
            .replace("contact/*.csv", "healthy/*.csv")).indent(2);
    f.file("cli.yaml", yaml);
    String warehouse = f.dir.resolve("cli-warehouse").toString();
    CliRunner.Result result = CliRunner.run("ingest", "--config", f.dir.resolve("cli.yaml").toString(),
        "--warehouse", warehouse);
    assertEquals(3, result.code(), result.printed());
    assertTrue(result.printed().contains("contacts refused"), result.printed());
    assertTrue(result.printed().contains("50.0 % of all 2 records"), result.printed());
    assertFalse(result.printed().contains("Exception"), "no stack trace: " + result.printed());
    List<Row> runs = f.spark.read().format("delta").load(warehouse + "/ops/runs")
        .orderBy("source").collectAsList();
    assertEquals(List.of("contacts", "healthy"), runs.stream().map(r -> r.<String>getAs("source")).toList());
    assertEquals("refused", runs.get(0).getAs("status"));
    assertEquals(2L, (long) runs.get(0).getAs("rows_read"));
    assertEquals(1L, (long) runs.get(0).getAs("rows_quarantined"));
    assertTrue(runs.get(0).<String>getAs("message").contains("max_quarantine_share"));
    assertEquals("ok", runs.get(1).getAs("status"));
    assertEquals(2L, f.spark.read().format("delta").load(warehouse + "/bronze/healthy").count());
  }

  // ---- the check preflight ----------------------------------------------------------------------------------

  @Test
  void checkAdvisesMultilineForRecordsThatSpanLinesAndExits3AboveTheLimit() {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", HEADER + "c1;01-07-2026 10:00;\"eerste regel\ntweede regel\"\nc2;01-07-2026 11:00;goed\n"
        + "c3;01-07-2026 12:00;\"nog een\nop twee regels\"\n");
    f.file("healthy/b.csv", HEADER + "h1;01-07-2026 10:00;prima\n");
    String yaml = """
        program: acme
        brand: {name: Acme}
        timezone: Europe/Amsterdam
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
        sources:
        """ + (contacts(false, "") + contacts(false, "").replace("name: contacts", "name: healthy")
            .replace("contact/*.csv", "healthy/*.csv")).indent(2);
    f.file("check.yaml", yaml);
    CliRunner.Result result = CliRunner.run("check", "--config", f.dir.resolve("check.yaml").toString(),
        "--warehouse", f.dir.resolve("check-warehouse").toString());
    assertEquals(3, result.code(), result.printed());
    assertTrue(result.printed().contains("set options.multiline: true"), result.printed());
    assertTrue(result.printed().contains("5 record(s) read, 4 would be quarantined"), result.printed());
    assertTrue(result.printed().contains("1 source(s) would fail ingest: contacts"), result.printed());
    assertTrue(result.printed().contains("source healthy"), result.printed());
    assertFalse(java.nio.file.Files.exists(f.dir.resolve("check-warehouse/bronze")), "check writes nothing");
  }

  // ---- skip_lines and the header hint ---------------------------------------------------------------------

  @Test
  void skipLinesDropsAPreambleAboveTheHeader() {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", "Archive:  export.zip\n  inflating: a.csv\n" + HEADER + "c1;01-07-2026 10:00;goed\n");
    IngestResult r = f.ingest(f.config(contacts(false, ", skip_lines: 2")), "contacts");
    assertEquals(1, r.rowsRead());
    assertEquals(1, r.rowsAccepted());
  }

  @Test
  void withoutSkipLinesTheMessageSaysWhichLineTheHeaderIsOn() {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", "Archive:  export.zip\n  inflating: a.csv\n" + HEADER + "c1;01-07-2026 10:00;goed\n");
    ProgramConfig config = f.config(contacts(false, ""));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> f.ingest(config, "contacts"));
    assertTrue(e.getMessage().contains("set options.skip_lines: 2"), e.getMessage());
  }

  @Test
  void aFirstLineOfValuesIsSaidToBeNoHeader() {
    IngestFixture f = new IngestFixture();
    f.file("contact/a.csv", "c1;01-07-2026 10:00;12\nc2;01-07-2026 11:00;13\n");
    ProgramConfig config = f.config(contacts(false, ""));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> f.ingest(config, "contacts"));
    assertTrue(e.getMessage().contains("looks like a record, not a header"), e.getMessage());
    assertTrue(e.getMessage().contains("options.header: false"), e.getMessage());
  }

  // ---- hints that say what the file is --------------------------------------------------------------------

  @Test
  void eachUnreadableFileIsNamedForWhatItIs() throws IOException {
    String csv = HEADER + "c1;01-07-2026 10:00;goed\n";
    assertRefused("contact/a.csv", gzip(csv), "is gzip-compressed data", "name ending in .gz");
    assertRefused("contact/a.csv", zip(csv), "is a zip archive", "unzip it");
    assertRefused("contact/a.csv", csv.getBytes(StandardCharsets.UTF_16LE), "NUL-byte pattern of UTF-16LE",
        "set options.encoding: UTF-16LE");
    assertRefused("contact/a.csv", csv.getBytes(java.nio.charset.Charset.forName("UTF-32BE")), "UTF-32BE",
        "set options.encoding: UTF-32BE");
    byte[] bomLe = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));
    assertRefused("contact/a.csv", bomLe, "UTF-16LE byte-order mark", "set options.encoding: UTF-16");
  }

  @Test
  void aGzipFileNamedGzIsReadAndABomOnlyFileIsSkippedAsEmpty() throws IOException {
    IngestFixture f = new IngestFixture();
    f.bytes("contact/a.csv.gz", gzip(HEADER + "c1;01-07-2026 10:00;goed\n"));
    f.bytes("contact/b.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    ProgramConfig config = f.config(contacts(false, "").replace("contact/*.csv", "contact/*"));
    IngestResult r = f.ingest(config, "contacts");
    assertEquals(1, r.rowsAccepted());

    IngestFixture only = new IngestFixture();
    only.bytes("contact/b.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'});
    LuisterDataException e = assertThrows(LuisterDataException.class,
        () -> only.ingest(only.config(contacts(false, "")), "contacts"));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void aUtf16FileConfiguredAsSuchIsRead() {
    IngestFixture f = new IngestFixture();
    f.bytes("contact/a.csv", (HEADER + "c1;01-07-2026 10:00;goed\n").getBytes(StandardCharsets.UTF_16));
    IngestResult r = f.ingest(f.config(contacts(false, ", encoding: UTF-16")), "contacts");
    assertEquals(1, r.rowsAccepted());
  }

  // ---- JSON lines and scores --------------------------------------------------------------------------------

  @Test
  void everyJsonLineIsCountedAndABomBeforeARecordIsRead() {
    IngestFixture f = new IngestFixture();
    String post = "{\"post_id\":\"%s\",\"created\":\"2026-07-03T14:22:05+02:00\",\"content\":\"tekst\"}\n";
    f.file("social/a.jsonl", "\uFEFF" + post.formatted("p1") + "[]\n" + "\n" + "42\n" + "\uFEFF" + post.formatted("p2")
        + "[" + post.formatted("p3").strip() + "]\n");
    ProgramConfig config = f.config("""
        - name: social
          type: social
          path: social/*.jsonl
          format: jsonl
          mapping: {id: post_id, published_at: created, text: content}
          """);
    IngestSpec spec = IngestSpec.of(config, config.source("social").orElseThrow(), IngestFixture.PSEUDONYMIZER, "t",
        IngestFixture.RUN_STARTED);
    var checked = IngestTransforms.check(new SourceReader(f.spark).read(config.source("social").orElseThrow()), spec);
    List<String> accepted = IngestTransforms.accepted(checked).orderBy("id").select("id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("p1", "p2"), accepted, "a BOM in front of an object does not hide it");
    List<Row> refused = IngestTransforms.quarantined(checked, spec).orderBy("record_number").collectAsList();
    assertEquals(List.of(2L, 4L, 6L), refused.stream().map(r -> r.<Long>getAs("record_number")).toList(),
        "[] and 42 and an array of objects are each one quarantined record, numbered by their line");
    for (Row r : refused) {
      assertEquals("MALFORMED_RECORD", r.getAs("reason_code"));
      assertTrue(r.<String>getAs("reason").contains("not a JSON object"), r.<String>getAs("reason"));
    }
    assertEquals(5, checked.count(), "five lines that are not blank, five records");
  }

  @Test
  void npsScoresAreWholeNumbersOnTheirScale() {
    IngestFixture f = new IngestFixture();
    f.file("survey/a.csv", "id,at,score\ns1,2026-07-01 10:00:00,7.5\ns2,2026-07-01 10:00:00,1e1\n"
        + "s3,2026-07-01 10:00:00,10\ns4,2026-07-01 10:00:00,0\n");
    ProgramConfig config = f.config("""
        - name: nps
          type: survey
          path: survey/*.csv
          format: csv
          score_scale: nps
          mapping: {id: id, responded_at: at, score: score}
        """);
    IngestSpec spec = IngestSpec.of(config, config.source("nps").orElseThrow(), IngestFixture.PSEUDONYMIZER, "t",
        IngestFixture.RUN_STARTED);
    var checked = IngestTransforms.check(new SourceReader(f.spark).read(config.source("nps").orElseThrow()), spec);
    // The score is optional: a bad one is set to null and recorded as a field issue, the answer is kept.
    List<String> issues = IngestTransforms.fieldIssues(checked, spec).orderBy("record_number")
        .select("issue_code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("SCORE_OUT_OF_SCALE", "INVALID_NUMBER"), issues);
    assertEquals(0, IngestTransforms.quarantined(checked, spec).count());
    assertEquals(2, IngestTransforms.accepted(checked).filter("score IS NOT NULL").count());
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private static void assertRefused(String name, byte[] content, String... parts) {
    IngestFixture f = new IngestFixture();
    f.bytes(name, content);
    ProgramConfig config = f.config(contacts(false, ""));
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> f.ingest(config, "contacts"));
    assertTrue(e.getMessage().contains("a.csv"), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] zip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("a.csv"));
      z.write(text.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String show(CharSequence text) {
    return "'" + text.toString().replace("\r", "\\r").replace("\n", "\\n") + "'";
  }
}
