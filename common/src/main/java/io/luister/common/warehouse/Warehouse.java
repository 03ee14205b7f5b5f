package io.luister.common.warehouse;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Luister's Delta tables live: {@code <root>/<layer>/<table>}, a local folder or an s3a:// URI.
 * All writes go through here so that every table is written the same way: as one Delta transaction that
 * replaces exactly the slice a run owns, which makes reruns idempotent and a killed run invisible.
 *
 * <p>Two runs on one warehouse at the same time (two periods) can commit to the same table at once. Delta's
 * optimistic concurrency then refuses one commit (a {@code DeltaConcurrentModificationException}: both created
 * the table, or both replaced the same partition); that write is simply done again on the new snapshot. Every
 * write here is a whole-slice replacement or a blind append, so doing it again is safe.
 */
public final class Warehouse {
  /** Attempts per write when a concurrent commit wins; with the back-off below, about half a minute in all. */
  static final int WRITE_ATTEMPTS = 6;
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
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
    retryingConflicts(path(layer, table), () -> {
      addMissingColumns(data.sparkSession(), layer, table, data.schema());
      data.write().format("delta").mode(SaveMode.Overwrite)
          .option("partitionOverwriteMode", "dynamic")
          .partitionBy(partitionColumns)
          .save(path(layer, table));
    });
  }

  /** Replaces the rows matching {@code predicate} with {@code data}, in one commit. */
  public void replaceWhere(Dataset<Row> data, Layer layer, String table, String predicate, String... partitionColumns) {
    SparkSession spark = data.sparkSession();
    retryingConflicts(path(layer, table), () -> {
      if (!exists(spark, layer, table)) {
        try {
          data.write().format("delta").mode(SaveMode.ErrorIfExists).partitionBy(partitionColumns).save(path(layer, table));
          return;
        } catch (RuntimeException e) {
          if (!exists(spark, layer, table)) {
            throw e;
          }
          // Another run created the table meanwhile: replace our slice in it, as below.
        }
      }
      addMissingColumns(spark, layer, table, data.schema());
      data.write().format("delta").mode(SaveMode.Overwrite)
          .option("replaceWhere", predicate)
          .save(path(layer, table));
    });
  }

  /**
   * A table written by an earlier version of Luister lacks the columns a later one writes (a new optional field
   * in bronze, a new column of a gold table): they are added to it, null in its old rows, before the write that
   * brings them. One metadata commit, once; the rows of other periods are kept as they are. Schema auto-merge
   * stays off, so this is the one place where a table's schema grows.
   */
  private void addMissingColumns(SparkSession spark, Layer layer, String table, StructType written) {
    if (!exists(spark, layer, table)) {
      return;
    }
    java.util.Set<String> present = java.util.Set.of(read(spark, layer, table).columns());
    List<String> added = new ArrayList<>();
    for (StructField field : written.fields()) {
      if (!present.contains(field.name())) {
        added.add("`" + field.name().replace("`", "``") + "` " + field.dataType().sql()
            + (field.getComment().isDefined() ? " COMMENT " + literal(field.getComment().get()) : ""));
      }
    }
    if (!added.isEmpty()) {
      LOG.info("{}.{}: adding the columns an earlier version did not write: {}", layer.name().toLowerCase(java.util.Locale.ROOT), table, added);
      spark.sql("ALTER TABLE delta.`" + path(layer, table).replace("`", "``") + "` ADD COLUMNS (" + String.join(", ", added) + ")");
    }
  }

  public void append(Dataset<Row> data, Layer layer, String table, String... partitionColumns) {
    retryingConflicts(path(layer, table),
        () -> data.write().format("delta").mode(SaveMode.Append).partitionBy(partitionColumns).save(path(layer, table)));
  }

  /** Deletes the rows matching {@code condition} in one Delta transaction (again on a concurrent commit). */
  public void delete(SparkSession spark, Layer layer, String table, org.apache.spark.sql.Column condition) {
    retryingConflicts(path(layer, table), () -> DeltaTable.forPath(spark, path(layer, table)).delete(condition));
  }

  /**
   * Gives a table its description (the Delta table comment that {@code DESCRIBE TABLE EXTENDED} and catalogs
   * show) and table properties, in one commit, and only when they differ: a rerun adds no version.
   */
  public void describe(SparkSession spark, Layer layer, String table, String description, Map<String, String> properties) {
    String path = path(layer, table);
    retryingConflicts(path, () -> {
      Row detail = DeltaTable.forPath(spark, path).detail().select("description", "properties").first();
      Map<String, String> current = detail.getJavaMap(1);
      Map<String, String> changed = new java.util.TreeMap<>();
      if (!description.equals(detail.isNullAt(0) ? null : detail.getString(0))) {
        changed.put("comment", description);
      }
      properties.forEach((key, value) -> {
        if (!value.equals(current.get(key))) {
          changed.put(key, value);
        }
      });
      if (!changed.isEmpty()) {
        StringBuilder sql = new StringBuilder("ALTER TABLE delta.`").append(path.replace("`", "``"))
            .append("` SET TBLPROPERTIES (");
        changed.forEach((key, value) -> sql.append(sql.charAt(sql.length() - 1) == '(' ? "" : ", ")
            .append(literal(key)).append(" = ").append(literal(value)));
        spark.sql(sql.append(")").toString());
      }
    });
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * Writes a checkpoint of the table's current version and deletes every log file before it, at once: the older
   * commits' {@code add} actions carry per-file statistics (a column's minimum and maximum, so a pseudonym or the
   * start of a text), and Delta itself only drops them after {@code delta.logRetentionDuration} (30 days), and
   * only when a later write makes a checkpoint. The checkpoint holds the live files only (and tombstones without
   * statistics), so after an erasure no version of the log still names the person. It ends time travel to the
   * versions before, like {@link #vacuumNow}, and must not run while another job writes the table.
   *
   * <p>Delta has no public API for this: it uses {@code DeltaLog.checkpoint} and {@code cleanUpExpiredLogs}, the
   * calls a write makes itself, with the cut-off one minute ahead of now (truncated to the minute) so that the
   * checkpoint just written is old enough to be the boundary; Delta never deletes that checkpoint or anything
   * after it. Pinned to the Delta version of the build (EraseTest fails if a new version behaves otherwise).
   */
  public void expireLogNow(SparkSession spark, Layer layer, String table) {
    org.apache.spark.sql.delta.DeltaLog log = org.apache.spark.sql.delta.DeltaLog.forTable(spark, path(layer, table));
    org.apache.spark.sql.delta.Snapshot snapshot = log.update(false, scala.Option.empty(), scala.Option.empty());
    log.checkpoint(snapshot, scala.Option.empty());
    log.cleanUpExpiredLogs(snapshot, scala.Option.empty(), scala.Option.apply((Object) Long.valueOf(-60_000L)),
        org.apache.spark.sql.delta.TruncationGranularity$.MODULE$.MINUTE());
  }

  /**
   * Removes the data files no current version references, at once (retention 0): after a delete this is what
   * makes it physical. It also ends time travel to the versions before, which is the point.
   */
  public void vacuumNow(SparkSession spark, Layer layer, String table) {
    withSettings(spark, Map.of("spark.databricks.delta.retentionDurationCheck.enabled", "false"),
        () -> DeltaTable.forPath(spark, path(layer, table)).vacuum(0.0));
  }

  /**
   * Removes the data files no version of the table's retention period (Delta's default: 7 days) references:
   * rows deleted now are physically gone after that period, while readers and time travel of the last days
   * keep working.
   */
  public void vacuum(SparkSession spark, Layer layer, String table) {
    withSettings(spark, Map.of(), () -> DeltaTable.forPath(spark, path(layer, table)).vacuum());
  }

  /** Runs {@code action} with {@code settings} (and a sane listing parallelism), then restores the session's. */
  private static void withSettings(SparkSession spark, Map<String, String> settings, Runnable action) {
    // Vacuum lists the table with spark.sql.sources.parallelPartitionDiscovery.parallelism tasks, 10,000 by
    // default: about a minute of empty tasks per small table on two cores. The cluster's parallelism is plenty.
    Map<String, String> all = new HashMap<>(settings);
    all.put("spark.sql.sources.parallelPartitionDiscovery.parallelism",
        String.valueOf(Math.max(1, spark.sparkContext().defaultParallelism())));
    Map<String, String> before = new HashMap<>();
    all.forEach((key, value) -> {
      before.put(key, spark.conf().contains(key) ? spark.conf().get(key) : null);
      spark.conf().set(key, value);
    });
    try {
      action.run();
    } finally {
      before.forEach((key, value) -> {
        if (value == null) {
          spark.conf().unset(key);
        } else {
          spark.conf().set(key, value);
        }
      });
    }
  }

  /** Runs a write, again when a concurrent commit made Delta refuse it (see the class comment). */
  static void retryingConflicts(String where, Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= WRITE_ATTEMPTS || !isConcurrentCommit(e)) {
          throw e;
        }
        long millis = (long) (250 * Math.pow(2, attempt - 1) * (0.5 + ThreadLocalRandom.current().nextDouble()));
        LOG.warn("{}: a concurrent commit won ({}); writing again in {} ms (attempt {} of {})", where,
            e.getClass().getSimpleName(), millis, attempt + 1, WRITE_ATTEMPTS);
        try {
          Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Delta's conflict exceptions all extend java.util.ConcurrentModificationException. */
  static boolean isConcurrentCommit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.util.ConcurrentModificationException) {
        return true;
      }
    }
    return false;
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
        // isDeltaTable, not only a _delta_log folder: a first write killed before its commit leaves the folder.
        if (status.isDirectory() && DeltaTable.isDeltaTable(spark, status.getPath().toString())) {
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
        String name = layer.folder() + ".`" + table + "`";
        // A session that served another warehouse before (tests share one) may hold the name for that one's
        // table: register it afresh. Dropping an external table drops only its name, never its files.
        spark.sql("DROP TABLE IF EXISTS " + name);
        spark.sql("CREATE TABLE " + name + " USING delta LOCATION '" + path(layer, table).replace("'", "\\'") + "'");
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
