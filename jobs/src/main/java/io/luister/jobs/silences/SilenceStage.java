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
import io.luister.jobs.InputTables;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  public static final String FINDINGS_TABLE = "silence_findings";
  public static final String COVERAGE_TABLE = "silence_coverage";

  /**
   * @param health the data-health checks of the period
   * @param groups one finding per subject, ranked (gold.silence_findings), each with its tests
   * @param coverage the structurally absent pairs, not tested (gold.silence_coverage)
   */
  public record Result(List<DataHealth.Check> health, List<SilenceGroups.Group> groups,
      List<SilenceCoverage.Gap> coverage) {

    /** The tests that found something (the rows of gold.silences), in finding rank order: the groups' tests. */
    public List<SilenceFindings.Finding> findings() {
      return groups.stream().flatMap(g -> g.tests().stream()).toList();
    }
  }

  public Result run(String period, List<String> baseline, String runId) {
    Dataset<Row> window = window(period, baseline);
    Result detected = detect(window, config, taxonomy, period, baseline);
    // Brand coverage is read per source from silver, beside the detection: it holds no silence back (items without a
    // brand do not change a channel's mix of categories), so the pure detector does not need it.
    List<DataHealth.Check> health = new ArrayList<>(detected.health());
    health.addAll(brandCoverage(window, config, period));
    Result result = new Result(health, detected.groups(), detected.coverage());
    warehouse.replaceWhere(findingsFrame(result, runId), Layer.GOLD, TABLE, "period = '" + period + "'", "period");
    warehouse.replaceWhere(groupsFrame(result.groups(), runId), Layer.GOLD, FINDINGS_TABLE, "period = '" + period + "'", "period");
    warehouse.replaceWhere(coverageFrame(result.coverage(), period, runId), Layer.GOLD, COVERAGE_TABLE,
        "period = '" + period + "'", "period");
    warehouse.replaceWhere(healthFrame(result.health(), runId), Layer.GOLD, HEALTH_TABLE, "period = '" + period + "'", "period");
    return result;
  }

  /**
   * A program without a taxonomy: no silence tests (they compare categories), but the data-health checks, which
   * need only each channel's weekly volume, are written as for any program.
   */
  public List<DataHealth.Check> runHealthOnly(String period, List<String> baseline, String runId) {
    Dataset<Row> window = window(period, baseline);
    List<DataHealth.Check> health = new ArrayList<>(DataHealth.evaluate(weekVolumes(customers(window)), period,
        baseline, config.silences()));
    health.addAll(brandCoverage(window, config, period));
    warehouse.replaceWhere(healthFrame(health, runId), Layer.GOLD, HEALTH_TABLE, "period = '" + period + "'", "period");
    return health;
  }

  /** silver.feedback of the baseline quarters and the period. */
  private Dataset<Row> window(String period, List<String> baseline) {
    List<String> periods = new ArrayList<>(baseline);
    periods.add(period);
    return InputTables.feedback(spark, warehouse, NAME).filter(col("period").isInCollection(periods));
  }

  /** Customers' items about a brand: our own accounts' posts are not what customers say. */
  static Dataset<Row> customers(Dataset<Row> feedback) {
    return feedback.filter(not(coalesce(col("own_account"), lit(false))).and(col("brand").isNotNull()));
  }

  /**
   * Per source whose brand comes from its data ({@link FeedbackUnion#brandFromData}): its customers' items in the
   * period (a brand's own posts left out) and how many have a brand. Columns source, channel, items, branded.
   */
  public static Dataset<Row> sourceBrands(Dataset<Row> feedback, ProgramConfig config, String period) {
    return feedback.filter(col("period").equalTo(period).and(col("source").isInCollection(attributedSources(config)))
            .and(not(coalesce(col("own_account"), lit(false)))))
        .groupBy("source", "channel")
        .agg(count(lit(1)).as("items"), count(col("brand")).as("branded"));
  }

  private static List<String> attributedSources(ProgramConfig config) {
    return config.sources().stream().filter(FeedbackUnion::brandFromData)
        .map(io.luister.common.config.SourceConfig::name).toList();
  }

  /** The period's brand_coverage checks (one row per attributed source, so a handful; none without such sources). */
  static List<DataHealth.Check> brandCoverage(Dataset<Row> feedback, ProgramConfig config, String period) {
    if (attributedSources(config).isEmpty()) {
      return List.of();
    }
    List<DataHealth.SourceBrands> sources = sourceBrands(feedback, config, period).orderBy("source").collectAsList()
        .stream().map(r -> new DataHealth.SourceBrands(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3)))
        .toList();
    return DataHealth.brandCoverage(sources, period, FeedbackUnion.MAX_SHARE_WITHOUT_BRAND);
  }

  /** Each channel's weekly volume (a few hundred rows: channels x weeks of the window). */
  static List<DataHealth.WeekVolume> weekVolumes(Dataset<Row> customers) {
    return customers.groupBy("channel", "week").agg(sum("weight").cast("double")).collectAsList().stream()
        .map(r -> new DataHealth.WeekVolume(r.getString(0), r.getDate(1).toLocalDate(), r.getDouble(2))).toList();
  }

  /** Everything but the writing: aggregate, gate, test, correct, explain. */
  public static Result detect(Dataset<Row> feedback, ProgramConfig config, Taxonomy taxonomy, String period,
      List<String> baseline) {
    Dataset<Row> customers = customers(feedback);
    CellCounts counts = new CellCounts(cells(customers, config));
    List<DataHealth.WeekVolume> weeks = weekVolumes(customers);
    List<DataHealth.Check> health = DataHealth.evaluate(weeks, period, baseline, config.silences());
    List<SilenceCoverage.Gap> coverage = SilenceCoverage.structural(counts, config, taxonomy, period, baseline);
    List<SilenceFindings.Finding> findings = SilenceFindings.decide(tests(counts, config, period, baseline, coverage),
        period, config, taxonomy, DataHealth.unhealthyChannels(health));
    // New or persisting: the same tests on each baseline period, against the periods before it that were loaded
    // (small aggregates, so cheap). The structural pairs are those of this period's baseline.
    Map<String, Set<String>> silentBefore = new HashMap<>();
    for (int i = 0; i < baseline.size(); i++) {
      String earlier = baseline.get(i);
      List<String> before = baseline.subList(0, i);
      Set<String> unhealthy = DataHealth.unhealthyChannels(DataHealth.evaluate(weeks, earlier, before, config.silences()));
      Set<String> silent = new HashSet<>();
      for (SilenceFindings.Finding f : SilenceFindings.decide(tests(counts, config, earlier, before, coverage), earlier,
          config, taxonomy, unhealthy)) {
        if (f.status().equals(SilenceFindings.SILENCE)) {
          silent.add(SilenceGroups.subjectKey(f.test(), config, earlier));
        }
      }
      silentBefore.put(earlier, silent);
    }
    List<SilenceGroups.Group> groups = SilenceGroups.group(findings, period, config, silentBefore, baseline);
    return new Result(health, groups, coverage);
  }

  static List<Candidate> tests(CellCounts counts, ProgramConfig config, String period, List<String> baseline,
      List<SilenceCoverage.Gap> coverage) {
    List<Candidate> tests = new ArrayList<>();
    tests.addAll(SilenceDetectors.expectedAbsent(counts, config, period, baseline));
    tests.addAll(SilenceDetectors.baselineDrop(counts, config, period, baseline,
        SilenceCoverage.skipped(coverage, SilenceDetectors.BASELINE_DROP)));
    tests.addAll(SilenceDetectors.channelGap(counts, config, period,
        SilenceCoverage.skipped(coverage, SilenceDetectors.CHANNEL_GAP)));
    tests.addAll(SilenceDetectors.competitorGap(counts, config, period,
        SilenceCoverage.skipped(coverage, SilenceDetectors.COMPETITOR_GAP)));
    return tests;
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
      .add("run_id", DataTypes.StringType, "The run that wrote the row (ops.runs).")
      .add("finding_id", DataTypes.StringType, "The finding (one per subject) this test belongs to: gold.silence_findings.")
      .add("finding_rank", DataTypes.IntegerType, "The finding's rank in the period (1 is read first).")
      .add("novelty", DataTypes.StringType, "The finding is new this period or persisting (a silence in the periods before too); null when not a silence.")
      .add("persisted_periods", DataTypes.IntegerType, "Consecutive periods up to this one in which the finding was a silence (1 when new).")
      .add("finding_why_en", DataTypes.StringType, "One sentence on why the finding matters, in English.")
      .add("finding_why_nl", DataTypes.StringType, "One sentence on why the finding matters, in Dutch.").build();

  Dataset<Row> findingsFrame(Result result, String runId) {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    // Each group's tests in order, so the rows keep the finding rank order and each row knows its group.
    for (SilenceGroups.Group g : result.groups()) {
      for (SilenceFindings.Finding f : g.tests()) {
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
            f.severity(), f.status(), evidence, f.explanationEn(), f.explanationNl(), runId, g.findingId(), g.rank(),
            g.novelty(), g.persistedPeriods(), g.whyEn(), g.whyNl()));
      }
    }
    return spark.createDataFrame(rows, SILENCES).coalesce(1);
  }

  public static final StructType FINDINGS = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("finding_id", DataTypes.StringType, "period/subject key; the tests behind it are the gold.silences rows with this finding_id.")
      .add("rank", DataTypes.IntegerType, "1 is read first: missed expectations, then new silences by severity, then persisting ones; withheld and untestable findings after all silences.")
      .add("subject_type", DataTypes.StringType, "category or expectation.")
      .add("subject", DataTypes.StringType, "The category id or expectation name.")
      .add("label_en", DataTypes.StringType, "The subject's label in English.")
      .add("label_nl", DataTypes.StringType, "The subject's label in Dutch.")
      .add("status", DataTypes.StringType, "silence when any of its tests is one; else data_health; else insufficient_evidence (could not be tested: too few items).")
      .add("novelty", DataTypes.StringType, "new (not a silence in the previous period) or persisting; null when not a silence.")
      .add("persisted_periods", DataTypes.IntegerType, "Consecutive periods up to this one in which it was a silence (1 when new).")
      .add("since_period", DataTypes.StringType, "The first period of that run of silence.")
      .add("since_window_start", DataTypes.BooleanType, "True when the run reaches the first period loaded, so it may be older.")
      .add("severity", DataTypes.DoubleType, "The highest severity among its tests.")
      .add("detectors", DataTypes.StringType, "The kinds of evidence (detectors) among its tests, comma-separated.")
      .add("channels", DataTypes.StringType, "The channels among its tests, comma-separated.")
      .add("tests", DataTypes.IntegerType, "How many gold.silences rows it groups.")
      .add("lead_channel", DataTypes.StringType, "The channel of its most severe test.")
      .add("lead_compared_with", DataTypes.StringType, "What its most severe test compared with.")
      .add("observed_share", DataTypes.DoubleType, "The most severe test's observed share.")
      .add("expected_share", DataTypes.DoubleType, "The most severe test's expected share.")
      .add("ratio", DataTypes.DoubleType, "The most severe test's observed / expected.")
      .add("q_value", DataTypes.DoubleType, "The most severe test's q value (null when not tested).")
      .add("evidence", DataTypes.StringType, "Every test of the finding as JSON (detector, channel, compared_with, shares, ratio, q, status): the per-competitor breakdown of a competitor gap is here.")
      .add("headline_en", DataTypes.StringType, "The most severe test's explanation, in English.")
      .add("headline_nl", DataTypes.StringType, "The most severe test's explanation, in Dutch.")
      .add("why_en", DataTypes.StringType, "One sentence on why it matters (new or persisting, expected or not), in English.")
      .add("why_nl", DataTypes.StringType, "One sentence on why it matters, in Dutch.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row (ops.runs).").build();

  Dataset<Row> groupsFrame(List<SilenceGroups.Group> groups, String runId) {
    List<Row> rows = new ArrayList<>();
    for (SilenceGroups.Group g : groups) {
      Candidate lead = g.lead().test();
      rows.add(RowFactory.create(g.period(), g.findingId(), g.rank(), g.subjectType(), g.subject(), g.labelEn(),
          g.labelNl(), g.status(), g.novelty(), g.persistedPeriods(), g.since(), g.sinceWindowStart(), g.severity(),
          String.join(",", g.detectors()), String.join(",", g.channels()), g.tests().size(), lead.channel(),
          lead.comparedWith(), lead.observedShare(), lead.expectedShare(), lead.ratio(),
          Double.isNaN(g.lead().qValue()) ? null : g.lead().qValue(), evidenceJson(g), g.lead().explanationEn(),
          g.lead().explanationNl(), g.whyEn(), g.whyNl(), runId));
    }
    return spark.createDataFrame(rows, FINDINGS).coalesce(1);
  }

  static String evidenceJson(SilenceGroups.Group g) {
    List<Map<String, Object>> tests = new ArrayList<>();
    for (SilenceFindings.Finding f : g.tests()) {
      Candidate t = f.test();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("detector", t.detector());
      m.put("channel", t.channel());
      m.put("compared_with", t.comparedWith());
      m.put("observed_share", t.observedShare());
      m.put("expected_share", t.expectedShare());
      m.put("ratio", t.ratio());
      m.put("q", Double.isNaN(f.qValue()) ? null : f.qValue());
      m.put("status", f.status());
      tests.add(m);
    }
    try {
      return new ObjectMapper().writeValueAsString(tests);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static final StructType COVERAGE = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("channel", DataTypes.StringType, "The channel.")
      .add("category", DataTypes.StringType, "The category the channel structurally lacks.")
      .add("reason", DataTypes.StringType, "absent_in_baseline (no brand raised it there in any baseline period: not tested) or no_native_mapping (no native code, topic, page or term maps to it: not compared with other channels or competitors).")
      .add("skipped_detectors", DataTypes.StringType, "The detectors that do not test the pair, comma-separated.")
      .add("period_count", DataTypes.DoubleType, "Its weighted count in the channel in the period (all brands).")
      .add("explanation_en", DataTypes.StringType, "One sentence for a reader, in English.")
      .add("explanation_nl", DataTypes.StringType, "One sentence for a reader, in Dutch.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row (ops.runs).").build();

  Dataset<Row> coverageFrame(List<SilenceCoverage.Gap> gaps, String period, String runId) {
    List<Row> rows = gaps.stream().map(g -> RowFactory.create(period, g.channel(), g.category(), g.reason(),
        String.join(",", g.skipped()), g.periodCount(), g.explanationEn(), g.explanationNl(), runId)).toList();
    return spark.createDataFrame(rows, COVERAGE).coalesce(1);
  }

  public static final StructType HEALTH = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("channel", DataTypes.StringType, "The channel checked (brand_coverage: the channel of the source that the explanation names).")
      .add("check", DataTypes.StringType, "volume (the period's full weeks against the usual week of the baseline: a problem below min_volume_ratio or above max_volume_ratio times), weeks (weeks far below a usual week) or brand_coverage (one row per source whose brand comes from its data, named in the explanation: a problem when more than 5 % of its customers' items have no brand).")
      .add("observed", DataTypes.DoubleType, "volume: the weighted items in the period's full weeks; weeks: how many weeks fall short; brand_coverage: the share of the source's customers' items with a brand.")
      .add("expected", DataTypes.DoubleType, "volume: what the usual week predicts for those weeks; weeks: 0; brand_coverage: the least share that is ok (0.95).")
      .add("status", DataTypes.StringType, "ok or problem; a channel with a volume or weeks problem gets no silences (its findings get status data_health); a brand_coverage problem withholds nothing (silences compare categories).")
      .add("explanation_en", DataTypes.StringType, "One sentence for a reader, in English.")
      .add("explanation_nl", DataTypes.StringType, "One sentence for a reader, in Dutch.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row (ops.runs).").build();

  Dataset<Row> healthFrame(List<DataHealth.Check> checks, String runId) {
    List<Row> rows = checks.stream().map(c -> RowFactory.create(c.period(), c.channel(), c.check(), c.observed(),
        c.expected(), c.status(), c.explanationEn(), c.explanationNl(), runId)).toList();
    return spark.createDataFrame(rows, HEALTH).coalesce(1);
  }
}
