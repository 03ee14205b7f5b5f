package io.luister.jobs.report;

import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.themes.ThemeStage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The report stage: reads the gold tables, builds the model once, writes the HTML and PDF per language. The
 * output is files on the local file system of the driver (where {@code run} is started), not the warehouse.
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
  public Result run(String period, List<String> languages, Path outputRoot) {
    long t0 = System.nanoTime();
    ReportModel model = ReportModels.build(GoldTables.read(spark, warehouse, period), period, config.brand().name(),
        config.competitors().stream().map(b -> b.name()).toList())
        .withThemesNotMeasured(themesNotMeasured(spark, warehouse, period));
    long t1 = System.nanoTime();
    ReportRenderer renderer = new ReportRenderer(categoryLabels(taxonomy), LocalDate.now(config.timezone()));
    List<ReportRenderer.Output> outputs = new ArrayList<>();
    for (String language : languages) {
      outputs.add(renderer.write(model, language, outputRoot.resolve(period)));
    }
    return new Result(model, outputs, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
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
