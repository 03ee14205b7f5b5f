package io.luister.jobs.ops;

import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** ops.runs: an append-only log of every stage of every run, per source, with reconciled row counts. */
public final class RunLog {
  public static final String TABLE = "runs";
  static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("program", DataTypes.StringType, false)
      .add("stage", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, true)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, false)
      .add("seconds", DataTypes.DoubleType, false)
      .add("rows_read", DataTypes.LongType, false)
      .add("rows_accepted", DataTypes.LongType, false)
      .add("rows_quarantined", DataTypes.LongType, false)
      .add("rows_duplicate", DataTypes.LongType, false)
      .add("status", DataTypes.StringType, false)
      .add("message", DataTypes.StringType, true);

  private RunLog() {}

  public static void append(SparkSession spark, Warehouse warehouse, List<RunRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (RunRecord r : records) {
      rows.add(RowFactory.create(r.runId(), r.program(), r.stage(), r.source(), r.period(), r.startedAt(),
          r.finishedAt(), r.seconds(), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), r.rowsDuplicate(),
          r.status(), r.message()));
    }
    Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).coalesce(1);
    // Stages side by side in one JVM (cli/Pipeline) each append a line when they end. Taken one at a time, neither
    // append nor the auto compaction it may start meets a concurrent commit of the other, which the warehouse would
    // otherwise resolve by writing again after a back-off; a line is a moment's work, so waiting costs nothing.
    synchronized (RunLog.class) {
      warehouse.append(frame, Layer.OPS, TABLE);
    }
  }
}
