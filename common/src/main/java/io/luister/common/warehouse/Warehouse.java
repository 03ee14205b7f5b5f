package io.luister.common.warehouse;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Where Luister's Delta tables live: {@code <root>/<layer>/<table>}, a local folder or an s3a:// URI.
 * All writes go through here so that every table is written the same way: as one Delta transaction that
 * replaces exactly the slice a run owns, which makes reruns idempotent and a killed run invisible.
 */
public final class Warehouse {
  private final String root;

  public Warehouse(String root) {
    this.root = normalise(root);
  }

  public String root() {
    return root;
  }

  public String path(Layer layer, String table) {
    return root + "/" + layer.folder() + "/" + table;
  }

  public boolean exists(SparkSession spark, Layer layer, String table) {
    return DeltaTable.isDeltaTable(spark, path(layer, table));
  }

  public Dataset<Row> read(SparkSession spark, Layer layer, String table) {
    return spark.read().format("delta").load(path(layer, table));
  }

  /**
   * Replaces the partitions that {@code data} has rows for and leaves every other partition alone
   * (Delta dynamic partition overwrite: one atomic commit).
   */
  public void replacePartitions(Dataset<Row> data, Layer layer, String table, String... partitionColumns) {
    data.write().format("delta").mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(partitionColumns)
        .save(path(layer, table));
  }

  /** Replaces the rows matching {@code predicate} with {@code data}, in one commit. */
  public void replaceWhere(Dataset<Row> data, Layer layer, String table, String predicate, String... partitionColumns) {
    SparkSession spark = data.sparkSession();
    if (!exists(spark, layer, table)) {
      data.write().format("delta").mode(SaveMode.ErrorIfExists).partitionBy(partitionColumns).save(path(layer, table));
      return;
    }
    data.write().format("delta").mode(SaveMode.Overwrite)
        .option("replaceWhere", predicate)
        .save(path(layer, table));
  }

  public void append(Dataset<Row> data, Layer layer, String table, String... partitionColumns) {
    data.write().format("delta").mode(SaveMode.Append).partitionBy(partitionColumns).save(path(layer, table));
  }

  /** The Delta tables present in a layer, by name. */
  public List<String> tables(SparkSession spark, Layer layer) {
    List<String> names = new ArrayList<>();
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root + "/" + layer.folder());
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return names;
      }
      for (FileStatus status : fs.listStatus(dir)) {
        if (status.isDirectory() && fs.exists(new org.apache.hadoop.fs.Path(status.getPath(), "_delta_log"))) {
          names.add(status.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the warehouse at " + root, e);
    }
    names.sort(String::compareTo);
    return names;
  }

  /**
   * Makes every table addressable in SQL as {@code <layer>.<table>} (bronze.social, gold.silences, ...)
   * by registering it as an external table in the session catalog. Nothing is copied.
   */
  public void registerTables(SparkSession spark) {
    for (Layer layer : Layer.values()) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.folder());
      for (String table : tables(spark, layer)) {
        spark.sql("CREATE TABLE IF NOT EXISTS " + layer.folder() + ".`" + table + "` USING delta LOCATION '"
            + path(layer, table).replace("'", "\\'") + "'");
      }
    }
  }

  private static String normalise(String root) {
    String trimmed = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return trimmed;
    }
    return Path.of(trimmed).toAbsolutePath().normalize().toString();
  }
}
