package io.luister.jobs.ingest;

import io.luister.jobs.AnalysisPeriod;
import java.util.List;

/**
 * What ingesting one source did. {@code rowsRead == rowsAccepted + rowsQuarantined} always holds;
 * duplicates are counted among the quarantined.
 *
 * @param quarters the quarters with accepted records, each with its first and last day (program time zone); empty
 *     when none was accepted
 * @param fieldIssues optional values of accepted records set to null (ops.field_issues)
 * @param withBrand accepted records that have a brand (social without brand rules: that unify will find one for)
 */
public record IngestResult(String source, long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsDuplicate,
    double seconds, List<AnalysisPeriod.QuarterData> quarters, long fieldIssues, long withBrand) {

  /** Above this share of accepted items without a brand, the console flags the source. */
  public static final double MAX_SHARE_WITHOUT_BRAND = io.luister.jobs.unify.FeedbackUnion.MAX_SHARE_WITHOUT_BRAND;

  /** Share of accepted items with a brand, or 1 when none was accepted. */
  public double brandCoverage() {
    return rowsAccepted == 0 ? 1.0 : (double) withBrand / rowsAccepted;
  }

  public boolean brandCoverageLow() {
    return rowsAccepted > 0 && (rowsAccepted - withBrand) / (double) rowsAccepted > MAX_SHARE_WITHOUT_BRAND;
  }

  /** For the console and the message of the source's ops.runs row. */
  public String brandAndFieldSummary() {
    return String.format(java.util.Locale.ROOT, "brand coverage %.1f %% (%,d of %,d accepted without a brand)%s; %,d field issue(s)",
        100 * brandCoverage(), rowsAccepted - withBrand, rowsAccepted,
        brandCoverageLow() ? " - more than 5 % without a brand: configure sources[].brand" : "", fieldIssues);
  }
}
