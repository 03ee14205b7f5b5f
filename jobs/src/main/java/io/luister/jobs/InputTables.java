package io.luister.jobs;

import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.unify.UnifyStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables a stage reads that an earlier stage writes. A stage run before its input exists (on its own, or as an
 * Airflow task started out of order) finds the warehouse in a state it cannot process: a data error (exit 3) that
 * names the stage to run first, not Spark's "path does not exist", which would exit 4 and be retried as if the
 * cluster were flaky.
 */
public final class InputTables {
  private InputTables() {}

  /** silver.feedback, which unify writes, as the stage {@code readBy} reads it. */
  public static Dataset<Row> feedback(SparkSession spark, Warehouse warehouse, String readBy) {
    return read(spark, warehouse, Layer.SILVER, UnifyStage.TABLE, UnifyStage.NAME, readBy);
  }

  private static Dataset<Row> read(SparkSession spark, Warehouse warehouse, Layer layer, String table,
      String writtenBy, String readBy) {
    try {
      return warehouse.read(spark, layer, table);
    } catch (Exception e) {
      // Checked only when the read fails, so a stage whose input exists pays no extra Delta log lookup. (Exception:
      // Spark's AnalysisException is a checked exception that Scala code throws undeclared.)
      if (!warehouse.exists(spark, layer, table)) {
        throw new LuisterDataException(readBy + ": " + layer.folder() + "." + table + " does not exist yet in "
            + warehouse.root() + "; run " + writtenBy + " first", e);
      }
      throw e;
    }
  }
}
