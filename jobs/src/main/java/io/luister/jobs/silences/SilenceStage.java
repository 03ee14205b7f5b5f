package io.luister.jobs.silences;

import static org.apache.spark.sql.functions.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.text.AccentFolding;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.GoldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The silences stage: silver.feedback → {@code gold.silences} and {@code gold.data_health} for one period.
 * Spark aggregates the volumes (their size depends on categories and channels, not on items); the
 * statistics run on the driver over those aggregates.
 */
public final class SilenceStage {
  public static final String NAME = "silences";
  public static final String TABLE = "silences";
  public static final String HEALTH_TABLE = "data_health";

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Taxonomy taxonomy;
  private final Warehouse warehouse;

  public SilenceStage(SparkSession spark, ProgramConfig config, Taxonomy taxonomy, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.taxonomy = taxonomy;
    this.warehouse = warehouse;
  }

  public record Result(List<SilenceFindings.Finding> findings, List<DataHealth.Check> health) {}

  public Result run(String period, List<String> baseline, String runId) {
    List<String> periods = new ArrayList<>(baseline);
    periods.add(period);
    Dataset<Row> feedback = warehouse.read(spark, Layer.SILVER, "feedback").filter(col("period").isInCollection(periods));
    Result result = detect(feedback, config, taxonomy, period, baseline);
    warehouse.replaceWhere(findingsFrame(result.findings(), runId), Layer.GOLD, TABLE, "period = '" + period + "'", "period");
    warehouse.replaceWhere(healthFrame(result.health(), runId), Layer.GOLD, HEALTH_TABLE, "period = '" + period + "'", "period");
    return result;
  }

  /** Everything but the writing: aggregate, gate, test, correct, explain. */
  public static Result detect(Dataset<Row> feedback, ProgramConfig config, Taxonomy taxonomy, String period,
      List<String> baseline) {
    Dataset<Row> customers = feedback.filter(not(coalesce(col("own_account"), lit(false))).and(col("brand").isNotNull()));
    CellCounts counts = new CellCounts(cells(customers, config));
    List<DataHealth.WeekVolume> weeks = customers.groupBy("channel", "week").agg(sum("weight").cast("double"))
        .collectAsList().stream()
        .map(r -> new DataHealth.WeekVolume(r.getString(0), r.getDate(1).toLocalDate(), r.getDouble(2))).toList();
    List<DataHealth.Check> health = DataHealth.evaluate(weeks, period, baseline, config.silences());
    List<Candidate> tests = new ArrayList<>();
    tests.addAll(SilenceDetectors.expectedAbsent(counts, config, period, baseline));
    tests.addAll(SilenceDetectors.baselineDrop(counts, config, period, baseline));
    tests.addAll(SilenceDetectors.channelGap(counts, config, period));
    tests.addAll(SilenceDetectors.competitorGap(counts, config, period));
    List<SilenceFindings.Finding> findings = SilenceFindings.decide(tests, period, config, taxonomy,
        DataHealth.unhealthyChannels(health));
    return new Result(findings, health);
  }

