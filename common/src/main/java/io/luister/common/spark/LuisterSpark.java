package io.luister.common.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every Luister job and test uses, so Delta, time zone and execution settings are
 * the same everywhere. Extra settings (a cluster master, s3a endpoint) come from the program config's
 * {@code spark:} section or the command line and override these defaults.
 */
public final class LuisterSpark {

  private LuisterSpark() {}

  public static SparkSession.Builder builder(String appName, String master, Map<String, String> extraConf) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (master != null) {
      b.master(master);
    }
    b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // All timestamps are stored in UTC; sources say their own zone, and periods use the program's zone.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        // Spark 4 limits CSV/JSON charsets to a short list; real exports are often windows-1252.
        .config("spark.sql.legacy.javaCharsets", "true")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
        // Every table Luister creates compacts its small files after the write that made them too many
        // (ops.runs grows by one small append per stage).
        .config("spark.databricks.delta.properties.defaults.autoOptimize.autoCompact", "true")
        // Delta's optimized writes: rows are shuffled by partition into files of a good size before they are
        // written, so a partitioned table is written once with few files per partition, instead of one small
        // file per task and partition that auto compaction then reads and writes again (docs/performance.md).
        .config("spark.databricks.delta.optimizeWrite.enabled", "true")
        // A task writes the rows of up to this many partitions (periods) through open files at once, instead of
        // first sorting its rows by partition: after the optimized write's shuffle a task holds one or a few
        // periods, and the sort only buffered (at 10M items: spilled) them. More partitions fall back to the sort.
        .config("spark.sql.maxConcurrentOutputFileWriters", "8")
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    if (master != null && master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 4 * Runtime.getRuntime().availableProcessors())))
          .config("spark.databricks.delta.snapshotPartitions", "4");
    }
    extraConf.forEach(b::config);
    return b;
  }

  /** The settings shared tests use: small, quiet and fast. */
  public static Map<String, String> testConf() {
    return Map.of(
        "spark.ui.enabled", "false",
        "spark.sql.shuffle.partitions", "2",
        "spark.default.parallelism", "2",
        "spark.databricks.delta.snapshotPartitions", "2",
        "spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2",
        "spark.databricks.delta.delete.deletionVectors.persistent", "false");
  }
}
