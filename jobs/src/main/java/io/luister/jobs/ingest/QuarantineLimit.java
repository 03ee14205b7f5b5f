package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.LuisterDataException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code ingest.max_quarantine_share}: a source that would lose more than this share of its records, in all or
 * in one period, is refused (exit 3) rather than ingested with a quiet hole in it. A share that high is almost
 * always a setting (delimiter, multiline, date pattern, id) and not a bad export; the diagnosis names the top
 * reasons so the setting can be found.
 */
public final class QuarantineLimit {
  /** A period with fewer records read is not judged on its own (it still counts in the source's overall share). */
  static final int MIN_PERIOD_RECORDS = 100;
  /** The columns of a per-period row given to {@link #diagnose}: records read and accepted. */
  static final String READ = "read";
  static final String ACCEPTED = "accepted";

  private QuarantineLimit() {}

  /** A source refused for its quarantined share; carries the counts for ops.runs. */
  public static final class Exceeded extends LuisterDataException {
    private final transient IngestResult result;

    Exceeded(String message, IngestResult result) {
      super(message);
      this.result = result;
    }

    public IngestResult result() {
      return result;
    }
  }

  /**
   * The diagnosis when the quarantined share of {@code checked} (overall, or in any period with records) is above
   * {@code limit}; null when it is not.
   *
   * @param byPeriod one row per period of {@code checked} ({@value CanonicalMapping#PERIOD}, {@value #READ},
   *     {@value #ACCEPTED}), counted by the caller with its other figures; {@code checked} is read again only to
   *     name the top reasons of a refusal
   */
  static String diagnose(List<Row> byPeriod, Dataset<Row> checked, String source, long read, long accepted,
      double limit) {
    if (read == 0) {
      return null;
    }
    double share = (read - accepted) / (double) read;
    List<String> over = new ArrayList<>();
    if (share > limit) {
      over.add(String.format("%.1f %% of all %,d records", 100 * share, read));
    }
    List<Row> periods = byPeriod.stream().filter(p -> p.getAs(CanonicalMapping.PERIOD) != null)
        .sorted(java.util.Comparator.comparing(p -> p.<String>getAs(CanonicalMapping.PERIOD))).toList();
    for (Row p : periods) {
      long pRead = p.<Long>getAs(READ);
      long pAccepted = p.<Long>getAs(ACCEPTED);
      double pShare = (pRead - pAccepted) / (double) pRead;
      // A period is judged on its own only when it is a real period of the export (something in it was accepted)
      // with enough records for a share to mean something: a stray record dated 1999 is a period of one, 100 %
      // quarantined. Smaller periods count in the overall share.
      if (pRead >= MIN_PERIOD_RECORDS && pAccepted > 0 && pShare > limit) {
        over.add(String.format("%.1f %% of %,d records in %s", 100 * pShare, pRead, p.<String>getAs(CanonicalMapping.PERIOD)));
      }
    }
    if (over.isEmpty()) {
      return null;
    }
    return "source '" + source + "' would lose " + String.join(", ", over) + " to quarantine, more than "
        + "ingest.max_quarantine_share " + limit + "; nothing of it was written to bronze. Top reasons: "
        + topReasons(checked) + ". Fix the source's settings (run bin/luister check for advice), or, if the export "
        + "really is that broken, raise ingest.max_quarantine_share_by_source." + source + " deliberately. "
        + "The refused records are in ops.quarantine (source = '" + source + "').";
  }

  private static String topReasons(Dataset<Row> checked) {
    List<String> parts = new ArrayList<>();
    for (Row r : checked.filter(org.apache.spark.sql.functions.not(IngestTransforms.isAccepted()))
        .select(element_at(col(CanonicalMapping.REASONS), 1).as("r"))
        .groupBy(col("r").getField("code").as("code"))
        .agg(count(lit(1)).as("n"), first(col("r").getField("message")).as("example"))
        .orderBy(col("n").desc(), col("code")).limit(3).collectAsList()) {
      parts.add(String.format("%s %,d (e.g. %s)", r.getString(0), r.getLong(1), r.getString(2)));
    }
    return String.join("; ", parts);
  }
}
