package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

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
    int files = reader.listFiles(source).size();
    List<RawBatch> batches;
    try {
      batches = reader.read(source);
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
    Dataset<Row> checked = IngestTransforms.check(batches, spec).cache();
    try {
      Row counts = checked.agg(count(lit(1)), count_if(IngestTransforms.isAccepted())).first();
      long read = counts.getLong(0);
      long quarantined = read - counts.getLong(1);
      List<Row> reasons = checked.filter(not(IngestTransforms.isAccepted()))
          .select(element_at(col(CanonicalMapping.REASONS), 1).as("r"))
          .groupBy(col("r").getField("code").as("code"))
          .agg(count(lit(1)).as("n"), first(col("r").getField("message")).as("example"))
          .orderBy(col("n").desc(), col("code")).limit(5).collectAsList();
      List<String> top = reasons.stream()
          .map(r -> String.format("%s %,d (e.g. %s)", r.getString(0), r.getLong(1), shorten(r.getString(2), 160))).toList();
      Dataset<Row> accepted = IngestTransforms.accepted(checked);
      List<String> examples = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (String c : accepted.columns()) {
        if (!c.startsWith("_") && !c.equals("text_truncated") && source.mapping().containsKey(c)) {
          shown.add(c);
        }
      }
      for (Row r : accepted.limit(3).collectAsList()) {
        List<String> parts = new ArrayList<>();
        for (String c : shown) {
          Object v = r.getAs(c);
          parts.add(c + "=" + (v == null ? "null" : shorten(String.valueOf(v), 60)));
        }
        examples.add(String.join(", ", parts));
      }
      double brandShare = -1;
      if (List.of(accepted.columns()).contains("brand") && counts.getLong(1) > 0) {
        brandShare = accepted.filter(col("brand").isNotNull()).count() / (double) counts.getLong(1);
      }
      List<String> advice = advice(source, checked, read, reasons);
      return new SourceCheck(source.name(), files, null, read, quarantined, top, columns, examples, brandShare, advice,
          limit);
    } finally {
      checked.unpersist();
    }
  }

  /** Concrete changes, from the reasons in the sample. */
  private List<String> advice(SourceConfig source, Dataset<Row> checked, long read, List<Row> reasons) {
    List<String> advice = new ArrayList<>();
    if (read == 0) {
      return advice;
    }
    Column messages = array_join(transform(col(CanonicalMapping.REASONS), r -> r.getField("message")), "; ");
    long openQuotes = source.options().multiline() ? 0
        : checked.filter(messages.contains("is not closed on this line")).count();
    if (openQuotes > 0) {
      advice.add(String.format("%,d record(s) have a quote that is not closed on their line: if records span lines"
          + " (quoted line breaks), set options.multiline: true", openQuotes));
    }
    for (Row r : reasons) {
      double share = r.getLong(1) / (double) read;
      if (share < 0.01) {
        continue;
      }
      switch (r.getString(0)) {
        case "DUPLICATE_ID" -> advice.add(String.format("%.0f %% of the records share an id with another: the mapped"
            + " id column is not unique; map id to a column that is, or to several columns together", 100 * share));
        case "INVALID_TIMESTAMP" -> advice.add("dates do not match the configured patterns (e.g. "
            + shorten(r.getString(2), 120) + "): set options.timestamp_formats / date_formats to the export's pattern");
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
