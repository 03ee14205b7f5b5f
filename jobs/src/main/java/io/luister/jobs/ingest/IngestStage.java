package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.AnalysisPeriod;
import io.luister.jobs.ops.RunRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: each source's files → {@code bronze.<source>} (partitioned by period) and
 * {@code ops.quarantine}. Every run reads a source's whole history and replaces the periods it has rows
 * for, so a rerun never duplicates; the counts are reconciled (read = accepted + quarantined).
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);
  public static final String NAME = "ingest";
  private static final Object QUARANTINE_LOCK = new Object();

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Warehouse warehouse;
  private final Pseudonymizer pseudonymizer;
  private final String runId;
  private final Instant runStartedAt;

  public IngestStage(SparkSession spark, ProgramConfig config, Warehouse warehouse, Pseudonymizer pseudonymizer,
      String runId, Instant runStartedAt) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.pseudonymizer = pseudonymizer;
    this.runId = runId;
    this.runStartedAt = runStartedAt;
  }

  public IngestResult ingest(SourceConfig source) {
    long start = System.nanoTime();
    IngestSpec spec = IngestSpec.of(config, source, pseudonymizer, runId, runStartedAt);
    List<RawBatch> batches = new SourceReader(spark).read(source);
    Dataset<Row> checked = IngestTransforms.check(batches, spec).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column day = AnalysisPeriod.localDay(source, config);
      // One aggregation for every figure: a row per period (a few dozen at most), summed here, and the same rows
      // judge each period's quarantined share.
      Column accepted = IngestTransforms.isAccepted();
      List<Row> byPeriod = checked.groupBy(col(CanonicalMapping.PERIOD)).agg(
          count(lit(1)).as(QuarantineLimit.READ),
          count_if(accepted).as(QuarantineLimit.ACCEPTED),
          count_if(array_contains(col(CanonicalMapping.REASONS).getField("code"), QuarantineReason.DUPLICATE_ID.name()))
              .as("duplicates"),
          min(when(accepted, day)).as("first_day"),
          max(when(accepted, day)).as("last_day"),
          sum(when(accepted, size(col(CanonicalMapping.FIELD_ISSUES))).otherwise(0)).as("field_issues"),
          count_if(accepted.and(col(CanonicalMapping.HAS_BRAND))).as("with_brand")).collectAsList();
      long read = 0;
      long acceptedCount = 0;
      long duplicates = 0;
      List<AnalysisPeriod.QuarterData> quarters = new java.util.ArrayList<>();
      long fieldIssues = 0;
      long withBrand = 0;
      for (Row p : byPeriod) {
        read += p.<Long>getAs(QuarantineLimit.READ);
        acceptedCount += p.<Long>getAs(QuarantineLimit.ACCEPTED);
        duplicates += p.<Long>getAs("duplicates");
        java.sql.Date periodFirstDay = p.getAs("first_day");
        java.sql.Date periodLastDay = p.getAs("last_day");
        if (periodLastDay != null) {   // null: nothing of the period accepted
          quarters.add(new AnalysisPeriod.QuarterData(p.getAs(CanonicalMapping.PERIOD), periodFirstDay.toLocalDate(),
              periodLastDay.toLocalDate()));
        }
        Number periodFieldIssues = p.getAs("field_issues");
        fieldIssues += periodFieldIssues == null ? 0 : periodFieldIssues.longValue();
        withBrand += p.<Long>getAs("with_brand");
      }

      String overLimit = QuarantineLimit.diagnose(byPeriod, checked, source.name(), read, acceptedCount,
          config.ingest().maxQuarantineShare(source.name()));
      // The quarantine and the field issues are written also for a refused source: they are where the user looks
      // to see why. One writer at a time: sources are ingested side by side, and two first writes would both try
      // to create a table (DELTA_PATH_EXISTS). Both tables are small; waiting for them costs little.
      synchronized (QUARANTINE_LOCK) {
        warehouse.replaceWhere(IngestTransforms.quarantined(checked, spec), Layer.OPS, IngestTransforms.QUARANTINE_TABLE,
            "source = '" + source.name() + "'", "source");
        warehouse.replaceWhere(IngestTransforms.fieldIssues(checked, spec), Layer.OPS,
            IngestTransforms.FIELD_ISSUES_TABLE, "source = '" + source.name() + "'", "source");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      IngestResult result = new IngestResult(source.name(), read, acceptedCount, read - acceptedCount, duplicates, seconds, List.copyOf(quarters),
          fieldIssues, withBrand);
      if (overLimit != null) {
        throw new QuarantineLimit.Exceeded(overLimit, result);
      }
      warehouse.replacePartitions(IngestTransforms.accepted(checked), Layer.BRONZE, source.name(), CanonicalMapping.PERIOD);
      LOG.info("ingest {}: read {}, accepted {}, quarantined {} (duplicates {}) in {} s", source.name(), read, acceptedCount,
          read - acceptedCount, duplicates, String.format("%.1f", seconds));
      return result;
    } finally {
      checked.unpersist();
    }
  }

  public RunRecord toRunRecord(IngestResult r, String period, Instant startedAt) {
    Instant finished = startedAt.plusMillis((long) (r.seconds() * 1000));
    return new RunRecord(runId, config.program(), NAME, r.source(), period, Timestamp.from(startedAt),
        Timestamp.from(finished), r.seconds(), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), r.rowsDuplicate(),
        RunRecord.OK, r.brandAndFieldSummary());
  }
}
