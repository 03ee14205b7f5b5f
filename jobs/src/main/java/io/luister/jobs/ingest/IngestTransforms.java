package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import io.luister.common.schema.CanonicalSchemas;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The pure part of ingestion: raw batches → checked records → accepted bronze rows and quarantine rows. */
public final class IngestTransforms {
  public static final String QUARANTINE_TABLE = "quarantine";

  private IngestTransforms() {}

  /** Every record read, mapped and validated, with its reasons (empty = accepted). */
  public static Dataset<Row> check(List<RawBatch> batches, IngestSpec spec) {
    Dataset<Row> canonical = batches.stream()
        .map(b -> CanonicalMapping.toCanonical(b, spec))
        .reduce((a, b) -> a.unionByName(b))
        .orElseThrow();
    return CanonicalMapping.withRawRecord(
        Deduplication.markDuplicates(canonical, CanonicalSchemas.naturalKey(spec.source().type(), spec.source().rowIds())), spec.maskingRules());
  }

  public static Column isAccepted() {
    return size(col(CanonicalMapping.REASONS)).equalTo(0);
  }

  public static Dataset<Row> accepted(Dataset<Row> checked) {
    return checked.filter(isAccepted()).drop(CanonicalMapping.REASONS, CanonicalMapping.RAW,
        CanonicalMapping.FIELD_ISSUES, CanonicalMapping.HAS_BRAND);
  }

  public static final String FIELD_ISSUES_TABLE = "field_issues";

  /**
   * The ops.field_issues rows of a source: one per optional field of an accepted record whose value was set to
   * null (a rating off its scale, a negative count, ...), with where it was and why. The message quotes the
   * value, masked when the message was made (CanonicalMapping's shortValue, with the full masking rules), so it is
   * not masked again here. A quarantined record's problems are all in ops.quarantine.
   */
  public static Dataset<Row> fieldIssues(Dataset<Row> checked, IngestSpec spec) {
    Column issue = col("issue");
    return checked.filter(isAccepted().and(size(col(CanonicalMapping.FIELD_ISSUES)).gt(0)))
        .select(col(RawBatch.FILE), col(RawBatch.RECORD), col("id"), col("_ingested_at"),
            explode(col(CanonicalMapping.FIELD_ISSUES)).as("issue"))
        .select(
            lit(spec.source().name()).as("source"),
            lit(spec.source().type().configName()).as("source_type"),
            col(RawBatch.FILE).as("input_file"),
            col(RawBatch.RECORD).as("record_number"),
            col("id").cast("string").as("item_id"),
            issue.getField("field").as("field"),
            issue.getField("code").as("issue_code"),
            issue.getField("message").as("issue"),
            lit(spec.runId()).as("run_id"),
            col("_ingested_at").as("recorded_at"));
  }

  /** The ops.quarantine rows of a source: where the record was, why it was refused, and what it said. */
  public static Dataset<Row> quarantined(Dataset<Row> checked, IngestSpec spec) {
    // A refused record's optional-field problems are listed after the reasons it was refused for.
    Column reasons = concat(col(CanonicalMapping.REASONS), col(CanonicalMapping.FIELD_ISSUES));
    return checked.filter(not(isAccepted())).select(
        lit(spec.source().name()).as("source"),
        lit(spec.source().type().configName()).as("source_type"),
        col(RawBatch.FILE).as("input_file"),
        col(RawBatch.RECORD).as("record_number"),
        col("id").cast("string").as("item_id"),
        element_at(reasons, 1).getField("code").as("reason_code"),
        array_join(transform(reasons, r -> r.getField("message")), "; ").as("reason"),
        reasons.as("reasons"),
        col(CanonicalMapping.RAW).as("raw_record"),
        lit(spec.runId()).as("run_id"),
        col("_ingested_at").as("quarantined_at"));
  }
}
