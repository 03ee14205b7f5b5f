package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.jobs.LuisterDataException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The preflight of {@code bin/luister check} (and the first step of {@code run}): each source's files are
 * sniffed, their headers read and the first {@link #SAMPLE_RECORDS} records of each file read, mapped and
 * checked exactly as ingest would, so a wrong setting shows in seconds with what to change, not after minutes.
 */
public final class Preflight {
  /** Records read per file. */
  public static final int SAMPLE_RECORDS = 2_000;

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
   */
  public record SourceCheck(String source, int files, String refusal, long read, long quarantined, List<String> topReasons,
      List<String> columns, List<String> examples, double brandShare, List<String> advice, double limit) {
    public double share() {
      return read == 0 ? 0 : quarantined / (double) read;
    }

    /** Whether ingest would refuse the source, outright or for its quarantined share. */
    public boolean fails() {
      return refusal != null || share() > limit;
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
    SourceReader reader = new SourceReader(spark, true, SAMPLE_RECORDS);
    List<String> listed = reader.listFiles(source);
    int files = listed.size();
    List<RawBatch> batches;
    try {
      batches = reader.read(source, listed);
    } catch (LuisterDataException e) {
      return new SourceCheck(source.name(), files, e.getMessage(), 0, 0, List.of(), List.of(), List.of(), -1,
          List.of(), limit);
    }
    List<String> columns = new ArrayList<>();
    for (String c : batches.get(0).rows().columns()) {
      if (!c.startsWith("_")) {
        columns.add(c);
      }
    }
    IngestSpec spec = IngestSpec.of(config, source, pseudonymizer, "check", Instant.now());
    // One Spark job: the sample is bounded (SAMPLE_RECORDS per file, at most MAX_FILES files), so its checked rows
    // are brought to the driver once and every figure below is counted there; one job per figure cost seconds each.
    Dataset<Row> checked = IngestTransforms.check(batches, spec);
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
    List<Row> rows = checked.select(picked.toArray(Column[]::new)).collectAsList();
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
        limit);
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
        case "DUPLICATE_ID" -> advice.add(String.format("%.0f %% of the records share an id with another: the mapped"
            + " id column is not unique; map id to a column that is, or to several columns together", 100 * share));
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
