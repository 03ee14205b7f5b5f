package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unify stage: every bronze source → {@code silver.feedback}, one row per feedback item in one
 * taxonomy, and {@code ops.taxonomy_coverage}. It processes the analysis period and its baseline periods
 * (so later stages always find the baseline in silver) and replaces exactly those partitions.
 */
public final class UnifyStage {
  private static final Logger LOG = LoggerFactory.getLogger(UnifyStage.class);
  public static final String NAME = "unify";
  public static final String TABLE = "feedback";

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Taxonomy taxonomy;
  private final Warehouse warehouse;

  public UnifyStage(SparkSession spark, ProgramConfig config, Taxonomy taxonomy, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.taxonomy = taxonomy;
    this.warehouse = warehouse;
  }

  /** The periods a run for {@code period} unifies: the period and the baseline before it. */
  public List<String> window(String period) {
    return Periods.window(period, config.baselinePeriods());
  }

  public record Result(long rowsIn, long rowsOut, List<Row> unclassifiedShares) {}

  public Result run(String period) {
    List<String> periods = window(period);
    Dataset<Row> feedback = null;
    for (SourceConfig source : config.sources()) {
      if (!warehouse.exists(spark, Layer.BRONZE, source.name())) {
        LOG.warn("unify: bronze.{} does not exist yet; run ingest first", source.name());
        continue;
      }
      Dataset<Row> bronze = warehouse.read(spark, Layer.BRONZE, source.name())
          .filter(col("period").isInCollection(periods));
      Dataset<Row> rows = FeedbackUnion.toFeedback(bronze, source, config);
      feedback = feedback == null ? rows : feedback.unionByName(rows);
    }
    if (feedback == null) {
      throw new io.luister.jobs.LuisterDataException("unify: there are no bronze tables; run ingest first");
    }
    TextFeatures text = TextFeatures.forProgram(config);
    // Persisted after the rules: the classifier's fit passes over the labelled rows several times.
    Dataset<Row> analysed = label(analyse(feedback, text), taxonomy, config, text)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Not persisted: written once, then counted and summarised from the table, which costs a scan of a few
      // columns instead of an in-memory copy of every row with its token arrays (docs/performance.md).
      warehouse.replacePartitions(classify(analysed, taxonomy, config), Layer.SILVER, TABLE, "period");
      Dataset<Row> unified = warehouse.read(spark, Layer.SILVER, TABLE).filter(col("period").isInCollection(periods));
      long rows = unified.count();
      // The coverage is a few hundred rows at most (UNMAPPED_PER_SOURCE per source and a handful more): computed
      // once into the driver, written from there, and its unclassified shares read from the same rows, instead of
      // a second query that read them back from the table.
      Dataset<Row> coverageQuery = TaxonomyCoverage.of(unified.filter(col("period").equalTo(period)));
      List<Row> coverage = coverageQuery.collectAsList();
      warehouse.replacePartitions(spark.createDataFrame(coverage, coverageQuery.schema()), Layer.OPS,
          TaxonomyCoverage.TABLE, "period");
      return new Result(rows, rows, TaxonomyCoverage.unclassifiedShares(coverage));
    } finally {
      analysed.unpersist();
    }
  }

  /** Language, normalised text and stemmed tokens of every item (the costly step: callers persist it). */
  public static Dataset<Row> analyse(Dataset<Row> feedback, TextFeatures text) {
    return feedback
        .withColumn("_analysis", text.analyze(col("text")))
        .withColumn("language", when(col("free_text"), col("_analysis.language")).otherwise(lit("unknown")))
        .withColumn("tokens", col("_analysis.tokens"))
        .withColumn("_normalized", col("_analysis.normalized"))
        .drop("_analysis");
  }

  /** Category assignment on analysed items: native mapping → rules → a classifier trained on those two. */
  public static Dataset<Row> assign(Dataset<Row> analysed, Taxonomy taxonomy, ProgramConfig config, TextFeatures text) {
    return classify(label(analysed, taxonomy, config, text), taxonomy, config);
  }

  /** Steps 1 and 2 of category assignment: the source's native category mapping, then the taxonomy's rules. */
  public static Dataset<Row> label(Dataset<Row> analysed, Taxonomy taxonomy, ProgramConfig config, TextFeatures text) {
    Dataset<Row> labelled = NativeCategories.assign(analysed, taxonomy, config.sources());
    return RuleCategories.assign(labelled, taxonomy, col("tokens"), col("_normalized"), text::stem, text::normalize);
  }

  /** Step 3: a classifier trained on what steps 1 and 2 labelled decides the open free text; then the combination. */
  public static Dataset<Row> classify(Dataset<Row> labelled, Taxonomy taxonomy, ProgramConfig config) {
    Column label = coalesce(col(NativeCategories.COLUMN), col(RuleCategories.COLUMN));
    Dataset<Row> training = labelled.filter(col("free_text").and(label.isNotNull())).withColumn("label", label);
    Optional<PipelineModel> model = CategoryModel.fit(training, config.unify().maxTrainingRows(), config.unify().seed());
    Column open = col("free_text").and(label.isNull()).and(size(col("tokens")).gt(0));
    Dataset<Row> scored;
    if (model.isPresent()) {
      Dataset<Row> toScore = CategoryModel.predict(model.get(), labelled.filter(open));
      Dataset<Row> rest = labelled.filter(not(open))
          .withColumn(CategoryModel.PREDICTED, lit(null).cast("string"))
          .withColumn(CategoryModel.CONFIDENCE, lit(null).cast("double"));
      scored = toScore.unionByName(rest);
    } else {
      scored = labelled.withColumn(CategoryModel.PREDICTED, lit(null).cast("string"))
          .withColumn(CategoryModel.CONFIDENCE, lit(null).cast("double"));
    }
    return CategoryAssignment.combine(scored, taxonomy, config.unify().confidenceThreshold())
        .drop(NativeCategories.COLUMN, RuleCategories.COLUMN, RuleCategories.HITS, CategoryModel.PREDICTED,
            CategoryModel.CONFIDENCE, "_normalized", "label");
  }
}
