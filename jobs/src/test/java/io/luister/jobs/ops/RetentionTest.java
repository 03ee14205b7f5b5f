package io.luister.jobs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.serve.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType).add("n", DataTypes.IntegerType);

  @Test
  void theOldestKeptQuarterCountsBackFromTheAnalysedOne() {
    assertEquals("2026-Q3", RetentionPolicy.oldestKept("2026-Q3", 1));
    assertEquals("2025-Q3", RetentionPolicy.oldestKept("2026-Q3", 5));
    assertEquals("2024-Q4", RetentionPolicy.oldestKept("2026-Q1", 6));
  }

  @Test
  void theCommandRemovesOnlyExpiredQuartersOfTheConfiguredLayersAndARerunChangesNothing() throws Exception {
    SparkSession spark = TestSpark.session();
    Path dir = TestSpark.tempDir("retention");
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString());
    List<Row> rows = new ArrayList<>();
    for (String period : List.of("2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2026-Q3", "*")) {
      rows.add(RowFactory.create(period, 1));
    }
    rows.add(RowFactory.create(null, 2));
    warehouse.replacePartitions(spark.createDataFrame(rows, SCHEMA), Layer.GOLD, "facts", "period");
    warehouse.append(spark.createDataFrame(rows, SCHEMA), Layer.OPS, "log");
    warehouse.replacePartitions(spark.createDataFrame(rows, SCHEMA), Layer.SILVER, "kept", "period");
    Files.writeString(dir.resolve("s.csv"), "id\n");
    Files.writeString(dir.resolve("p.yaml"), """
        program: retention
        brand: {name: Acme}
        pseudonymisation: {allow_development_key: true}
        baseline_periods: 2
        retention: {gold: 4, ops: 3}
        sources:
          - {name: nps, type: survey, path: s.csv, format: csv, mapping: {id: id, responded_at: at}}
        """);
    String[] args = {"retention", "--config", dir.resolve("p.yaml").toString(), "--warehouse", warehouse.root(),
        "--period", "2026-Q3"};
    CliRunner.Result result = CliRunner.run(args);
    assertEquals(0, result.code(), result.printed());

    assertEquals(List.of("*", "2026-Q3"), periods(spark, warehouse, Layer.GOLD, "facts"),
        "gold keeps 2025-Q4..2026-Q3, and the rows without a quarter");
    assertEquals(1, warehouse.read(spark, Layer.GOLD, "facts").filter("period IS NULL").count());
    assertEquals(List.of("*", "2026-Q3"), periods(spark, warehouse, Layer.OPS, "log"));
    assertEquals(7, warehouse.read(spark, Layer.SILVER, "kept").count(), "silver has no retention: kept whole");
    assertTrue(result.printed().contains("gold keeps 4 quarters (from 2025-Q4): 4 older rows removed"), result.printed());

    long versions = DeltaTable.forPath(spark, warehouse.path(Layer.GOLD, "facts")).history().count();
    assertEquals(0, CliRunner.run(args).code());
    assertEquals(versions, DeltaTable.forPath(spark, warehouse.path(Layer.GOLD, "facts")).history().count(),
        "a rerun finds nothing to remove and commits nothing");
  }

  private static List<String> periods(SparkSession spark, Warehouse warehouse, Layer layer, String table) {
    return warehouse.read(spark, layer, table).filter("period IS NOT NULL").select("period").distinct()
        .orderBy("period").as(Encoders.STRING()).collectAsList();
  }
}
