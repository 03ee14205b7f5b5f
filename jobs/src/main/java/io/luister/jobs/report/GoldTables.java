package io.luister.jobs.report;

import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.analyses.ChannelMix;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.analyses.Reputation;
import io.luister.jobs.analyses.ShareOfVoice;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.silences.SilenceStage;
import io.luister.jobs.themes.ThemeTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The gold tables the report reads. A table the warehouse does not have (a program without a taxonomy has no
 * silences; a stage not yet run) is an empty frame of its schema, named in {@code missing}, so every section can
 * say "nothing found" instead of failing. A table written by an older version that lacks some of its schema's
 * columns gains them as typed nulls when read ({@link #withSchemaColumns}), so the report reads every column of
 * the schema without asking row by row whether it is there.
 */
public record GoldTables(Dataset<Row> channelMix, Dataset<Row> themes, Dataset<Row> silences, Dataset<Row> reputation,
    Dataset<Row> shareOfVoice, Dataset<Row> alerts, Dataset<Row> webcare, Dataset<Row> dataHealth,
    List<String> missing) {

  /**
   * The tables' rows of the period (gold.reputation: of the period and every earlier one, for the trend), each read
   * from Delta once and held on the driver as a local relation: gold tables are aggregates whose size per period is
   * bounded by brands, channels, platforms and categories (a few thousand rows), and the model queries each several
   * times, which on Delta costs a snapshot and a job per query.
   */
  public static GoldTables read(SparkSession spark, Warehouse warehouse, String period) {
    List<String> missing = new ArrayList<>();
    Reader r = (table, schema) -> {
      if (warehouse.exists(spark, Layer.GOLD, table)) {
        Dataset<Row> frame = warehouse.read(spark, Layer.GOLD, table);
        frame = table.equals(Reputation.TABLE) ? frame.filter(frame.col("period").leq(period))
            : frame.filter(frame.col("period").equalTo(period));
        frame = withSchemaColumns(frame, schema);
        return spark.createDataFrame(frame.collectAsList(), frame.schema());
      }
      missing.add("gold." + table);
      return empty(spark, schema);
    };
    return new GoldTables(r.read(ChannelMix.TABLE, ChannelMix.SCHEMA), r.read(ThemeTables.THEMES, ThemeTables.THEMES_SCHEMA),
        r.read(SilenceStage.TABLE, SilenceStage.SILENCES), r.read(Reputation.TABLE, Reputation.SCHEMA),
        r.read(ShareOfVoice.TABLE, ShareOfVoice.SCHEMA), r.read(EmergingIssues.TABLE, EmergingIssues.SCHEMA),
        r.read(Webcare.TABLE, Webcare.SCHEMA), r.read(SilenceStage.HEALTH_TABLE, SilenceStage.HEALTH),
        List.copyOf(missing));
  }

  /** Every table empty: a warehouse where nothing has been analysed yet. */
  public static GoldTables empty(SparkSession spark) {
    return new GoldTables(empty(spark, ChannelMix.SCHEMA), empty(spark, ThemeTables.THEMES_SCHEMA),
        empty(spark, SilenceStage.SILENCES), empty(spark, Reputation.SCHEMA), empty(spark, ShareOfVoice.SCHEMA),
        empty(spark, EmergingIssues.SCHEMA), empty(spark, Webcare.SCHEMA), empty(spark, SilenceStage.HEALTH), List.of());
  }

  static Dataset<Row> empty(SparkSession spark, StructType schema) {
    return spark.createDataFrame(List.of(), schema);
  }

  /**
   * {@code frame} with every column of {@code schema} it lacks added as a null of the column's type (an older
   * version wrote the table before the column existed); the columns it has stay as they are.
   */
  static Dataset<Row> withSchemaColumns(Dataset<Row> frame, StructType schema) {
    java.util.Set<String> present = java.util.Set.of(frame.columns());
    for (StructField field : schema.fields()) {
      if (!present.contains(field.name())) {
        frame = frame.withColumn(field.name(), functions.lit(null).cast(field.dataType()));
      }
    }
    return frame;
  }

  /** The same tables with one replaced (tests), its missing columns added as {@link #read} does. */
  public GoldTables with(String table, Dataset<Row> frame) {
    frame = withSchemaColumns(frame, SCHEMAS.getOrDefault(table, new StructType()));
    return new GoldTables(table.equals("channel_mix") ? frame : channelMix, table.equals("themes") ? frame : themes,
        table.equals("silences") ? frame : silences, table.equals("reputation") ? frame : reputation,
        table.equals("share_of_voice") ? frame : shareOfVoice, table.equals("alerts") ? frame : alerts,
        table.equals("webcare") ? frame : webcare, table.equals("data_health") ? frame : dataHealth, missing);
  }

  /** Each table's declared schema, by table name. */
  private static final Map<String, StructType> SCHEMAS = Map.of(ChannelMix.TABLE, ChannelMix.SCHEMA,
      ThemeTables.THEMES, ThemeTables.THEMES_SCHEMA, SilenceStage.TABLE, SilenceStage.SILENCES,
      Reputation.TABLE, Reputation.SCHEMA, ShareOfVoice.TABLE, ShareOfVoice.SCHEMA,
      EmergingIssues.TABLE, EmergingIssues.SCHEMA, Webcare.TABLE, Webcare.SCHEMA,
      SilenceStage.HEALTH_TABLE, SilenceStage.HEALTH);

  private interface Reader {
    Dataset<Row> read(String table, StructType schema);
  }
}
