package io.luister.common.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Two writers on one warehouse at once: Delta refuses one of two conflicting commits; the write is redone. */
class WarehouseConcurrencyTest {
  private static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType).add("writer", DataTypes.StringType).add("n", DataTypes.IntegerType);

  private static Dataset<Row> rows(SparkSession spark, String period, String writer, int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(RowFactory.create(period, writer, i));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Test
  void twoRunsReplacingTheSamePartitionAtOnceLeaveExactlyOneWritersRows() throws Exception {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(TestSpark.tempDir("wh-concurrent").toString());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String writer : List.of("a", "b")) {
        done.add(pool.submit(() -> {
          for (int round = 0; round < 4; round++) {
            // Same partition (a real conflict), an own partition, a shared append-only log, a replaceWhere slice.
            warehouse.replacePartitions(rows(spark, "2026-Q3", writer, 5), Layer.SILVER, "shared", "period");
            warehouse.replacePartitions(rows(spark, "own-" + writer, writer, 3), Layer.SILVER, "shared", "period");
            warehouse.append(rows(spark, "2026-Q3", writer, 1), Layer.OPS, "log");
            warehouse.replaceWhere(rows(spark, "2026-Q3", writer, 2), Layer.GOLD, "slice", "period = '2026-Q3'", "period");
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Dataset<Row> shared = warehouse.read(spark, Layer.SILVER, "shared");
    List<Row> q3Writers = shared.filter("period = '2026-Q3'").select("writer").distinct().collectAsList();
    assertEquals(1, q3Writers.size(), "the contested partition holds one writer's rows, not a mix");
    assertEquals(5, shared.filter("period = '2026-Q3'").count());
    assertEquals(3, shared.filter("period = 'own-a'").count());
    assertEquals(3, shared.filter("period = 'own-b'").count());
    assertEquals(8, warehouse.read(spark, Layer.OPS, "log").count(), "no appended run record is lost");
    assertEquals(2, warehouse.read(spark, Layer.GOLD, "slice").count());
  }

  @Test
  void onlyConcurrentCommitsAreRetried() {
    assertTrue(Warehouse.isConcurrentCommit(new RuntimeException(new io.delta.exceptions.ConcurrentAppendException("x"))));
    assertFalse(Warehouse.isConcurrentCommit(new IllegalStateException("schema mismatch")));
    int[] calls = {0};
    try {
      Warehouse.retryingConflicts("t", () -> {
        calls[0]++;
        throw new IllegalStateException("not a conflict");
      });
    } catch (IllegalStateException expected) {
      // thrown at once
    }
    assertEquals(1, calls[0]);
  }
}
