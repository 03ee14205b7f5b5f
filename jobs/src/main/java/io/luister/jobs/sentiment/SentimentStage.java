package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.InputTables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sentiment stage: the free-text items of {@code silver.feedback} → {@code silver.sentiment}, one row per
 * item, for the analysis period and its baseline periods (later analyses compare against the baseline), replacing
 * exactly those partitions. Method: {@link SentimentAnalysis}, docs/SENTIMENT.md; the intent columns:
 * {@link IntentClassifier}, docs/INTENTS.md.
 */
public final class SentimentStage {
  public static final String NAME = "sentiment";
  public static final String TABLE = "sentiment";

  /** The table's schema; another stage's analyses read these names. */
  public static final StructType SCHEMA = new StructType()
      .add(DataTypes.createStructField("period", DataTypes.StringType, false)
          .withComment("Quarter of the feedback item (yyyy-Qn), the partition"))
      .add(DataTypes.createStructField("feedback_id", DataTypes.StringType, false)
          .withComment("The item in silver.feedback (<source>:<id>)"))
      .add(DataTypes.createStructField(SentimentAnalysis.SENTIMENT, DataTypes.StringType, false)
          .withComment("negative, neutral or positive"))
      .add(DataTypes.createStructField(SentimentAnalysis.SCORE, DataTypes.DoubleType, false)
          .withComment("Strength from -1 (most negative) to 1 (most positive): 2p-1 of a score, P(pos)-P(neg) of the model, the lexicon's compound score"))
      .add(DataTypes.createStructField(SentimentAnalysis.METHOD, DataTypes.StringType, false)
          .withComment("What decided: score (the item's own survey score or rating, always when it has one), text_model (the model shipped with the project), text_model+self_trained (mean of it and the classifier trained in the run), self_trained, or lexicon"))
      .add(DataTypes.createStructField(SentimentAnalysis.CONFIDENCE, DataTypes.DoubleType, false)
          .withComment("0-1: 1 for a score, the highest class probability for a model, 0.5 + |score|/2 (0.5 if neutral) for the lexicon"))
      .add(DataTypes.createStructField(SentimentAnalysis.CONFLICT, DataTypes.StringType, true)
          .withComment("negative or positive: what the text says where it strongly contradicts the item's own score (which decided); null otherwise"))
      .add(DataTypes.createStructField(IntentClassifier.INTENT, DataTypes.StringType, false)
          .withComment("What the customer means to do, from phrase patterns (docs/INTENTS.md): purchase, switch_to (moving to a brand), switch_away (cancel, leave, move to an unnamed other), recommendation_request, or none"))
      .add(DataTypes.createStructField(IntentClassifier.TARGET, DataTypes.StringType, true)
          .withComment("On a switch_to: the configured brand it moves to (a name or alias where the pattern's target is; 'jullie'/'you' = the item's brand); null otherwise or when the target is no configured brand"));

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Warehouse warehouse;

  public SentimentStage(SparkSession spark, ProgramConfig config, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
  }

  /** The periods a run for {@code period} scores: the period and the baseline before it. */
  public List<String> window(String period) {
    return Periods.window(period, config.baselinePeriods());
  }

  public record Result(long rows, List<Row> perMethod) {}

  public Result run(String period) {
    // Only what the analysis reads, and the period: the items are shuffled and cached on the way, and silver's other
    // columns (the token arrays above all) would be carried through both for nothing.
    Dataset<Row> items = InputTables.feedback(spark, warehouse, NAME)
        .filter(col("period").isInCollection(window(period)).and(col("free_text")))
        .select("period", java.util.stream.Stream.concat(java.util.Arrays.stream(SentimentAnalysis.INPUT_COLUMNS),
            java.util.stream.Stream.of("brand")).toArray(String[]::new));
    SentimentAnalysis.Settings settings = SentimentAnalysis.Settings.DEFAULTS
        .withTraining(config.unify().maxTrainingRows(), config.unify().seed());
    // The intent is read here too: the stage already reads every text, and a column is cheaper than another stage.
    Dataset<Row> out = toTable(IntentClassifier.classify(SentimentAnalysis.assign(items, SentimentLexicon.shipped(), settings),
        IntentClassifier.Patterns.shipped(), config.allBrands()));
    try {
      warehouse.replacePartitions(out, Layer.SILVER, TABLE, "period");
      List<Row> perMethod = warehouse.read(spark, Layer.SILVER, TABLE).filter(col("period").equalTo(period))
          .groupBy(SentimentAnalysis.METHOD, SentimentAnalysis.SENTIMENT).count()
          .orderBy(SentimentAnalysis.METHOD, SentimentAnalysis.SENTIMENT).collectAsList();
      long rows = perMethod.stream().mapToLong(r -> r.getLong(2)).sum();
      return new Result(rows, perMethod);
    } finally {
      out.unpersist();
    }
  }

  /** The assigned items in the table's schema. */
  public static Dataset<Row> toTable(Dataset<Row> assigned) {
    Column[] columns = java.util.Arrays.stream(SCHEMA.fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name(), f.metadata())).toArray(Column[]::new);
    return assigned.select(columns);
  }
}
