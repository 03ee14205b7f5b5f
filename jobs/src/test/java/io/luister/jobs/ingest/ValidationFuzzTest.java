package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.privacy.TextMasking;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple4;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fuzzes the validators and the masking with Spark: jqwik generators (seeded) make one batch of a few
 * thousand records, one DataFrame is checked, and every record's reasons must be exactly the ones its
 * generated fields call for. One Spark job per property instead of one per example keeps this in seconds.
 */
class ValidationFuzzTest {
  private static final int RECORDS = 2_000;
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** A generated field value and the reason code it must produce (null: none). */
  record Value(String text, String reason) {}

  @Provide
  Arbitrary<List<Tuple4<Value, Value, Value, String>>> records() {
    return Combinators.combine(ids(), timestamps(), scores(), comments()).as(Tuple::of).list().ofSize(RECORDS);
  }

  @Provide
  Arbitrary<List<String>> locals() {
    return Arbitraries.strings().withChars("abcdefghij._-+0123").ofMinLength(1).ofMaxLength(20)
        .filter(s -> Character.isLetterOrDigit(s.charAt(0))).list().ofSize(1_000);
  }

  @Provide
  Arbitrary<List<String>> fillers() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(s -> s.replace("@", " ")).list().ofSize(2_000);
  }

  private static Arbitrary<Value> ids() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.just(new Value("ok", null))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(" ", "", "\t\u00A0").map(s -> new Value(s, "MISSING_REQUIRED"))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("\u0000", "\u001b", "\uFFFD").map(s -> new Value(s, "INVALID_ENCODING"))));
  }

  private static Arbitrary<Value> timestamps() {
    long from = Instant.parse("2000-01-02T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2026-10-30T00:00:00Z").getEpochSecond();
    Arbitrary<Value> valid = Arbitraries.longs().between(from, to).map(s -> new Value(FORMAT.format(Instant.ofEpochSecond(s)), null));
    Arbitrary<Value> outOfRange = Arbitraries.oneOf(
        Arbitraries.longs().between(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(), from - 86_400 * 2),
        Arbitraries.longs().between(Instant.parse("2026-11-03T00:00:00Z").getEpochSecond(), Instant.parse("2999-01-01T00:00:00Z").getEpochSecond()))
        .map(s -> new Value(FORMAT.format(Instant.ofEpochSecond(s)), "TIMESTAMP_OUT_OF_RANGE"));
    Arbitrary<Value> impossible = Arbitraries.integers().between(2001, 2025).flatMap(y -> Arbitraries.of(
        y + "-02-30 10:00:00", y + "-04-31 10:00:00", y + "-13-01 10:00:00", y + "-06-01 24:00:01", y + "-06-01 10:61:00"))
        .map(s -> new Value(s, "INVALID_TIMESTAMP"));
    Arbitrary<Value> garbage = Arbitraries.strings().withChars("abcxyz/:-.").ofMinLength(1).ofMaxLength(20)
        .map(s -> new Value(s, "INVALID_TIMESTAMP"));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, valid), net.jqwik.api.Tuple.of(1, outOfRange),
        net.jqwik.api.Tuple.of(1, impossible), net.jqwik.api.Tuple.of(1, garbage));
  }

  private static Arbitrary<Value> scores() {
    Arbitrary<Value> valid = Arbitraries.integers().between(0, 1000).flatMap(n -> Arbitraries.of(
        new Value(String.valueOf(n / 100.0), null), new Value(String.valueOf(n / 100.0).replace('.', ','), null)));
    Arbitrary<Value> outside = Arbitraries.oneOf(Arbitraries.doubles().between(10.01, 1e300).ofScale(2),
        Arbitraries.doubles().between(-1e300, -0.01).ofScale(2)).map(d -> {
          // Java writes large numbers in exponent notation (6.05E107), which no survey tool exports: not a number.
          String written = String.valueOf(d);
          return new Value(written, written.contains("E") ? "INVALID_NUMBER" : "SCORE_OUT_OF_SCALE");
        });
    Arbitrary<Value> garbage = Arbitraries.oneOf(Arbitraries.strings().withChars("abcxyz%/").ofMinLength(1).ofMaxLength(8),
        Arbitraries.of("NaN", "4/5", "85%", "1..2", "--3")).map(s -> new Value(s, "INVALID_NUMBER"));
    Arbitrary<Value> empty = Arbitraries.of("", " ").map(s -> new Value(s, null));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, valid), net.jqwik.api.Tuple.of(2, outside),
        net.jqwik.api.Tuple.of(2, garbage), net.jqwik.api.Tuple.of(1, empty));
  }

  /** Any text without invalid-byte markers or lone surrogates: letters of every script, emoji, controls. */
  private static Arbitrary<String> comments() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(80),
        Arbitraries.of("😀", "👍🏽", "👨‍👩‍👧", "❤️", " ", "\u0000", "\u001b[31m", "\u200D", "ж", "服").list().ofMaxSize(12)
            .map(parts -> String.join("", parts)));
  }

  // One try of a large generated batch: a try is a Spark job, and shrinking would be hundreds of them.
  @Property(tries = 1, seed = "20261123", edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
  void everyGeneratedRecordGetsExactlyTheReasonsItsFieldsCallFor(@ForAll("records") List<Tuple4<Value, Value, Value, String>> generated) {
    IngestFixture f = new IngestFixture().file("none.csv", "id,at\n");
    ProgramConfig config = f.config("""
        - name: fuzz
          type: survey
          path: none.csv
          format: csv
          options: {timestamp_formats: ["yyyy-MM-dd HH:mm:ss"], timezone: UTC}
          score_scale: {min: 0, max: 10}
          mapping: {id: id, responded_at: at, score: score, comment: comment}
        """);
    SourceConfig source = config.source("fuzz").orElseThrow();
    List<Row> rows = new ArrayList<>();
    Map<Long, Set<String>> expected = new HashMap<>();
    for (long i = 1; i <= RECORDS; i++) {
      var g = generated.get((int) i - 1);
      Value id = g.get1();
      Value at = g.get2();
      Value score = g.get3();
      String idText = id.reason() == null ? "r" + i : id.text() + (id.reason().equals("INVALID_ENCODING") ? "r" + i : "");
      rows.add(RowFactory.create(idText, at.text(), score.text(), g.get4(), null, "fuzz.csv", i));
      Set<String> reasons = new TreeSet<>();
      for (Value v : List.of(id, at, score)) {
        if (v.reason() != null) {
          reasons.add(v.reason());
        }
      }
      expected.put(i, reasons);
    }
    StructType schema = new StructType().add("id", "string").add("at", "string").add("score", "string").add("comment", "string")
        .add(RawBatch.CORRUPT, "string").add(RawBatch.FILE, "string").add(RawBatch.RECORD, DataTypes.LongType);
    Dataset<Row> raw = f.spark.createDataFrame(rows, schema);
    RawBatch batch = new RawBatch(raw, Map.of("id", "`id`", "responded_at", "`at`", "score", "`score`", "comment", "`comment`"),
        List.of("fuzz.csv"));
    IngestSpec spec = IngestSpec.of(config, source, IngestFixture.PSEUDONYMIZER, "fuzz", IngestFixture.RUN_STARTED);
    List<Row> checked = IngestTransforms.check(List.of(batch), spec)
        // A bad optional score is a field issue (the record is kept, the score nulled), a bad id or time a reason.
        .select(col(RawBatch.RECORD), transform(concat(col(CanonicalMapping.REASONS), col(CanonicalMapping.FIELD_ISSUES)),
                r -> r.getField("code")).as("codes"),
            col("score"), col("comment"))
        .collectAsList();

    assertEquals(RECORDS, checked.size(), "no record is dropped or duplicated");
    int quarantined = 0;
    for (Row r : checked) {
      long record = r.getLong(0);
      Set<String> codes = new TreeSet<>(r.getList(1));
      assertEquals(expected.get(record), codes, "record " + record + ": " + rows.get((int) record - 1));
      if (!r.isNullAt(2)) {
        double score = r.getDouble(2);
        assertTrue(score >= 0 && score <= 10, "an accepted score is within the scale");
      }
      if (!r.isNullAt(3)) {
        assertFalse(r.getString(3).chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'),
            "no control character reaches bronze text");
      }
      quarantined += codes.isEmpty() ? 0 : 1;
    }
    assertTrue(quarantined > RECORDS / 10 && quarantined < RECORDS, "the generator makes both good and bad records: " + quarantined);
  }

  @Property(tries = 1, seed = "7", edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
  void maskingLeavesNoPlantedAddressAndIsStableOnAnyText(@ForAll("locals") List<String> locals,
      @ForAll("fillers") List<String> fillers) {    List<Row> rows = new ArrayList<>();
    List<String> planted = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String email = locals.get(i) + "@example" + i + ".nl";
      planted.add(email);
      rows.add(RowFactory.create(fillers.get(2 * i) + " " + email + " " + fillers.get(2 * i + 1)));
    }
    rows.add(RowFactory.create("a".repeat(2_000_000)));
    planted.add(null);
    Dataset<Row> texts = io.luister.common.test.TestSpark.session().createDataFrame(rows, new StructType().add("t", "string"));
    List<Row> out = texts.select(TextMasking.mask(col("t"), List.of("acme")).as("m")).collectAsList();
    for (int i = 0; i < planted.size(); i++) {
      String m = out.get(i).getString(0);
      if (planted.get(i) != null) {
        assertFalse(m.contains("@example" + i + ".nl"), "e-mail left in: " + m);
        assertTrue(m.contains(TextMasking.EMAIL_MASK), m);
      } else {
        assertEquals(2_000_000, m.length(), "a long run without an address is left alone (and in linear time)");
      }
    }
    Set<String> again = texts.select(TextMasking.mask(TextMasking.mask(col("t"), List.of("acme")), List.of("acme")).as("m"))
        .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
    assertEquals(out.stream().map(r -> r.getString(0)).collect(Collectors.toSet()), again, "masking is idempotent");
  }
}
