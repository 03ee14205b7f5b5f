package io.luister.common.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.luister.common.test.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Table comments and properties, and the auto compaction every Luister table gets. */
class WarehouseDescribeTest {
  private static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType).add("n", DataTypes.IntegerType);

  private static Dataset<Row> rows(SparkSession spark, String period, int n) {
    return spark.createDataFrame(List.of(RowFactory.create(period, n)), SCHEMA);
  }

  private static Row detail(SparkSession spark, Warehouse warehouse, Layer layer, String table) {
    return DeltaTable.forPath(spark, warehouse.path(layer, table)).detail().first();
  }

  private static long versions(SparkSession spark, Warehouse warehouse, Layer layer, String table) {
    return DeltaTable.forPath(spark, warehouse.path(layer, table)).history().count();
  }

  @Test
  void describeSetsTheCommentAndPropertiesOnceAndARewriteKeepsThem() {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(TestSpark.tempDir("wh-describe").toString());
    warehouse.replaceWhere(rows(spark, "2026-Q3", 1), Layer.GOLD, "t", "period = '2026-Q3'", "period");
    String description = "Luister gold.t: one row is 'a test', with a \\ and a ; in it.";
    warehouse.describe(spark, Layer.GOLD, "t", description, Map.of("luister.test", "yes"));
    long after = versions(spark, warehouse, Layer.GOLD, "t");
    warehouse.describe(spark, Layer.GOLD, "t", description, Map.of("luister.test", "yes"));
    assertEquals(after, versions(spark, warehouse, Layer.GOLD, "t"), "describing again adds no version");

    warehouse.replaceWhere(rows(spark, "2026-Q3", 2), Layer.GOLD, "t", "period = '2026-Q3'", "period");
    Row detail = detail(spark, warehouse, Layer.GOLD, "t");
    assertEquals(description, detail.getAs("description"), "the period's rewrite keeps the comment");
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertEquals("yes", properties.get("luister.test"));
    assertEquals("true", properties.get("delta.autoOptimize.autoCompact"), "every new table gets auto compaction");
  }

  @Test
  void smallFilesFromAppendsAreCompactedAfterTheWriteThatMadeThemTooMany() {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(TestSpark.tempDir("wh-compact").toString());
    String minFiles = "spark.databricks.delta.autoCompact.minNumFiles";
    spark.conf().set(minFiles, "3");  // the default, 50, would need 50 appends
    try {
      for (int i = 0; i < 3; i++) {
        warehouse.append(rows(spark, "2026-Q3", i), Layer.OPS, "log");
      }
    } finally {
      spark.conf().unset(minFiles);
    }
    Row detail = detail(spark, warehouse, Layer.OPS, "log");
    assertEquals(1L, (long) detail.getAs("numFiles"), "three one-row files compacted into one");
    assertEquals(3, warehouse.read(spark, Layer.OPS, "log").count(), "no row lost or doubled");
    assertTrue(DeltaTable.forPath(spark, warehouse.path(Layer.OPS, "log")).history()
        .filter("operation = 'OPTIMIZE'").count() >= 1, "an OPTIMIZE commit did it");
  }
}
