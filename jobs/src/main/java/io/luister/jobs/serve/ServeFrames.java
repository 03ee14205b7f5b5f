package io.luister.jobs.serve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Spark side of serving: which rows of a table are served, and in which shape. Pure: no I/O. */
public final class ServeFrames {
  public static final String PERIOD = "period";

  private ServeFrames() {}

  public static boolean hasPeriod(StructType schema) {
    return Arrays.asList(schema.fieldNames()).contains(PERIOD);
  }

  /** One period's rows, or every row when the table has no period column (or no period is asked for). */
  public static Dataset<Row> slice(Dataset<Row> table, String period) {
    return period != null && hasPeriod(table.schema()) ? table.filter(col(PERIOD).equalTo(lit(period))) : table;
  }

  /**
   * The same columns in the same order, nested ones (arrays, structs, maps) turned into JSON text with
   * Spark's to_json, so the driver streams flat rows and PostgreSQL / a spreadsheet get readable JSON.
   */
  public static Dataset<Row> forServing(Dataset<Row> table) {
    Column[] columns = new Column[table.schema().fields().length];
    for (int i = 0; i < columns.length; i++) {
      StructField f = table.schema().fields()[i];
      Column c = col("`" + f.name().replace("`", "``") + "`");
      columns[i] = (PgTypes.isNested(f.dataType()) ? to_json(c) : c).as(f.name());
    }
    return table.select(columns);
  }
}
