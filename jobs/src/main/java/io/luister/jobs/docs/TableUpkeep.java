package io.luister.jobs.docs;

import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage does to its tables after writing them: each carries its description as the Delta table comment
 * (catalogs and BI tools show it, as they show the column comments), and auto compaction, so small files that
 * accumulate in a period's partition are compacted right after the write that made them too many.
 */
public final class TableUpkeep {
  /** Delta's auto compaction: after a commit, OPTIMIZE the touched partitions once they hold many small files. */
  public static final Map<String, String> PROPERTIES = Map.of("delta.autoOptimize.autoCompact", "true");

  private TableUpkeep() {}

  /** Describes every insight table {@code stage} writes (those of {@link DataDictionary#TABLES}) that exists. */
  public static void afterStage(SparkSession spark, Warehouse warehouse, String stage) {
    for (DataDictionary.Table table : DataDictionary.TABLES) {
      Layer layer = Layer.valueOf(table.layer().toUpperCase(java.util.Locale.ROOT));
      if (table.stage().equals(stage) && warehouse.exists(spark, layer, table.name())) {
        warehouse.describe(spark, layer, table.name(), description(table), PROPERTIES);
      }
    }
  }

  static String description(DataDictionary.Table table) {
    return "Luister " + table.qualifiedName() + ": one row is " + table.row() + ". Written by the " + table.stage()
        + " stage, one slice per period (docs/DATA-DICTIONARY.md).";
  }
}
