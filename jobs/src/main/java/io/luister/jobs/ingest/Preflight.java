package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.unify.FeedbackUnion;
import io.luister.jobs.unify.TextFeatures;
import io.luister.jobs.unify.UnifyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The preflight of {@code bin/luister check} (and, after its ingest, of the sources {@code run} could not ingest
 * cleanly): each source's files are sniffed, their headers read and the first records of each file
 * ({@link #recordsPerFile}: 500 to 2,000) read, mapped and checked exactly as ingest would, so a wrong setting shows in
 * seconds with what to change, not after minutes.
 */
public final class Preflight {
  /** Records read per file, at most. */
  public static final int SAMPLE_RECORDS = 2_000;
  /**
   * Records read per source, about: a source of many files reads fewer of each ({@link #recordsPerFile}), so a
   * folder of monthly exports is judged by the start of every file without mapping 20,000 records (on the samples'
   * social folder of 15 files that was most of check's per-record work).
   */
  public static final int SAMPLE_RECORDS_PER_SOURCE = 6_000;
  /** Records read per file, at least (a file's first records are where a wrong setting shows). */
  public static final int MIN_SAMPLE_RECORDS_PER_FILE = 500;

  /** The first this many records of each of a source's {@code files} are read. */
  public static int recordsPerFile(int files) {
    int read = Math.max(1, Math.min(files, SourceReader.MAX_SAMPLE_FILES));
    return Math.max(MIN_SAMPLE_RECORDS_PER_FILE, Math.min(SAMPLE_RECORDS, SAMPLE_RECORDS_PER_SOURCE / read));
  }

  /**
   * What the sample of one source showed.
   *
   * @param refusal why ingest would refuse the source outright (unreadable file, missing column), or null
   * @param read records in the sample
   * @param quarantined of which quarantined
   * @param topReasons the commonest reasons: "CODE count (example message)"
   * @param columns the columns found in the files (of the first layout)
   * @param examples a few accepted records, mapped (texts already masked as in bronze)
   * @param brandShare accepted records with a brand, or -1 when the source type has no brand field
   * @param advice concrete changes to the config
   * @param limit the source's ingest.max_quarantine_share
   * @param attribution what unify would make of the accepted records: customers' items per brand and language
   */
  public record SourceCheck(String source, int files, String refusal, long read, long quarantined, List<String> topReasons,
      List<String> columns, List<String> examples, double brandShare, List<String> advice, double limit,
      Attribution attribution) {
    public double share() {
      return read == 0 ? 0 : quarantined / (double) read;
    }

    /** Whether ingest would refuse the source, outright or for its quarantined share. */
    public boolean fails() {
      return refusal != null || share() > limit;
    }

    /** Whether more than {@link FeedbackUnion#MAX_SHARE_WITHOUT_BRAND} of the sample's customer items have no brand. */
    public boolean brandCoverageLow() {
      return attribution != null && attribution.brandFromData()
          && attribution.unbrandedShare() > FeedbackUnion.MAX_SHARE_WITHOUT_BRAND;
    }
  }

  /**
   * The brand and language unify would give the sample's accepted records (customers' items: a brand's own posts
   * are left out, as in share of voice and data health).
   *
   * @param brandFromData whether the brand comes from the data at all ({@link FeedbackUnion#brandFromData}); when
   *     not, every item is the program's own brand by design and coverage is not a question
   * @param brands items per brand, most first; the key null counts the items without a brand
   * @param languages per detected language, the customers' free texts of the first {@link #LANGUAGE_SAMPLE}, most first
   * @param items customers' items in the sample
   * @param freeTextItems the free texts whose language was detected (at most {@link #LANGUAGE_SAMPLE}; none for page
   *     views, whose page paths are not text)
   */
  public record Attribution(boolean brandFromData, java.util.LinkedHashMap<String, Long> brands,
      java.util.LinkedHashMap<String, Long> languages, long items, long freeTextItems) {
    public double unbrandedShare() {
      return items == 0 ? 0 : brands.getOrDefault(null, 0L) / (double) items;
    }
  }

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Pseudonymizer pseudonymizer;

  public Preflight(SparkSession spark, ProgramConfig config, Pseudonymizer pseudonymizer) {
    this.spark = spark;
    this.config = config;
    this.pseudonymizer = pseudonymizer;
  }

  public SourceCheck check(SourceConfig source) {
    double limit = config.ingest().maxQuarantineShare(source.name());
    List<String> listed = new SourceReader(spark, true, SAMPLE_RECORDS).listFiles(source);
    int files = listed.size();
    SourceReader reader = new SourceReader(spark, true, recordsPerFile(files));
    List<RawBatch> batches;
    try {
      batches = reader.read(source, listed);
    } catch (LuisterDataException e) {
      return new SourceCheck(source.name(), files, e.getMessage(), 0, 0, List.of(), List.of(), List.of(), -1,
          List.of(), limit, null);
    }
    List<String> columns = new ArrayList<>();
    for (String c : batches.get(0).rows().columns()) {
      if (!c.startsWith("_")) {
        columns.add(c);
      }
    }
    IngestSpec spec = IngestSpec.of(config, source, pseudonymizer, "check", Instant.now());
    // The sample is bounded (SAMPLE_RECORDS per file, at most MAX_FILES files), so its checked rows are brought to
    // the driver once and every figure below is counted there; one job per figure cost seconds each. Persisted for
    // the second query, the brand and language that unify would give the accepted rows.
    Dataset<Row> checked = IngestTransforms.check(batches, spec).persist(StorageLevel.MEMORY_AND_DISK());
    List<String> shown = new ArrayList<>();
    for (String c : checked.columns()) {
      if (!c.startsWith("_") && source.mapping().containsKey(c)) {
        shown.add(c);
      }
    }
    boolean hasBrand = List.of(checked.columns()).contains("brand");
    List<Column> picked = new ArrayList<>();
    picked.add(col(CanonicalMapping.REASONS));
    picked.add(hasBrand ? col("brand") : lit(null).cast("string").as("brand"));
    for (String c : shown) {
      picked.add(col(c).cast("string").as(c));
    }
    List<Row> rows;
    Attribution attribution;
    try {
      rows = checked.select(picked.toArray(Column[]::new)).collectAsList();
      attribution = attribution(IngestTransforms.accepted(checked), source, config);
    } finally {
      checked.unpersist();
    }
    long read = rows.size();
    long accepted = 0;
    long withBrand = 0;
    long openQuotes = 0;
    java.util.Map<String, long[]> byCode = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> exampleOf = new java.util.HashMap<>();
    List<String> examples = new ArrayList<>();
    for (Row r : rows) {
      List<Row> reasons = r.getList(0);
      if (reasons.isEmpty()) {
        accepted++;
        withBrand += r.isNullAt(1) ? 0 : 1;
        if (examples.size() < 3) {
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < shown.size(); i++) {
            parts.add(shown.get(i) + "=" + shorten(r.getString(2 + i), 60));
          }
          examples.add(String.join(", ", parts));
        }
      } else {
        String code = reasons.get(0).getAs("code");
        byCode.computeIfAbsent(code, k -> new long[1])[0]++;
        exampleOf.putIfAbsent(code, reasons.get(0).getAs("message"));
        if (reasons.stream().anyMatch(x -> String.valueOf(x.<String>getAs("message")).contains("is not closed on this line"))) {
          openQuotes++;
        }
      }
    }
    List<java.util.Map.Entry<String, long[]>> ranked = new ArrayList<>(byCode.entrySet());
    ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
        : a.getKey().compareTo(b.getKey()));
    List<String> top = new ArrayList<>();
    for (var e : ranked.subList(0, Math.min(5, ranked.size()))) {
      top.add(String.format("%s %,d (e.g. %s)", e.getKey(), e.getValue()[0], shorten(exampleOf.get(e.getKey()), 160)));
    }
    double brandShare = hasBrand && accepted > 0 ? withBrand / (double) accepted : -1;
    List<String> advice = advice(source, read, openQuotes, ranked, exampleOf);
    return new SourceCheck(source.name(), files, null, read, read - accepted, top, columns, examples, brandShare, advice,
        limit, attribution);
  }

  /**
   * Free texts per source whose language check detects. Language detection (Lingua, in unify's text analysis) costs
   * about a third of a millisecond a text: on every accepted record of the samples (30,000 texts) it was 15 s of
   * check's CPU time; the mix of 1,000 texts is within a few points of the whole sample's.
   */
  public static final int LANGUAGE_SAMPLE = 1_000;

  /**
   * Customers' items per brand, as unify would make them from these bronze rows: the same code
   * ({@link FeedbackUnion#toFeedback}), so check cannot disagree with silver. A brand's own posts are left out, as in
   * share of voice and data health.
   *
   * @return brand, items
   */
  public static Dataset<Row> brands(Dataset<Row> accepted, SourceConfig source, ProgramConfig config) {
    return customers(accepted, source, config).groupBy(col("brand")).agg(count(lit(1)).as("items"));
  }

  /**
   * The language of the first {@code limit} customers' free texts, detected by unify's own text analysis
   * ({@link UnifyStage#analyse}).
   *
   * @return language, items
   */
  public static Dataset<Row> languages(Dataset<Row> accepted, SourceConfig source, ProgramConfig config, int limit) {
    Dataset<Row> texts = customers(accepted, source, config).filter(col("free_text")).limit(limit);
    return UnifyStage.analyse(texts, TextFeatures.forProgram(config)).groupBy(col("language"))
        .agg(count(lit(1)).as("items"));
  }

  private static Dataset<Row> customers(Dataset<Row> accepted, SourceConfig source, ProgramConfig config) {
    return FeedbackUnion.toFeedback(accepted, source, config).filter(not(coalesce(col("own_account"), lit(false))));
  }

  static Attribution attribution(Dataset<Row> accepted, SourceConfig source, ProgramConfig config) {
    java.util.Map<String, Long> brands = new java.util.HashMap<>();
    long items = 0;
    for (Row r : brands(accepted, source, config).collectAsList()) {
      items += r.getLong(1);
      brands.merge(r.getString(0), r.getLong(1), Long::sum);
    }
    java.util.Map<String, Long> languages = new java.util.HashMap<>();
    long texts = 0;
    for (Row r : languages(accepted, source, config, LANGUAGE_SAMPLE).collectAsList()) {
      texts += r.getLong(1);
      languages.merge(r.getString(0), r.getLong(1), Long::sum);
    }
    return new Attribution(FeedbackUnion.brandFromData(source), mostFirst(brands), mostFirst(languages), items, texts);
  }

  private static java.util.LinkedHashMap<String, Long> mostFirst(java.util.Map<String, Long> counts) {
    java.util.LinkedHashMap<String, Long> out = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(e -> String.valueOf(e.getKey())))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Concrete changes, from the reasons in the sample. */
  private static List<String> advice(SourceConfig source, long read, long openQuotes,
      List<java.util.Map.Entry<String, long[]>> ranked, java.util.Map<String, String> exampleOf) {
    List<String> advice = new ArrayList<>();
    if (read == 0) {
      return advice;
    }
    if (openQuotes > 0) {
      advice.add(String.format("%,d record(s) have a quote that is not closed on their line: if records span lines"
          + " (quoted line breaks), set options.multiline: true", openQuotes));
    }
    for (var e : ranked) {
      double share = e.getValue()[0] / (double) read;
      if (share < 0.01) {
        continue;
      }
      switch (e.getKey()) {
        case "DUPLICATE_ID" -> advice.add(source.rowIds()
            ? String.format("%.0f %% of the records share an id with another: the mapped"
                + " id column is not unique; map id to a column that is, or to several columns together", 100 * share)
            // Web statistics read as daily counts are keyed by day and page (term): repeats mean a finer export.
            : String.format("%.0f %% of the rows repeat a day and %s of another row: the export has one row per"
                + " visit, hit or search rather than per day; map id to the row's id column, several columns or"
                + " 'generated', and each row counts once (or by the mapped %s)", 100 * share,
                source.type() == io.luister.common.config.SourceType.WEB_SEARCH ? "search term" : "page",
                io.luister.common.schema.CanonicalSchemas.dailyCount(source.type()).orElse("count")));
        case "INVALID_TIMESTAMP" -> advice.add("dates do not match the configured patterns (e.g. "
            + shorten(exampleOf.get(e.getKey()), 120) + "): set options.timestamp_formats / date_formats to the export's pattern");
        case "INVALID_ENCODING" -> advice.add("text has bytes that are not " + source.options().encoding()
            + ": set options.encoding to the export's character set (often windows-1252)");
        case "EMPTY_TEXT" -> advice.add(String.format("%.0f %% of the records have no text in the mapped text column:"
            + " check that mapping names the column that holds the free text", 100 * share));
        case "MALFORMED_RECORD" -> advice.add(String.format("%.0f %% of the records cannot be parsed: check"
            + " options.delimiter, quote and multiline against the file", 100 * share));
        default -> { }
      }
    }
    return advice;
  }

  private static String shorten(String s, int max) {
    if (s == null) {
      return "null";
    }
    String one = s.replace("\n", "\\n").replace("\r", "\\r");
    return one.length() <= max ? one : one.substring(0, max) + "...";
  }
}
