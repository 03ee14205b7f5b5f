package io.luister.jobs.ops;

import static org.apache.spark.sql.functions.col;

import io.luister.common.time.Periods;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StructType;

/** Which rows a layer's retention expires: those of quarters before the oldest one it keeps. */
public final class RetentionPolicy {
  private RetentionPolicy() {}

  /** The oldest quarter kept when {@code quarters} are kept, counted back from {@code period} (included). */
  public static String oldestKept(String period, int quarters) {
    return Periods.window(period, quarters - 1).get(0);
  }

  /**
   * The rows of a table that have expired: a {@code period} (yyyy-Qn) before {@code oldestKept}. Rows without a
   * quarter (ops.runs rows of commands that span periods, '*') never expire. Empty for a table without a period.
   */
  public static Optional<Column> expired(StructType schema, String oldestKept) {
    if (!java.util.List.of(schema.fieldNames()).contains("period")) {
      return Optional.empty();
    }
    // yyyy-Qn sorts as text in time order.
    return Optional.of(col("period").rlike("^[0-9]{4}-Q[1-4]$").and(col("period").lt(oldestKept)));
  }
}
