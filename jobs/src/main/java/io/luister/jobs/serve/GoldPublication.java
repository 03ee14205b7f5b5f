package io.luister.jobs.serve;

import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The wiring of {@code luister publish}: every gold table's slice for one period, read through the
 * warehouse and streamed to the driver partition by partition ({@code toLocalIterator}), never collected.
 */
public final class GoldPublication {
  public static final String STAGE = "publish";

  private GoldPublication() {}

  public static List<PostgresPublisher.Table> tables(SparkSession spark, Warehouse warehouse, String period) {
    List<PostgresPublisher.Table> tables = new ArrayList<>();
    for (String name : warehouse.tables(spark, Layer.GOLD)) {
      Dataset<Row> table = warehouse.read(spark, Layer.GOLD, name);
      boolean byPeriod = ServeFrames.hasPeriod(table.schema());
      Dataset<Row> served = ServeFrames.forServing(ServeFrames.slice(table, period));
      tables.add(new PostgresPublisher.Table(name, table.schema(), byPeriod, served::toLocalIterator));
    }
    return tables;
  }
}