  /** Weighted counts per period × channel × brand × category, plus one subject per expectation. */
  static List<CellCounts.Cell> cells(Dataset<Row> feedback, ProgramConfig config) {
    List<CellCounts.Cell> cells = new ArrayList<>();
    feedback.groupBy("period", "channel", "brand", "category").agg(sum("weight").cast("double")).collectAsList()
        .forEach(r -> cells.add(new CellCounts.Cell(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4))));
    List<ProgramConfig.Expectation> expectations = config.expectations();
    if (expectations.isEmpty()) {
      return cells;
    }
    // One pass for all expectations: a weighted sum per expectation, side by side.
    Column[] sums = expectations.stream()
        .map(e -> sum(when(expectationMatch(e), col("weight")).otherwise(lit(0L))).cast("double"))
        .toArray(Column[]::new);
    feedback.groupBy("period", "channel", "brand").agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length))
        .collectAsList()
        .forEach(r -> {
          for (int i = 0; i < expectations.size(); i++) {
            cells.add(new CellCounts.Cell(r.getString(0), r.getString(1), r.getString(2),
                SilenceDetectors.EXPECTATION_PREFIX + expectations.get(i).name(), r.getDouble(3 + i)));
          }
        });
    return cells;
  }

  /** An item shows an expected theme when it is in the theme's category or its text has one of the keywords. */
  static Column expectationMatch(ProgramConfig.Expectation e) {
    Column matches = lit(false);
    if (e.category() != null) {
      matches = col("category").equalTo(e.category()).or(coalesce(col("category_parent"), lit("")).equalTo(e.category()));
    }
    List<String> words = e.keywords().values().stream().flatMap(List::stream).map(AccentFolding::fold).toList();
    if (!words.isEmpty()) {
      String pattern = "(?<![\\p{L}\\p{N}])(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|"))
          + ")(?![\\p{L}\\p{N}])";
      matches = matches.or(coalesce(AccentFolding.column(col("text")).rlike(pattern), lit(false)));
    }
    return matches;
  }

  public static final StructType SILENCES = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter (2026-Q3).")
      .add("detector", DataTypes.StringType, "Which silence: expected_absent, baseline_drop, channel_gap or competitor_gap.")
      .add("subject_type", DataTypes.StringType, "What the subject is: category or expectation.")
      .add("subject", DataTypes.StringType, "The category id or expectation name that is (nearly) absent.")
      .add("label_en", DataTypes.StringType, "The subject's label in English.")
      .add("label_nl", DataTypes.StringType, "The subject's label in Dutch.")
      .add("channel", DataTypes.StringType, "The channel where it is missing (social, contact_centre, survey, faq_views, site_search).")
      .add("brand", DataTypes.StringType, "The brand whose feedback lacks it (our brand unless the detector compares brands).")
      .add("compared_with", DataTypes.StringType, "What the observation is compared with: the baseline periods, the other channels, the competitors or the expectation.")
      .add("observed_count", DataTypes.DoubleType, "Items (or weighted views/searches) about the subject in the channel and period.")
      .add("observed_total", DataTypes.DoubleType, "All items (or weight) of the channel and brand in the period.")
      .add("observed_share", DataTypes.DoubleType, "observed_count / observed_total.")
      .add("expected_share", DataTypes.DoubleType, "The share the comparison leads one to expect.")
      .add("expected_count", DataTypes.DoubleType, "expected_share x observed_total.")
      .add("ratio", DataTypes.DoubleType, "observed_share / expected_share (below 1: quieter than expected).")
      .add("p_value", DataTypes.DoubleType, "One-sided exact test of observing this few or fewer (binomial / beta-binomial).")
      .add("q_value", DataTypes.DoubleType, "Benjamini-Hochberg adjusted p value over all tests of the period (null when not tested).")
      .add("severity", DataTypes.DoubleType, "For ordering: how much is missing and how sure we are (higher is more severe).")
      .add("status", DataTypes.StringType, "silence, insufficient_evidence or data_health (the channel's data looked incomplete or far above their usual volume).")
      .add("evidence", DataTypes.StringType, "The numbers behind the finding as JSON (per period, channel or brand).")
      .add("explanation_en", DataTypes.StringType, "One sentence for a reader, in English.")
      .add("explanation_nl", DataTypes.StringType, "One sentence for a reader, in Dutch.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row (ops.runs).").build();

  Dataset<Row> findingsFrame(List<SilenceFindings.Finding> findings, String runId) {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    for (SilenceFindings.Finding f : findings) {
      Candidate t = f.test();
      String evidence;
      try {
        evidence = json.writeValueAsString(t.evidence());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      rows.add(RowFactory.create(f.period(), t.detector(), t.subjectType(), t.subject(), f.labelEn(), f.labelNl(),
          t.channel(), t.brand(), t.comparedWith(), t.observedCount(), t.observedTotal(), t.observedShare(),
          t.expectedShare(), t.expectedCount(), t.ratio(), t.pValue(), Double.isNaN(f.qValue()) ? null : f.qValue(),
          f.severity(), f.status(), evidence, f.explanationEn(), f.explanationNl(), runId));
    }
    return spark.createDataFrame(rows, SILENCES).coalesce(1);
  }

  public static final StructType HEALTH = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("channel", DataTypes.StringType, "The channel checked.")
      .add("check", DataTypes.StringType, "volume (the period's full weeks against the usual week of the baseline: a problem below min_volume_ratio or above max_volume_ratio times) or weeks (weeks far below a usual week).")
      .add("observed", DataTypes.DoubleType, "volume: the weighted items in the period's full weeks; weeks: how many weeks fall short.")
      .add("expected", DataTypes.DoubleType, "volume: what the usual week predicts for those weeks; weeks: 0.")
      .add("status", DataTypes.StringType, "ok or problem; a channel with a problem gets no silences (its findings get status data_health).")
      .add("explanation_en", DataTypes.StringType, "One sentence for a reader, in English.")
      .add("explanation_nl", DataTypes.StringType, "One sentence for a reader, in Dutch.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row (ops.runs).").build();

  Dataset<Row> healthFrame(List<DataHealth.Check> checks, String runId) {
    List<Row> rows = checks.stream().map(c -> RowFactory.create(c.period(), c.channel(), c.check(), c.observed(),
        c.expected(), c.status(), c.explanationEn(), c.explanationNl(), runId)).toList();
    return spark.createDataFrame(rows, HEALTH).coalesce(1);
  }
}
