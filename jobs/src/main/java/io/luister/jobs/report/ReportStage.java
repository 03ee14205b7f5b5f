package io.luister.jobs.report;

import static org.apache.spark.sql.functions.col;

import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.analyses.CriticalAuthors;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.silences.SilenceStage;
import io.luister.jobs.themes.ThemeTables;
import io.luister.jobs.themes.ThemeStage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The report stage: reads the gold tables, builds the model once, writes the HTML and PDF per language. The
 * report is files on the local file system of the driver (where {@code run} is started). It also writes
 * gold.action_list ({@link ActionList}): the one stage that runs after both the analyses and the silences, whose
 * tables the list combines, and which reads them already.
 */
public final class ReportStage {
  public static final String NAME = "report";

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Taxonomy taxonomy;
  private final Warehouse warehouse;

  public ReportStage(SparkSession spark, ProgramConfig config, Taxonomy taxonomy, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.taxonomy = taxonomy;
    this.warehouse = warehouse;
  }

  /**
   * @param modelSeconds reading the gold tables and building the model (Spark)
   * @param renderSeconds charts, HTML and PDF of every language (no Spark)
   */
  public record Result(ReportModel model, List<ReportRenderer.Output> outputs, double modelSeconds,
      double renderSeconds) {}

  /**
   * @param outputRoot the folder under which {@code <period>/} is created
   */
  public Result run(String period, List<String> languages, Path outputRoot, String runId) {
    long t0 = System.nanoTime();
    Taxonomy categories = taxonomy == null ? Taxonomy.NONE : taxonomy;
    Dataset<Row> actions = actionList(period, categories, runId);
    ReportModel model = ReportModels.build(GoldTables.read(spark, warehouse, period), period, config.brand().name(),
        config.competitors().stream().map(b -> b.name()).toList())
        .withThemesNotMeasured(themesNotMeasured(spark, warehouse, period))
        .withActions(ReportModels.actions(actions), categories.hasOwners());
    long t1 = System.nanoTime();
    ReportRenderer renderer = new ReportRenderer(categoryLabels(taxonomy), LocalDate.now(config.timezone()));
    List<ReportRenderer.Output> outputs = new ArrayList<>();
    for (String language : languages) {
      outputs.add(renderer.write(model, language, outputRoot.resolve(period)));
    }
    return new Result(model, outputs, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
  }

  /**
   * Computes gold.action_list of the period from the silences, alerts, critical authors, webcare and themes of the
   * period and the one before (for novelty), writes it (replacing the period) and returns it as a local frame.
   */
  Dataset<Row> actionList(String period, Taxonomy categories, String runId) {
    List<String> periods = List.of(Periods.previous(period), period);
    ActionList.Inputs inputs = new ActionList.Inputs(local(SilenceStage.TABLE, SilenceStage.SILENCES, periods),
        local(EmergingIssues.TABLE, EmergingIssues.SCHEMA, periods),
        local(CriticalAuthors.TABLE, CriticalAuthors.SCHEMA, periods), local(Webcare.TABLE, Webcare.SCHEMA, periods),
        local(ThemeTables.THEMES, ThemeTables.THEMES_SCHEMA, periods));
    Map<String, String> expectationCategories = new LinkedHashMap<>();
    config.expectations().stream().filter(e -> e.category() != null)
        .forEach(e -> expectationCategories.put(e.name(), e.category()));
    Dataset<Row> computed = ActionList.compute(inputs, ActionList.owners(spark, categories), expectationCategories,
        period, Periods.previous(period), config.brand().name(), runId);
    // A few hundred rows at most (findings of one quarter): held on the driver, written and shown from one result.
    Dataset<Row> rows = spark.createDataFrame(computed.collectAsList(), computed.schema());
    warehouse.replaceWhere(rows.coalesce(1), Layer.GOLD, ActionList.TABLE, "period = '" + period + "'", "period");
    return rows;
  }

  /** A gold table's rows of {@code periods} as a local frame of its schema; empty when the table does not exist. */
  private Dataset<Row> local(String table, StructType schema, List<String> periods) {
    if (!warehouse.exists(spark, Layer.GOLD, table)) {
      return GoldTables.empty(spark, schema);
    }
    Dataset<Row> frame = GoldTables.withSchemaColumns(warehouse.read(spark, Layer.GOLD, table)
        .filter(col("period").isInCollection(periods)), schema);
    return spark.createDataFrame(frame.collectAsList(), frame.schema());
  }

  /**
   * Why the period has no themes, when the latest successful themes run of the period found too little text
   * ({@link ThemeStage#NOT_MEASURED}: its ops.runs row counts the eligible items in rows_read); null otherwise.
   */
  public static ReportModel.ThemesNotMeasured themesNotMeasured(SparkSession spark, Warehouse warehouse, String period) {
    if (!warehouse.exists(spark, io.luister.common.warehouse.Layer.OPS, io.luister.jobs.ops.RunLog.TABLE)) {
      return null;
    }
    List<org.apache.spark.sql.Row> latest = warehouse.read(spark, io.luister.common.warehouse.Layer.OPS,
            io.luister.jobs.ops.RunLog.TABLE)
        .filter(org.apache.spark.sql.functions.col("stage").equalTo(ThemeStage.NAME)
            .and(org.apache.spark.sql.functions.col("period").equalTo(period))
            .and(org.apache.spark.sql.functions.col("status").equalTo(io.luister.jobs.ops.RunRecord.OK)))
        .orderBy(org.apache.spark.sql.functions.col("finished_at").desc())
        .select("message", "rows_read").limit(1).collectAsList();
    if (latest.isEmpty() || latest.get(0).isNullAt(0) || !latest.get(0).getString(0).startsWith(ThemeStage.NOT_MEASURED)) {
      return null;
    }
    return new ReportModel.ThemesNotMeasured(latest.get(0).getLong(1), ThemeStage.MIN_ITEMS);
  }

  /** Category id → language → label, from the taxonomy (empty without one: ids are shown readable). */
  public static Map<String, Map<String, String>> categoryLabels(Taxonomy taxonomy) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    if (taxonomy != null) {
      for (Category c : taxonomy.categories()) {
        labels.put(c.id(), c.labels());
      }
    }
    return labels;
  }
}
