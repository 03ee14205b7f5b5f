package io.luister.jobs.ingest;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.ingest.HostileCorpus.CaseView;
import io.luister.jobs.ingest.HostileCorpus.RecordCase;
import io.luister.jobs.ingest.HostileCorpus.RefusedCase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the hostile-input corpus ({@link HostileCorpus}): the run finishes, each bad record is
 * quarantined with the expected reason, and read = accepted + quarantined, per file and per source. The
 * corpus is read and checked once per shared source (five in all), then each case looks at its own files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  private final Map<String, Long> reads = new HashMap<>();
  private final Map<String, List<Row>> bronze = new HashMap<>();
  private final Map<String, List<Row>> quarantine = new HashMap<>();

  @BeforeAll
  void ingestTheCorpusOnce() {
    IngestFixture f = new IngestFixture();
    for (RecordCase c : HostileCorpus.recordCases()) {
      c.files().forEach(f::bytes);
    }
    ProgramConfig config = f.config(HostileCorpus.SOURCES);
    for (String name : HostileCorpus.SHARED_SOURCES) {
      // The stage's own reader and transformations, without its Delta writes (IngestStageTest covers those):
      // ten Delta commits would triple this class's time on a shared 2-core machine.
      SourceConfig source = config.source(name).orElseThrow();
      IngestSpec spec = IngestSpec.of(config, source, IngestFixture.PSEUDONYMIZER, "test-run", IngestFixture.RUN_STARTED);
      Dataset<Row> checked = IngestTransforms.check(new SourceReader(f.spark).read(source), spec)
          .persist(StorageLevel.MEMORY_AND_DISK());
      List<Row> accepted = IngestTransforms.accepted(checked).collectAsList();
      List<Row> refused = IngestTransforms.quarantined(checked, spec).orderBy("input_file", "record_number").collectAsList();
      long read = checked.count();
      checked.unpersist();
      reads.put(name, read);
      bronze.put(name, accepted);
      quarantine.put(name, refused);
    }
  }

  static Stream<RecordCase> recordCases() {
    return HostileCorpus.recordCases().stream();
  }

  static Stream<RefusedCase> refusedCases() {
    return HostileCorpus.refusedCases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordCases")
  void everyRecordIsAcceptedOrQuarantinedWithItsReason(RecordCase c) {
    List<String> names = c.files().keySet().stream().map(HostileInputTest::fileName).toList();
    List<Row> accepted = bronze.get(c.source()).stream()
        .filter(r -> names.contains(fileName(r.getAs(RawBatch.FILE)))).toList();
    List<Row> quarantined = quarantine.get(c.source()).stream()
        .filter(r -> names.contains(fileName(r.getAs("input_file")))).toList();
    Map<Integer, String> reasons = new TreeMap<>();
    for (Row q : quarantined) {
      reasons.put((int) (long) q.<Long>getAs("record_number"), q.getAs("reason_code"));
    }
    assertEquals(new TreeMap<>(c.reasons()), reasons, c.name() + ": reason code per record; quarantine: " + quarantined);
    assertEquals(c.records(), accepted.size() + quarantined.size(), c.name() + ": read = accepted + quarantined");
    for (Row q : quarantined) {
      assertFalse(q.<String>getAs("reason").isBlank(), "every quarantined record says why");
    }
    if (c.check() != null) {
      c.check().accept(new CaseView(accepted, quarantined));
    }
  }

  @Test
  void everySharedSourceReconcilesAndNoRecordGoesUnaccounted() {
    for (String source : HostileCorpus.SHARED_SOURCES) {
      int expected = HostileCorpus.recordCases().stream().filter(c -> c.source().equals(source)).mapToInt(RecordCase::records).sum();
      assertEquals(expected, reads.get(source), source + ": every record of every case file is read, none vanishes");
      assertEquals((long) reads.get(source), bronze.get(source).size() + quarantine.get(source).size(),
          source + ": read = accepted + quarantined");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCases")
  void anUnusableSourceIsRefusedWithAMessageNamingTheFileAndTheProblem(RefusedCase c) {
    IngestFixture f = new IngestFixture();
    c.files().forEach(f::bytes);
    ProgramConfig config = f.config(c.sourceYaml());
    LuisterDataException e = assertThrows(LuisterDataException.class, () -> f.ingest(config, "refused"));
    for (String part : c.message()) {
      assertTrue(e.getMessage().contains(part), c.name() + ": expected '" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void aParquetColumnChangingTypeBetweenFilesIsParsedPerFileNotMisread() {
    IngestFixture f = new IngestFixture();
    f.spark.sql("SELECT DATE'2026-07-01' AS day, '/tarieven' AS page, 12L AS views").coalesce(1)
        .write().parquet(f.dir.resolve("pv/a").toString());
    f.spark.sql("SELECT '2026-07-02' AS day, '/tarieven' AS page, '13' AS views UNION ALL "
            + "SELECT '2026-07-03', '/storing', 'veel'").coalesce(1)
        .write().parquet(f.dir.resolve("pv/b").toString());
    ProgramConfig config = f.config("""
        - name: pageviews
          type: web_pageviews
          path: pv
          format: parquet
          mapping: {date: day, page: page, views: views}
        """);
    SourceConfig source = config.source("pageviews").orElseThrow();
    IngestSpec spec = IngestSpec.of(config, source, IngestFixture.PSEUDONYMIZER, "test-run", IngestFixture.RUN_STARTED);
    Dataset<Row> checked = IngestTransforms.check(new SourceReader(f.spark).read(source), spec);
    List<Row> accepted = IngestTransforms.accepted(checked).orderBy("date").collectAsList();
    assertEquals(List.of(12L, 13L), accepted.stream().map(r -> r.<Long>getAs("views")).toList());
    assertEquals(List.of("INVALID_NUMBER"), IngestTransforms.quarantined(checked, spec).select("reason_code")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void aDailyCountMayNotBeEmptyAndRepeatsADayAndPageOnlyOnceWhileAnExportOfHitsCountsEachRow() {
    IngestFixture f = new IngestFixture();
    f.spark.sql("SELECT '2026-07-01' AS day, '/tarieven' AS page, '' AS views, 'h1' AS hit UNION ALL "
            + "SELECT '2026-07-01', '/tarieven', '3', 'h2' UNION ALL SELECT '2026-07-01', '/tarieven', '2', 'h3'")
        .coalesce(1).write().parquet(f.dir.resolve("hits").toString());
    String web = """
        - name: pageviews
          type: web_pageviews
          path: hits
          format: parquet
          mapping: {date: day, page: page, %s}
        """;
    // Read as daily counts: the empty count is refused, the second count of the same day and page is a duplicate.
    Dataset<Row> daily = check(f, f.config(web.formatted("views: views")));
    assertEquals(List.of(3L), IngestTransforms.accepted(daily).select("views").as(Encoders.LONG()).collectAsList());
    assertEquals(List.of("DUPLICATE_ID", "MISSING_REQUIRED"), IngestTransforms.quarantined(daily, spec(f.config(
        web.formatted("views: views")))).select("reason_code").orderBy("reason_code").as(Encoders.STRING()).collectAsList());
    // Read as hits (id mapped, no count): every row is one view.
    Dataset<Row> hits = check(f, f.config(web.formatted("id: hit")));
    assertEquals(List.of("h1", "h2", "h3"), IngestTransforms.accepted(hits).orderBy("id").select("id")
        .as(Encoders.STRING()).collectAsList());
    assertEquals(List.of(1L, 1L, 1L), IngestTransforms.accepted(hits).select("views").as(Encoders.LONG()).collectAsList());
  }

  private static IngestSpec spec(ProgramConfig config) {
    return IngestSpec.of(config, config.sources().get(0), IngestFixture.PSEUDONYMIZER, "test-run", IngestFixture.RUN_STARTED);
  }

  private static Dataset<Row> check(IngestFixture f, ProgramConfig config) {
    return IngestTransforms.check(new SourceReader(f.spark).read(config.sources().get(0)), spec(config));
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
